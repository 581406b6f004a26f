"""A figure or date the text sets for another stage or event of the same process than the one a
question asks of is not its answer (issues 22/23, round 35, batch stage36)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.retrieval.stages import other_event, other_stage
from tests.support.served import serve_texts

_INSTALMENTS = ("4. The heat pump subsidy is paid in two instalments: 30% after the application "
                "is approved, and the remaining 70% after the pump passes the safety inspection.")
_PAID = ("9. The second instalment is paid by 31 December 2026 to households whose pumps passed "
         "the inspection by 31 October 2026.")
_LISTED = "7. The list of approved households is published on the city website by 30 June 2026."


def test_a_share_paid_at_another_stage_is_another_stage_s() -> None:
    """Regression (stage36 and refuse35 probes): asked the share paid "when the household submits
    its application" or "when construction of the elevator starts", the answer quoted the shares
    paid after approval and after the inspection."""
    assert other_stage("What share of the heat pump subsidy is paid when the household submits "
                       "its application?", _INSTALMENTS)
    assert other_stage("What share of the heat pump subsidy does Ashby pay when installation of "
                       "the pump starts?", _INSTALMENTS)


def test_the_stage_asked_or_no_stage_is_no_other_stage() -> None:
    """The stage the sentence names, in the question's words or its derivation ("approval"),
    and a question naming no stage, are not judged; nor a sentence using the question's verb."""
    assert not other_stage("What share of the heat pump subsidy is paid once the application is "
                           "approved?", _INSTALMENTS)
    assert not other_stage("What share of the heat pump subsidy is paid upon approval of the "
                           "application?", _INSTALMENTS)
    assert not other_stage("What share of the heat pump subsidy is paid after the pump passes "
                           "the safety inspection?", _INSTALMENTS)
    assert not other_stage("What share of the heat pump subsidy is paid in the first "
                           "instalment?", _INSTALMENTS)
    assert not other_stage("How much is paid when the application is submitted?",
                           "The deposit is paid when the application is submitted to the office.")


def test_a_date_of_another_event_is_another_event_s() -> None:
    """Regression (stage36 probes): asked when the list of households whose pumps passed the
    inspection is published, the answer quoted the date the second instalment is paid to them
    (the texts date a publication elsewhere: they tell the two events apart)."""
    question = ("When will Ashby publish the list of households whose pumps passed the "
                "inspection?")
    assert other_event(question, _PAID, [_PAID, _LISTED])
    # The date of the event asked is its own; a verb no other sentence dates may be this
    # sentence's event in other words ("hand in" for "submit"); a question's capitalised word
    # the parser took for its verb names no event.
    assert not other_event(question, _LISTED, [_PAID, _LISTED])
    assert not other_event(question, _PAID, [_PAID])
    assert not other_event("By what date must Ashby finish upgrading its water plants?",
                           "Complete the upgrading of 12 water plants by 30 June 2027.",
                           ["Plants finished by 2026 receive 1 million dollars."])


_ASHBY = """Ashby Heat Pump Subsidy Rules 2026

Issued by the Ashby Municipal Energy Bureau on 2 March 2026.

1. Households in Ashby that replace a coal stove with an air-source heat pump receive a subsidy \
of up to 8,000 dollars per household.

2. Households apply to their district office from 1 April to 31 May 2026.

3. The district office completes its review within 15 working days.

4. The heat pump subsidy is paid in two instalments: 30% after the application is approved, and \
the remaining 70% after the pump passes the safety inspection.

5. The list of approved households is published on the Ashby city website by 30 June 2026.

6. The second instalment is paid by 31 December 2026 to households whose pumps passed the \
inspection by 31 October 2026.
"""


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("stages"), {"ashby-heat-pumps": _ASHBY}) as served:
        yield served


@pytest.mark.parametrize(("question", "quoted"), [
    ("What share of Ashby's heat pump subsidy is paid when the household submits its "
     "application?", None),
    ("When will Ashby publish the list of households whose pumps passed the safety "
     "inspection?", None),
    ("What share of Ashby's heat pump subsidy is paid after the pump passes the safety "
     "inspection?", "70%"),
    ("By what date is the second instalment of Ashby's heat pump subsidy paid?",
     "31 December 2026"),
])
def test_another_stage_s_figure_is_refused(client: TestClient, question: str,
                                           quoted: str | None) -> None:
    body = client.post("/api/ask", json={"question": question, "mode": "extractive"}).json()
    assert body["refused"] is (quoted is None), body
    assert quoted is None or quoted in body["answer"], body["answer"]
