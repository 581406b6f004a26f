"""A part of a question leaning on the one before it (issue 23, round 16): what it borrows, read
from the languages' grammar by the taggers (``app.retrieval.antecedents``), over the real corpus.
"""

from __future__ import annotations

import pytest

from app.answering.parts import split_parts
from app.models import AskRequest
from app.retrieval.antecedents import leans_back, topic
from app.services import Services


@pytest.mark.parametrize(("clause", "leans"), [
    ("which units are responsible for it?", True),  # a pronoun the verb takes
    ("how many tasks does its third part include?", True),  # a possessive in its subject
    ("when did Shenzhen issue its AI action plan?", False),  # its: the clause's own subject
    ("what hotline can residents call?", False),
    ("由哪些单位负责？", True), ("按什么比例？", True), ("又连续几年入选城市数据要素百强？", True),
    ("总投资是多少？", False), ("公共数据开放管理办法什么时候出台？", False),
    ("这项工作由哪些部门负责？", True),
    # A modifier joined to its noun by 的 opens a noun phrase: the clause's own subject.
    ("主要的考核指标有几个？", False), ("新的补贴标准是多少？", False),
])
def test_a_clause_leans_back_by_its_grammar(clause: str, leans: bool) -> None:
    assert leans_back(clause) is leans


@pytest.mark.parametrize(("clause", "leaning", "shared"), [
    ("How many key tasks does Guangzhou's digital transformation pilot plan put forward?",
     "how much money does it allocate to them?", "Guangzhou's digital transformation pilot plan"),
    # "it" is no plural: not "participants", the phrase the question asks for anyway.
    ("How many participants attended the Zhanjiang training?", "who organized it?",
     "Zhanjiang training"),
    ("What share of total investment must upgrades take in Zhanjiang?", "what model is its "
     "platform built on?", "Zhanjiang"),
    ("湛江的数智化培训由哪个单位组织？", "有多少人参加？", "湛江的数智化培训"),
    ("湛江连续几年入选数字城市百强？", "重点推进几个领域的人工智能应用？", "湛江"),
    # A subject dropped before an object of the clause's own is the place owning the topic (a
    # fund group's size builds no laboratories); the topic's thing again keeps the topic.
    ("深圳的人工智能基金群规模多大？", "要建几个人工智能联合实验室？", "深圳"),
    ("海珠的太空智算中心一期算力多大？", "建成后为谁提供算力？", "海珠的太空智算中心"),
    ("深圳的人工智能行动方案是哪一天发布的？", "由哪些部门发布？", "深圳的人工智能行动方案"),
    # Regression (parts51): a clause opening on a place, asking of a thing later, lent a part
    # naming no noun of its own only the place ("玉树 能退吗？" drew another sentence of the
    # notice): the noun phrase its question word measures goes with it.
    ("南山挖药材的押金交多少？", "能退吗？", "南山 药材的押金"),
    ("西湖的老人意外保险，保费一年多少？", "谁来出？", "西湖的老人意外保险 保费"),
])
def test_a_leaning_clause_borrows_the_topic_before_it(clause: str, leaning: str,
                                                      shared: str) -> None:
    assert topic(clause, leaning) == shared


def test_each_part_borrows_what_it_leans_on() -> None:
    """Regression: "…, and how much money does it allocate to them?" borrowed only "Guangzhou"
    (its capitalised words) and was answered with Haizhu's yearly fund; a pronoun bound by its
    own clause's subject ("when did Shenzhen issue its plan") borrowed Haizhu from the part
    before; "由哪些单位负责？" and "按什么比例？" borrowed nothing."""
    _, money = split_parts("How many key tasks does Guangzhou's digital transformation pilot "
                           "plan put forward, and how much money does it allocate to them?")
    assert money.text.startswith("Guangzhou's digital transformation pilot plan ")
    _, issued = split_parts("When did Haizhu's AI bureau open and when did Shenzhen issue its "
                            "AI action plan?")
    assert issued.text == issued.asked
    _, units = split_parts("深圳人工智能基金群的规模是多少？由哪些单位负责？")
    assert units.text.startswith("深圳人工智能基金群")
    # Without a verb of its own, a part asks what the part before asked, of the same subject.
    _, share, _ = split_parts("辽源犬只狂犬病疫苗的经费由谁分担，按什么比例，"
                              "以及犬只伤人后多久内要送检？")
    assert "经费" in share.text and "分担" in share.text


def test_a_part_opening_on_a_noun_phrase_of_its_own_borrows_nothing() -> None:
    """Regression (round 43's held set): a second part opening "最后的…" (a modifier, 的, a noun)
    was read as leaning back and borrowed all the first part said, its section and its counted
    noun, so the part asked the first part's count again and was refused."""
    _, last = split_parts("示范县实施方案第一部分有多少项任务？最后的保障措施一共几条？")
    assert last.text == last.asked


def test_an_enumerations_ordinals_are_no_words_of_its_parts() -> None:
    parts = split_parts("请回答两个问题：1. 漳州新基建行动计划包含几个部分？"
                        "2. 它选定了多少项重点评价指标？")
    assert parts[1].asked == "它选定了多少项重点评价指标？"
    assert parts[1].text.startswith("漳州新基建行动计划")
    parts = split_parts("Two questions: (1) how large is Shenzhen's AI fund group? (2) when does "
                        "Pengcheng Cloud Brain III start construction?")
    assert [p.asked[:4] for p in parts] == ["Two ", "when"]


def test_a_part_the_documents_do_not_answer_is_named_beside_the_other(
        services: Services) -> None:
    """Regression (round 16's fresh batch): "…, and how much money does it allocate to them?"
    was answered with Haizhu's special fund, another document's money."""
    answer = services.ask(AskRequest(
        question="How many key tasks does Guangzhou's digital transformation pilot plan put "
                 "forward, and how much money does it allocate to them?", mode="extractive"))
    tasks, money = answer.parts
    assert not tasks.refused and "25 key tasks" in tasks.answer
    assert money.refused and "310 million" not in answer.answer


def test_a_bare_count_counts_the_noun_the_part_before_counted(services: Services) -> None:
    """Regression (h28): "…加快信息基础设施那部分有几项任务？深化融合基础设施那部分又有几项？"
    answered the second part with the fourth section's "2 tasks": its count, by a measure word
    alone (几项), had lost the tasks it counts; "深圳的人工智能基金群规模多大？另外要建几个人工智能
    联合实验室？" asked the laboratories of the fund group's size and was refused."""
    _, second = split_parts("漳州行动计划里，加快信息基础设施那部分有几项任务？"
                            "深化融合基础设施那部分又有几项？")
    assert second.asked == "深化融合基础设施那部分又有几项？" and "几项任务" in second.text
    answer = services.ask(AskRequest(question="漳州行动计划里，加快信息基础设施那部分有几项任务？"
                                     "深化融合基础设施那部分又有几项？", mode="extractive"))
    assert "12 tasks" in answer.parts[0].answer and "15 tasks" in answer.parts[1].answer
    answer = services.ask(AskRequest(question="深圳的人工智能基金群规模多大？另外要建几个人工智能"
                                     "联合实验室？", mode="extractive"))
    assert not answer.parts[1].refused and "more than 5" in answer.parts[1].answer
