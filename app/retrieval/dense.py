"""Dense search: the stored passages nearest a question's vector, overall or inside the
documents of the places the question names (its scope), each recorded in the retrieval's
``Found`` with its cosine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from llama_index.core.vector_stores.types import MetadataFilter

from app.retrieval.catalog import Catalog
from app.retrieval.filters import all_of
from app.retrieval.found import Found
from app.store.chroma import Store
from app.store.chroma_requests import allowed_doc_ids
from app.store.records import Chunk

if TYPE_CHECKING:
    from app.retrieval.hybrid import RetrievalMode

# A store of at most this many times the candidates is read whole by a scoped question's
# one dense query; above it, a question's places get their own query.
SCOPE_DEPTH = 4
# A place's documents of at most this many chunks are searched in memory (Store.query_dense_
# within), more through Chroma's filtered query.
SCOPE_IN_MEMORY = 20_000


@dataclass(frozen=True)
class DenseSearch:
    store: Store
    catalog: Catalog
    candidates: int  # passages each dense query contributes

    def nearest(self, embedding: list[float], conditions: list[MetadataFilter], k: int,
                found: Found) -> list[str]:
        """The ``k`` passages nearest ``embedding`` that meet ``conditions``, best first.

        A store small enough to keep whole in memory is searched exactly over its kept
        vectors (one matrix product), not by Chroma's HNSW query with its ``doc_id`` filter
        (~25 ms profiled at 2k chunks, for an approximate answer)."""
        total = self.catalog.chunk_total
        allowed = allowed_doc_ids(conditions) if conditions else self.catalog.doc_ids
        # A Chroma server (scale-out) is asked each time, as before: an unreachable server is
        # reported (503), not hidden behind vectors kept from before other workers' ingests.
        local = self.store.settings.chroma.mode == "persistent"
        if local and 0 < total <= SCOPE_IN_MEMORY and allowed is not None:
            self.store.keep_scope(self.catalog.doc_ids)  # kept: a selection of it is read
            return _recorded(self.store.query_dense_within(embedding, k, allowed), found)
        return _recorded(self.store.query_dense(embedding, k, all_of(conditions)), found)

    def scoped(
        self,
        embedding: list[float],
        conditions: list[MetadataFilter],
        scope: MetadataFilter,
        scope_docs: set[str],
        mode: RetrievalMode,
        found: Found,
    ) -> tuple[list[str] | None, list[str] | None]:
        """The overall and the in-scope dense rankings (None: not run).

        A small store is read whole by one query and split. A larger one gets one query, in
        scope: in hybrid mode the passages elsewhere that name the place come from BM25's
        overall ranking, since naming the place is a matter of words (with 20 look-alike
        copies per document, dev evidence@5 and fact accuracy were the same with and
        without the second, overall dense query). Dense mode alone keeps both queries."""
        if mode not in ("hybrid", "dense"):
            return None, None
        if self.catalog.chunk_total <= self.candidates * SCOPE_DEPTH:
            overall = self.nearest(embedding, conditions, self.candidates * SCOPE_DEPTH, found)
            inside = [cid for cid in overall if found.chunks[cid].doc_id in scope_docs]
        elif mode == "hybrid":
            narrowed = allowed_doc_ids(conditions) if conditions else scope_docs
            allowed = None if narrowed is None else narrowed & scope_docs
            if allowed is not None and self.catalog.chunks_of(allowed) <= SCOPE_IN_MEMORY:
                return None, _recorded(
                    self.store.query_dense_within(embedding, self.candidates, allowed), found)
            inside = self.nearest(embedding, [*conditions, scope], self.candidates, found)
            return None, inside
        else:
            overall = self.nearest(embedding, conditions, self.candidates, found)
            inside = self.nearest(embedding, [*conditions, scope], self.candidates, found)
        return overall[: self.candidates], inside[: self.candidates]


def _recorded(dense: list[tuple[Chunk, float]], found: Found) -> list[str]:
    """The ids of the passages a dense query found, each kept in ``found`` with its cosine."""
    for chunk, cosine in dense:
        found.chunks[chunk.chunk_id] = chunk
        found.cosines[chunk.chunk_id] = cosine
    return [chunk.chunk_id for chunk, _ in dense]
