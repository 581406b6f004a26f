"""Issue 26: which clause of the edition in force answers.

Regressions from round 8's held-out validity set (h8): "醴陵非国有农贸市场的经营户，摊位费怎么
减免？" quoted the clause about 国有 markets (a negated qualifier matched its plain word); "What
is the apprentice hiring grant per apprentice in Kilnsey?" quoted the grant's purpose sentence (a
sum asked per one was not read as a sum asked); "What extra payment did a Kilnworth business get
for hiring an apprentice who had been out of work …?" was refused (the relative "who" was read as
asking a person). The documents here are written by the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.answering.question_kinds import Kind, asked_kinds
from app.models import AskRequest
from app.negation import negated, opposed_units
from app.services import Services
from ingest.pipeline import ingest
from tests.conftest import make_settings

GRANT = (
    "Fernley Town Childminder Grant\nIssued by Fernley Town Council on 12 January 2025.\n"
    "Purpose\nThe grant supports residents of Fernley who set up as childminders in the town.\n"
    "Amount\nThe grant is 900 dollars per childminder, paid after registration.\n"
    "A childminder working from their own home receives a further 100 dollars for safety "
    "equipment.\n"
    "A childminder working from premises that are not their home receives 450 dollars towards "
    "the rent.\n"
    "Childminders who have been out of work for more than 6 months receive an extra 250 "
    "dollars.\n"
)
STALLS = (
    "某市市场监督管理局关于减免农贸市场摊位费的通知\n各农贸市场开办单位：\n"
    "一、市属国有农贸市场的经营户，免收两个月的摊位费。\n"
    "二、非国有农贸市场的经营户，摊位费减半收取。\n"
    "三、市场开办单位减免摊位费的，按减免金额的30%给予补助。\n"
    "某市市场监督管理局\n2020年2月12日\n"
)


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    corpus = tmp_path_factory.mktemp("clause-corpus")
    (corpus / "fernley-childminder-grant.txt").write_text(GRANT, encoding="utf-8")
    (corpus / "stall-fee-notice.txt").write_text(STALLS, encoding="utf-8")
    settings = make_settings(Path(tmp_path_factory.mktemp("clause-store")))
    report = ingest([corpus], settings)
    assert not report.failed, report.failed
    return Services.build(settings)


def _answer(services: Services, question: str) -> str:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert not answer.refused, question
    return answer.answer


def test_a_negator_qualifies_the_word_after_it() -> None:
    """非国有 negates 国有, 非公共 公共, "not their home" home; 非常, 未来, 无法 negate nothing."""
    for text, words in [("非国有农贸市场", ["国有"]), ("在非公共停车场建设", ["公共"]),
                        ("未成年人", ["成年人"]), ("非常重要，未来无法提供", []),
                        ("premises that are not their home", ["home"]),
                        ("non-resident students who don't live here", ["resident", "live"])]:
        assert [text[a:b] for a, b in negated(text)] == words, text


def test_a_word_negated_in_one_text_only_is_not_shared() -> None:
    """The bigrams of 国有 (and those joining it to its neighbours) are no evidence for a clause
    about 国有 markets when the question asks about 非国有 ones, and the other way round; a
    text saying both (非本市户籍、持本市居住证) still shares them."""
    question = "非国有农贸市场的经营户，摊位费怎么减免？"
    assert {"国有", "有农"} <= opposed_units(question, "一、市属国有农贸市场的经营户，免收摊位费。")
    assert opposed_units(question, "二、非国有农贸市场的经营户，摊位费减半收取。") == set()
    assert "国有" in opposed_units("国有农贸市场的经营户怎么减免？", "二、非国有农贸市场的经营户…")
    assert opposed_units("非本市户籍老人", "非本市户籍、持本市居住证的老年人") == set()


def test_a_negated_qualifier_chooses_its_own_clause(services: Services) -> None:
    answer = _answer(services, "某市非国有农贸市场的经营户，摊位费怎么减免？")
    assert "减半" in answer and "免收" not in answer, answer
    answer = _answer(services, "某市市属国有农贸市场的经营户，摊位费怎么减免？")
    assert "免收" in answer and "减半" not in answer, answer


def test_a_clause_about_premises_that_are_not_a_home_does_not_answer_for_home(
        services: Services) -> None:
    answer = _answer(services, "What extra does a Fernley childminder working from home get?")
    assert "100 dollars" in answer and "450 dollars" not in answer, answer


def test_a_relative_pronoun_asks_nothing() -> None:
    """"an apprentice who had been out of work" asks no person; "who leads it" still does."""
    assert asked_kinds("What extra payment did a business get for hiring an apprentice who had "
                       "been out of work for over 6 months?") == set()
    assert Kind.PLACE not in asked_kinds("How much is the rent subsidy for firms in the zone "
                                         "where the park stands?")
    assert Kind.PERSON in asked_kinds("Who is the person who leads the task force?")


def test_a_question_with_a_relative_who_is_answered(services: Services) -> None:
    answer = _answer(services, "What extra payment does a Fernley childminder get who has been "
                               "out of work for more than 6 months?")
    assert "250 dollars" in answer, answer


def test_a_sum_asked_per_one_is_a_sum(services: Services) -> None:
    """"What is the … grant per childminder" asks a sum (and a rate), so the clause stating it
    answers, not the purpose sentence that names the grant and the childminders."""
    assert {Kind.MONEY, Kind.RATE} <= asked_kinds("What is the grant per apprentice in Kilnsey?")
    assert Kind.MONEY in asked_kinds("What is the fee for each visit?")
    assert Kind.MONEY not in asked_kinds("What is the purpose of the grant?")
    answer = _answer(services, "What is the childminder grant per childminder in Fernley?")
    assert "900 dollars" in answer, answer
