"""A question asking which ones of a number it gives is answered only by a sentence listing them
(issues 22 + 23), and what a sum is for may be said by a verb before its noun (养护经费).

Regression: on round 9's batch h9 "岳阳那8个市级夜间经济特色街区具体是哪几个？" was answered
with the sentence giving the count ("全市建成市级夜间经济特色街区8个"), and
"湘潭村道每公里每年的养护经费是多少？" with Xiangtan's manufacturing fund (80 million yuan a
year): 养护, tagged a verb by jieba, was not read as what the 经费 is for. On refusal10's fresh
batch "Which are the eleven key evaluation indicators …" and "海珠…八条措施具体都有哪些？" quoted
the count sentence too. The controls ask the same kind where the text does list the things, and
must still be answered.
"""

from __future__ import annotations

import pytest

from app.answering.question_kinds import Kind, asked_kinds, asked_sum
from app.models import AskRequest
from app.retrieval.enumeration import listed_count, lists
from app.services import Services


@pytest.mark.parametrize(("question", "count"), [
    ("岳阳那8个市级夜间经济特色街区具体是哪几个？", 8),
    ("湛江推进人工智能应用的六个重点领域是哪些？", 6),
    ("Which are the eleven key evaluation indicators Zhangzhou chose?", 11),
    ("Which three companies are building the center?", 3),
    ("List the 25 key tasks of the plan.", 25),
    # The count is of other things than those asked, or a threshold, or no list is asked.
    ("天津开发区发布的“暖企十六条”涵盖哪些方面？", None),
    ("重庆的95个观察点提供哪些服务？", None),
    ("获得2项以上专利的企业有哪些？", None),
    ("Which services do the 95 sites offer?", None),
    ("How many of the three companies are state-owned?", None),
    ("What is the budget over the three years?", None),
])
def test_a_question_gives_the_number_of_the_things_it_asks_which_of(question: str,
                                                                     count: int | None) -> None:
    assert listed_count(question) == count
    assert (Kind.ITEMS in asked_kinds(question)) is (count is not None)


@pytest.mark.parametrize(("sentence", "count", "listed"), [
    ("Zhanjiang is applying AI across six key fields: manufacturing, marine economy, agriculture"
     " and rural areas, education, health, and transportation.", 6, True),
    ("It is jointly built by Jiazhi Huixing, Guoxing Yuhang, and Qianxing Holdings.", 3, True),
    ("从支援抗疫一线人员、保障物资生产供应、鼓励防疫物资公益捐赠、支持企业复工复产、延期缴纳税费、"
     "优化税费管理服务六个方面出台了十项举措。", 6, True),
    # The count alone; a series before the count lists other things; too short a series.
    ("到2026年底，全市建成市级夜间经济特色街区8个，每个县市区至少建成1个。", 8, False),
    ("The Bureau, with the Bureau of Science, Industry, Commerce, and Information Technology, "
     "released eight measures.", 8, False),
    ("It is jointly built by Jiazhi Huixing, Guoxing Yuhang, and Qianxing Holdings.", 8, False),
    # Two things are listed by "and" alone (the cities probe's "which two heritage sites").
    ("It will scan the Longmen Grottoes and the Sui-Tang Luoyang City site by 2026.", 2, True),
    ("全市建成两个示范区和三个基地。", 3, False),
])
def test_a_sentence_lists_the_things_after_or_into_their_count(sentence: str, count: int,
                                                                 listed: bool) -> None:
    assert lists(sentence, count) is listed


def test_a_verb_before_a_money_noun_says_what_the_sum_is_for() -> None:
    assert asked_sum("湘潭村道每公里每年的养护经费是多少？") == ("经费", "养护")


@pytest.mark.parametrize("question", [
    "Which are the eleven key evaluation indicators Zhangzhou chose for its new infrastructure "
    "plan?",
    "海珠发布的支持人工智能终端集聚发展的八条措施具体都有哪些？",
])
def test_a_count_does_not_answer_which_ones(services: Services, question: str) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert answer.refused, answer.answer
    assert answer.refusal_code == "kind_not_stated"


@pytest.mark.parametrize(("question", "facts"), [
    ("湛江推进人工智能应用的六个重点领域是哪些？", ["manufacturing", "transportation"]),
    ("Which three companies are jointly building the Pazhou Space Intelligent Computing Center?",
     ["Jiazhi Huixing", "Qianxing Holdings"]),
])
def test_a_list_answers_which_ones(services: Services, question: str, facts: list[str]) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert not answer.refused
    assert all(fact in answer.answer for fact in facts), answer.answer
