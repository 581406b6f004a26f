"""HTTP routes: thin; validation and logic live in app.services."""

from __future__ import annotations

from fastapi import APIRouter

from app.http.deps import OwnerDep, ServicesDep
from app.models import (
    Answer,
    AskRequest,
    DocumentDetail,
    DocumentList,
    ErrorResponse,
    Health,
    SearchRequest,
    SearchResponse,
)

ERRORS: dict[int | str, dict[str, object]] = {
    404: {"model": ErrorResponse, "description": "Unknown document"},
    422: {"model": ErrorResponse, "description": "The request is invalid; the message says why"},
    503: {"model": ErrorResponse, "description": "The store or a model is unavailable"},
}

router = APIRouter(responses=ERRORS)


@router.post("/api/ask", response_model=Answer, tags=["answers"])
def ask(request: AskRequest, services: ServicesDep, owner: OwnerDep) -> Answer:
    """Answer a question with cited passages, or refuse when no passage supports an answer.
    With ``conversation_id`` or ``history``, a follow-up is completed from the turns before it
    (``resolved_question``)."""
    return services.ask(request, owner=owner)


@router.post("/api/search", response_model=SearchResponse, tags=["answers"])
def search(request: SearchRequest, services: ServicesDep) -> SearchResponse:
    """Retrieve passages (hybrid, city-aware) with scores and metadata."""
    return services.search(request)


@router.get("/api/documents", response_model=DocumentList, tags=["documents"])
def documents(services: ServicesDep) -> DocumentList:
    return DocumentList(documents=services.documents())


# ``:path``: a doc_id may hold "/" (a manifest may name one so).
@router.get("/api/documents/{doc_id:path}", response_model=DocumentDetail, tags=["documents"])
def document(doc_id: str, services: ServicesDep) -> DocumentDetail:
    """Metadata and the full stored text (citation offsets point into it)."""
    return services.document(doc_id)


@router.get("/healthz", response_model=Health, tags=["service"])
def healthz(services: ServicesDep) -> Health:
    return services.health()
