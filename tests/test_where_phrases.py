"""A "where" answered by a phrase no NER tags as a place (issue 23: English questions in other
words): a platform, a window, a notice board, a level. spaCy's parse finds the locative phrase
(``app.retrieval.locatives``); a "where" of a thing no sentence locates is still refused.

The documents are written here (a made-up town), so nothing tests the corpus's own wording.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.models import AskRequest
from app.retrieval.locatives import says_where
from app.services import Services
from tests.support.served import services_over

SORTING = """Millbrook Household Waste Sorting Measures

The sorting guide for households is published on the Green Living mini program every spring.
Complaints about missed collections are handled at the service window of the town hall.
The town plans to build a recycling centre for bulky waste and is still choosing its site.
A composting centre for garden waste already operates at the town's waste transfer station.
Each estate appoints two sorting supervisors who check the bins every morning.
"""


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    with services_over(tmp_path_factory.mktemp("where"),
                       {"millbrook-waste-sorting": SORTING}) as built:
        yield built


def test_a_where_answered_by_a_platform_is_answered(town: Services) -> None:
    """Round 36: "where" wanted a place NER tags, so "published on the … mini program" was
    refused as kind_not_stated."""
    answer = town.ask(AskRequest(question="Where can households find the sorting guide?",
                                 mode="extractive"))
    assert not answer.refused, answer.answer
    assert "Green Living mini program" in answer.citations[0].quote


def test_a_where_of_a_thing_no_sentence_locates_is_still_refused(town: Services) -> None:
    """The recycling centre's site is not chosen: the composting centre's station, a centre of
    another kind, is no answer, and the refusal says the kind asked is not stated."""
    answer = town.ask(AskRequest(question="Where will the recycling centre for bulky waste be "
                                 "built?", mode="extractive"))
    assert answer.refused, answer.answer
    assert answer.refusal_code == "kind_not_stated"


@pytest.mark.parametrize(("question", "sentence", "locates"), [
    # A level, a window, a board: no named place, each a where.
    ("Where will the town extend its repair scheme?",
     "The council is extending the repair scheme at the neighbourhood level.", True),
    ("Where is the list of winners put up?",
     "The list of winners is posted on the notice board of each village.", True),
    # The phrase hangs on another clause's verb than the thing asked of.
    ("Where is the innovation hub located?",
     "The city set up an innovation hub, built a data platform and deployed a test zone on "
     "the provincial cloud.", False),
    # A date, an idiom, the question's own words: no where.
    ("Where is the market day held?", "The market day is held on the 8th of each month.",
     False),
    ("Where will the grants be paid?", "The grants will be paid in principle.", False),
    ("Where is the training session on the housing rules held?",
     "The city held a training session on the new housing rules.", False),
    # Another thing of the same noun ("testing zone" for "cluster zone").
    ("Where will the city put its cluster zone?",
     "The city deployed a testing zone on the government cloud.", False),
    # No "where" asked; a Chinese sentence is read by app.chinese_words.locates.
    ("When is the list posted?", "The list is posted on the notice board of each village.",
     False),
])
def test_a_locative_phrase_answers_where(question: str, sentence: str, locates: bool) -> None:
    """Round 36: a where answered by a phrase no NER tags (a platform, a level) was refused;
    the phrase must locate the thing asked, not another clause's or another zone's."""
    assert says_where(sentence, question) is locates
