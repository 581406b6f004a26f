"""Retrieval that prefers the documents in force (``app.retrieval.as_of`` decides which)."""

from __future__ import annotations

from datetime import date

from app.models import Filters
from app.one_question import once
from app.retrieval.as_of import about_former, in_force_documents
from app.retrieval.crosslingual import is_chinese
from app.retrieval.hybrid import HybridRetriever, RetrievalMode, RetrievalResult
from app.text import has_cjk


def left_out(retriever: HybridRetriever, question: str) -> bool:
    """Whether answering ``question`` from the documents in force leaves any document out."""
    return bool(retriever.in_force_only
                and in_force_documents(question, None, retriever.catalog) is not None)


def _retrieve(retriever: HybridRetriever, question: str, filters: Filters | None, top_k: int,
              mode: RetrievalMode | None, as_of: date | None = None, in_force: bool = True,
              within: set[str] | None = None) -> RetrievalResult:
    """``retriever.retrieve``, run once per question for the same arguments (app.one_question:
    a refused answer's reading from every document retrieves what the in-force search did)."""
    return once("retrieve", (retriever, question, filters, top_k, mode, as_of, in_force, within),
                lambda: retriever.retrieve(question, filters, top_k, mode, as_of, in_force,
                                           within))


def retrieve_in_force(retriever: HybridRetriever, question: str, filters: Filters | None,
                      top_k: int, mode: RetrievalMode | None, as_of: date | None,
                      in_force: bool = True, within: set[str] | None = None) -> RetrievalResult:
    """The passages of the documents in force; but when the best passage of all is in an
    expired measure that nothing replaced, the question is about it: every document's passages
    (the answer then says it expired, ``app.answering.validity``). ``within``: the documents
    the caller may read (None: every one).

    Every document is searched first: when no passage found is out of force (most questions),
    that is the answer's retrieval, and the in-force search is not run a second time."""
    held = (in_force_documents(question, None, retriever.catalog)
            if in_force and as_of is None and retriever.in_force_only else None)
    if held is None:
        return _retrieve(retriever, question, filters, top_k, mode, as_of, in_force, within)
    every = _retrieve(retriever, question, filters, top_k, mode, in_force=False, within=within)
    best = _best_document(question, every)
    if all(hit.chunk.doc_id in held for hit in every.hits) or about_former(best, retriever.catalog):
        return every
    return _retrieve(retriever, question, filters, top_k, mode, within=within)


def _best_document(question: str, found: RetrievalResult) -> str | None:
    """The document of the best passage, for a question naming no place the best of those in
    its own language when any was found: a passage in the other language ranks by the
    cross-lingual model alone, and on realzh-dev the expired English Shenzhen plan came first
    for Chinese questions about national notices, whose Chinese passages were found below it
    (the question was then taken to ask about the plan). A place named decides by itself."""
    hits = found.hits
    if not found.places.held:
        hits = [h for h in hits if is_chinese(h.chunk) == has_cjk(question)] or hits
    return hits[0].chunk.doc_id if hits else None
