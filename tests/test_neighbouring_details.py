"""A neighbouring detail answers nothing it is not attached to (issues 22/23).

Regressions (round 9's fresh batch refusal9, tuning half):
- "遵义对在算力企业工作的硕士研究生给多少住房补贴？" was answered "每月1500元", the masters'
  living allowance (生活补贴): the sum asked was read as any 补贴, not the housing one asked;
- "What is the deadline for Zhanjiang project units to submit their … Application Plan?" was
  answered by the sentence saying the notification was issued "in November 2025": a document's
  day of issue was taken for the date of another event;
- "漳州2023年每万人拥有多少个5G基站？" was answered with the plan's target for 2025 ("The city
  has 30 5G base stations per 10,000 people", after "By 2025, …"): a goal's figure was read as
  the count in a year the question names and the goal does not.
"""

from __future__ import annotations

import json

import pytest

from app.answering.answerability import sentence_labels
from app.answering.citations import Sentence
from app.models import AskRequest
from app.retrieval.taggers import qualifier
from app.services import Services
from app.store.records import Chunk
from ingest.entities import entities_of


def _sentence(text: str, at: str | None = None) -> Sentence:
    """The sentence ``at`` (the whole text if None) of a chunk ``text``, with ingest's entities."""
    entities = json.dumps([list(e) for e in entities_of([text])[0]])
    chunk = Chunk("c1", "doc", text, 0, len(text), {"entities": entities})
    start = text.index(at) if at else 0
    return Sentence(chunk, start, start + len(at or text), at or text, 1)


def _labels(sentence: Sentence, question: str) -> set[str]:
    labels = sentence_labels(sentence, question)
    assert labels is not None  # stored with NER
    return labels


@pytest.mark.parametrize(
    ("text", "noun", "which"),
    [
        ("遵义给硕士研究生多少住房补贴？", "补贴", "住房"),  # jieba keeps 住房补贴 whole
        ("一次性建设补贴最高多少？", "补贴", "建设"),
        ("单个项目最高奖励多少？", "奖励", ""),  # a degree says no kind of award
        ("How much construction subsidy does Datong give a station?", "subsidy", "construction"),
        ("What is the total investment of the project?", "investment", ""),
        ("How large is the AI fund group?", "fund", ""),  # a name says no kind of fund
    ],
)
def test_the_noun_saying_which_sum(text: str, noun: str, which: str) -> None:
    start = text.index(noun)
    assert qualifier(text, start, start + len(noun)) == which


def test_a_sum_of_another_kind_states_no_sum_asked() -> None:
    text = ("（八）对在遵义算力企业全职工作的博士研究生，给予每月3000元生活补贴；"
            "硕士研究生每月1500元，补贴期限3年。")
    masters = _sentence(text, "硕士研究生每月1500元，补贴期限3年。")
    assert "MONEY" not in _labels(masters, "硕士研究生给多少住房补贴？")
    assert "MONEY" in _labels(masters, "硕士研究生每月给多少生活补贴？")
    english = ("3.2 Stations that sell hydrogen at no more than 35 yuan per kilogram will receive "
               "an operating subsidy of 10 yuan per kilogram sold.")
    asked = "How much construction subsidy does a new station receive?"
    assert "MONEY" not in _labels(_sentence(english), asked)
    assert "MONEY" in _labels(_sentence(english), "How much operating subsidy is paid?")


def test_a_documents_day_of_issue_dates_no_other_event() -> None:
    text = ("The Administration, jointly with the finance department, issued a notification in "
            "November 2025 titled \"Notification on Strengthening Digital Construction\".")
    deadline = "What is the deadline for project units to submit their plans?"
    assert "DATE" not in _labels(_sentence(text), deadline)
    issued = "In which month did the Administration issue the notification?"
    assert "DATE" in _labels(_sentence(text), issued)


def test_a_goal_years_figure_is_no_other_years() -> None:
    text = ("By 2025, the city's new infrastructure construction will have made breakthrough "
            "progress. The city has 30 5G base stations per 10,000 people.")
    figure = _sentence(text, "The city has 30 5G base stations per 10,000 people.")
    assert "NUMBER" not in _labels(figure, "漳州2023年每万人拥有多少个5G基站？")
    assert "NUMBER" in _labels(figure, "漳州到2025年每万人拥有多少个5G基站？")


@pytest.mark.parametrize(
    "question",
    [
        "What is the deadline for Zhanjiang project units to submit their Project "
        "Digital-Intelligence and AI Application Plan?",
        "漳州2023年每万人拥有多少个5G基站？",
    ],
)
def test_a_neighbouring_detail_is_refused(services: Services, question: str) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert answer.refused, answer.answer


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("When will the Pengcheng Cloud Brain III project start construction?", "2023"),
        ("漳州到2025年互联网出口带宽要达到多少？", "10.5Tbps"),
        ("In which month did Zhanjiang issue the notification on digital-intelligent "
         "construction in government-invested projects?", "November 2025"),
    ],
)
def test_the_detail_attached_is_still_answered(services: Services, question: str,
                                               fact: str) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert not answer.refused, answer.answer
    assert fact in answer.answer
