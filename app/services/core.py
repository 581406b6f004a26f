"""Services: the components built once, and the operations the API and CLI share."""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import cached_property

from app.answering.citations import passage
from app.answering.extractive import Answerer, ExtractiveAnswerer
from app.answering.generation.answerer import (
    GenerativeAnswerer,
)
from app.answering.generation.prompt import PromptBudget
from app.briefing.builder import build_brief, compare_topic
from app.briefing.models import Brief, TopicComparison
from app.conversation import Conversations
from app.llm.client import LLMClient
from app.models import (
    Answer,
    AskRequest,
    DocumentDetail,
    DocumentInfo,
    Health,
    SearchRequest,
    SearchResponse,
    Timings,
)
from app.retrieval.catalog import Catalog, Collections
from app.retrieval.freshness import StoreWatch
from app.retrieval.history import DocumentHistory
from app.retrieval.hybrid import HybridRetriever
from app.services.asking import Asking
from app.services.components import milliseconds
from app.services.warm import (
    numpy_blas_single_threaded,
    start_warming,
)
from app.settings import Settings
from app.store.bm25 import LexicalIndex
from app.store.chroma import Store
from app.store.embedding import (
    identity,
    load_embedding,
    model_label,
    reads_chinese,
    semantic_floor,
)
from app.store.query_encoder import OneAtATime, embedding_dimension, load_query_encoder


@dataclass
class Services(Asking):
    """Built once per process (`build`); every operation of the API and the CLI."""

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
        # One BLAS thread, as numpy's everywhere in the service: a question's encode with two
        # took ~20 times as long on a busy machine (0.4 s instead of 20 ms), same vectors.
        crosslingual = OneAtATime(load_embedding(settings, name, threads=1)) if name else None
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
        conversations = Conversations.build(settings, catalog, client, lexical)
        start_warming(crosslingual, retriever, watch, extractive)
        return cls(settings, store, catalog, retriever, watch, conversations, answerers)

    # Operations ------------------------------------------------------------------------------
    def search(self, request: SearchRequest, scope: Collections = None) -> SearchResponse:
        began = time.perf_counter()
        query = self.check_question(request.query, "query")
        top_k = self.check_top_k(request.top_k)
        within = self._within_filters(request.filters, scope)
        retrieval = self._retrieval_of(query, request.filters, top_k, as_of=request.as_of,
                                       within=within)
        total = milliseconds(time.perf_counter() - began)
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
