"""The frame of an English question (issue 23), read from spaCy's dependency parse: what the
asker says of themselves around what they ask, whose words no answer must hold."""

from __future__ import annotations

import pytest

from app.retrieval.question_frame import question_frame


def test_an_opening_participle_and_a_verb_of_saying_are_the_frame() -> None:
    frame = question_frame("When preparing a session on Shenzhen's fund, what should I tell "
                           "participants about how often the investors meet?")
    assert frame.opening == "When preparing a session on Shenzhen's fund"
    assert {"session", "tell", "participants"} <= set(frame.words.split())
    assert "investors" in frame.rest and "participants" not in frame.rest


def test_an_imperative_to_an_audience_is_the_frame() -> None:
    frame = question_frame("Summarize for trainees how many tasks the plan sets.")
    assert set(frame.words.split()) == {"Summarize", "trainees"}
    assert frame.opening == ""


def test_a_lead_in_before_a_colon_is_the_frame() -> None:
    frame = question_frame("For my training slides: which bureau reviews the plans?")
    assert frame.opening == "For my training slides"
    assert frame.rest == "which bureau reviews the plans?"


@pytest.mark.parametrize("question", [
    "How can I apply for the subsidy?",  # the verb's object is what is asked
    "Which form must I submit to the bureau before applying?",
    "When the plan was issued, who signed it?",  # an opening of the question's own
    "By 2025, how many 5G base stations will Zhangzhou have?",
    "漳州到2025年要建多少个5G基站？",
])
def test_a_question_without_a_frame_keeps_every_word(question: str) -> None:
    frame = question_frame(question)
    assert frame.words == "" and frame.opening == ""


def test_words_before_a_colon_that_ask_are_the_question() -> None:
    """Regression (round 8's merge of paraphrase8): the briefing pack's overview question
    "What does “<title>” set out: its main requirements, …?" lost its title as a lead-in frame,
    so the overview was searched without the document's name and refused."""
    question = ("What does “Haizhu District AI Development Bureau Inaugurated” set out: its main "
                "requirements, figures and targets, deadlines and responsible bodies?")
    assert "Haizhu" in question_frame(question).rest
    assert question_frame("For my training slides: what is the fund?").rest.startswith("what")
