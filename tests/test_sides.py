"""A detail the text sets for the ones outside a place or period is not the detail of those inside
it, nor the other way round (issue 22, round 50, batch enref51)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.retrieval.sides import other_side
from tests.support.served import serve_texts

_VISITORS = ("16. Travel agencies that bring organised groups of 30 or more visitors from outside "
             "Eastmark Province to stay at least two nights in Ashby receive a reward of 2,000 "
             "dollars per group.")
_SEASONS = ("(3) Each watcher receives a duty allowance of 80 dollars per day during the fire "
            "seasons.")
_BOTH = ("8. Rural workers who take a job outside Ashby for the first time receive a one-time "
         "transport subsidy of 500 dollars; those working inside the city receive 300 dollars.")


def test_the_other_side_s_detail_is_another_holder_s() -> None:
    """Regression (enref51 and refuse35 probes): asked the reward for visitors "from inside" a
    province or the allowance "outside the fire seasons", the answer quoted the reward for
    visitors from outside it and the allowance during the seasons."""
    assert other_side("What reward does an Ashby travel agency receive for a group of visitors "
                      "from inside Eastmark Province?", _VISITORS)
    assert other_side("What reward does an Ashby travel agency get for visitors from within "
                      "Eastmark Province?", _VISITORS)
    assert other_side("What duty allowance does an Ashby watcher receive per day outside the "
                      "fire seasons?", _SEASONS)


def test_the_side_asked_or_both_sides_are_no_other_side() -> None:
    """The question's own side, a sentence using the question's word of any object (it may name
    the asked side by another word: "the city"), a question placing its thing by both sides (a
    township outside a city may lie within its bounds), and one without a word of exclusion
    are not judged."""
    assert not other_side("What reward does an Ashby travel agency get for visitors from outside "
                          "Eastmark Province?", _VISITORS)
    assert not other_side("What transport subsidy do rural workers taking a job inside Ashby "
                          "receive?", _BOTH)
    assert not other_side("I want to open a shop in a township outside Ashby. What subsidy do I "
                          "get?", "A graduate who registers a business in Ashby receives 10,000 "
                          "dollars.")
    assert not other_side("What duty allowance does an Ashby watcher receive per day during the "
                          "fire seasons?", _SEASONS)


_ASHBY = f"""Ashby Measures on Tourism and Fire Patrols for 2026

Issued by the Ashby Municipal Government on 2 March 2026.

{_VISITORS}

{_SEASONS}

17. Each patrol team keeps at least one fire-fighting water truck.
"""


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("sides"), {"ashby-tourism-patrols": _ASHBY}) as served:
        yield served


@pytest.mark.parametrize(("question", "quoted"), [
    ("What reward does an Ashby travel agency receive for a group of visitors from inside "
     "Eastmark Province?", None),
    ("What duty allowance does an Ashby watcher receive per day outside the fire seasons?", None),
    ("What reward does an Ashby travel agency receive for a group of visitors from outside "
     "Eastmark Province?", "2,000 dollars"),
    ("What duty allowance does an Ashby watcher receive per day during the fire seasons?",
     "80 dollars"),
])
def test_the_other_side_s_detail_is_refused(client: TestClient, question: str,
                                            quoted: str | None) -> None:
    body = client.post("/api/ask", json={"question": question, "mode": "extractive"}).json()
    assert body["refused"] is (quoted is None), body
    assert quoted is None or quoted in body["answer"], body["answer"]
