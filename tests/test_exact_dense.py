"""Dense search over the whole store done exactly in memory (issues 22/23, ask latency).

A question's unscoped dense search went to Chroma's HNSW query with its ``doc_id`` filter (~25 ms
profiled at 2k chunks) although a store of at most 20,000 passages is kept in memory for place
scopes; it is now one matrix product over the kept vectors. It must find what Chroma finds where
HNSW is exact (a store this small), and break equal cosines by the store's row order.
"""

from __future__ import annotations

import numpy as np

from app.retrieval.filters import scope_filter
from app.retrieval.found import Found
from app.retrieval.gazetteer import Division, gazetteer
from app.services import Services
from app.store.scope_vectors import ScopeVectors
from tests.conftest import HAIZHU, ZHANJIANG
from tests.test_scoped_search import QUESTIONS, _only


def test_unscoped_dense_search_is_exact_over_the_kept_vectors_not_a_chroma_query(
        services: Services) -> None:
    store, dense = services.store, services.retriever.dense
    encoder = services.retriever.embedder
    queried: list[int] = []
    chroma_query = store.chunks.query

    def counted(*args: object, **kwargs: object) -> object:
        queried.append(1)
        return chroma_query(*args, **kwargs)  # type: ignore[arg-type]

    for question in QUESTIONS:
        vector = encoder.get_query_embedding(question)
        for conditions in ([], [scope_filter({ZHANJIANG, HAIZHU})]):
            filters = _only(sorted({ZHANJIANG, HAIZHU})) if conditions else None
            by_chroma = store.query_dense(vector, 8, filters)
            store.chunks.query = counted  # type: ignore[method-assign]
            try:
                found = Found(vector)
                exact = dense.nearest(vector, conditions, 8, found)
            finally:
                del store.chunks.query
            assert exact == [c.chunk_id for c, _ in by_chroma]
            for chunk, cosine in by_chroma:
                assert abs(found.cosines[chunk.chunk_id] - cosine) < 1e-4
    assert not queried
    assert frozenset(services.catalog.doc_ids) in store.scope_vectors._scopes


def test_equal_cosines_are_ranked_in_row_order_whichever_rows_a_partition_picks() -> None:
    """A notice stored twice has its vectors twice: the row read first comes first, and the
    k-th place goes to the first of the equal rows, not to whichever a partition left there."""
    rows = np.array([[0.0, 1.0], [1.0, 0.0], [0.6, 0.8], [1.0, 0.0], [0.6, 0.8], [0.6, 0.8]],
                    dtype=np.float32)
    ids = [f"d::{i}" for i in range(len(rows))]
    assert [cid for cid, _ in ScopeVectors.nearest((ids, rows), [1.0, 0.0], 3)] == [
        "d::1", "d::3", "d::2"]
    assert [cid for cid, _ in ScopeVectors.nearest((ids, rows), [0.6, 0.8], 2)] == [
        "d::2", "d::4"]


def test_a_question_retrieved_again_is_not_encoded_again(services: Services) -> None:
    """Bug (round 14): a question over a store holding a document out of force was retrieved
    twice (every document, then those in force) and encoded twice by each model (~7 ms each,
    ~1 retrieval in 5); the second retrieval reads the kept vector, the same floats."""
    retriever = services.retriever
    texts: list[str] = []
    model = retriever.embedder

    class Counting:
        def get_query_embedding(self, query: str) -> list[float]:
            texts.append(query)
            return model.get_query_embedding(query)

    question = "How many key evaluation indicators does the new infrastructure plan select?"
    retriever.embedder = Counting()
    try:
        first = retriever.retrieve(question, None, 5, in_force=False)
        second = retriever.retrieve(question, None, 5)
    finally:
        retriever.embedder = model
    assert len(texts) == 1
    assert first.query_embedding == second.query_embedding == model.get_query_embedding(texts[0])


def test_chinese_place_names_are_found_as_when_every_length_was_looked_up() -> None:
    """Bug (round 14): the gazetteer's scan of a Chinese text looked up every length of name at
    every character (~6 ms of a realzh-dev question, most characters opening no name); it now
    tries only the lengths of the names opening with that character, and finds the same."""
    places = gazetteer()
    longest = max(map(len, places.chinese))

    def every_length(text: str) -> list[tuple[int, int, list[Division]]]:
        found, pos = [], 0
        while pos < len(text):
            for end in range(min(len(text), pos + longest), pos + 1, -1):
                names = places.chinese.get(text[pos:end])
                if names and (kept := places._as_place(text, pos, end, names, ())):
                    found.append((pos, end, kept))
                    pos = end
                    break
            else:
                pos += 1
        return found

    text = ("广东省广州市海珠区与湛江市、福建省漳州市联合印发通知，内蒙古自治区呼和浩特市"
            "和重庆市渝中区参照执行；北京、上海两地企业可在朝阳办理。")
    found = list(places.chinese_mentions(text))
    assert found == every_length(text)
    assert {text[s:e] for s, e, _ in found} >= {"广东省", "广州市", "海珠区", "湛江市", "漳州市"}


def test_a_scope_of_no_stored_document_reads_no_rows_and_finds_nothing() -> None:
    """Regression (round 14's merge): a reader granted no department's documents searches the
    "no document" scope; its read returned no rows, which could not be shaped into a matrix
    (ValueError: cannot reshape array of size 0), and /api/search answered 500."""
    kept = ScopeVectors()
    found = kept.matrix(frozenset({"\x00no document"}), lambda ids: ([], np.asarray([])))
    assert found[0] == [] and ScopeVectors.nearest(found, [1.0, 0.0], 5) == []
