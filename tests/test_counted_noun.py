"""A figure answers a count or a size only of the noun it is attached to (issue 23, refusal12).

Regression: unanswerable questions were answered with a sentence holding a figure of the kind
asked but of another noun: "How many participants attended the inauguration …?" with "released
eight measures", and in generate mode a rescue "Nearly one hundred participants …" passed the
check for a question asking how many projects a project library holds. The noun comes from
spaCy's parse (English) and the Chinese order number–measure word–noun; a sentence naming the
thing asked (or a word close to it: "key jobs" for tasks) may count it by a broader word, and
is not judged.
"""

from __future__ import annotations

import pytest

from app.answering.generation.check import answers_nothing
from app.models import AskRequest
from app.retrieval.counted import asked_nouns, counts
from app.services import Services

ATTENDED = ("Nearly one hundred participants, including relevant project leaders and technical "
            "specialists from municipal and county-level government departments, attended.")


def test_a_figure_of_another_noun_answers_no_count(services: Services) -> None:
    question = "How many participants attended the inauguration of Haizhu's AI Development Bureau?"
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert answer.refused, answer.answer


@pytest.mark.parametrize(
    ("question", "fact"),
    [("漳州到2025年每万人拥有多少个5G基站？", "30 5G base stations"),
     ("深圳计划支持建设多少个人工智能联合实验室？", "more than 5"),
     ("海珠区人工智能发展局和区科工商信局一起出台了几条支持AI终端的措施？", "eight measures"),
     ("For my slide on Guangzhou's digital pilot: how many key jobs does the plan hand out?",
      "25 key tasks"),
     ("湛江这次培训大概有多少人参加？", "one hundred")],
)
def test_a_figure_of_the_noun_asked_still_answers(services: Services, question: str,
                                                  fact: str) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert not answer.refused and fact in answer.answer, answer.answer


def test_the_counted_noun_is_read_in_both_languages() -> None:
    assert asked_nouns("湛江数智化项目库目前收录了多少个政府投资项目？") == ("项目",)
    assert asked_nouns("How many new-energy refrigerated trucks will it support?") == ("truck",)
    assert asked_nouns("湛江这次培训大概有多少人参加？") == ()  # any person: not judged
    at = ATTENDED.index("one hundred")
    assert not counts(ATTENDED, at, at + 11, ("专家",))
    assert counts(ATTENDED, at, at + 11, ("participant",))
    trucks = "Firms buying refrigerated trucks get aid for no more than 30 vehicles a year."
    assert counts(trucks, trucks.index("30"), trucks.index("30") + 2, ("truck",))  # refers back


def test_a_generated_count_of_another_noun_answers_nothing() -> None:
    assert answers_nothing(ATTENDED, "湛江数智化项目库目前收录了多少个政府投资项目？")
    assert not answers_nothing(ATTENDED, "About how many people attended Zhanjiang's training?")
    assert not answers_nothing("The plan contains 29 tasks.", "How many tasks does the plan hold?")


def test_a_verb_after_the_counted_noun_ends_its_phrase() -> None:
    """Regression (round 12 merge, eval test zh-18: "湛江准备在多少个重点领域统筹推进人工智能应用
    落地？" no longer quoted "…across six key fields"): the phrase after 多少个 ran on through the
    verbs to 落地, so the count asked was read as one of 落地, and "six key fields" counted
    another thing."""
    assert asked_nouns("湛江准备在多少个重点领域统筹推进人工智能应用落地？") == ("领域",)
    assert asked_nouns("深圳要和科研机构一起建多少个联合实验室？") == ("实验室",)
