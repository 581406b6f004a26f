"""Another kind's or another end's detail, English (issue 22/23, round 46, batch enref47): a date
set for the start of an act is no date of its completion, nor the other way round; a grade
marked by digits and letters ("4A-level") is another kind than one marked otherwise ("5A")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.retrieval.holders import other_holder
from app.retrieval.stages import other_event
from tests.support.served import asked, serve_texts

_START = "3. Construction of the Brindle North Bridge will start in May 2026."
_DONE = "4. The renovation of Corvale's old grain market shall be completed by 30 September 2026."
_SCENIC = ("6. A scenic area newly rated as a national 4A-level tourist attraction receives an "
           "award of 1 million yuan.")


def test_a_date_of_the_other_end_of_an_act_dates_no_end_asked() -> None:
    """Regression (decide30 and refuse33 probes, round 46): asked when a wind farm's second phase
    is to be completed, or when a renovation must begin, the answer quoted the date its
    construction starts, or the date it must be completed by."""
    assert other_event("When is the Brindle North Bridge scheduled to be completed?", _START,
                       [_START])
    assert other_event("By what date must the renovation of Corvale's old grain market begin?",
                       _DONE, [_DONE])
    # The end asked is dated, in its own words or another of the same end ("finish").
    assert not other_event("When will construction of the Brindle North Bridge start?", _START,
                           [_START])
    assert not other_event("By when must Corvale finish renovating the old grain market?",
                           _DONE, [_DONE])
    assert not other_event("When will the bridge be completed?", "The bridge will start in May "
                           "2026 and be completed by June 2027.", [])


def test_a_grade_marked_by_digits_and_letters_is_a_word_of_its_phrase() -> None:
    """Regression (refuse35 probes, round 46): asked the award of a 5A-level attraction, the
    answer quoted the 4A-level one's: the marks were read as no word, so nothing told them
    apart."""
    assert other_holder("What award does a Brindle scenic area newly rated as a national 5A-level "
                        "tourist attraction receive?", _SCENIC)
    assert not other_holder("What award does a Brindle scenic area newly rated as a national "
                            "4A-level tourist attraction receive?", _SCENIC)


_BRINDLE = f"""Brindle Works Plan for Bridges and Tourism (2026)

Issued by the Brindle Municipal Bureau of Housing on 2 February 2026.

1. The plan covers the works the city carries out in 2026.

2. The city will spend 40 million yuan on public works in 2026.

{_START}

{_SCENIC}
"""
_CORVALE = f"""Corvale Plan for Renovating Its Markets (2026)

Issued by the Corvale Municipal Bureau of Commerce on 9 March 2026.

1. The city renovates its old markets in 2026.

{_DONE}

5. The old grain market reopens to traders after the renovation.
"""


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    texts = {"brindle-works": _BRINDLE, "corvale-markets": _CORVALE}
    with serve_texts(tmp_path_factory.mktemp("ends"), texts) as served:
        yield served


@pytest.mark.parametrize(("question", "quoted"), [
    ("When is the Brindle North Bridge scheduled to be completed?", None),
    ("When will construction of the Brindle North Bridge start?", "May 2026"),
    ("By what date must the renovation of Corvale's old grain market begin?", None),
    ("By what date must the renovation of Corvale's old grain market be completed?",
     "30 September 2026"),
    ("What award does a Brindle scenic area newly rated as a national 5A-level tourist "
     "attraction receive?", None),
    ("What award does a Brindle scenic area newly rated as a national 4A-level tourist "
     "attraction receive?", "1 million yuan"),
])
def test_another_end_or_grade_is_refused(client: TestClient, question: str,
                                         quoted: str | None) -> None:
    body = asked(client, question)
    assert body["refused"] is (quoted is None), body
    assert quoted is None or quoted in str(body["answer"]), body["answer"]
