"""Across questions asking a kind by place (issue 23 item 4): each place is asked its own
conjunct whole, a prepositional phrase after its noun included, and of a place's sentences the
one whose compound the asked noun heads answers."""

from __future__ import annotations

from pathlib import Path

from app.briefing.conjuncts import each_place
from app.briefing.topic_words import holding
from app.retrieval.question_frame import asked_head_zh
from tests.support.served import asked, serve_texts

_BAOTOU = (
    "Baotou Municipal Bureau of Industry notice on the robotics action plan.\n"
    "Baotou issued the Baotou Action Plan for Industrial Robots (2026-2028) to raise the share "
    "of automated workshops. The city will train 500 robot maintenance technicians.\n"
    "Baotou Municipal Bureau of Industry, 2026-02-10")
_WUHAI = (
    "Wuhai Municipal Bureau of Industry notice on the robotics plan.\n"
    "Wuhai issued the Wuhai Action Plan for Service Robots in Elderly Care Homes (2027-2029) to "
    "bring robots into care homes. Each care home may apply for one pilot robot.\n"
    "Wuhai Municipal Bureau of Industry, 2026-07-01")


def _spans(question: str, places: tuple[str, ...]) -> list[tuple[str, tuple[int, int]]]:
    return [(p, (question.index(p), question.index(p) + len(p))) for p in places]


def test_a_conjunct_runs_through_the_prepositional_phrase_after_its_noun(tmp_path: Path
                                                                         ) -> None:
    """Regression (round 41's h38 across line): the last conjunct ended at the determiner of its
    noun's prepositional phrase ("… action plan for | an AI-permeated city"), so the phrase's
    object was asked of the first place too ("Shenzhen's AI action plan an AI-permeated city")
    and it went unanswered. A preposition after the place's own name still ends its conjunct."""
    question = ("Which years are covered by Baotou's action plan and by Wuhai's action plan for "
                "the robots in care homes?")
    assert each_place(question, _spans(question, ("Baotou", "Wuhai"))) == {
        "Baotou": "Which years are covered by Baotou's action plan?",
        "Wuhai": "Which years are covered by Wuhai's action plan for the robots in care homes?"}
    with serve_texts(tmp_path, {"baotou-robots": _BAOTOU, "wuhai-robots": _WUHAI}) as client:
        answer = str(asked(client, question)["answer"])
    assert "2026-2028" in answer and "2027-2029" in answer


def test_the_asked_noun_weighs_where_it_heads_the_topic_words() -> None:
    """Regression (across9's Shenzhen platform line, made worse by acrosspick42): a sentence
    naming "a … service area" beside another platform held as many of the question's words as
    the one naming the "public technology service platforms" asked, and came first. The noun
    the interrogative determines (jieba's last noun after it, as a Chinese noun phrase ends on
    its head) counts once more where it ends a run of the question's other words."""
    assert asked_head_zh("哪个机构负责？") == "机构"
    assert asked_head_zh("他们打算建设什么样的数据公共服务平台？") == "平台"
    assert asked_head_zh("采暖期有多少天？") == ""
    held = holding("打算建设什么样的数据公共服务平台？", set())
    area = "Relying on the city enterprise platform, open a data service area for firms."
    platform = "Cultivate several distinctive data public technology service platforms."
    # Both hold the same topic words (data, service, platform): the head's place tells them apart.
    assert held(platform) > held(area)
    english = holding("What data service platforms does the city build?", set())
    assert english("It builds two data service platforms.") > english(
        "On the platform of its portal it builds a data service area.")
