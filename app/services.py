"""The service layer: components built once, and the operations the API and CLI share."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property, partial

from threadpoolctl import ThreadpoolController

from app.answering.citations import bounded, passage
from app.answering.compose import Composer
from app.answering.extractive import Answerer, ExtractiveAnswerer
from app.answering.generation import (
    Done,
    Event,
    GenerativeAnswerer,
    LLMClient,
    Reasoning,
    Token,
    answer_events,
    without_model,
)
from app.answering.generation.budget import PromptBudget
from app.answering.instructions import without_instructions
from app.answering.validity import with_validity
from app.briefing.across import answer_across, asks_across
from app.briefing.builder import build_brief, compare_topic
from app.briefing.models import Brief, TopicComparison
from app.conversation import Conversations, Resolution
from app.errors import EmptyQuestion, InvalidTopK, QuestionTooLong
from app.models import (
    Answer,
    AskRequest,
    DocumentDetail,
    DocumentInfo,
    Filters,
    Health,
    Mode,
    SearchRequest,
    SearchResponse,
    Timings,
)
from app.retrieval.catalog import Catalog, Collections
from app.retrieval.dictionary import chinese_terms, dictionary
from app.retrieval.filters import unknown_doc_id
from app.retrieval.freshness import StoreWatch
from app.retrieval.gazetteer import gazetteer
from app.retrieval.history import DocumentHistory
from app.retrieval.hybrid import HybridRetriever, RetrievalMode, RetrievalResult
from app.retrieval.in_force import left_out, retrieve_in_force
from app.settings import Settings
from app.store.bm25 import LexicalIndex
from app.store.chroma import Store
from app.store.embedding import (
    OneAtATime,
    embedding_dimension,
    identity,
    load_embedding,
    load_query_encoder,
    model_label,
    reads_chinese,
    semantic_floor,
)


@dataclass(frozen=True)
class _Asked:
    """A validated request with its retrieval, ready to be answered."""

    question: str  # as answered: a follow-up completed from its conversation
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


@dataclass(frozen=True)
class AnswerStream:
    resolved_question: str | None  # a follow-up's completed question, known before the answer
    events: Iterator[Event]


log = logging.getLogger(__name__)

WARM_DELAY_S = 5.0


def _warm_crosslingual(model: OneAtATime) -> None:
    try:
        dictionary()
        chinese_terms("warm")  # the dictionary read the other way, for English questions
        gazetteer()
        model.get_query_embedding("预热")
    except Exception:  # a warm that fails leaves the first Chinese question to load them
        # Seen once in CI: CPython 3.11.7's ast (numpy's .npy header parse) raised SystemError
        # "AST constructor recursion depth mismatch" with another thread parsing at once.
        log.warning("warming the cross-lingual model failed", exc_info=True)


def _warm_scopes(retriever: HybridRetriever, watch: StoreWatch) -> None:
    try:
        retriever.warm_scopes(watch.reading)
    except Exception:  # a warm that fails leaves each question to read its own place
        log.warning("warming the places' search scopes failed", exc_info=True)


def numpy_blas_single_threaded() -> None:
    """Run numpy's matrix products on the calling thread alone, for the rest of the process.

    Why: the products a request makes are small (a question against a city's 3,000 passage
    vectors, a few dozen sentences), and OpenBLAS's second thread, which keeps spinning after
    each one, competed on 2 cores with the question encoder and with other requests: at 100k
    chunks the scoped search took 7 ms instead of 0.9 and ask p50 was 34 ms instead of 15.
    Requests run in parallel on the server's threads instead."""
    ThreadpoolController().select(internal_api="openblas").limit(limits=1)


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


