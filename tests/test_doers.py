"""A detail of another body's act is no answer to a question naming the body that acts (issue
23, round 45: mustref46). The bug: asked how many working days a district *market supervision*
bureau takes to review an application, the answer quoted the *civil affairs* bureau's; asked how
long a development and reform commission takes to file a project, the answer quoted another
bureau's filing time. The documents are the test's own, with no manifest."""

from __future__ import annotations

from pathlib import Path

from app.models import AskRequest
from app.retrieval.doers import done_by_another
from tests.support.served import services_over

RULES = "\n".join([
    "Lakeview Rules for Home Repair Grants for Older Residents (2026)",
    "",
    "Issued by the Lakeview Municipal Housing Bureau on 4 February 2026.",
    "",
    "1. A household with a resident aged 75 or over may receive a home repair grant of up to "
    "8,000 yuan.",
    "2. Applications are submitted to the sub-district office and are reviewed by the district "
    "housing bureau within 12 working days.",
    "3. The Municipal Audit Office checks the accounts of each repaired home within 40 days "
    "of completion.",
    "4. The grant is paid into the household's bank account within 30 days after approval.",
    "",
])


def test_another_body_s_act_is_not_the_asked_body_s() -> None:
    """A sentence naming only other bodies, each with a word in the place of the question's
    ("housing" for "planning"; "Industry and Trade" for "Finance"), gives another's detail."""
    question = ("Within how many working days does the district planning bureau review "
                "applications?")
    assert done_by_another(question, "Applications are reviewed by the district housing bureau "
                           "within 12 working days.")
    assert done_by_another("How often does the Municipal Bureau of Finance report progress?",
                           "The Municipal Bureau of Industry and Trade reports progress to the "
                           "municipal government every quarter.")


def test_the_same_body_named_otherwise_or_less_precisely_is_the_asked_one() -> None:
    """The question's body named with all its words (brackets too), or by fewer of them ("the
    housing bureau"), or a word of one sense ("city" is "municipal"), or differing only by an
    adjective the question describes it with (Haizhu's "new" AI bureau, whose name the sentence
    says in full), is not another's; nor is a body the question asks for, or one that is not
    the question's subject."""
    assert not done_by_another(
        "How many working days does the county (district) housing bureau take to review "
        "applications?", "The county (district) housing bureau completes its review within 12 "
        "working days.")
    assert not done_by_another("Within how many days does the municipal housing bureau review "
                               "applications?", "The housing bureau reviews applications "
                               "within 12 days.")
    assert not done_by_another("Within how many days does the city housing bureau review "
                               "applications?", "The municipal housing bureau reviews "
                               "applications within 12 days.")
    assert not done_by_another("On what date did the county's new AI bureau open?", "On 2 May "
                               "the County Artificial Intelligence Development Bureau opened.")
    assert not done_by_another("Which bureau reviews applications within 12 days?",
                               "The district housing bureau reviews them within 12 days.")
    assert not done_by_another("How much do households approved by a school receive?",
                               "The district housing bureau pays 8,000 yuan.")


def test_the_answer_is_refused_for_another_body_and_given_for_the_named_one(
        tmp_path: Path) -> None:
    """On a store of its own: the planning bureau's review time is not stated (the housing
    bureau's is), the housing bureau's is, and so is the audit office's check."""
    with services_over(tmp_path, {"lakeview-2026-home-repair-grants": RULES}) as services:
        def ask(question: str) -> tuple[bool, str]:
            answer = services.ask(AskRequest(question=question, mode="extractive"))
            return answer.refused, answer.answer
        refused, _ = ask("Within how many working days does the Lakeview district planning "
                         "bureau review applications for home repair grants?")
        assert refused
        refused, text = ask("Within how many working days does the Lakeview district housing "
                            "bureau review applications for home repair grants?")
        assert not refused and "12 working days" in text
        refused, text = ask("Within how many days does the Lakeview Municipal Audit Office "
                            "check the accounts of a repaired home?")
        assert not refused and "40 days" in text
