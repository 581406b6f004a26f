"""Every answer the HTTP API gives is written to the audit log, with who asked and how."""

from __future__ import annotations

import time

from fastapi import Request

from app.accounts import Principal
from app.audit.log import DocumentVersion, record
from app.db import Database
from app.models import Answer
from app.services import Services


def model_of(answer: Answer, services: Services) -> str:
    """The model that wrote the answer: the LLM's name, or 'extractive' (also on a fallback)."""
    if answer.mode == "generate" and answer.fallback is None:
        return services.settings.llm.model
    return "extractive"


def record_answer(request: Request, services: Services, who: Principal, via: str,
                  question: str, answer: Answer, began: float) -> None:
    """Write ``answer`` (its ``answer_id`` set) to the audit log."""
    assert answer.answer_id is not None
    database: Database = request.app.state.database
    versions = services.catalog.versions({c.doc_id for c in answer.citations})
    with database.session() as db:
        record(db, answer_id=answer.answer_id, who=who, via=via, question=question,
               answer=answer, model=model_of(answer, services),
               documents={d: DocumentVersion(*v) for d, v in versions.items()},
               latency_ms=(time.perf_counter() - began) * 1000)