@dataclass
class Services:
    settings: Settings
    store: Store
    catalog: Catalog
    retriever: HybridRetriever
    watch: StoreWatch
    conversations: Conversations
    answerers: dict[str, Answerer] = field(default_factory=dict)

    @classmethod
    def build(cls, settings: Settings) -> Services:
        numpy_blas_single_threaded()
        store = Store(settings)
        embedder = load_query_encoder(settings)
        store.check_embedding(identity(settings, embedding_dimension(embedder)))
        catalog = Catalog(store, settings.bm25_dir)
        lexical = LexicalIndex(settings.bm25_dir)
        watch = StoreWatch(store, catalog, lexical, settings.bm25_dir,
                           settings.server.store_check_s)
        name = settings.embedding.crosslingual
        crosslingual = OneAtATime(load_embedding(settings, name)) if name else None
        retriever = HybridRetriever(
            store, embedder, lexical, catalog,
            mode=settings.retrieval.mode, candidates=settings.retrieval.candidates,
            rrf_k=settings.retrieval.rrf_k, bm25_weight=settings.retrieval.bm25_weight,
            document_weight=settings.retrieval.document_weight,
            city_aware=settings.retrieval.city_aware, crosslingual=crosslingual,
            dense_reads_chinese=reads_chinese(settings.embedding.model),
        )
        extractive = ExtractiveAnswerer(
            embedder, settings.answer, semantic_floor(settings.embedding.model),
            max_chars=settings.ingest.chunk_max_chars, crosslingual=crosslingual,
        )
        answerers: dict[str, Answerer] = {"extractive": extractive}
        client = LLMClient(settings.llm) if settings.llm.base_url else None
        if client:  # one model client per process, shared by every request
            answerers["generate"] = GenerativeAnswerer(
                client, extractive, PromptBudget(settings.llm),
                settings.llm.excerpt_sentences, settings.llm.rescue_sentences)
        conversations = Conversations.build(settings, catalog, client)
        if crosslingual is not None:
            # Loaded in the background (a few seconds), and only once the service is up: the
            # dictionary's parse holds the GIL, and run at once it delayed readiness by ~3 s
            # (bench). A Chinese question before then loads them itself.
            warm = threading.Timer(WARM_DELAY_S, _warm_crosslingual, args=(crosslingual,))
            warm.daemon, warm.name = True, "policykb-warm"
            warm.start()
        # Started at once: reading a place holds the GIL little (Chroma reads in Rust), and at
        # 100k chunks the first questions about each city otherwise paid ~0.3 s each.
        threading.Thread(target=_warm_scopes, args=(retriever, watch), daemon=True,
                         name="policykb-warm-scopes").start()
        return cls(settings, store, catalog, retriever, watch, conversations, answerers)

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

    # Operations ------------------------------------------------------------------------------
    def ask(self, request: AskRequest, retrieval_mode: RetrievalMode | None = None,
            scope: Collections = None, owner: str | None = None) -> Answer:
        return self.ask_with_retrieval(request, retrieval_mode, scope=scope, owner=owner)[0]

    def ask_with_retrieval(self, request: AskRequest, retrieval_mode: RetrievalMode | None = None,
                           depth: int = 0, scope: Collections = None, owner: str | None = None,
                           ) -> tuple[Answer, RetrievalResult]:
        """`ask`, also returning the ranking it used, at least ``depth`` passages deep (for
        eval/). Fused ranks do not depend on the cut, so the answer still reads exactly the
        top_k passages `ask` alone would give it."""
        asked = self._retrieve(request, retrieval_mode, depth, scope, owner)
        answer = self._composite(asked, request) or self.answer_with(asked.mode, asked.question,
                                                                      asked.retrieval)
        if answer.refused and request.as_of is None and left_out(self.retriever, asked.question):
            # Nothing in force answers: from the rest, saying their status (answering.validity)
            former = self._retrieve(request, retrieval_mode, depth, scope, owner, in_force=False)
            old = self.answer_with(former.mode, former.question, former.retrieval)
            if not old.refused:
                asked, answer = replace(former, began=asked.began), old
        return self._finish(answer, request, asked), asked.full

    def _composite(self, asked: _Asked, request: AskRequest) -> Answer | None:
        """The answer to a question of several parts, or asked across documents; None for any
        other question (answered as it was retrieved)."""
        top_k = self.check_top_k(request.top_k)

        def across(text: str) -> Answer | None:
            if not asks_across(text):
                return None
            # Every document, in force or not, unless a day is asked: each place's text is
            # shown with its status (answering.validity says which expired).
            deep = self._retrieval_of(text, asked.filters, self.settings.answer.across_passages,
                                      as_of=request.as_of, in_force=request.as_of is not None,
                                      within=asked.within)
            with self.watch.reading():
                return answer_across(text, deep, self.documents(asked.scope), self.catalog.text)

        return Composer(lambda text: self._retrieval_of(text, asked.filters, top_k,
                                                        as_of=request.as_of,
                                                        within=asked.within),
                        partial(self.answer_with, asked.mode), across,
                        ).compose(asked.question, asked.retrieval.places.held)

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
    def _retrieve(self, request: AskRequest, retrieval_mode: RetrievalMode | None = None,
                  depth: int = 0, scope: Collections = None, owner: str | None = None,
                  in_force: bool = True) -> _Asked:
        """Validate the request, complete a follow-up from its conversation, and retrieve for
        it: everything before the answer."""
        began = time.perf_counter()
        question = self.check_question(request.question)
        top_k = self.check_top_k(request.top_k)
        mode = self.mode_for(request.mode)
        earlier = self.conversations.earlier(request, owner)
        with self.watch.reading():
            resolution = self.conversations.resolve(question, earlier, mode)
        filters = self.conversations.filters(resolution, request.filters)
        within = self._within_filters(filters, scope)
        full = self._retrieval_of(resolution.question, filters, max(top_k, depth),
                                  retrieval_mode, request.as_of, in_force, within)
        return _Asked(resolution.question, mode, replace(full, hits=full.hits[:top_k]), full,
                      began, time.perf_counter(), resolution, owner, filters, within, scope)

    def _finish(self, answer: Answer, request: AskRequest, asked: _Asked) -> Answer:
        answer = with_validity(answer, self.catalog, asked.question)
        if not request.include_reasoning:
            answer.reasoning = None
        if asked.resolution.rewritten:
            answer.resolved_question = asked.question
        done = time.perf_counter()
        answer.timings_ms = Timings(retrieve=_ms(asked.retrieved - asked.began),
                                    answer=_ms(done - asked.retrieved),
                                    total=_ms(done - asked.began))
        self.conversations.record(request, asked.owner, answer)
        return answer

    def answer_with(self, mode: Mode, question: str, retrieval: RetrievalResult) -> Answer:
        """The answer in ``mode``; ``generate`` with no model server set is the extractive
        answer marked ``fallback: "llm_unavailable"`` (rather than a 422: clients need not
        know how the deployment is configured)."""
        answerer = self.answerers.get(mode)
        if answerer is None:
            return without_model(self.answerers["extractive"].answer(question, retrieval))
        return answerer.answer(question, self._readable(mode, retrieval))

    @staticmethod
    def _readable(mode: str, retrieval: RetrievalResult) -> RetrievalResult:
        """What an answerer reads: a model never sees a document's orders to the reader (the
        extractive answerer skips them itself and shows passages verbatim)."""
        return without_instructions(retrieval) if mode == "generate" else retrieval

    def ask_events(self, request: AskRequest, scope: Collections = None,
                   owner: str | None = None) -> AnswerStream:
        """`ask` as stream events (app.answering.generation.answerer). Validation and retrieval run
        now, so input errors raise before the first event; the answer streams when iterated."""
        asked = self._retrieve(request, scope=scope, owner=owner)
        answerer = self.answerers.get(asked.mode)

        def events() -> Iterator[Event]:
            composite = self._composite(asked, request)
            if composite is not None:  # answered whole: its parts are not streamed
                answer = self._finish(composite, request, asked)
                yield Token(answer.answer)
                yield Done(answer)
                return
            retrieval = self._readable(asked.mode, asked.retrieval) if answerer else asked.retrieval
            for event in answer_events(answerer or self.answerers["extractive"], asked.question,
                                       retrieval):
                if isinstance(event, Reasoning) and not request.include_reasoning:
                    continue
                if isinstance(event, Done):
                    answer = event.answer if answerer else without_model(event.answer)
                    self._finish(answer, request, asked)
                yield event

        return AnswerStream(asked.question if asked.resolution.rewritten else None, events())

    def search(self, request: SearchRequest, scope: Collections = None) -> SearchResponse:
        began = time.perf_counter()
        query = self.check_question(request.query, "query")
        top_k = self.check_top_k(request.top_k)
        within = self._within_filters(request.filters, scope)
        retrieval = self._retrieval_of(query, request.filters, top_k, as_of=request.as_of,
                                       within=within)
        total = _ms(time.perf_counter() - began)
        return SearchResponse(query=query, passages=[passage(h) for h in retrieval.hits],
                              city_inferred=retrieval.places.label,
                              timings_ms=Timings(retrieve=total, answer=0.0, total=total))

    def brief(self, doc_id: str, scope: Collections = None) -> Brief:
        """The briefing pack of one document; its quiz and overview are asked through `ask`
        (within ``scope``, as the caller would ask them)."""
        self.catalog.visible(doc_id, scope)
        info = DocumentInfo(**self.catalog.info(doc_id))

        def ask(request: AskRequest) -> Answer:
            return self.ask(request, scope=scope)

        return build_brief(info, self.store.document_chunks(doc_id), ask,
                           with_model="generate" in self.answerers)

    def compare(self, topic: str, expired: bool = False,
                scope: Collections = None) -> TopicComparison:
        """One topic across the stored documents in force (``expired``: all of them): per
        city and document, the cited items."""
        topic = self.check_question(topic, "topic")
        retrieval = self.retriever.retrieve(topic, None, self.settings.retrieval.max_top_k,
                                            in_force=not expired,
                                            within=self.catalog.doc_ids_in(scope))
        return compare_topic(topic, retrieval.hits, self.documents(scope), expired)

    def documents(self, scope: Collections = None) -> list[DocumentInfo]:
        with self.watch.reading():
            readable = self.catalog.doc_ids_in(scope)
            return [DocumentInfo(**self.catalog.info(d)) for d in self.catalog.documents
                    if readable is None or d in readable]

    def document(self, doc_id: str, scope: Collections = None) -> DocumentDetail:
        with self.watch.reading():
            self.catalog.visible(doc_id, scope)
            return DocumentDetail(**self.catalog.info(doc_id), text=self.catalog.text(doc_id))

    def readable(self, doc_id: str, scope: Collections) -> None:
        """404 unless ``scope`` reads ``doc_id``'s collection; with a limited scope a document
        no longer stored (only its past versions) is 404 too."""
        if scope is None:
            return
        with self.watch.reading():
            self.catalog.visible(doc_id, scope)

    @cached_property
    def history(self) -> DocumentHistory:
        """Versions of the stored documents, and diffs between them."""
        return DocumentHistory(self.store, self.catalog, self.watch)

    def health(self) -> Health:
        with self.watch.reading():
            documents, chunks = len(self.catalog.documents), self.store.chunk_count()
        return Health(
            ready=True,
            documents=documents,
            chunks=chunks,
            embedding_model=model_label(self.settings.embedding.model),
            llm=self.settings.llm.base_url,
            default_mode=self.settings.default_mode,
        )

