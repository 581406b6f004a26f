"""An open list question ("which fields", "哪些平台", "what must … include") is answered by the
sentence listing the things asked, not by a neighbour sharing the question's other words.

Regressions from round 27's held-out chains (h27): "Which fields does Shenzhen's AI action plan
focus on to strengthen scientific and technological research and development?" quoted the
talent-pool measure (its "scientific research institutions"), not "Focus on general large-scale
models, …, intelligent sensors, … and other fields" under the heading the question restates;
"…, what must project units include when preparing proposals …?" was refused as asking a body
(the kinds read "what … units" as "which units").
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.answering.question_kinds import Kind, asked_kinds
from app.models import AskRequest
from app.retrieval.listing import asked_noun, open_list_bonus
from app.services import Services
from app.store.records import Chunk


@dataclass(frozen=True)
class _Sentence:
    text: str
    chunk: Chunk


def _sentence(text: str, section: str = "") -> _Sentence:
    return _Sentence(text, Chunk("c", "d", text, 0, len(text), {"section": section}))


@pytest.mark.parametrize(("question", "noun"), [
    ("Which fields does the plan focus on?", "field"),
    ("What core review points does the training cover?", "point"),
    ("要成立哪些机构？", "机构"),
    ("具体鼓励建哪些平台？", "平台"),
    ("What does the plan propose for new computing power?", ""),
    ("哪天发布的？", ""),
])
def test_the_asked_noun(question: str, noun: str) -> None:
    assert asked_noun(question) == noun


@pytest.mark.parametrize(("question", "text", "listing"), [
    ("Which fields does it focus on?", "Focus on large models, chips, sensors and other fields.",
     True),
    ("Which public places will it rely on?", "Relying on public places such as ports, airports "
     "and parks, build experience scenes.", True),
    ("具体鼓励建哪些平台？", "Encourage the creation of an artificial intelligence public service "
     "platform, a test base, and a two-way flow platform for talents.", True),
    # One thing of the kind, or things of another kind, list nothing asked.
    ("Which fields does it focus on?", "Support training in the field of large models.", False),
    ("具体鼓励建哪些平台？", "Support schools, enterprises and universities.", False),
])
def test_a_sentence_listing_the_asked_kind_gains(question: str, text: str, listing: bool) -> None:
    assert (open_list_bonus(question, _sentence(text), set(), set()) > 0) is listing


def test_a_heading_the_question_restates_lends_its_sentences_support() -> None:
    asked = {"strengthen", "scientif", "technolog", "research", "develop", "field", "focus"}
    under = _sentence("Focus on chips.", "2. Enhance > (4) Strengthen scientific and technological "
                                         "research and development.")
    other = _sentence("Form an alliance.", "5. Talent > (14) Create a high-level talent pool.")
    assert open_list_bonus("What does it do?", under, asked, set()) > 0
    assert open_list_bonus("What does it do?", other, asked, set()) == 0


def test_the_subject_of_what_is_not_asked() -> None:
    """"what must project units include" asks a thing the units include, not a body."""
    assert Kind.ORG not in asked_kinds("What must project units include when preparing reports?")
    assert Kind.ORG not in asked_kinds("What did the committee of experts approve in 2024?")
    assert Kind.ORG in asked_kinds("What units are responsible for the task?")
    assert Kind.ORG in asked_kinds("Which department must the enterprise apply to?")


@pytest.mark.parametrize(("question", "fact"), [
    ("Which fields does Shenzhen's AI action plan focus on to strengthen scientific and "
     "technological research and development?", "intelligent sensors"),
    ("Under Zhanjiang's notification on digital-intelligent construction in government-invested "
     "projects, what must project units include when preparing proposals and feasibility study "
     "reports for projects in the digital-intelligent project library?",
     "Project Digital-Intelligence and AI Application Plan"),
])
def test_an_open_list_question_quotes_the_list(services: Services, question: str,
                                               fact: str) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert not answer.refused and fact in answer.answer, answer.answer
