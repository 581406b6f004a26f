"""Hybrid, city-aware retrieval: dense (Chroma) + BM25, fused by reciprocal rank fusion.

When a question names places the store holds, retrieval runs inside those places' documents;
a passage from elsewhere competes only if its own text names one of those places. Filters
(city, doc_id, years) are applied inside Chroma and the BM25 mask, before ranking.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal, Protocol

from llama_index.core.vector_stores.types import MetadataFilter

from app.models import Filters
from app.retrieval.as_of import in_force_condition
from app.retrieval.catalog import Catalog
from app.retrieval.copies import copy_first, place_fit
from app.retrieval.crosslingual import CrosslingualRanking, is_chinese
from app.retrieval.dense import SCOPE_DEPTH, SCOPE_IN_MEMORY, DenseSearch
from app.retrieval.dictionary import Term
from app.retrieval.document_place import document_division
from app.retrieval.document_ranking import ranked_documents
from app.retrieval.elsewhere import about_elsewhere, naming_only
from app.retrieval.filters import (
    all_of,
    metadata_filters,
    readable_places,
    scope_filter,
    within_filter,
)
from app.retrieval.found import Found
from app.retrieval.fusion import Ranking, preferring, reading, reciprocal_rank_fusion
from app.retrieval.glossary import expand_query, lexical_query, pinyin_names
from app.retrieval.issuers import issuer_rankings
from app.retrieval.names import names_country, unheard_places
from app.retrieval.place_inference import PlaceInference, says_each
from app.retrieval.question_frame import question_frame
from app.store.bm25 import LexicalIndex
from app.store.chroma import Store
from app.store.records import Chunk
from app.store.vectors import KeptQueries, QueryTextEmbedder
from app.text import has_cjk

RetrievalMode = Literal["hybrid", "dense", "bm25"]


class Embedder(Protocol):
    def get_query_embedding(self, query: str) -> list[float]: ...


@dataclass
class Hit:
    chunk: Chunk
    score: float  # cosine similarity to the query
    rank: int


@dataclass
class RetrievalResult:
    query: str
    hits: list[Hit]
    places: PlaceInference = field(default_factory=PlaceInference)
    query_embedding: list[float] = field(default_factory=list)
    # The cross-lingual model's vector of a Chinese question (empty otherwise): the answerer
    # scores sentences with it, and need not encode the question again.
    crosslingual_embedding: list[float] = field(default_factory=list)
    names: list[Term] = field(default_factory=list)  # a Chinese question's, in pinyin (glossary)
    document: Callable[[str], str] | None = None  # a document's text by id (asker_zh.in_scope)
    place_fit: Callable[[str], int] | None = None  # copies.place_fit; None: no place named


class Retriever(Protocol):
    def retrieve(self, query: str, filters: Filters | None, top_k: int) -> RetrievalResult: ...


class HybridRetriever:
    def __init__(
        self,
        store: Store,
        embedder: Embedder,
        lexical: LexicalIndex,
        catalog: Catalog,
        *,
        mode: RetrievalMode = "hybrid",
        candidates: int = 30,
        rrf_k: int = 60,
        bm25_weight: float = 1.0,
        document_weight: float = 1.0,
        city_aware: bool = True,
        crosslingual: QueryTextEmbedder | None = None,
        crosslingual_weight: float = 2.0,
        dense_reads_chinese: bool = False,
        in_force_only: bool = True,
    ) -> None:
        self.in_force_only = in_force_only  # answer from documents in force (app.retrieval.as_of)
        # An English-only stored model places Chinese passages at random: its ranking keeps
        # only the passages it can read.
        self.dense_reads_chinese = dense_reads_chinese
        # A multilingual model that ranks the passages in the other language (None: none).
        self.crosslingual = (CrosslingualRanking(crosslingual, crosslingual_weight)
                             if crosslingual else None)
        self.bm25_weight = bm25_weight
        self.document_weight = document_weight  # of the whole documents' BM25 ranking
        self.store, self.embedder, self.lexical, self.catalog = store, embedder, lexical, catalog
        self.mode, self.candidates = mode, candidates
        self.rrf_k, self.city_aware = rrf_k, city_aware
        self.dense = DenseSearch(store, catalog, candidates)
        self.query_vectors = KeptQueries(lambda text: self.embedder.get_query_embedding(text))

    def metadata_filters(self, filters: Filters | None) -> list[MetadataFilter]:
        """Validated filter conditions; unknown cities or documents are the caller's error."""
        return metadata_filters(filters, self.catalog)

    def retrieve(
        self, query: str, filters: Filters | None, top_k: int, mode: RetrievalMode | None = None,
        as_of: date | None = None, in_force: bool = True, within: set[str] | None = None,
    ) -> RetrievalResult:
        """``as_of``: the day asked about; ``in_force=False``: every document, whatever its
        validity (``in_force_only`` off does the same unless ``as_of`` is given); ``within``:
        the only documents the caller may read (None: every one), a condition applied inside
        Chroma and the BM25 mask like a filter's."""
        mode = mode or self.mode
        conditions = self.metadata_filters(filters)
        if within is not None:
            conditions.append(within_filter(within))
        if as_of is not None or (in_force and self.in_force_only):
            conditions += in_force_condition(query, as_of, self.catalog)
        places = readable_places(self.catalog.places.infer(query), within)
        if self.city_aware and not places.held:
            places.missing += unheard_places(query, self.catalog.places.spans(query),
                                             self.lexical)
        scoped = (
            self.city_aware
            and places.doc_ids
            and (filters is None or (filters.city is None and filters.doc_id is None))
        )
        # A name the dictionary does not know is searched in the pinyin the texts write it in;
        # the question is encoded without its asker's frame ("When preparing a session …, what
        # should I tell participants …"), whose words would draw the passages on a session, but
        # with what the frame is on ("For my session on AI in Shenzhen's schools, …").
        names = pinyin_names(query, self.lexical.knows)
        named = "".join(f" {name.english[0]}" for name in names)
        search_text = expand_query(question_frame(query).searched) + named
        lexical_text = lexical_query(query, self.lexical.holds_chinese) + named
        # BM25 scores the question while it is encoded (both free the GIL): on 2 cores they
        # overlap, ~2 ms of a ~13 ms question at 100k chunks.
        lexical = (_LEXICAL_POOL.submit(self.lexical.score, lexical_text)
                   if mode in ("hybrid", "bm25") else None)
        embedding = self.query_vectors(search_text)
        found = Found(embedding, lexical.result() if lexical else None)
        rankings: list[Ranking] = []
        if scoped:
            scope = scope_filter(places.doc_ids)
            overall, inside = self.dense.scoped(embedding, conditions, scope, places.doc_ids,
                                                mode, found)
            def in_scope(cid: str) -> bool:
                return found.chunks[cid].doc_id in places.doc_ids

            away = about_elsewhere(places.held, places.doc_ids, self.catalog)
            rankings += [reading(naming_only(ranking, away, found.chunks, self.catalog.places,
                                             places.held), in_scope) for ranking in
                         self._rankings(lexical_text, inside, [*conditions, scope], mode, found)]
            # Elsewhere, only passages that name the place themselves, at their overall rank.
            for ranking in self._rankings(lexical_text, overall, conditions, mode, found):
                kept = [
                    cid
                    if cid is not None and not in_scope(cid)
                    and self.catalog.places.mentions(found.chunks[cid].text,
                                                     places.held or places.spoken_of)
                    else None
                    for cid in ranking.ids
                ]
                rankings.append(reading(replace(ranking, ids=kept),
                                        lambda cid: not in_scope(cid)))
        else:
            dense = (self.dense.nearest(embedding, conditions, self.candidates, found)
                     if mode in ("hybrid", "dense") else None)
            rankings += self._rankings(lexical_text, dense, conditions, mode, found)
        if mode in ("hybrid", "bm25") and self.lexical.documents is not None \
                and self.document_weight:
            rankings.append(self._document_ranking(lexical_text, conditions, found,
                                                   places.doc_ids if scoped else set()))
        if places.narrower:  # a district of a city's notices: passages naming it answer it,
            patterns = [n.pattern for n in places.narrower]  # as do its city's said of each one
            standing = {d for n in places.narrower for d in n.docs}
            rankings.append(preferring(rankings, self.rrf_k, NARROWER_WEIGHT, lambda cid: any(
                p.search(found.chunks[cid].text) for p in patterns) or bool(
                found.chunks[cid].doc_id in standing and says_each(found.chunks[cid].text))))
        national = self.catalog.places.unplaced
        if self.city_aware and national and names_country(query) \
                and not (places.held or places.missing or places.spoken_of):
            # A question on the whole country (全国, 我国) is asked of its national notices,
            # not of a province's or city's re-issue or report of them (a Beijing digest ranked
            # first for "全国的交管业务…", the ministry's notice second).
            rankings.append(preferring(rankings, self.rrf_k, NATIONAL_WEIGHT,
                                       lambda cid: found.chunks[cid].doc_id in national))
        rankings += issuer_rankings(query, rankings, self.rrf_k, found, self.catalog)
        crosslingual: list[float] = []
        if self.crosslingual is not None and (has_cjk(query) or self.lexical.holds_chinese):
            by_model, crosslingual = self.crosslingual.rank(query, rankings, found, top_k,
                                                             self.rrf_k)
            rankings.append(by_model)
        fused = reciprocal_rank_fusion(rankings, self.rrf_k)
        def fit(doc_id: str) -> int:  # a document's place against the question's, lower better
            return place_fit(doc_id, places, self.catalog.places, self._division)
        if self.city_aware:  # a reprint of the first passage placed where the question asks
            fused = copy_first(fused, lambda cid: found.chunks[cid].text,
                               lambda cid: found.chunks[cid].doc_id, fit,
                               query if places.held else "")
        scores = self._cosines(fused := fused[:top_k], found)
        hits = [Hit(found.chunks[cid], scores[cid], rank) for rank, cid in enumerate(fused, 1)]
        return RetrievalResult(query, hits, places, embedding, crosslingual, names,
                               self.catalog.text, fit if self.city_aware and places.held else None)

    def _division(self, doc_id: str) -> str | None:
        division = document_division(self.catalog.get(doc_id).metadata)
        return division.adcode if division else None

    def _document_ranking(self, text: str, conditions: list[MetadataFilter], found: Found,
                          scope: set[str]) -> Ranking:
        """The whole documents' ranking (app.retrieval.document_ranking), the question's
        places' own documents within reach; every passage takes its document's rank."""
        assert self.lexical.documents is not None
        ranked = ranked_documents(self.lexical.documents, text, conditions, self.candidates,
                                  scope)
        return Ranking(self.document_weight, ranked, holder=lambda cid: found.chunks[cid].doc_id)

    def warm_scopes(self, hold: Callable[[], AbstractContextManager[object]] = nullcontext
                    ) -> int:
        """Read each stored place's passage vectors and BM25 rows before its first question
        does (at 100k chunks a city's first question spent ~0.3 s reading them), as many
        places as the in-memory scopes hold; the places warmed. Questions meanwhile are
        answered as usual; one that needs a place being read waits for that read. Each
        place is read inside ``hold()`` (the service's hold on the current store)."""
        if self.mode != "bm25" and 0 < self.catalog.chunk_total <= SCOPE_IN_MEMORY:
            with hold():  # searched exactly (DenseSearch.nearest); a scope is a selection of it
                self.store.keep_scope(self.catalog.doc_ids)
        if not (self.city_aware and self.mode == "hybrid"
                and self.catalog.chunk_total > self.candidates * SCOPE_DEPTH):
            return 0
        warmed = 0
        for docs in self.catalog.places.docs_by_place.values():
            size = self.catalog.chunks_of(docs)
            if size > SCOPE_IN_MEMORY \
                    or self.store.scope_vectors.rows + size > self.store.scope_vectors.rows_kept:
                continue
            with hold():
                self.lexical.search("warm", 1, all_of([scope_filter(docs)]))
                self.store.keep_scope(docs)
            warmed += 1
        return warmed

    def _rankings(
        self,
        text: str,
        dense: list[str] | None,
        conditions: list[MetadataFilter],
        mode: RetrievalMode,
        found: Found,
    ) -> list[Ranking]:
        rankings: list[Ranking] = []
        if dense is not None:
            def reads(cid: str) -> bool:
                return self.dense_reads_chinese or not is_chinese(found.chunks[cid])

            rankings.append(Ranking(1.0, [cid if reads(cid) else None for cid in dense], reads))
        if mode in ("hybrid", "bm25"):
            filters = all_of(conditions)
            lexical = [cid for cid, _ in self.lexical.search(text, self.candidates, filters,
                                                             found.scored)]
            missing = [cid for cid in lexical if cid not in found.chunks]
            found.chunks.update(self.store.get_chunks_cached(missing))
            rankings.append(Ranking(self.bm25_weight,
                                    [cid for cid in lexical if cid in found.chunks]))
        return rankings

    def _cosines(self, chunk_ids: list[str], found: Found) -> dict[str, float]:
        """The passages' cosine similarity to the question: the dense query reported it for
        those it found; the vectors of those only BM25 found are fetched, for the passages
        kept only (a few, not the ~30 BM25 candidates), from those kept in memory when there."""
        missing = [cid for cid in chunk_ids if cid not in found.cosines]
        for cid, unit_vector in self.store.scope_vectors.unit_vectors(missing).items():
            found.cosines[cid] = found.unit_cosine(unit_vector)
        missing = [cid for cid in missing if cid not in found.cosines]
        for cid, vector in self.store.get_vectors(missing).items():
            found.cosines[cid] = found.cosine(vector)
        return {cid: found.cosines.get(cid, 0.0) for cid in chunk_ids}


_LEXICAL_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="bm25")

# Weight of the passages naming a place asked below its documents' place (as BM25's).
NARROWER_WEIGHT = 1.0
# Weight of the national documents' passages for a question on the whole country (as BM25's).
NATIONAL_WEIGHT = 1.0
