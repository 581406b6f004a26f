"""The work an answer does per candidate sentence and per place scope, done once or not at all
(round 12: an ask spent ~110 ms p50 on realzh-dev, most of it in such work), with the same
results as before."""

from __future__ import annotations

import json
from types import SimpleNamespace

import numpy as np

from app.answering.answerability import unstated_entities
from app.answering.citations import Sentence
from app.negation import negated
from app.retrieval.found import Found
from app.retrieval.hybrid import HybridRetriever
from app.retrieval.stems import content_stems
from app.store.chunk_cache import ChunkCache
from app.store.chunk_entities import ENTITIES_KEY, chunk_entities
from app.store.records import Chunk
from app.store.scope_vectors import ScopeVectors
from app.text import sentence_spans

TEXT = "补贴标准为每人每月500元。非国有企业由市财政局负责审核。"


def _sentences(entities: list[list[object]]) -> list[Sentence]:
    chunk = Chunk("d1::0000", "d1", TEXT, 0, len(TEXT), {ENTITIES_KEY: json.dumps(entities)})
    return [Sentence(chunk, a, b, TEXT[a:b], 1) for a, b in sentence_spans(TEXT)]


def test_a_sentence_reads_only_its_own_entities() -> None:
    """Bug: every sentence of a chunk walked all the chunk's entities (and parsed for each
    organisation's role) before dropping those outside it: ~60 % of an ask on realzh-dev."""
    money = [TEXT.index("500元"), TEXT.index("500元") + 4, "MONEY", 500.0]
    body = [TEXT.index("市财政局"), TEXT.index("市财政局") + 4, "ORG"]
    first, second = _sentences([money, body])
    assert unstated_entities(first, "补贴标准是多少？") == [(money[0], money[1], "MONEY")]
    assert unstated_entities(second, "由哪个部门审核？") == [(body[0], body[1], "ORG")]


def test_negated_words_are_found_without_cutting_every_sentence() -> None:
    """Bug: jieba cut every candidate sentence to look for a negator most hold none of; a
    sentence without 非/不/无/未 is now not cut, and one with a negator reads as before."""
    assert negated("补贴标准为每人每月500元。") == ()
    spans = negated(TEXT)
    assert [TEXT[a:b] for a, b in spans] == ["国有"]


def test_a_scope_inside_one_read_is_selected_from_it() -> None:
    """Bug: a question's scope (its places' documents in force) was read from Chroma anew
    whenever that exact set had not been read: ~1 in 3 realzh-dev questions, ~30 ms each. The
    rows selected from a wider scope are those, in the order, that reading it gives."""
    ids = ["a::0000", "b::0000", "a::0001", "c::0000", "b::0001"]
    rows = np.arange(len(ids) * 3, dtype=np.float32).reshape(len(ids), 3) + 1
    reads: list[list[str]] = []

    def read(docs: list[str]) -> tuple[list[str], np.ndarray]:
        reads.append(docs)
        kept = [i for i, cid in enumerate(ids) if cid.split("::")[0] in docs]
        return [ids[i] for i in kept], rows[kept]

    vectors = ScopeVectors()
    vectors.matrix(frozenset("abc"), read)
    inside, matrix = vectors.matrix(frozenset("ab"), read)
    direct_ids, direct = ScopeVectors().matrix(frozenset("ab"), read)
    assert inside == direct_ids == ["a::0000", "b::0000", "a::0001", "b::0001"]
    assert np.array_equal(matrix, direct)
    assert reads == [["a", "b", "c"], ["a", "b"]]  # the second read is the direct one's


def test_chunks_kept_ahead_are_not_fetched() -> None:
    """The service's warm reads a small store's passages once; a question's are then kept."""
    cache = ChunkCache(limit=2)
    chunks = [Chunk(f"d::{i:04d}", "d", "text", 0, 4, {}) for i in range(3)]
    cache.keep(chunks)
    assert len(cache) == 2
    fetched: list[list[str]] = []
    found = cache.get_many(["d::0000", "d::0001"], lambda ids: fetched.append(ids) or {})
    assert list(found) == ["d::0000", "d::0001"] and fetched == []


def test_a_chunks_entities_are_parsed_once_for_all_its_sentences() -> None:
    """Bug (round 13): each candidate sentence parsed its chunk's whole entity JSON and scanned
    the chunk for ratios (~5% of a realzh-dev ask); the chunk's reading is now shared, with the
    same entities, a ratio (6:4) read as a share as before."""
    chunk_entities.cache_clear()
    text = "费用按6:4比例分担。补贴标准为每人每月500元。"
    money = [text.index("500元"), text.index("500元") + 4, "MONEY", 500.0]
    chunk = Chunk("d2::0000", "d2", text, 0, len(text), {ENTITIES_KEY: json.dumps([money])})
    first, second = (Sentence(chunk, a, b, text[a:b], 1) for a, b in sentence_spans(text))
    ratio = text.index("6:4")
    assert unstated_entities(first, "费用怎么分担？") == [(ratio, ratio + 3, "PERCENT")]
    assert unstated_entities(second, "补贴标准是多少？") == [(money[0], money[1], "MONEY")]
    assert (chunk_entities.cache_info().misses, chunk_entities.cache_info().hits) == (1, 1)


def test_a_texts_stems_are_read_once_and_as_before() -> None:
    """Bug (round 13): the sentence ranking cut and stemmed the same sentences several times a
    question and again each question (~1/5 of an English ask's CPU); a text's stems are cached,
    the percent sign still read as a word, irregular verbs as their verb, lone letters dropped."""
    text = "Zhanjiang's 5% share was built by the projects"
    stems = content_stems(text)
    assert stems == ("zhanjiang", "5", "percent", "share", "build", "project")
    assert content_stems(text) is stems


def test_a_kept_passages_vector_is_not_read_from_the_store() -> None:
    """Bug (round 13): the cosine of a passage only BM25 found was read from Chroma (~10 ms a
    question on realzh-dev) though the store's whole scope was kept in memory; it now comes
    from the kept unit vectors, the same cosine, and only passages not kept are read."""
    ids = ["a::0000", "b::0000"]
    raw = np.array([[3.0, 4.0, 0.0], [0.0, 2.0, 0.0]], dtype=np.float32)
    vectors = ScopeVectors()
    vectors.matrix(frozenset("ab"), lambda docs: (ids, raw))
    reads: list[list[str]] = []

    def get_vectors(cids: list[str]) -> dict[str, list[float]]:
        reads.append(cids)
        return {cid: [1.0, 0.0, 0.0] for cid in cids}

    store = SimpleNamespace(scope_vectors=vectors, get_vectors=get_vectors)
    found = Found([1.0, 1.0, 0.0])
    cosines = HybridRetriever._cosines(SimpleNamespace(store=store),  # type: ignore[arg-type]
                                       [*ids, "c::0000"], found)
    assert reads == [["c::0000"]]
    for cid, vector in zip(ids, raw, strict=True):
        assert abs(cosines[cid] - found.cosine(vector)) < 1e-6
    assert cosines["c::0000"] == found.cosine([1.0, 0.0, 0.0])
    assert vectors.matrix(frozenset("b"), lambda docs: ([], raw[:0]))[0] == ["b::0000"]
