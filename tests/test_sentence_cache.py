"""The extractive answerer's sentence-vector cache, shared by the server's request threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from app.answering.extractive import ExtractiveAnswerer
from app.background import wait_warms
from app.models import AskRequest
from app.services import Services
from app.store.vectors import TextVectors

SENTENCES = [f"Zhanjiang requires no less than {n}% of investment for digital upgrades."
             for n in range(1, 13)]


def answerer_with_small_cache(services: Services) -> TextVectors:
    extractive = services.answerers["extractive"]
    assert isinstance(extractive, ExtractiveAnswerer)
    return TextVectors(extractive.ranker.vectors.model, limit=3)


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


def test_a_small_stores_sentences_are_encoded_before_its_first_question(
        services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    """Bug: over the five corpus texts, the first pass of the eval set's Chinese questions
    took twice the time (p50) of a second pass: each question's English sentences and
    passages were encoded by the cross-lingual model when a question first met them."""
    wait_warms()
    extractive = services.answerers["extractive"]
    assert isinstance(extractive, ExtractiveAnswerer)
    crosslingual = extractive.ranker.crosslingual_vectors
    assert crosslingual is not None and services.retriever.crosslingual is not None

    for vectors in (crosslingual, services.retriever.crosslingual.vectors,
                    extractive.ranker.vectors):
        monkeypatch.setattr(vectors, "model", Unencoding(vectors.model))
    answer = services.ask(AskRequest(question="湛江政府投资项目的数智化投资比例是多少？"))
    assert "5%" in answer.answer
    english = services.ask(AskRequest(question="Who interprets Zhangzhou's action plan?"))
    assert "Guo Hongwei" in english.answer


class Unencoding:
    """A model whose passages must all be encoded already (questions it still encodes)."""

    def __init__(self, model: object) -> None:
        self.model = model

    def get_query_embedding(self, query: str) -> list[float]:
        return self.model.get_query_embedding(query)  # type: ignore[attr-defined, no-any-return]

    def get_text_embedding_batch(self, texts: list[str]) -> list[list[float]]:
        raise AssertionError(f"encoded at question time: {texts[:2]}")
