"""Places compared on a topic with a figure asked of each ("Compare X and Y on T: how much …
each?"), over two small city plans in a temp store (real models): each place is asked alone,
and the topic before the colon is what is asked of it, not an asker's frame."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.models import AskRequest
from app.retrieval.question_frame import question_frame
from app.services import Services
from ingest.pipeline import ingest
from tests.conftest import make_settings

PLAN = """{city} Measures to Support Returning Workers in Starting Businesses

These measures encourage rural workers to come back to {city} and start businesses.
A worker whose business has run for six months gets a one-off start-up subsidy of {grant} yuan.
Where the business employs three or more people, the subsidy is raised to {raised} yuan.
A returning worker may apply for a guaranteed start-up loan of up to {loan} yuan for 3 years.
A small or micro enterprise founded by returning workers may borrow up to {firm} million yuan.
The {city} Financing Guarantee Company provides the guarantee free of charge.
"""


@pytest.fixture(scope="module")
def two_cities(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    docs = tmp_path_factory.mktemp("compared-docs")
    for city, figures in {"Yingtan": ("4,000", "7,000", "200,000", "3"),
                          "Xinyu": ("5,000", "9,000", "250,000", "4")}.items():
        grant, raised, loan, firm = figures
        (docs / f"{city.lower()}-2026-returning-workers.txt").write_text(PLAN.format(
            city=city, grant=grant, raised=raised, loan=loan, firm=firm), encoding="utf-8")
    settings = make_settings(tmp_path_factory.mktemp("compared-store"))
    report = ingest([docs], settings)
    assert not report.failed, report.failed
    yield Services.build(settings)


def test_each_place_compared_on_a_topic_answers_with_its_own_figure(two_cities: Services) -> None:
    """Regression (round 32, parts33's fresh batch): "Compare Pingxiang and Xinyu on guaranteed
    start-up loans: how much can one person borrow in each?" quoted Pingxiang's "second
    guaranteed loan … no more than twice" and, asked alone, its 8,000-yuan subsidy: "Pingxiang
    and" (its plan writes "back to Pingxiang and start") was read as the start of a longer name,
    so the city was not asked alone; and "on guaranteed start-up loans" before the colon was read
    as an asker's frame ("For my session on …:"), its words weighed as a title's."""
    answer = two_cities.ask(AskRequest(
        question="Compare Yingtan and Xinyu on guaranteed start-up loans: how much can one "
                 "person borrow in each?", mode="extractive"))
    quotes = " ".join(c.quote for c in answer.citations)
    assert "200,000 yuan" in quotes and "250,000 yuan" in quotes
    assert "7,000" not in quotes and "9,000" not in quotes


def test_a_comparing_imperative_before_a_colon_is_no_frame() -> None:
    """The words of "Compare X and Y on T:" are the question's; an asker's lead-in ("Explain to
    new staff:", "For my slides:") is still a frame."""
    assert question_frame("Compare Yingtan and Xinyu on start-up loans: how much can each lend?"
                          ).opening == ""
    assert question_frame("Explain to new staff: which agency wrote the plan?").opening == \
        "Explain to new staff"
    assert question_frame("For my slides: which bureau reviews the plans?").opening == \
        "For my slides"
