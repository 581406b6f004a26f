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
    "On December 28th, what was inaugurated in Haizhu?",  # "On" heads the opening: no topic
    "Of the owners who vote, what share must agree?",
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


def test_what_a_frame_is_on_is_searched_but_its_asker_words_are_not() -> None:
    """Regression (issue 23, h27): "For my session on AI in Shenzhen's schools, what alliance does
    the action plan want to form?" was searched as "what alliance does the action plan want to
    form?" alone, its topic dropped with the asker's words, and quoted the industry alliance
    instead of the AI Education Alliance of the plan's talent measures."""
    frame = question_frame("For my session on AI in Shenzhen's schools, what alliance does the "
                           "action plan want to form?")
    assert frame.topic == "AI in Shenzhen's schools"
    assert frame.rest == "what alliance does the action plan want to form?"
    assert "schools" in frame.searched and "alliance" in frame.searched
    assert "session" not in frame.searched and "my" not in frame.searched.split()
    lead_in = question_frame("For my training slides on Haizhu's bureau: when was it opened?")
    assert lead_in.topic == "Haizhu's bureau" and "slides" not in lead_in.searched


@pytest.mark.parametrize(("question", "topic"), [
    ("For a workshop with district officials on Haizhu, how much will the district spend?",
     "Haizhu"),
    ("In preparing a briefing on Zhangzhou's 5G goals, how many base stations are planned?",
     "Zhangzhou's 5G goals"),
    ("As I prepare a handout about the Bengbu measures, how much is the subsidy?",
     "the Bengbu measures"),
])
def test_an_opening_saying_what_an_occasion_is_on_is_a_frame(question: str, topic: str) -> None:
    """A fronted phrase with no asker pronoun and no bare participle is still the asker's when a
    word of it governs a topic preposition (the parse's "on"/"about" under "workshop")."""
    frame = question_frame(question)
    assert frame.topic == topic
    assert frame.rest.split()[0].lower() in {"how", "who"}


def test_a_reported_question_and_a_verb_of_saying_alone_are_the_frame() -> None:
    """Regression (h9 "Our trainees ask what time frame Zhanjiang's plan for becoming an
    AI-permeated city covers. What should I tell them?", answered from the frame's words): the
    statement reporting the question and the sentence asking what to tell are the asker's; the
    wh-clause reported is what is asked."""
    frame = question_frame("Our trainees ask what time frame Zhanjiang's plan for becoming an "
                           "AI-permeated city covers. What should I tell them?")
    assert frame.rest == "what time frame Zhanjiang's plan for becoming an AI-permeated city covers"
    assert {"trainees", "ask", "tell", "them"} <= set(frame.words.split())


def test_a_question_alone_after_a_statement_is_no_frame() -> None:
    """"What can I get?" asks; only a verb of saying (tell, say) alone is the asker's."""
    frame = question_frame("I just graduated and opened a shop in Anshun. How much start-up "
                           "money can I get?")
    assert "money" in frame.rest and "get" in frame.rest
