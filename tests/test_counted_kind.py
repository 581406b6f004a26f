"""A count of the asked noun but of another kind of it (issue 23, round 39 encount40): "How many
existing battery-swap stations" was answered by "6 new battery-swap stations", and "how many
rural clinics" by "12 community clinics": the counted noun is the question's, its modifier
another. The question's adjective, said elsewhere in the texts and not in the sentence, with a
sibling modifier on the sentence's count, makes the count another kind's.

The document is written here (a made-up county), so nothing tests the corpus's own wording.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.models import AskRequest
from app.retrieval.counted import counts_another_kind
from app.retrieval.stems import content_stems
from app.services import Services
from tests.support.served import services_over

CLINICS = (
    "Plan of Elmbrook County for Primary Health Care (2026)\n\n"
    "Section 1 Current situation\n"
    "At the end of 2025 the county had 42 existing village clinics and 9 township health "
    "centres. Rural residents live on average 6 kilometres from the nearest clinic.\n\n"
    "Section 2 Targets\n"
    "In 2026 the county will build 12 new community clinics in the urban area of Elmbrook "
    "Town, each staffed by at least two general practitioners.\n"
    "The county will also open 5 new pharmacy service points in shopping centres.\n")


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    with services_over(tmp_path_factory.mktemp("kinds"), {"elmbrook-clinics": CLINICS}) as built:
        yield built


def test_a_count_of_another_kind_of_the_noun_is_read() -> None:
    """The rule itself: another kind's count ("12 new community clinics" for rural clinics);
    the question's kind said anywhere in the sentence, a count with no modifier of its own (a
    whole), or a modifier no passage says (the asker's own word) is not judged."""
    texts_say = set(content_stems(CLINICS))
    built = "In 2026 the county will build 12 new community clinics in the urban area."
    assert counts_another_kind("How many rural clinics will Elmbrook build?", built, texts_say)
    assert not counts_another_kind("How many new clinics will Elmbrook build?", built, texts_say)
    assert not counts_another_kind("How many rural clinics will Elmbrook build?",
                                   "The county will build 12 clinics.", texts_say)
    assert not counts_another_kind("How many rural clinics will Elmbrook build?",
                                   "It will build 12 new clinics, all of them rural.", texts_say)
    assert not counts_another_kind("How many lovely clinics will Elmbrook build?", built,
                                   texts_say)


def test_another_kind_of_the_asked_noun_is_no_answer(county: Services) -> None:
    """Round 39 (encount40): "How many rural clinics will Elmbrook build in 2026?" was answered
    by "12 new community clinics in the urban area"; the plan gives no rural clinics' count."""
    answer = county.ask(AskRequest(question="How many rural clinics will Elmbrook build in 2026?",
                                   mode="extractive"))
    assert answer.refused, answer.answer


def test_the_asked_kind_of_the_noun_is_still_answered(county: Services) -> None:
    """The counts of the asked kind stay answered: new clinics, and the existing ones."""
    new = county.ask(AskRequest(question="How many new community clinics will Elmbrook build "
                                         "in 2026?", mode="extractive"))
    assert not new.refused, new.answer
    assert "12 new community clinics" in new.citations[0].quote
    existing = county.ask(AskRequest(question="How many existing village clinics does Elmbrook "
                                              "have?", mode="extractive"))
    assert not existing.refused, existing.answer
    assert "42 existing village clinics" in existing.citations[0].quote
