"""The components every operation shares, the checks of a request, the readable documents, and
a request asked: validated and retrieved for, ready to be answered."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from app.answering.extractive import Answerer
from app.conversation import Conversations, Resolution
from app.errors import EmptyQuestion, InvalidTopK, QuestionTooLong
from app.models import (
    DocumentInfo,
    Filters,
    Mode,
)
from app.retrieval.catalog import Catalog, Collections
from app.retrieval.filters import unknown_doc_id
from app.retrieval.freshness import StoreWatch
from app.retrieval.hybrid import HybridRetriever, RetrievalMode, RetrievalResult
from app.retrieval.in_force import retrieve_in_force
from app.settings import Settings
from app.store.chroma import Store
from app.text import word_cut

# A chunk is read up to this many times the chunk cap: more than any chunk ingest writes, while a
# chunk stored before chunks were capped (a 2,000,000-character paragraph) stays bounded.
READ_CAPS = 4


def bounded(retrieval: RetrievalResult, max_chars: int) -> RetrievalResult:
    """``retrieval`` with each chunk cut to ``READ_CAPS * max_chars`` characters at a word
    boundary; what is kept is still the document's text at the chunk's offsets."""
    limit = READ_CAPS * max_chars
    hits = []
    for hit in retrieval.hits:
        chunk = hit.chunk
        if len(chunk.text) > limit:
            cut = word_cut(chunk.text, 0, limit)
            chunk = replace(chunk, text=chunk.text[:cut], end=chunk.start + cut)
        hits.append(replace(hit, chunk=chunk))
    return replace(retrieval, hits=hits)


def milliseconds(seconds: float) -> float:
    """``seconds`` in milliseconds, to 0.1 ms, as timings are reported."""
    return round(seconds * 1000, 1)


@dataclass(frozen=True)
class Asked:
    """A validated request with its retrieval, ready to be answered."""

    question: str  # as the answerer reads it: a follow-up completed, or as asked beside the
    # clause the last answer cited (app.conversation.nearby)
    mode: Mode
    retrieval: RetrievalResult  # the top_k passages the answer reads
    full: RetrievalResult  # as deep as the caller asked (eval reads 10)
    began: float
    retrieved: float
    resolution: Resolution
    owner: str | None  # who asks: a conversation's turns are theirs
    filters: Filters | None  # the request's, or the document a follow-up carried over
    within: set[str] | None  # the documents the caller may read (None: every one)
    scope: Collections


@dataclass
class Components:
    """The parts built once (app.services.core builds them); what the operations share."""

    settings: Settings
    store: Store
    catalog: Catalog
    retriever: HybridRetriever
    watch: StoreWatch
    conversations: Conversations
    answerers: dict[str, Answerer] = field(default_factory=dict)

    # Validation ------------------------------------------------------------------------------
    def check_question(self, text: str, what: str = "question") -> str:
        text = text.strip()
        if not text:
            raise EmptyQuestion(f"{what} is empty; ask something, e.g. 'What share of investment "
                                "must go to digital-intelligent upgrades in Zhanjiang?'")
        limit = self.settings.answer.max_question_chars
        if len(text) > limit:
            raise QuestionTooLong(f"{what} is {len(text)} characters; the limit is {limit}")
        return text

    def check_top_k(self, top_k: int | None) -> int:
        limit = self.settings.retrieval.max_top_k
        if top_k is None:
            return self.settings.retrieval.top_k
        if not 1 <= top_k <= limit:
            raise InvalidTopK(f"top_k must be between 1 and {limit}, got {top_k}")
        return top_k

    def mode_for(self, requested: Mode | None) -> Mode:
        return requested or self.settings.default_mode

    # Reading what the caller may read --------------------------------------------------------
    def _retrieval_of(self, text: str, filters: Filters | None, top_k: int,
                      mode: RetrievalMode | None = None, as_of: date | None = None,
                      in_force: bool = True, within: set[str] | None = None) -> RetrievalResult:
        with self.watch.reading():
            return bounded(retrieve_in_force(self.retriever, text, filters, top_k, mode, as_of,
                                             in_force, within),
                           self.settings.ingest.chunk_max_chars)

    def _within_filters(self, filters: Filters | None, scope: Collections) -> set[str] | None:
        """The documents ``scope`` reads; a filter's doc_id outside it is unknown, as one not
        stored at all is."""
        with self.watch.reading():
            within = self.catalog.doc_ids_in(scope)
        if within is not None and filters is not None and filters.doc_id is not None \
                and filters.doc_id not in within:
            raise unknown_doc_id(filters.doc_id)
        return within

    def documents(self, scope: Collections = None) -> list[DocumentInfo]:
        with self.watch.reading():
            readable = self.catalog.doc_ids_in(scope)
            return [DocumentInfo(**self.catalog.info(d)) for d in self.catalog.documents
                    if readable is None or d in readable]
