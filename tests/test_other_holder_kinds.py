"""A date the texts state of another holder is no answer to a "when" question asking it of the
question's own (issue 23, round 36: enrefuse37 found "when can a company apply for the employer
childcare room subsidy" answered by the childcare institutions' application period, and "by what
date must applications for the camp site subsidy be submitted" by the travel agency award's
deadline: the other-holder reading judged figures only). A body's holder is not judged (the
wide check lost answers), nor is the holder the question asks of. The document is the test's
own, with no manifest."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.models import AskRequest
from app.services import Services
from tests.support.served import services_over

MEASURES = "\n".join([
    "Measures of Hechi City for Childcare Services and New Energy Industries (2026)",
    "Issued by the Hechi Municipal Development and Reform Commission",
    "Date of issue: 12 March 2026",
    "",
    "1. Registered childcare institutions receive an operating subsidy of 200 yuan per child a "
    "month.",
    "2. Childcare institutions apply for the operating subsidy once a year, from 1 to 15 "
    "September, through the county health commission.",
    "3. A municipal new energy industry fund of 2 billion yuan is set up and managed by Hechi "
    "Urban Construction Investment Group.",
    "4. Enterprises that install rooftop photovoltaic systems of 1 megawatt or more receive a "
    "subsidy of 0.1 yuan per watt.",
    "5. A self-driving camp site with at least 50 pitches that passes acceptance receives a "
    "construction subsidy of 400,000 yuan.",
    "6. Applications for the travel agency award are submitted to the Municipal Bureau of "
    "Culture and Tourism by 15 January of the following year.",
    "",
])


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    with services_over(tmp_path_factory.mktemp("other-holder-kinds"),
                       {"hechi-2026-childcare-energy": MEASURES}) as built:
        yield built


@pytest.mark.parametrize("question", [
    "When can a Hechi company apply for the employer childcare room subsidy?",
    "By what date must applications for Hechi's camp site construction subsidy be submitted?",
])
def test_a_date_of_another_holder_is_no_answer(services: Services,
                                                      question: str) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert answer.refused, answer.answer


@pytest.mark.parametrize(("question", "fact"), [
    ("When can Hechi childcare institutions apply for the operating subsidy?", "1 to 15"),
    ("Which company manages Hechi's new energy industry fund?", "Urban Construction Investment"),
    ("By what date must applications for Hechi's travel agency award be submitted?",
     "15 January"),
])
def test_the_holder_asked_is_still_answered(services: Services, question: str,
                                            fact: str) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert fact in answer.answer, answer.answer
