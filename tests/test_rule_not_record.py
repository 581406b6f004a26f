"""A rule's figures answer no question asking what was (issue 23, decide29).

Regression (round 28): unanswerable questions asking what happened were answered with a rule's
sentence: "How many electric tractors did Zaozhuang subsidise in 2025?" with "A buyer of a new
electric tractor … receives a municipal subsidy of 8,000 yuan per unit", "How many visitors did
the Longmen Grottoes receive in 2024?" with "Each immersive night-tour project that … draws at
least 200,000 visitors … receives …". A question in the past or the perfect (spaCy's tags) is
read like one asking what is now: a sentence setting a rule (a modal of what one may or must do,
or a present-tense verb whose subject is any one of a kind) or a target states no count of it.
The document is the test's own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.background import stop_warms
from app.models import AskRequest
from app.retrieval.taggers import asks_what_was, states_a_rule
from app.services import Services
from ingest.pipeline import ingest
from tests.conftest import make_settings

MEASURES = (
    "Xianning Measures on Subsidies for Farm Machinery and Plant Protection Drones\n"
    "Issued by: Xianning Municipal Bureau of Agriculture and Rural Affairs\n"
    "Date of issue: 10 January 2025\n\n"
    "1. A buyer of a new electric tractor with a rated power below 50 horsepower receives a "
    "municipal subsidy of 8,000 yuan per unit.\n"
    "2. Each farmers' cooperative that buys at least 6 plant protection drones in a year "
    "receives a one-off award of 20,000 yuan.\n"
    "3. In 2024 the city subsidised 1,150 electric tractors bought by farming households.\n"
    "4. Applications are submitted to the county agriculture bureau by 30 November each year.\n"
)


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    root = tmp_path_factory.mktemp("rules")
    docs = root / "docs"
    docs.mkdir()
    (docs / "xianning-2025-farm-machinery-subsidies.txt").write_text(MEASURES, encoding="utf-8")
    settings = make_settings(root / "data")
    report = ingest([Path(docs)], settings)
    assert not report.failed, report.failed
    yield Services.build(settings)
    stop_warms()


def test_a_rules_figure_answers_no_question_asking_what_was(services: Services) -> None:
    question = "How many plant protection drones did Xianning's cooperatives buy in 2025?"
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert answer.refused, answer.answer


@pytest.mark.parametrize(("question", "fact"), [
    ("How many electric tractors did Xianning subsidise in 2024?", "1,150"),  # a record
    ("How much does a buyer of a new electric tractor get in Xianning?", "8,000 yuan"),  # a rule
])
def test_a_record_or_a_rule_asked_as_such_still_answers(services: Services, question: str,
                                                       fact: str) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert not answer.refused and fact in answer.answer, answer.answer


def test_the_past_and_a_rule_are_read_from_the_parse() -> None:
    assert asks_what_was("How many electric tractors did Zaozhuang subsidise in 2025?")
    assert asks_what_was("How many photovoltaic projects has Jiangmen built so far?")
    assert asks_what_was("How many key evaluation indicators were chosen for the plan?")
    assert not asks_what_was("How many landing points will Chengdu have built by 2026?")
    assert not asks_what_was("How much subsidy does Zaozhuang give for a tractor?")
    assert states_a_rule("Each project that draws at least 200,000 visitors receives an award.")
    assert states_a_rule("A buyer of a new electric tractor receives 8,000 yuan per unit.")
    assert states_a_rule("Operators may withdraw up to 50,000 yuan per household.")
    assert not states_a_rule("The city has 30 5G base stations per 10,000 people.")
    assert not states_a_rule("In 2024 the city subsidised 1,150 electric tractors.")


def test_a_rules_figure_answers_no_count_asked_for_a_year_it_does_not_name(
        services: Services) -> None:
    """Regression (round 38, enrefuse39): "How many small-silkworm co-rearing centres will Hechi
    build in 2027?" was answered with an undated rule ("A … centre that supplies … at least 300
    households … receives …"): a count asked for a year is no rule's threshold."""
    question = "How many plant protection drones will Xianning's cooperatives buy in 2026?"
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert answer.refused, answer.answer
