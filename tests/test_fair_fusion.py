"""Chinese retrieval beside English texts: the fusion is fair to a passage only some rankings
can read, BM25 reads Chinese as character pairs too, and a passage takes its whole document's
rank (issue 22, item 3).

Regression: in a store of Chinese notices beside English plans, a Chinese question's best
Chinese passage, found by BM25 alone, lost to English passages that the English-only model
and the cross-lingual model could only rank among themselves; realzh-dev's right document
first fell from 0.81 to 0.54 once the English corpus was stored beside it. The texts here are
written by the test.
"""

from __future__ import annotations

from pathlib import Path

from app.retrieval.fusion import Ranking, reciprocal_rank_fusion
from app.services import Services
from app.store.bm25 import DOCUMENTS_DIR, LexicalIndex
from app.store.bm25_build import build_index
from app.store.records import Chunk
from ingest.pipeline import ingest
from tests.conftest import make_settings


def _english(cid: str) -> bool:
    return cid.startswith("en")


def test_a_passage_only_bm25_reads_is_not_outranked_by_models_that_cannot_read_it() -> None:
    bm25 = Ranking(1.0, ["zh-notice", "zh-other", "en-plan", "en-other"])
    dense = Ranking(1.0, ["en-plan", "en-other"], reads=_english)
    crosslingual = Ranking(2.0, ["en-other", "en-plan"], reads=_english)
    fused = reciprocal_rank_fusion([bm25, dense, crosslingual], k=60)
    assert fused[0] == "zh-notice"


def test_a_ranking_that_read_a_passage_and_left_it_out_counts_against_it() -> None:
    dense = Ranking(1.0, ["en-a", "en-b"])
    bm25 = Ranking(1.0, ["en-b"])
    assert reciprocal_rank_fusion([dense, bm25], k=60) == ["en-b", "en-a"]


def test_every_passage_takes_its_documents_rank() -> None:
    passages = Ranking(1.0, ["a#1", "b#1", "b#2"])
    documents = Ranking(1.0, ["b"], holder=lambda cid: cid.split("#")[0])
    assert reciprocal_rank_fusion([passages, documents], k=60) == ["b#1", "b#2", "a#1"]


def _chunk(doc_id: str, text: str, title: str = "") -> Chunk:
    return Chunk(f"{doc_id}::0000", doc_id, text, 0, len(text),
                 {"doc_id": doc_id, "title": title, "start": 0})


def test_bm25_matches_chinese_words_jieba_cuts_differently(tmp_path: Path) -> None:
    """jieba cuts 小微企业 as 小微 企业 but 中小微企业 as 中小 微 企业: the question's word 小微
    is in neither document's words, only in the pairs of one of them."""
    chunks = [_chunk("small", "支持中小微企业渡过难关，减免房租。"),
              _chunk("large", "支持大型企业渡过难关，减免房租。")]
    build_index(chunks, tmp_path / "bm25", "test")
    found = LexicalIndex(tmp_path / "bm25").search("小微企业有何支持？", 2, None)
    assert found[0][0] == "small::0000"
    assert found[0][1] > found[1][1]


def test_bm25_reads_a_notices_traditional_forms_as_the_asker_writes_them(tmp_path: Path
                                                                         ) -> None:
    """Regression (realzh-dev): web copies write 以後 and 復工後 (83 of its 299 notices hold 後);
    a question's 复工后 matched none of their words nor pairs, so the notice lost to one
    that wrote the sentence in simplified forms."""
    chunks = [_chunk("web", "企業復工後，員工返崗前須進行體溫檢測。"),
              _chunk("other", "企业返岗的员工需要接受检测。")]
    build_index(chunks, tmp_path / "bm25", "test")
    found = LexicalIndex(tmp_path / "bm25").search("企业复工后员工返岗要做什么？", 2, None)
    assert found[0][0] == "web::0000"


