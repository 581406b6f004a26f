"""The extractive answerer's sentence-vector cache, shared by the server's request threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np

from app.answering.extractive import ExtractiveAnswerer
from app.services import Services
from app.store.vectors import TextVectors

SENTENCES = [f"Zhanjiang requires no less than {n}% of investment for digital upgrades."
             for n in range(1, 13)]


def answerer_with_small_cache(services: Services) -> TextVectors:
    extractive = services.answerers["extractive"]
    assert isinstance(extractive, ExtractiveAnswerer)
    return TextVectors(extractive.embedder, limit=3)


def test_vectors_survive_eviction_by_the_same_or_another_request(services: Services) -> None:
    """Bug: the extractive answerer's `_embed` evicted before it read its own results back, so
    a request whose sentences outnumbered the cache, or whose entries another request evicted
    meanwhile, raised KeyError (a 500 under concurrent load)."""
    answerer = answerer_with_small_cache(services)
    alone = answerer(SENTENCES)
    assert len(alone) == len(SENTENCES) and len(answerer._cache) == 3
    reference = {s: v for s, v in zip(SENTENCES, alone, strict=True)}
    with ThreadPoolExecutor(max_workers=4) as pool:
        batches = [SENTENCES[i:] + SENTENCES[:i] for i in range(8)]
        for batch, vectors in zip(batches, pool.map(answerer, batches), strict=True):
            for sentence, vector in zip(batch, vectors, strict=True):
                assert np.allclose(vector, reference[sentence], atol=1e-5)
    assert len(answerer._cache) <= 3


def test_the_cache_keeps_what_was_used_last(services: Services) -> None:
    answerer = answerer_with_small_cache(services)
    answerer(SENTENCES[:3])
    answerer(SENTENCES[:1])  # used again: the last to go
    answerer(SENTENCES[3:4])
    assert SENTENCES[0] in answerer._cache and SENTENCES[1] not in answerer._cache
