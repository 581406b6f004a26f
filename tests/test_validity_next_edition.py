"""Issue 26: answers about a plan whose next edition is stored before it takes effect, or
replaces it under another title, through the real service (ingest, Chroma, the models)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.models import AskRequest
from app.services import Services
from ingest.pipeline import ingest
from tests.conftest import make_settings

DOCUMENTS = {
    "loan-2024.txt": "Lowmoor Cycle-to-Work Loan\nIssued by Lowmoor Borough Council on 15 January "
    "2024.\nCouncil staff may borrow up to 900 pounds, interest free, to buy a bicycle for "
    "commuting.\nThis loan scheme takes effect on 1 February 2024.\n",
    "loan-2099.txt": "Lowmoor Cycle-to-Work Loan 2099\nIssued by Lowmoor Borough Council on 20 "
    "November 2098.\nCouncil staff may borrow up to 1,500 pounds, interest free, to buy a bicycle "
    "or an electric bicycle for commuting.\nThis loan scheme takes effect on 1 March 2099.\n",
    "hall-2023.txt": "Dunmore Village Hall Hire Discount 2023\nIssued by Dunmore Parish Council on "
    "6 February 2023.\nA qualifying voluntary group pays 40% less than the standard hourly hire "
    "charge.\nThis discount takes effect on 1 March 2023.\n",
    "space-2025.txt": "Dunmore Community Space Hire Support\nIssued by Dunmore Parish Council on "
    "12 June 2025.\nA qualifying voluntary group pays 55% less than the standard hourly hire "
    "charge.\nThis support applies from 1 July 2025 and takes the place of the Dunmore Village "
    "Hall Hire Discount 2023.\n",
}


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    corpus = tmp_path_factory.mktemp("editions")
    for name, text in DOCUMENTS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = make_settings(tmp_path_factory.mktemp("editions-store"))
    assert not ingest([Path(corpus)], settings).failed
    return Services.build(settings)


def test_a_next_edition_not_yet_in_force_does_not_answer_today(services: Services) -> None:
    """Regression: the 2099 edition's passage was the best match, was taken for a measure no
    longer in force that nothing replaced, and opened every document to the answer, which
    quoted 900 and 1,500 pounds side by side."""
    answer = services.ask(AskRequest(question="How much can Lowmoor council staff borrow to buy "
                                              "a bicycle?", mode="extractive"))
    assert "900 pounds" in answer.answer and "1,500" not in answer.answer
    later = services.ask(AskRequest(question="How much can Lowmoor council staff borrow to buy a "
                                             "bicycle?", mode="extractive", as_of="2099-06-01"))
    assert "1,500 pounds" in later.answer and "900" not in later.answer


def test_a_successor_under_another_title_replaces_the_plan_it_names(services: Services) -> None:
    """Regression: "takes the place of the Dunmore Village Hall Hire Discount 2023" was not read
    as a repeal, so the old discount was quoted beside the new one."""
    answer = services.ask(AskRequest(question="How much less than the standard charge do Dunmore "
                                              "voluntary groups pay to hire the hall?",
                                     mode="extractive"))
    assert "55%" in answer.answer and "40%" not in answer.answer
