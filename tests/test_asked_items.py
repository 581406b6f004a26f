"""A figure the texts give for a neighbouring item is no answer for the item a question asks it
for (issue 23, round 37: enneigh38 found "what subsidy per tonne … for straw briquettes" answered
by the biomass *pellets'* fuel subsidy, "pay towards a household replacing its windows" by the
wall insulation subsidy, and enrefuse37's "hail nets" by a rain shelter's: the sentence named no
briquette, window or net). The item is read from spaCy's parse (``asked_items``); it is named by
the sentence as written or by the embedder's close word, and the items the texts do name are
still answered. The document is the test's own, with no manifest."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.models import AskRequest
from app.retrieval.asked_items import asked_items
from app.services import Services
from tests.support.served import services_over

MEASURES = "\n".join([
    "Measures of Suizhou City for Subsidising Clean Household Heating (2026)",
    "Issued by the Suizhou Municipal Development and Reform Commission",
    "Date of issue: 3 September 2026",
    "",
    "1. A household that installs a clean biomass pellet stove receives 1,100 yuan per stove.",
    "2. Households using biomass pellet stoves receive a fuel subsidy of 250 yuan per tonne of "
    "pellets, for up to 2 tonnes per heating season.",
    "3. A rural household that insulates the roof and external walls of its house receives 90 "
    "yuan per square metre, up to 7,000 yuan per household.",
    "4. A household that installs a condensing gas wall-hung boiler receives a one-off subsidy "
    "of 2,600 yuan.",
    "",
])


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    with services_over(tmp_path_factory.mktemp("asked-items"),
                       {"suizhou-2026-clean-heating": MEASURES}) as built:
        yield built


@pytest.mark.parametrize(("question", "items"), [
    ("What subsidy per tonne does Suizhou give for straw briquettes burned for heating?",
     ("briquette",)),  # not "heating": a word of the item's own phrase
    ("How much does Suizhou pay towards a household replacing its windows?", ("window",)),
    ("How much does Suizhou give a household that puts in a gas boiler?", ("boiler",)),
    ("We bought two stoves for our house. What is the most Suizhou pays?", ()),
    ("How much does Suizhou give per tonne of pellets, for how many tonnes?", ()),
    # a stranded "for" (the chains' Zhanjiang share was refused) and a fronted one (a frame)
    ("What share of total investment must digital upgrades account for in Suizhou?", ()),
    ("For each new childcare place built, how much subsidy does Suizhou give?", ()),
])
def test_the_item_is_read_from_the_parse(question: str, items: tuple[str, ...]) -> None:
    assert asked_items(question) == items


@pytest.mark.parametrize("question", [
    "What subsidy per tonne does Suizhou give for straw briquettes burned for heating?",
    "How much does Suizhou pay towards a household replacing its windows with double glazing?",
])
def test_a_neighbouring_items_figure_is_no_answer(services: Services, question: str) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert answer.refused, answer.answer


@pytest.mark.parametrize(("question", "fact"), [
    ("What subsidy per tonne does Suizhou give for pellets burned in household stoves?",
     "250 yuan per tonne"),
    ("What one-time payment does Suizhou make to a household that puts in a condensing gas "
     "boiler?", "2,600 yuan"),
    ("What does Suizhou pay per square metre for insulating the roof of a village house?",
     "90 yuan per square metre"),
])
def test_the_items_named_are_still_answered(services: Services, question: str,
                                            fact: str) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert fact in answer.answer, answer.answer
