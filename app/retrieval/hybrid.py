"""Hybrid, city-aware retrieval: dense (Chroma) + BM25, fused by reciprocal rank fusion.

When a question names places the store holds, retrieval runs inside those places' documents;
a passage from elsewhere competes only if its own text names one of those places. Filters
(city, doc_id, years) are applied inside Chroma and the BM25 mask, before ranking.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

import numpy as np
from llama_index.core.vector_stores.types import (
    FilterCondition,
    FilterOperator,
    MetadataFilter,
    MetadataFilters,
)

from app.errors import InvalidFilter
from app.models import Filters
from app.retrieval.catalog import Catalog
from app.retrieval.glossary import expand_query
from app.retrieval.places import PlaceInference
from app.store.bm25 import LexicalIndex
from app.store.chroma import Chunk, Store
from app.text import has_cjk

RetrievalMode = Literal["hybrid", "dense", "bm25"]


class Embedder(Protocol):
    def get_query_embedding(self, query: str) -> list[float]: ...


DenseSearch = Callable[[list[float], int, MetadataFilters | None], list[tuple[Chunk, float]]]


@dataclass
class DenseSource:
    """A further dense ranking for the fusion: another model's query encoding searched in its
    own vectors. An English-only model sits out questions with Chinese in them."""

    embedder: Embedder
    search: DenseSearch
    reads_chinese: bool = True
    weight: float = 1.0


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


class Retriever(Protocol):
    def retrieve(self, query: str, filters: Filters | None, top_k: int) -> RetrievalResult: ...


# A ranking with its weight in the fusion; a None holds the place of a passage left out.
Ranking = tuple[float, Sequence[str | None]]


def reciprocal_rank_fusion(rankings: Sequence[Ranking], k: int) -> list[str]:
    """Weighted RRF; a passage left out (``None``) keeps its place, so the passages kept keep
    the rank they earned among all."""
    scores: dict[str, float] = {}
    for weight, ranking in rankings:
        for rank, chunk_id in enumerate(ranking, start=1):
            if chunk_id is not None:
                scores[chunk_id] = scores.get(chunk_id, 0.0) + weight / (k + rank)
    return sorted(scores, key=lambda cid: (-scores[cid], cid))


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
        city_aware: bool = True,
        extra_dense: Sequence[DenseSource] = (),
    ) -> None:
        self.extra_dense = list(extra_dense)
        self.bm25_weight = bm25_weight
        self.store, self.embedder, self.lexical, self.catalog = store, embedder, lexical, catalog
        self.mode, self.candidates, self.rrf_k, self.city_aware = (
            mode,
            candidates,
            rrf_k,
            city_aware,
        )

    def metadata_filters(self, filters: Filters | None) -> list[MetadataFilter]:
        """Validated filter conditions; unknown cities or documents are the caller's error."""
        if filters is None:
            return []
        conditions: list[MetadataFilter] = []
        if filters.city is not None:
            doc_ids = self.catalog.places.docs_by_place.get(
                self.catalog.places.canonical(filters.city) or ""
            )
            if not doc_ids:
                held = ", ".join(self.catalog.places.cities) or "none"
                raise InvalidFilter(f"unknown city {filters.city!r}; the store holds: {held}")
            conditions.append(
                MetadataFilter(key="doc_id", value=sorted(doc_ids), operator=FilterOperator.IN)
            )
        if filters.doc_id is not None:
            if filters.doc_id not in self.catalog.doc_ids:
                raise InvalidFilter(
                    f"unknown doc_id {filters.doc_id!r}; GET /api/documents lists the stored ones"
                )
            conditions.append(MetadataFilter(key="doc_id", value=filters.doc_id))
        if (
            filters.year_from is not None
            and filters.year_to is not None
            and filters.year_from > filters.year_to
        ):
            raise InvalidFilter(f"year_from {filters.year_from} is after year_to {filters.year_to}")
        if filters.year_from is not None:
            conditions.append(
                MetadataFilter(key="year", value=filters.year_from, operator=FilterOperator.GTE)
            )
        if filters.year_to is not None:
            conditions.append(
                MetadataFilter(key="year", value=filters.year_to, operator=FilterOperator.LTE)
            )
        return conditions

    def retrieve(
        self, query: str, filters: Filters | None, top_k: int, mode: RetrievalMode | None = None
    ) -> RetrievalResult:
        mode = mode or self.mode
        self.catalog.refresh()
        self.lexical.refresh()
        conditions = self.metadata_filters(filters)
        places = self.catalog.places.infer(query)
        scoped = (
            self.city_aware
            and places.doc_ids
            and (filters is None or (filters.city is None and filters.doc_id is None))
        )
        search_text = expand_query(query)
        # A Chinese question's English place names help the dense model; in BM25 over English
        # texts they would rank every passage of the place alike (the place scopes it anyway).
        lexical_text = query if has_cjk(query) else search_text
        embedding = self.embedder.get_query_embedding(search_text)
        extra = [
            (source, source.embedder.get_query_embedding(search_text))
            for source in self.extra_dense
            if mode != "bm25" and (source.reads_chinese or not has_cjk(query))
        ]
        chunks: dict[str, Chunk] = {}
        rankings: list[Ranking] = []
        if scoped:
            scope = MetadataFilter(
                key="doc_id", value=sorted(places.doc_ids), operator=FilterOperator.IN
            )
            rankings += self._rankings(lexical_text, embedding, [*conditions, scope], mode, chunks,
                                      extra)
            # Elsewhere, only passages that name the place themselves, at their overall rank.
            for weight, ranking in self._rankings(lexical_text, embedding, conditions, mode, chunks,
                                                  extra):
                kept = [
                    cid
                    if chunks[cid].doc_id not in places.doc_ids
                    and self.catalog.places.mentions(chunks[cid].text, places.held)
                    else None
                    for cid in ranking
                ]
                rankings.append((weight, kept))
        else:
            rankings += self._rankings(lexical_text, embedding, conditions, mode, chunks, extra)
        fused = reciprocal_rank_fusion(rankings, self.rrf_k)[:top_k]
        scores = self._cosines(fused, embedding)
        hits = [Hit(chunks[cid], scores[cid], rank) for rank, cid in enumerate(fused, start=1)]
        return RetrievalResult(query, hits, places, embedding)

    def _rankings(
        self,
        text: str,
        embedding: list[float],
        conditions: list[MetadataFilter],
        mode: RetrievalMode,
        chunks: dict[str, Chunk],
        extra: Sequence[tuple[DenseSource, list[float]]] = (),
    ) -> list[tuple[float, list[str]]]:
        filters = (
            MetadataFilters(
                filters=list[MetadataFilter | MetadataFilters](conditions),
                condition=FilterCondition.AND,
            )
            if conditions
            else None
        )
        rankings: list[tuple[float, list[str]]] = []
        if mode in ("hybrid", "dense"):
            dense = self.store.query_dense(embedding, self.candidates, filters)
            chunks.update((c.chunk_id, c) for c, _ in dense)
            rankings.append((1.0, [c.chunk_id for c, _ in dense]))
            for source, vector in extra:
                found = source.search(vector, self.candidates, filters)
                chunks.update((c.chunk_id, c) for c, _ in found if c.chunk_id not in chunks)
                rankings.append((source.weight, [c.chunk_id for c, _ in found]))
        if mode in ("hybrid", "bm25"):
            lexical = [cid for cid, _ in self.lexical.search(text, self.candidates, filters)]
            missing = [cid for cid in lexical if cid not in chunks]
            chunks.update(self.store.get_chunks(missing))
            rankings.append((self.bm25_weight, [cid for cid in lexical if cid in chunks]))
        return rankings

    def _cosines(self, chunk_ids: list[str], embedding: list[float]) -> dict[str, float]:
        if not chunk_ids:
            return {}
        got = self.store.chunks.get(ids=chunk_ids, include=["embeddings"])
        query = np.asarray(embedding, dtype=np.float32)
        query /= np.linalg.norm(query) or 1.0
        scores: dict[str, float] = {}
        vectors = got["embeddings"]
        for cid, vector in zip(got["ids"], [] if vectors is None else list(vectors), strict=True):
            v = np.asarray(vector, dtype=np.float32)
            scores[cid] = float(np.dot(query, v / (np.linalg.norm(v) or 1.0)))
        return scores
