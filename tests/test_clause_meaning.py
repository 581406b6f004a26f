"""A Chinese question in everyday words whose anchor sentence holds the fact but not one of its
words (电瓶车 for 电动自行车, 拖走 for 集中转运): round 48's zhfr49 counted 68 such refusals, and
word vectors could not tell the asker's synonym from a sibling. The bug: `says_every_word`
refused any anchor under the support threshold leaving a content word unsaid. The question's
clause (its asking words aside) against each candidate sentence, by the multilingual model,
tells them apart where it places the anchor nearest by a lead; a sibling modifier does not pass."""

from __future__ import annotations

from app.retrieval.shortened import clause_of, leads_by_clause
from app.services import Services

_SENTENCES = [
    "1. 2025年11月30日前，在住宅小区、城中村新建电动自行车集中停放充电点500处，"
    "充电服务收费每千瓦时不超过1元。",
    "2. 严禁电动自行车进楼入户、飞线充电，物业服务企业应当加强日常巡查，"
    "发现问题及时劝阻并报告属地社区。",
    "3. 对新建公共充电桩的运营企业，按直流充电桩每千瓦200元给予建设补助。",
]


def _leads(services: Services, question: str, anchor: str, unsaid: list[str]) -> bool:
    ranker = services.answerers["extractive"].ranker  # type: ignore[attr-defined]
    return leads_by_clause(ranker.crosslingual, ranker.crosslingual_vectors, question,
                           _SENTENCES, anchor, unsaid)


def test_the_clause_asked_lies_nearest_the_sentence_saying_it_otherwise(
        services: Services) -> None:
    """汉中: 电瓶车 unsaid, the clause says what the charging-fee sentence says (zhfr49's cause)."""
    assert _leads(services, "汉中小区里给电瓶车充电，一度电最多收多少钱？", _SENTENCES[0],
                  ["电瓶车"])


def test_a_sibling_modifier_of_a_noun_the_anchor_qualifies_otherwise_is_no_restatement(
        services: Services) -> None:
    """柳州's must-refuse line: 交流充电桩 asked, the anchor states 直流充电桩's subsidy."""
    assert not _leads(services, "柳州对新建交流充电桩每千瓦补助多少元？", _SENTENCES[2], ["交流"])


def test_the_clause_is_the_question_without_its_asking_words() -> None:
    assert clause_of("漯河图书馆大年初一开门吗？") == "漯河图书馆大年初一开门"
    assert clause_of("一度电最多收多少钱？") == "一度电最多收钱"
