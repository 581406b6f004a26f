"""Retrieval that prefers the documents in force (``app.retrieval.as_of`` decides which)."""

from __future__ import annotations

from datetime import date

from app.models import Filters
from app.retrieval.as_of import about_former, in_force_condition
from app.retrieval.hybrid import HybridRetriever, RetrievalMode, RetrievalResult


def left_out(retriever: HybridRetriever, question: str) -> bool:
    """Whether answering ``question`` from the documents in force leaves any document out."""
    return bool(retriever.in_force_only and in_force_condition(question, None, retriever.catalog))


def retrieve_in_force(retriever: HybridRetriever, question: str, filters: Filters | None,
                      top_k: int, mode: RetrievalMode | None, as_of: date | None,
                      in_force: bool = True) -> RetrievalResult:
    """The passages of the documents in force; but when the best passage of all is in an
    expired measure that nothing replaced, the question is about it: every document's passages
    (the answer then says it expired, ``app.answering.validity``)."""
    found = retriever.retrieve(question, filters, top_k, mode, as_of, in_force)
    if in_force and as_of is None and left_out(retriever, question):
        every = retriever.retrieve(question, filters, top_k, mode, in_force=False)
        if about_former(every.hits[0].chunk.doc_id if every.hits else None, retriever.catalog):
            return every
    return found
