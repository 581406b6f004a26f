"""What a question asks when "what" is the thing paid: "What does X pay/charge …" asks a figure.

Regression (refen49, the cities probes' English must-refuse lines): "What does Deyang charge per
cubic metre for rural tap water?" and "What does Xiangtan pay per kilowatt to industrial users who
replace old motors with motors of energy efficiency grade 2?" asked no kind by the question table
(no money noun, no "how much"), so no kind, holder or label check ran and a sentence on the topic
answered: a tap-water coverage target, grade 1's sum. The thing paid is a sum or a share of one,
a figure either way. "In charge" is an office, no payment. The documents are the test's own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.answering.question_kinds import Kind, asked_kinds
from app.background import stop_warms
from app.models import AskRequest
from app.services import Services
from ingest.pipeline import ingest
from tests.conftest import make_settings

MEASURES = "\n".join([
    "Suizhou Measures for Rural Water Supply and Motor Upgrading (2026-2028)",
    "1. By the end of 2027, the rural tap water penetration rate of the city will reach 95%.",
    "2. Rural households newly connected to a centralized water supply network receive a one-time "
    "connection subsidy of 800 yuan per household.",
    "3. Industrial users who replace old motors with motors of energy efficiency grade 1 receive "
    "30 yuan per kilowatt of rated power replaced, up to 500,000 yuan per user.",
    "Suizhou Municipal People's Government",
    "2 March 2026",
    "",
])


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    root = tmp_path_factory.mktemp("paid-kind")
    docs = root / "docs"
    docs.mkdir()
    (docs / "suizhou-2026-water-and-motors.txt").write_text(MEASURES, encoding="utf-8")
    settings = make_settings(root / "data")
    report = ingest([Path(docs)], settings)
    assert not report.failed, report.failed
    yield Services.build(settings)
    stop_warms()


def test_what_is_paid_asks_a_figure() -> None:
    assert Kind.COUNT in asked_kinds("What does Deyang charge per cubic metre for rural tap water?")
    assert Kind.COUNT in asked_kinds("What price must a Datong station charge the public?")
    # An office held is no payment; a thing offered is not asked as a figure.
    assert Kind.COUNT not in asked_kinds(
        "What is the name of the official in charge of Wuhu's Municipal Drainage Office?")
    assert not asked_kinds("What does Wuhan offer self-employed businesses?")


@pytest.mark.parametrize("question", [
    "What does Suizhou charge per cubic metre for rural tap water?",  # a coverage target only
    "What does Suizhou pay per kilowatt to industrial users who replace old motors with motors "
    "of energy efficiency grade 2?",  # grade 1's sum only
])
def test_a_payment_the_text_does_not_state_is_refused(services: Services, question: str) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert answer.refused, answer.answer


def test_a_payment_the_text_states_is_answered(services: Services) -> None:
    answer = services.ask(AskRequest(
        question="What does Suizhou pay per kilowatt to industrial users who replace old motors "
        "with motors of energy efficiency grade 1?", mode="extractive"))
    assert not answer.refused, answer.refusal_code
    assert "30 yuan per kilowatt" in answer.answer

