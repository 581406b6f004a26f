"""The audit log (admins: filter, export CSV or JSON lines) and feedback on answers."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from app.audit import feedback
from app.audit.log import AuditQuery, entries, export
from app.db import Database
from app.http.auth import PrincipalDep
from app.http.deps import DbDep
from app.http.routes import ERRORS
from app.text import CJK_CHARS

router = APIRouter(responses=ERRORS, tags=["audit"])
HAN = re.compile(f"[{CJK_CHARS}]")


class FeedbackBody(BaseModel):
    rating: feedback.Rating
    comment: str = Field("", max_length=feedback.MAX_COMMENT)


def _query(user: str | None, collection: str | None, since: datetime | None,
           until: datetime | None, refused: bool | None, rating: str | None, q: str | None,
           limit: int = 100, offset: int = 0) -> AuditQuery:
    return AuditQuery(user=user, collection=collection, since=since, until=until,
                      refused=refused, rating={"up": 1, "down": -1}.get(rating or ""),
                      text=q, limit=limit, offset=offset)


Rating = Annotated[Literal["up", "down"] | None, Query(description="only answers rated so")]
Name = Annotated[str | None, Query(max_length=200)]


@router.get("/api/audit")
def audit_log(db: DbDep, who: PrincipalDep, user: Name = None, collection: Name = None,
              since: datetime | None = None, until: datetime | None = None,
              refused: bool | None = None, rating: Rating = None, q: Name = None,
              limit: Annotated[int, Query(ge=1, le=1000)] = 100,
              offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0) -> dict[str, Any]:
    """Answers given, newest first, with their citations and feedback (admins only)."""
    who.require_admin()
    query = _query(user, collection, since, until, refused, rating, q, limit, offset)
    return {"entries": entries(db, query)}


@router.get("/api/audit/export", response_class=StreamingResponse)
def audit_export(request: Request, who: PrincipalDep,
                 format: Literal["csv", "jsonl"] = "jsonl", user: Name = None,
                 collection: Name = None, since: datetime | None = None,
                 until: datetime | None = None, refused: bool | None = None,
                 rating: Rating = None, q: Name = None) -> StreamingResponse:
    """Every entry the filters match, as CSV or JSON lines (admins only)."""
    who.require_admin()
    query = _query(user, collection, since, until, refused, rating, q)
    database: Database = request.app.state.database

    def rows() -> Iterator[str]:
        with database.session() as db:
            yield from export(db, query, format)

    media = "text/csv; charset=utf-8" if format == "csv" else "application/x-ndjson"
    return StreamingResponse(rows(), media_type=media, headers={
        "Content-Disposition": f'attachment; filename="policykb-audit.{format}"'})


@router.post("/api/answers/{answer_id}/feedback", status_code=201, tags=["answers"])
def give_feedback(answer_id: str, body: FeedbackBody, db: DbDep,
                  who: PrincipalDep) -> dict[str, Any]:
    """Thumbs up or down, with a comment, on an answer one was given (404 for another's)."""
    row = feedback.give(db, answer_id, who, body.rating, body.comment)
    return {"answer_id": answer_id, "rating": body.rating, "comment": row.comment}


@router.get("/api/feedback/flagged", response_class=StreamingResponse)
def flagged_as_questions(db: DbDep, who: PrincipalDep) -> StreamingResponse:
    """Answers rated down, as lines of eval/questions.jsonl (admins only). Each line holds the
    question, the documents the answer cited as ``sources`` and empty ``facts``: the evaluator
    writes the facts a right answer states (eval's loader names what is missing)."""
    who.require_admin()
    lines = []
    for item in feedback.flagged(db):
        sources = sorted({c["doc_id"] for c in json.loads(item["citations"])})
        lines.append(json.dumps({
            "id": f"flagged-{item['id'][:8]}", "question": item["question"],
            "answerable": True, "sources": sources, "facts": [], "split": "dev",
            "lang": "zh" if HAN.search(item["question"]) else "en"}, ensure_ascii=False) + "\n")
    return StreamingResponse(iter(lines), media_type="application/x-ndjson", headers={
        "Content-Disposition": 'attachment; filename="flagged-questions.jsonl"'})
