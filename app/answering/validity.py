"""What an answer says of the validity of the texts it quotes.

Each citation names the version of the document it quoted (old offsets open old text,
``GET /api/documents/{doc_id}/versions/{version}``) and the document's status today. An
answer that rests on a text no longer (or not yet) in force says so first, in the question's
language ("“…” expired on 2024-12-31."), so it is never read as if the measure still held.
"""

from __future__ import annotations

from datetime import date

from app.models import Answer
from app.retrieval.catalog import Catalog
from app.store.records import version_id
from app.store.validity import status_note
from app.text import has_cjk


def with_validity(answer: Answer, catalog: Catalog, question: str) -> Answer:
    """``answer`` with each citation's version and status, and the status of every cited
    text not in force stated before the answer (a scorer's eval.metrics.without_status reads
    the answer without them)."""
    today = date.today()
    chinese = has_cjk(question)
    stated: dict[str, str] = {}
    for citation in answer.citations:
        doc = catalog.documents.get(citation.doc_id)
        citation.version = version_id(doc.metadata) if doc else None
        validity = catalog.validity.get(citation.doc_id)
        if validity is None:
            continue
        citation.status = validity.status_on(today)
        citation.status_note = status_note(validity, today, catalog.titles, chinese)
        if note := citation.status_note:
            stated.setdefault(citation.doc_id, f"注意：《{citation.title}》{note}。" if chinese
                              else f"Note: “{citation.title}” {note}.")
    if stated and not answer.refused:
        answer.answer = ("" if chinese else " ").join([*stated.values(), answer.answer])
    return answer
