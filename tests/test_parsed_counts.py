"""Counts the small NER model misses, and questions asking a span by "how quickly" (issue 23,
round 40 enanswer41). "How many … workers will X train each year?" was refused as
kind_not_stated over "X will train 800 photovoltaic installation and maintenance workers a
year.": spaCy's en_core_web_sm tags no CARDINAL on "800" there, though its parse makes "800" the
count (nummod) of "workers", the noun asked. And "How quickly must the operator answer a
problem reported through the 12345 hotline?" was read as asking a phone number: a line named
after its number ("the 12345 hotline") asks none, and "how quickly"/"how soon" ask a span.

The document is written here (a made-up county), so nothing tests the corpus's own wording.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.answering.question_kinds import Kind, asked_kinds
from app.models import AskRequest
from app.retrieval.counted import asked_counts, states_count_of
from app.services import Services
from tests.support.served import services_over

SOLAR = (
    "Alderbank County Measures to Support Rooftop Solar (2026)\n\n"
    "Section 1 Skills\n"
    "The county will train 800 photovoltaic installation and maintenance workers a year.\n"
    "An installer who obtains an intermediate skill certificate receives 1,500 yuan.\n\n"
    "Section 2 Services\n"
    "Residents may report faults through the 12345 government service hotline.\n"
    "The operator shall reply within 3 working days.\n")
ASKED = "How many photovoltaic installation and maintenance workers will Alderbank train each year?"


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    with services_over(tmp_path_factory.mktemp("parsed"), {"alderbank-solar": SOLAR}) as built:
        yield built


def test_a_count_of_the_asked_noun_is_read_from_the_parse() -> None:
    """The parse's count of the noun asked is read; not another noun's count, nor a figure the
    question states itself, nor a sentence without digits."""
    asked = asked_counts(ASKED)
    trains = "The county will train 800 photovoltaic installation and maintenance workers a year."
    assert states_count_of(trains, asked, ASKED)
    assert not states_count_of("The county will train 800 teachers a year.", asked, ASKED)
    assert not states_count_of(trains, asked, "Will it train 800 workers? How many workers?")
    assert not states_count_of("The county will train many workers.", asked, ASKED)
    # A count in words is left to NER: "from one bus to another" counts no buses.
    buses = "How many buses does the county run?"
    assert not states_count_of("A rider may change from one bus to another within 60 minutes.",
                               asked_counts(buses), buses)


def test_a_missed_count_of_a_sibling_kind_is_not_read() -> None:
    """Round 40's first version answered "How many energy storage maintenance workers …" by the
    photovoltaic workers' count: a word narrowing the noun asked, unsaid, makes it another's."""
    trains = "The county will train 800 photovoltaic installation and maintenance workers a year."
    sibling = "How many energy storage maintenance workers will Alderbank train a year?"
    assert not states_count_of(trains, asked_counts(sibling), sibling)


def test_a_count_ner_missed_answers_how_many(county: Services) -> None:
    """Round 40 (enanswer41): refused as kind_not_stated, the count untagged by NER."""
    answer = county.ask(AskRequest(question=ASKED, mode="extractive"))
    assert not answer.refused, answer.answer
    assert "800 photovoltaic" in answer.citations[0].quote


def test_a_line_named_by_its_number_asks_no_phone_number() -> None:
    """"the 12345 hotline" names a line whose number the question gives; "how quickly" and "how
    soon" ask a span of time. A hotline asked without its number is still a phone asked."""
    kinds = asked_kinds("How quickly must the operator reply to a fault reported through the "
                        "12345 hotline?")
    assert Kind.PHONE not in kinds and Kind.DURATION in kinds
    assert Kind.DURATION in asked_kinds("How soon must the repairs start?")
    assert Kind.PHONE in asked_kinds("What is the hotline for reporting faults?")
    assert Kind.PHONE in asked_kinds("Which hotline can residents call about faults?")

