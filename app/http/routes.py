"""HTTP routes: thin; validation and logic live in app.services."""

from __future__ import annotations

import time

from fastapi import APIRouter, Query, Request

from app.audit.log import new_answer_id
from app.http.auditing import record_answer
from app.http.auth import PrincipalDep
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
    VersionDiff,
    VersionList,
    VersionText,
)

ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorResponse, "description": "Not signed in, or the API key is not valid"},
    403: {"model": ErrorResponse, "description": "The role or grants do not allow it"},
    404: {"model": ErrorResponse, "description": "Unknown document"},
    422: {"model": ErrorResponse, "description": "The request is invalid; the message says why"},
    503: {"model": ErrorResponse, "description": "The store or a model is unavailable"},
}

router = APIRouter(responses=ERRORS)


@router.post("/api/ask", response_model=Answer, tags=["answers"])
def ask(request: AskRequest, services: ServicesDep, who: PrincipalDep, owner: OwnerDep,
        http: Request) -> Answer:
    """Answer a question with cited passages, or refuse when no passage supports an answer.
    Only the collections the caller may read are searched; the answer goes to the audit log.
    With ``conversation_id`` or ``history``, a follow-up is completed from the turns before it
    (``resolved_question``)."""
    began = time.perf_counter()
    answer = services.ask(request, scope=who.read, owner=owner)
    answer.answer_id = new_answer_id()
    record_answer(http, services, who, "ask", request.question, answer, began)
    return answer


@router.post("/api/search", response_model=SearchResponse, tags=["answers"])
def search(request: SearchRequest, services: ServicesDep, who: PrincipalDep) -> SearchResponse:
    """Retrieve passages (hybrid, city-aware) with scores and metadata."""
    return services.search(request, scope=who.read)


@router.get("/api/documents", response_model=DocumentList, tags=["documents"])
def documents(services: ServicesDep, who: PrincipalDep) -> DocumentList:
    return DocumentList(documents=services.documents(who.read))


# Before the document route, whose ``:path`` would take ".../versions" as part of a doc_id.
@router.get("/api/documents/{doc_id:path}/versions", response_model=VersionList,
            tags=["documents"])
def versions(doc_id: str, services: ServicesDep, who: PrincipalDep) -> VersionList:
    """Every stored version of a document, newest first (re-ingesting a changed file keeps
    the old text as a version)."""
    services.readable(doc_id, who.read)
    return services.history.versions(doc_id)


@router.get("/api/documents/{doc_id:path}/versions/{version}", response_model=VersionText,
            tags=["documents"])
def version(doc_id: str, version: str, services: ServicesDep,
            who: PrincipalDep) -> VersionText:
    """One version's text: a citation's ``version``, ``start`` and ``end`` open what it quoted."""
    services.readable(doc_id, who.read)
    return services.history.version(doc_id, version)


@router.get("/api/documents/{doc_id:path}/diff", response_model=VersionDiff, tags=["documents"])
def diff(doc_id: str, services: ServicesDep, who: PrincipalDep,
         old: str = Query(..., description="The earlier version."),
         new: str | None = Query(None, description="The later version; default: current.")
         ) -> VersionDiff:
    """Two versions compared clause by clause, changed characters marked."""
    services.readable(doc_id, who.read)
    return services.history.diff(doc_id, old, new)


# ``:path``: a doc_id may hold "/" (a manifest may name one so).
@router.get("/api/documents/{doc_id:path}", response_model=DocumentDetail, tags=["documents"])
def document(doc_id: str, services: ServicesDep, who: PrincipalDep) -> DocumentDetail:
    """Metadata and the full stored text (citation offsets point into it)."""
    return services.document(doc_id, who.read)


@router.get("/healthz", response_model=Health, tags=["service"])
def healthz(services: ServicesDep) -> Health:
    return services.health()
