"""Thumbs up or down, with a comment, on an answer in the audit log."""

from __future__ import annotations

from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts.principal import Principal
from app.audit.log import entry
from app.db.tables import AuditEntry, Feedback, utcnow
from app.errors import NotFound

Rating = Literal["up", "down"]
MAX_COMMENT = 4000


def answer_of(db: Session, answer_id: str, who: Principal) -> AuditEntry:
    """The answer ``who`` was given (an admin: any answer); 404 for anyone else's."""
    found = entry(db, answer_id)
    if found is None or not (who.is_admin or (found.user_id == who.user_id
                                              and found.user_name == who.name)):
        raise NotFound(f"no answer {answer_id!r} of yours is recorded")
    return found


def give(db: Session, answer_id: str, who: Principal, rating: Rating, comment: str) -> Feedback:
    answer_of(db, answer_id, who)
    row = Feedback(audit_id=answer_id, user_id=who.user_id, user_name=who.name,
                   rating=1 if rating == "up" else -1, comment=comment[:MAX_COMMENT].strip(),
                   created_at=utcnow())
    db.add(row)
    db.flush()
    return row


def flagged(db: Session) -> list[dict[str, Any]]:
    """Answers rated down (each once, newest comment first), oldest answer first."""
    rows = db.execute(select(AuditEntry, Feedback).join(Feedback, Feedback.audit_id
                                                         == AuditEntry.id)
                      .where(Feedback.rating < 0)
                      .order_by(AuditEntry.created_at, Feedback.created_at.desc()))
    found: dict[str, dict[str, Any]] = {}
    for answer, feedback in rows:
        item = found.setdefault(answer.id, {"id": answer.id, "question": answer.question,
                                            "answer": answer.answer, "refused": answer.refused,
                                            "citations": answer.citations, "comments": []})
        if feedback.comment:
            item["comments"].append(feedback.comment)
    return list(found.values())
