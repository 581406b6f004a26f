"""A detail asked of one owner is not answered by a sentence giving it to another owner of the
same kind (issue 23, round 41: enowner42): "the *transport* subsidy" by the start-up subsidy's
sentence, the *civil affairs* bureaus' inspections by the market supervision bureaus'; the
owner's own sentence still answers. A thing's adjective is no rank of a role ("the *unified*
collection system"): only a person's title has one."""

from __future__ import annotations

from pathlib import Path

from app.retrieval.said_of import _asked, another_owner
from app.retrieval.stems import content_stems
from tests.support.served import asked, serve_texts

_NOTICE = ("Example City Measures on Support for Rural Shops (2026)\n\n"
           "I. Subsidies\n"
           "1. A villager who opens a rural shop for the first time receives a one-time start-up "
           "subsidy of 8,000 yuan.\n"
           "2. A shop owner who repairs an old shopfront receives a renovation subsidy of 30% of "
           "the cost, up to 5,000 yuan.\n\n"
           "II. Supervision\n"
           "3. County market supervision bureaus inspect each rural shop at least twice a year.\n"
           "4. Shops apply to the county commerce bureau for the renovation subsidy by 31 May "
           "each year.\n")


def test_another_owner_s_detail_answers_nothing(tmp_path: Path) -> None:
    """Regression (enowner42 batch: a transport subsidy answered by the start-up subsidy's
    sentence); the owners' own sentences still answer."""
    with serve_texts(tmp_path, {"example-2026-rural-shops": _NOTICE}) as client:
        assert asked(client, "How much is the one-time transport subsidy for a villager who "
                             "opens a rural shop in Example City?")["refused"] is True
        inspect = asked(client, "How often do the county market supervision bureaus inspect "
                                "each rural shop in Example City?")
        assert inspect["refused"] is False and "twice a year" in str(inspect["answer"])
        start = asked(client, "How much is the one-time start-up subsidy for a villager who "
                              "opens a rural shop in Example City?")
        assert start["refused"] is False and "8,000 yuan" in str(start["answer"])


def test_the_owner_is_read_from_the_parse() -> None:
    """The noun asked with, its verb's subject and an owner after "for" are compared by the
    words before them; a place or a measure ("one-time") names no owner, and a sentence saying
    the asked owner's words may state its detail."""
    def other(question: str, sentence: str) -> bool:
        return another_owner(question, sentence, set(content_stems(sentence)))
    assert other("How much is the subsidy for a wood-burning stove?",
                 "Households using biomass pellet stoves receive a fuel subsidy of 300 yuan.")
    assert not other("How much is the subsidy for a biomass pellet stove?",
                     "Households using biomass pellet stoves receive a fuel subsidy of 300 yuan.")
    assert not other("How much is the one-time subsidy for Example City shops?",
                     "Each rural shop receives a one-time subsidy of 8,000 yuan.")
    assert other("Within how many working days must the Municipal Finance Bureau reply to a "
                 "complaint?",
                 "The Municipal Transport Bureau shall reply to a complaint within 5 working "
                 "days.")


def test_a_thing_s_adjective_is_no_rank() -> None:
    """Regression (enrefuse41's rank reading took "unified" of "the unified … system" for a
    rank, as "deputy" of "the deputy head"): only a person's title has a rank."""
    assert not _asked("What is the name of the unified data collection system the plan "
                      "promotes?")[4]
    assert _asked("Who is the deputy head of the county working group?")[4]
