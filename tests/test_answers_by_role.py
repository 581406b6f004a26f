"""Answerable questions answered right (issue 23, round 10): a body asked by what it does, a
measure asked by its noun, a part with a thing of its own, a part about one place. Over the real
corpus; the questions are written for these tests, not taken from the probe batches."""

from __future__ import annotations

import json

from app.answering.answerability import lacks, sentence_labels
from app.answering.citations import Sentence
from app.answering.question_kinds import Kind, asked_kinds
from app.models import AskRequest
from app.services import Services
from app.store.chunk_entities import ENTITIES_KEY
from app.store.records import Chunk


def _ask(services: Services, question: str) -> str:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert not answer.refused
    return answer.answer


def test_a_measures_noun_asks_its_figure() -> None:
    """Regression: "what outbound internet capacity" asked no kind, and a sentence with no
    figure ("… were put into operation") was quoted over the one giving 10.5Tbps."""
    assert asked_kinds("What outbound internet capacity is the city aiming for?") == {Kind.COUNT}
    assert asked_kinds("What storage volume will the data centre have?") == {Kind.COUNT}


def test_a_measures_noun_is_answered_by_the_sentence_giving_it(services: Services) -> None:
    assert "10.5Tbps" in _ask(services, "What Internet exit capacity does Zhangzhou target?")


def test_a_body_asked_by_its_role_is_answered_by_a_name_ner_missed(services: Services) -> None:
    """Regression (eval dev sz-12's kind): "which advisory body" asks any body; NER tags no
    "Municipal Artificial Intelligence Strategic Advisory Committee", so its sentence lacked the
    kind asked and another body's sentence ("Shenzhen AI Education Alliance") was quoted."""
    answer = _ask(services, "Which advisory body is Shenzhen to establish for research on "
                            "strategic, forward-looking issues?")
    assert "Strategic Advisory Committee" in answer


def test_a_remark_alone_answers_no_which_platform(services: Services) -> None:
    """Regression: "(Responsible units: …)", scored under its measure's heading ("Build a
    supply-demand docking platform"), was quoted for "on which platform", which it never says."""
    answer = _ask(services, "Relying on which platform will Shenzhen build its AI supply-demand "
                            "docking service?")
    assert "Shenzhen i Enterprise" in answer and "Responsible units" not in answer


def test_a_part_with_a_thing_of_its_own_is_not_only_read_beside_the_part_before(
        services: Services) -> None:
    """Regression: "…, and on which platform will it build …?" leaned on the part before ("it")
    and was answered beside the plan's first lines (the Venture Capital Day), not where the
    platform is."""
    answer = services.ask(AskRequest(
        question="When did Shenzhen issue its AI action plan, and on which platform will it "
                 "set up the AI supply-demand docking service?", mode="extractive"))
    issued, platform = answer.parts
    assert not issued.refused
    assert "Shenzhen i Enterprise" in " ".join(answer.citations[n - 1].quote
                                               for n in platform.citations)


def test_a_part_about_one_place_is_asked_of_its_documents(services: Services) -> None:
    """Regression: the part "Compare the AI money: what does Haizhu set aside each year?" was
    answered as a comparison across documents by topic, quoting Haizhu's cluster-zone line."""
    answer = _ask(services, "Compare AI funding: what does Haizhu allocate every year, and what "
                            "scale is Shenzhen's AI fund group?")
    assert "310 million yuan" in answer and "100 billion yuan" in answer


def test_a_frequency_word_is_no_period() -> None:
    """Regression: "annual" (NER's TIME) answered "what periods do the plans cover": "continuously
    update and release policies and measures on an annual basis" was quoted for Shenzhen's
    plan. How often is no how long; it still answers "how often"."""
    text = "Release the measures on an annual basis."
    start = text.index("annual")
    chunk = Chunk("d::0", "d", text, 0, len(text),
                  {ENTITIES_KEY: json.dumps([[start, start + len("annual"), "TIME"]])})
    sentence = Sentence(chunk, 0, len(text), text, 1)
    for question, kind, lacking in [("What period does the plan cover?", Kind.DURATION, True),
                                    ("How often are the measures released?", Kind.RATE, False)]:
        assert asked_kinds(question) == {kind}
        assert bool(lacks({kind}, sentence_labels(sentence, question))) is lacking


def test_a_remark_answers_a_question_naming_its_label(services: Services) -> None:
    """Regression (eval dev zh-f-13's kind): a remark alone is kept for a question naming its
    label ("责任单位"), which asks no kind but is answered by the units it lists."""
    answer = _ask(services, "深圳人工智能安全监管的责任单位里有市司法局吗？")
    assert "Municipal Judicial Bureau" in answer
