"""A detail the texts state of another holder, where they speak of the question's subject, is no
answer, nor is a weaker sentence on another matter that would rank first once it falls (issue 23,
round 32: refuse33's batch and the cities probes answered a boiler-switch question with a
showroom's rent subsidy, and a Russia exports award with a seedling factory's, after the
sentences stating them for natural gas boilers and for Japan had been read as another's).
The document is the test's own, with no manifest."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.background import stop_warms
from app.models import AskRequest
from app.services import Services
from ingest.pipeline import ingest
from tests.conftest import make_settings

MEASURES = "\n".join([
    "Measures of Yulin City for Upgrading the Furniture Industry (2026)",
    "Issued by the Yulin Municipal Bureau of Industry and Information Technology",
    "Date of issue: 10 April 2026",
    "",
    "1. An enterprise that purchases automatic edge-banding equipment receives a subsidy of 15% "
    "of the purchase price, up to 2 million yuan per enterprise each year.",
    "2. A furniture enterprise that replaces coal-fired boilers with natural gas boilers receives "
    "a one-off subsidy of 150,000 yuan per boiler.",
    "3. An enterprise that opens an overseas showroom for its own furniture brand receives a "
    "subsidy of 30% of the rent, up to 400,000 yuan per showroom each year.",
    "4. A furniture enterprise whose annual research spending first exceeds 30 million yuan "
    "receives an award of 500,000 yuan.",
    "5. Enterprises whose furniture exports to the Middle East exceed 20 million US dollars in a "
    "year receive an award of 300,000 yuan.",
    "",
])


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    root = tmp_path_factory.mktemp("stated-of-another")
    docs = root / "docs"
    docs.mkdir()
    (docs / "yulin-2026-furniture.txt").write_text(MEASURES, encoding="utf-8")
    settings = make_settings(root / "data")
    report = ingest([Path(docs)], settings)
    assert not report.failed, report.failed
    yield Services.build(settings)
    stop_warms()


@pytest.mark.parametrize("question", [
    "What subsidy does a Yulin furniture enterprise receive for replacing coal-fired boilers "
    "with biomass boilers?",
    "What award do Yulin enterprises whose furniture exports to Russia exceed 20 million US "
    "dollars in a year receive?",
])
def test_a_detail_stated_of_another_holder_is_no_answer(services: Services,
                                                       question: str) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert answer.refused, answer.answer


@pytest.mark.parametrize(("question", "fact"), [
    ("What subsidy does a Yulin furniture enterprise receive for replacing coal-fired boilers "
     "with natural gas boilers?", "150,000 yuan"),
    ("What award do Yulin enterprises whose furniture exports to the Middle East exceed 20 "
     "million US dollars in a year receive?", "300,000 yuan"),
    ("What share of the rent of an overseas furniture showroom does Yulin subsidise?", "30%"),
])
def test_the_holder_asked_is_still_answered(services: Services, question: str,
                                            fact: str) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert fact in answer.answer, answer.answer
