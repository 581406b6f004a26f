"""A sentence dated by another year states that year's figures (issue 23, enrefuse39).

Regression (round 38): "What share of the deed tax did Baicheng refund on new homes bought in
2024?" was answered with "… the 2025 measures …, which refunded 30% of the deed tax paid": an
English sentence whose own words or the paragraph before it name only other years (not a span
holding the asked one: "From 2025 to 2027, the city grants …" answers for 2026) gives no figure
of the year the question names. The document is the test's own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.background import stop_warms
from app.models import AskRequest
from app.services import Services
from ingest.pipeline import ingest
from tests.conftest import make_settings

MEASURES = (
    "Xianning Measures to Support Purchases of Newly Built Housing (2026)\n"
    "Issued by: Xianning Municipal Bureau of Housing and Urban-Rural Development\n"
    "Date of issue: 16 March 2026\n\n"
    "1. A buyer of newly built commercial housing receives a subsidy equal to 50% of the deed "
    "tax paid on the purchase.\n\n"
    "2. Purchases whose contracts were signed in 2025 remain under the 2025 measures (Xian Shi "
    "Jian Fa [2025] No. 4), which refunded 30% of the deed tax paid and gave families with two "
    "or more children a flat 10,000 yuan.\n\n"
    "3. From 2025 to 2027, the city grants 600,000 yuan each year to each district that keeps "
    "its housing transaction records complete.\n"
)


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    root = tmp_path_factory.mktemp("years")
    docs = root / "docs"
    docs.mkdir()
    (docs / "xianning-2026-home-purchase-support.txt").write_text(MEASURES, encoding="utf-8")
    settings = make_settings(root / "data")
    report = ingest([Path(docs)], settings)
    assert not report.failed, report.failed
    yield Services.build(settings)
    stop_warms()


def test_another_years_figure_answers_no_question_naming_a_year(services: Services) -> None:
    question = "What share of the deed tax did Xianning refund on new homes bought in 2024?"
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert answer.refused, answer.answer


@pytest.mark.parametrize(("question", "fact"), [
    ("What share of the deed tax does a Xianning buyer of a new home get back?", "50%"),
    ("How much does Xianning grant a district in 2026 for complete housing transaction records?",
     "600,000 yuan"),  # a span of years holding the one asked
])
def test_the_years_own_figure_or_a_span_holding_it_still_answers(services: Services,
                                                                 question: str, fact: str) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert not answer.refused and fact in answer.answer, answer.answer
