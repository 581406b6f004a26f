"""Vectors of texts under one embedding model, kept for the hottest passages.

The extractive answerer compares every candidate sentence with the question, and a Chinese
question's passages are re-ranked by the cross-lingual model; the same passages come back for
question after question, so their vectors are kept (least recently used go first) rather than
encoded again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Protocol

import numpy as np

from app.text import CLAUSE_END, has_cjk


class TextEmbedder(Protocol):
    def get_text_embedding_batch(self, texts: list[str]) -> list[list[float]]: ...


class QueryTextEmbedder(TextEmbedder, Protocol):
    def get_query_embedding(self, query: str) -> list[float]: ...


def unit(vector: list[float] | np.ndarray) -> np.ndarray:
    v = np.asarray(vector, dtype=np.float32)
    return v / (np.linalg.norm(v) or 1.0)


class TextVectors:
    def __init__(self, model: TextEmbedder, limit: int = 8192) -> None:
        self.model = model
        self.limit = limit  # vectors kept
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, texts: list[str]) -> list[np.ndarray]:
        """Unit vectors of ``texts``, in order."""
        # Requests run on the server's threads and share this cache: the vectors this call needs
        # are kept in a local dict, so another request evicting them cannot break it.
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for text in dict.fromkeys(texts):
                if text in self._cache:
                    self._cache.move_to_end(text)  # least recently used goes first
                    found[text] = self._cache[text]
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            vectors = self.model.get_text_embedding_batch(missing)
            for text, vector in zip(missing, vectors, strict=True):
                found[text] = unit(vector)
            with self._lock:
                self._cache.update((t, found[t]) for t in missing)
                while len(self._cache) > self.limit:
                    self._cache.popitem(last=False)
        return [found[t] for t in texts]


class KeptQueries:
    """A model's vectors of the questions it encoded last, by their text.

    A question is retrieved again among the documents in force, or its parts across documents,
    with the same words: ~1 retrieval in 5 on realzh-dev's questions and 1 in 4 on eval dev's
    encoded a text just encoded (~7 ms each). The model gives a text the same vector every time,
    so the kept one is the answer."""

    def __init__(self, encode: Callable[[str], list[float]], limit: int = 256) -> None:
        self.encode = encode
        self.limit = limit
        self._kept: OrderedDict[str, list[float]] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, text: str) -> list[float]:
        with self._lock:
            if (vector := self._kept.get(text)) is not None:
                self._kept.move_to_end(text)
                return list(vector)  # a copy: a caller may change its own
        vector = self.encode(text)
        with self._lock:
            self._kept[text] = list(vector)
            while len(self._kept) > self.limit:
                self._kept.popitem(last=False)
        return vector


# Least words of a clause the multilingual model compares with a question on its own.
CLAUSE_WORDS = 6


def semantic_texts(text: str) -> list[str]:
    """What the multilingual model encodes of a sentence: itself, and each clause of an English
    one with words enough to stand alone (a Chinese one's are the Chinese reader's to weigh)."""
    clauses = [] if has_cjk(text) else [
        c for c in CLAUSE_END.split(text) if len(c.split()) >= CLAUSE_WORDS]
    return [text, *clauses] if len(clauses) > 1 else [text]