def test_the_documents_index_reads_a_title_no_passage_holds(tmp_path: Path) -> None:
    title = "关于减免房租的通知"
    chunks = [_chunk("rent", "一、对承租国有资产类经营用房的企业，免收2月份租金。", title),
              _chunk("rent", "二、本通知自印发之日起施行。", title),
              _chunk("parking", "一、免收2月份停车费。", "关于停车收费的通知")]
    chunks[1] = Chunk("rent::0001", "rent", chunks[1].text, 30, 44, chunks[1].metadata)
    build_index(chunks, tmp_path / "bm25", "test")
    index = LexicalIndex(tmp_path / "bm25")
    assert (tmp_path / "bm25" / DOCUMENTS_DIR).is_dir()
    assert index.documents is not None
    ranked = index.documents.search("减免房租的通知何时施行", 2, None)
    assert ranked[0][0] == "rent"


def test_a_chinese_questions_question_words_are_not_searched(tmp_path: Path) -> None:
    """Regression: a question's 哪些 and the pairs across it (有哪, 哪些行) were searched as its
    words, so a Q&A page that asks "哪些…？" of other things outranked the notice stating what
    was asked; on realzh-dev "哪些行为会构成犯罪？" found a Q&A page before the notice listing
    the acts. Chinese leaves its question word where the answer stands: the text answering
    never holds it."""
    from app.retrieval.glossary import lexical_query

    query = lexical_query("哪些行为会构成犯罪？", chinese_texts=True)
    assert "哪些" not in query and "行为会构成犯罪" in query
    chunks = [_chunk("law", "传播病毒、暴力伤医、拦抢物资等行为构成犯罪的，依法追究刑事责任。"),
              _chunk("faq", "问：哪些人员需要隔离？哪些场所需要消毒？哪些行为会被劝导？")]
    build_index(chunks, tmp_path / "bm25", "test")
    index = LexicalIndex(tmp_path / "bm25")
    assert index.search("哪些行为会构成犯罪？", 1, None)[0][0] == "faq::0000"  # as it was searched
    assert index.search(query, 1, None)[0][0] == "law::0000"


CHINESE_NOTICE = (
    "宿迁市人民政府关于减轻中小微企业房租负担的通知\n"
    "各县（区）人民政府，市各委办局：\n"
    "一、对承租市属国有资产类经营用房的中小微企业，免收2月份房租，3月至4月房租减半收取。\n"
    "二、本通知自印发之日起施行。\n"
    "宿迁市人民政府\n2020年2月6日\n"
)
ENGLISH_PLANS = {
    "rent-plan": (
        "Measures on Rent and Office Space for Start-ups\n"
        "1. Start-ups renting office space in city-owned incubators pay reduced rent for "
        "two years.\n2. Each incubator reports its rent relief to the bureau every quarter.\n"
    ),
    "fund-plan": (
        "Plan for an Enterprise Support Fund\n"
        "1. The fund supports small and medium enterprises with loans and rent subsidies.\n"
        "2. Enterprises apply to the finance bureau.\n"
    ),
}


def test_a_chinese_question_finds_the_chinese_notice_beside_english_plans(
    tmp_path: Path,
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "suqian-rent.txt").write_text(CHINESE_NOTICE, encoding="utf-8")
    for name, text in ENGLISH_PLANS.items():
        (docs / f"{name}.txt").write_text(text, encoding="utf-8")
    settings = make_settings(tmp_path / "data")
    assert not ingest([docs], settings).failed
    services = Services.build(settings)
    result = services.retriever.retrieve("承租国有资产用房的小微企业房租怎么减免？", None, 3,
                                         in_force=False)
    assert result.hits[0].chunk.doc_id == "suqian-rent"
    english = services.retriever.retrieve("Which start-ups pay reduced rent?", None, 3,
                                          in_force=False)
    assert english.hits[0].chunk.doc_id == "rent-plan"
