"""What one retrieval has met: its passages, their cosine similarity to the question, and
BM25's scores of the question when they were computed beforehand.

Each ranking (dense, scoped, BM25, cross-lingual) adds to it, so a passage is read and its
cosine computed once however many rankings find it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from app.store.bm25 import QueryScores
from app.store.records import Chunk
from app.store.scope_vectors import row_cosines, unit_rows


class Found:
    """The passages one retrieval has met, with their cosine similarity to the query."""

    def __init__(self, embedding: list[float], scored: QueryScores | None = None) -> None:
        self.scored = scored  # BM25's scores of the question, when computed beforehand
        query = np.asarray(embedding, dtype=np.float32)
        self.query = query / (np.linalg.norm(query) or 1.0)
        self.chunks: dict[str, Chunk] = {}
        self.cosines: dict[str, float] = {}

    def cosine(self, vector: Sequence[float]) -> float:
        """A stored vector's cosine, to the bit as a kept scope's row of it gives."""
        return self.unit_cosine(unit_rows(np.asarray([vector], dtype=np.float32))[0])

    def unit_cosine(self, unit_vector: np.ndarray) -> float:
        return float(row_cosines(unit_vector[None, :], self.query)[0])
