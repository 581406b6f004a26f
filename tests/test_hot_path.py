"""The per-question work that grew with the corpus or fought for the cores (issue 12).

BM25's best passages are picked among the rows a filter allows that score at all, not over a
corpus-long array of masked-out zeros; numpy's matrix products run on the request's thread.
"""

from __future__ import annotations

import bm25s
import numpy as np
from threadpoolctl import threadpool_info

from app.services import Services
from app.store.bm25 import TOKEN_PATTERN, best_rows
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
    openblas = [lib for lib in threadpool_info() if lib["internal_api"] == "openblas"]
    assert openblas and all(lib["num_threads"] == 1 for lib in openblas)
