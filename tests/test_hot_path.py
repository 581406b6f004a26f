"""The per-question work that grew with the corpus or fought for the cores (issue 12).

BM25's best passages are picked among the rows a filter allows that score at all, not over a
corpus-long array of masked-out zeros; numpy's matrix products run on the request's thread;
each place's vectors are read at start-up, once, not by the first question about it.
"""

from __future__ import annotations

import logging
import os
import threading
import time

import bm25s
import numpy as np
import pytest
from threadpoolctl import threadpool_info

from app.retrieval.hybrid import HybridRetriever
from app.services import Services, _warm_crosslingual
from app.store.bm25 import TOKEN_PATTERN, best_rows
from app.store.onnx_encoder import OnnxSentenceEncoder
from app.store.scope_vectors import ScopeMatrix
from app.text import segment
from tests.conftest import HAIZHU, SHENZHEN
from tests.test_scoped_search import QUESTIONS, _only


def test_best_rows_skips_rows_that_do_not_score_and_keeps_equal_scores_in_row_order() -> None:
    scores = np.array([0.0, 2.0, 5.0, 2.0, 0.0, 7.0, 2.0], dtype=np.float32)
    assert best_rows(scores, None, 3) == [(5, 7.0), (2, 5.0), (1, 2.0)]
    assert best_rows(scores, None, 10) == [(5, 7.0), (2, 5.0), (1, 2.0), (3, 2.0), (6, 2.0)]
    assert best_rows(scores, np.array([0, 3, 4, 6]), 5) == [(3, 2.0), (6, 2.0)]
    assert best_rows(scores, np.array([0, 4]), 5) == []


def test_best_rows_when_most_rows_score_picks_what_the_sparse_pick_does() -> None:
    """The pick over the whole array (most rows score) and over the scoring rows agree."""
    rng = np.random.default_rng(7)
    scores = rng.random(5000).astype(np.float32)
    scores[rng.random(5000) < 0.3] = 0.0  # 70% score: the whole-array pick
    dense = best_rows(scores, None, 30)
    sparse = best_rows(scores, np.arange(len(scores)), 30)  # the rows path: scoring rows only
    assert dense == sparse
    assert [s for _, s in dense] == sorted((float(s) for s in scores), reverse=True)[:30]


def test_filtered_bm25_search_finds_what_bm25s_masked_retrieve_finds(services: Services) -> None:
    """The scoped pick returns the scores bm25s's own masked retrieve (the old path) gave."""
    lexical = services.retriever.lexical
    base = lexical._retriever
    assert base is not None
    scope = [SHENZHEN, HAIZHU]
    filters = _only(scope)
    mask = lexical._mask(base, filters)
    for question in QUESTIONS:
        mine = lexical.search(question, 8, filters)
        tokens = bm25s.tokenize(segment(question), stemmer=base.stemmer,
                                token_pattern=TOKEN_PATTERN, show_progress=False)
        entries, scores = base.bm25.retrieve(tokens, k=8, show_progress=False, weight_mask=mask)
        theirs = [(str(entry["node_id"]), float(score))
                  for entry, score in zip(entries[0], scores[0], strict=True) if score > 0]
        assert mine and all(cid.split("::")[0] in scope for cid, _ in mine)
        assert [round(s, 5) for _, s in mine] == [round(s, 5) for _, s in theirs]
        assert {cid for cid, _ in mine} == {cid for cid, _ in theirs}
        unfiltered = lexical.search(question, 8, None)
        assert unfiltered[0][1] >= mine[0][1]


def test_the_service_runs_numpys_blas_on_one_thread(services: Services) -> None:
    """Regression: OpenBLAS's spinning second thread slowed every request on 2 cores (a
    city's 3,000-vector search took 7 ms instead of 0.9 at 100k chunks)."""
    numpys = [lib for lib in threadpool_info() if lib["internal_api"] == "openblas"
              and "numpy" in lib["filepath"]]  # not scipy's, which another test may load
    assert numpys and all(lib["num_threads"] == 1 for lib in numpys)


