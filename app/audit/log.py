"""Write, read, export and prune the audit log (``audit_entries``).

Append-only: an answer is inserted once, when it is given; the app never updates an entry.
Entries are removed only by age (``audit.retention_days``), with their feedback.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, delete, select
from sqlalchemy.orm import Session

from app.accounts.principal import Principal, Scope
from app.db.tables import AuditEntry, Feedback, utcnow
from app.models import Answer

EXPORT_FIELDS = ("id", "created_at", "user_name", "key_id", "via", "scope", "collections",
                 "question", "mode", "model", "answer", "citations", "refused", "fallback",
                 "latency_ms", "feedback")


def new_answer_id() -> str:
    return str(uuid.uuid4())


def _listed(names: Scope | set[str] | list[str]) -> str:
    """Collections as ",a,b," (filtered with LIKE '%,a,%'); "*" for every collection."""
    return "*" if names is None else "," + ",".join(sorted(names)) + ","


@dataclass(frozen=True)
class DocumentVersion:
    collection: str
    doc_hash: str


def record(db: Session, *, answer_id: str, who: Principal, via: str, question: str,
           answer: Answer, model: str, documents: Mapping[str, DocumentVersion],
           latency_ms: float) -> None:
    """Insert one answer: each citation with its document's collection and stored version."""
    citations = [{"n": c.n, "doc_id": c.doc_id, "title": c.title, "start": c.start,
                  "end": c.end, "quote": c.quote,
                  "collection": documents[c.doc_id].collection if c.doc_id in documents else "",
                  "doc_hash": documents[c.doc_id].doc_hash if c.doc_id in documents else ""}
                 for c in answer.citations]
    db.add(AuditEntry(
        id=answer_id, created_at=utcnow(), user_id=who.user_id, user_name=who.name,
        key_id=who.key_id, via=via, scope=_listed(who.read),
        collections=_listed({str(c["collection"]) for c in citations if c["collection"]}),
        question=question, mode=answer.mode, model=model, answer=answer.answer,
        citations=json.dumps(citations, ensure_ascii=False), refused=answer.refused,
        fallback=answer.fallback, latency_ms=round(latency_ms, 1)))


@dataclass(frozen=True)
class AuditQuery:
    user: str | None = None
    collection: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    refused: bool | None = None
    rating: int | None = None  # only answers with feedback of this rating (+1 / -1)
    text: str | None = None  # in the question or the answer
    limit: int = 100
    offset: int = 0

    def statement(self) -> Select[Any]:
        query = select(AuditEntry).order_by(AuditEntry.created_at.desc(), AuditEntry.id)
        if self.user:
            query = query.where(AuditEntry.user_name == self.user)
        if self.collection:
            query = query.where(AuditEntry.collections.contains(f",{self.collection},"))
        if self.since:
            query = query.where(AuditEntry.created_at >= self.since)
        if self.until:
            query = query.where(AuditEntry.created_at < self.until)
        if self.refused is not None:
            query = query.where(AuditEntry.refused == self.refused)
        if self.rating is not None:
            query = query.where(AuditEntry.id.in_(
                select(Feedback.audit_id).where(Feedback.rating == self.rating)))
        if self.text:
            query = query.where(AuditEntry.question.contains(self.text)
                                | AuditEntry.answer.contains(self.text))
        return query


def _feedback_of(db: Session, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    if not ids:
        return found
    for row in db.scalars(select(Feedback).where(Feedback.audit_id.in_(ids))
                          .order_by(Feedback.created_at)):
        found.setdefault(row.audit_id, []).append(
            {"rating": "up" if row.rating > 0 else "down", "comment": row.comment,
             "user_name": row.user_name, "created_at": row.created_at.isoformat()})
    return found


def as_dict(entry: AuditEntry, feedback: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": entry.id, "created_at": entry.created_at.isoformat(),
            "user_name": entry.user_name, "key_id": entry.key_id, "via": entry.via,
            "scope": entry.scope, "collections": entry.collections.strip(",").split(",")
            if entry.collections.strip(",") else [],
            "question": entry.question, "mode": entry.mode, "model": entry.model,
            "answer": entry.answer, "citations": json.loads(entry.citations),
            "refused": entry.refused, "fallback": entry.fallback,
            "latency_ms": entry.latency_ms, "feedback": feedback}


def entries(db: Session, query: AuditQuery) -> list[dict[str, Any]]:
    rows: list[AuditEntry] = list(
        db.scalars(query.statement().limit(query.limit).offset(query.offset)))
    feedback = _feedback_of(db, [r.id for r in rows])
    return [as_dict(r, feedback.get(r.id, [])) for r in rows]


def entry(db: Session, answer_id: str) -> AuditEntry | None:
    return db.get(AuditEntry, answer_id)


def export(db: Session, query: AuditQuery, fmt: str, page: int = 1000) -> Iterator[str]:
    """Every entry the query matches (its limit and offset ignored), as CSV or JSON lines,
    read ``page`` rows at a time."""
    statement = query.statement()
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(EXPORT_FIELDS)
        yield buffer.getvalue()
    offset = 0
    while True:
        rows: list[AuditEntry] = list(db.scalars(statement.limit(page).offset(offset)))
        feedback = _feedback_of(db, [r.id for r in rows])
        buffer = io.StringIO()
        for row in rows:
            item = as_dict(row, feedback.get(row.id, []))
            if fmt == "csv":
                csv.writer(buffer).writerow(
                    [json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else
                     "" if v is None else v for v in (item[k] for k in EXPORT_FIELDS)])
            else:
                buffer.write(json.dumps(item, ensure_ascii=False) + "\n")
        yield buffer.getvalue()
        if len(rows) < page:
            return
        offset += page


def prune(db: Session, retention_days: int) -> int:
    """Remove entries (and their feedback) older than ``retention_days``; 0 keeps all."""
    if retention_days <= 0:
        return 0
    cutoff = utcnow() - timedelta(days=retention_days)
    old = select(AuditEntry.id).where(AuditEntry.created_at < cutoff)
    db.execute(delete(Feedback).where(Feedback.audit_id.in_(old)))
    result = db.execute(delete(AuditEntry).where(AuditEntry.created_at < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)
