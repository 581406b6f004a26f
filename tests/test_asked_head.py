"""A question asking with a noun no question word reads ("what *risk compensation* do guarantee
companies receive", "what home care service *vouchers* do the severely disabled receive") asks a
figure of that noun all the same (issue 23, round 39: enrefuse39 and enhead40 found such must-
refuse questions answered by another holder's figure — the *banks'* risk compensation, the
*moderately* disabled's vouchers — because no kind was asked, so no holder was judged). The noun
is read from spaCy's parse (``asked_head``); a sentence naming it beside a figure is judged as a
sum asked is, and the holders the texts do name are still answered. The document is the test's
own, with no manifest."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.models import AskRequest
from app.retrieval.question_frame import asked_head
from app.services import Services
from tests.support.served import services_over

MEASURES = "\n".join([
    "Hami Measures to Support Rooftop Solar Power and Home Care (2026)",
    "Issued by the Hami Municipal Development and Reform Commission",
    "Date of issue: 8 May 2026",
    "",
    "1. Banks that issue green loans for rooftop photovoltaic projects receive a risk "
    "compensation of up to 20% of the loss on a defaulted loan.",
    "2. Elderly people from low-income households who are assessed as moderately disabled "
    "receive home care service vouchers worth 300 yuan per month.",
    "3. An industrial enterprise that installs a rooftop photovoltaic system receives a one-off "
    "construction subsidy of 0.1 yuan per watt.",
    "4. By 2027 the city will reach rooftop photovoltaic coverage of 40% on the roofs of public "
    "buildings.",
    "",
])


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    with services_over(tmp_path_factory.mktemp("asked-head"),
                       {"hami-2026-solar-and-care": MEASURES}) as built:
        yield built


@pytest.mark.parametrize(("question", "head"), [
    ("What risk compensation do Hami's guarantee companies receive?", "compensation"),
    ("How much are the hotel vouchers in Hami?", "vouchers"),
    ("What nightly room price may a Hami homestay charge?", "price"),
    ("What is the water price for a Hami household?", "price"),
    ("What is Hami's annual special fund meant to attract?", ""),  # what the clause asks
    ("What does Hami pay for a rooftop system?", ""),
    ("哈密的风险补偿是多少？", ""),
])
def test_the_asked_noun_is_read_from_the_parse(question: str, head: str) -> None:
    assert asked_head(question) == head


@pytest.mark.parametrize("question", [
    "What risk compensation do Hami's guarantee companies receive for defaulted solar loans?",
    "What home care service vouchers do elderly people from low-income households who are "
    "assessed as severely disabled receive in Hami?",
])
def test_another_holders_figure_is_no_answer(services: Services, question: str) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert answer.refused, answer.answer


@pytest.mark.parametrize(("question", "fact"), [
    ("What risk compensation do Hami's banks receive for defaulted green loans?", "20%"),
    ("What home care service vouchers do elderly people from low-income households who are "
     "assessed as moderately disabled receive in Hami?", "300 yuan per month"),
])
def test_the_holders_named_are_still_answered(services: Services, question: str,
                                              fact: str) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert fact in answer.answer, answer.answer


def test_a_documents_own_figure_names_no_holder(services: Services) -> None:
    """The plan as the asking clause's subject asks what the plan says, not a holder's figure: the
    holder reading refused a main-store answer ("what gigabit fiber coverage does the plan
    target") before this was read."""
    answer = services.ask(AskRequest(question="For a seminar on Hami's rooftop solar, what "
                                     "photovoltaic coverage does the plan target by 2027?",
                                     mode="extractive"))
    assert "40%" in answer.answer, answer.answer