def test_a_scope_wanted_by_two_threads_at_once_is_read_once(services: Services) -> None:
    """The start-up warm and a request that want the same place share one read."""
    store = services.store
    store.scope_vectors.clear()
    scope = frozenset({SHENZHEN, HAIZHU})
    reads: list[list[str]] = []
    first_started, waiter_started = threading.Event(), threading.Event()

    def read(doc_ids: list[str]) -> ScopeMatrix:
        reads.append(doc_ids)
        first_started.set()
        waiter_started.wait(5)
        time.sleep(0.2)  # the other thread is now waiting for this read
        return store._read_scope(doc_ids)

    got: list[ScopeMatrix] = []
    reader = threading.Thread(target=lambda: got.append(store.scope_vectors.matrix(scope, read)))
    reader.start()
    first_started.wait(5)
    waiter_started.set()
    got.append(store.scope_vectors.matrix(scope, read))
    reader.join()
    assert reads == [sorted(scope)]
    assert got[0] is got[1]
    ids, rows = got[0]
    assert ids and {cid.split("::")[0] for cid in ids} == set(scope)
    assert rows.shape == (len(ids), 384)
    store.scope_vectors.clear()


def test_warm_scopes_reads_each_place_before_its_first_question(services: Services) -> None:
    base = services.retriever
    # Few candidates, so the 91-chunk test store counts as large and places are searched in
    # memory (a real store does at 121 chunks and more).
    retriever = HybridRetriever(base.store, base.embedder, base.lexical, base.catalog,
                                candidates=10)
    store = base.store
    store.scope_vectors.clear()
    places = base.catalog.places.docs_by_place
    assert retriever.warm_scopes() == len(places)
    assert set(store.scope_vectors._scopes) == {frozenset(d) for d in places.values()}
    assert store.scope_vectors.rows == sum(
        len(ids) for ids, _ in store.scope_vectors._scopes.values())
    read_scope = store._read_scope
    reads: list[list[str]] = []

    def counted(doc_ids: list[str]) -> ScopeMatrix:
        reads.append(doc_ids)
        return read_scope(doc_ids)

    store._read_scope = counted  # type: ignore[method-assign]
    try:
        result = retriever.retrieve(
            "How much special funding does Haizhu District allocate each year?", None, 5)
    finally:
        del store._read_scope
    assert reads == []  # the place was read by the warm
    # A place whose documents are in force: a plan past its period (Shenzhen's) is searched
    # again among the documents in force, a scope no warm reads.
    assert result.hits[0].chunk.doc_id == HAIZHU
    assert any("310 million yuan" in h.chunk.text for h in result.hits)
    store.scope_vectors.clear()


def test_the_service_encodes_a_batch_on_every_core_with_the_vectors_of_single_encodes(
        services: Services) -> None:
    """A question's new sentences are encoded side by side, each alone: the vectors do not
    depend on the batch (with int8's dynamic quantization a padded batch's would)."""
    encoder = services.retriever.embedder
    assert isinstance(encoder, OnnxSentenceEncoder)
    assert encoder._threads == (os.cpu_count() or 1)
    texts = ["The fund group totals 100 billion yuan.", "Article 3.",
             "No less than 5% of the investment goes to digital-intelligent upgrades."]
    batch = encoder.get_text_embedding_batch(texts)
    for text, vector in zip(texts, batch, strict=True):
        assert np.allclose(vector, encoder.get_text_embedding(text), atol=1e-6)
    assert not np.allclose(batch[0], batch[2], atol=1e-2)


class _FailingEncoder:
    """A model whose first load fails, as numpy's header parse did once in CI."""

    def get_query_embedding(self, query: str) -> list[float]:
        raise SystemError("AST constructor recursion depth mismatch (before=63, after=61)")


def test_a_failed_cross_lingual_warm_is_logged_not_raised(
        caplog: pytest.LogCaptureFixture) -> None:
    """Regression: the background warm of the cross-lingual model raised in its thread
    (CPython 3.11.7's ast, parsing a .npy header while another thread parsed one), and the
    unhandled thread exception failed a fresh clone's suite; a warm is best effort (the first
    Chinese question loads the model itself)."""
    with caplog.at_level(logging.WARNING, logger="app.services"):
        _warm_crosslingual(_FailingEncoder())  # type: ignore[arg-type]
    assert "warming the cross-lingual model failed" in caplog.text
