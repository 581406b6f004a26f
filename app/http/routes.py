"""HTTP routes: thin; validation and logic live in app.services."""

from __future__ import annotations

from fastapi import APIRouter, Query

from app.http.deps import ServicesDep
from app.models import (
    Answer,
    AskRequest,
    DocumentDetail,
    DocumentList,
    ErrorResponse,
    Health,
    SearchRequest,
    SearchResponse,
    VersionDiff,
    VersionList,
    VersionText,
)

ERRORS: dict[int | str, dict[str, object]] = {
    404: {"model": ErrorResponse, "description": "Unknown document"},
    422: {"model": ErrorResponse, "description": "The request is invalid; the message says why"},
    503: {"model": ErrorResponse, "description": "The store or a model is unavailable"},
}

router = APIRouter(responses=ERRORS)


@router.post("/api/ask", response_model=Answer, tags=["answers"])
def ask(request: AskRequest, services: ServicesDep) -> Answer:
    """Answer a question with cited passages, or refuse when no passage supports an answer."""
    return services.ask(request)


@router.post("/api/search", response_model=SearchResponse, tags=["answers"])
def search(request: SearchRequest, services: ServicesDep) -> SearchResponse:
    """Retrieve passages (hybrid, city-aware) with scores and metadata."""
    return services.search(request)


@router.get("/api/documents", response_model=DocumentList, tags=["documents"])
def documents(services: ServicesDep) -> DocumentList:
    return DocumentList(documents=services.documents())


# Before the document route, whose ``:path`` would take ".../versions" as part of a doc_id.
@router.get("/api/documents/{doc_id:path}/versions", response_model=VersionList,
            tags=["documents"])
def versions(doc_id: str, services: ServicesDep) -> VersionList:
    """Every stored version of a document, newest first (re-ingesting a changed file keeps
    the old text as a version)."""
    return services.history.versions(doc_id)


@router.get("/api/documents/{doc_id:path}/versions/{version}", response_model=VersionText,
            tags=["documents"])
def version(doc_id: str, version: str, services: ServicesDep) -> VersionText:
    """One version's text: a citation's ``version``, ``start`` and ``end`` open what it quoted."""
    return services.history.version(doc_id, version)


@router.get("/api/documents/{doc_id:path}/diff", response_model=VersionDiff, tags=["documents"])
def diff(doc_id: str, services: ServicesDep,
         old: str = Query(..., description="The earlier version."),
         new: str | None = Query(None, description="The later version; default: current.")
         ) -> VersionDiff:
    """Two versions compared clause by clause, changed characters marked."""
    return services.history.diff(doc_id, old, new)


# ``:path``: a doc_id may hold "/" (a manifest may name one so).
@router.get("/api/documents/{doc_id:path}", response_model=DocumentDetail, tags=["documents"])
def document(doc_id: str, services: ServicesDep) -> DocumentDetail:
    """Metadata and the full stored text (citation offsets point into it)."""
    return services.document(doc_id)


@router.get("/healthz", response_model=Health, tags=["service"])
def healthz(services: ServicesDep) -> Health:
    return services.health()
