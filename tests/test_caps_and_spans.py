"""A span of time and a cap, said in other words than the question's (issue 22, round 30).

Regressions (round 29's held-out batch h29, Shaoguan, English):
- "For how long at most will Shaoguan pay half the interest on a rural tourism business loan?"
  was refused: spaCy read "no more than" of "for a period of no more than 2 years" as a sum and
  the sentence held no span of time to answer "how long";
- "…, and what is the most we can get in a year?" was said not given: the part's words ("most",
  "get", "we") were held by no sentence, "no more than 300,000 yuan per year" by none of them.
"""

from __future__ import annotations

import json

import pytest

from app.answering.answerability import lacks, sentence_labels
from app.answering.citations import Sentence
from app.answering.question_kinds import Kind, asked_kinds
from app.retrieval.glossary import with_bounds
from app.retrieval.stems import content_stems
from app.store.records import Chunk
from ingest.entities import entities_of

_LOAN = ("For loans of up to 5 million yuan taken out by rural tourism operators for the "
         "construction or upgrading of tourism facilities, the municipal finance will subsidize "
         "50% of the interest actually paid, for a period of no more than 2 years.")
_CAP = "Each travel agency may receive no more than 300,000 yuan per year under this item."
_RATE = ("Travel agencies that organize tour groups of 30 people or more will receive 20 yuan "
         "per person per night.")


def _sentence(text: str) -> Sentence:
    entities = json.dumps([list(e) for e in entities_of([text])[0]])
    return Sentence(Chunk("c1", "doc", text, 0, len(text), {"entities": entities}), 0, len(text),
                    text, 1)


def test_a_span_of_time_in_words_answers_how_long() -> None:
    question = ("For how long at most will Shaoguan pay half the interest on a rural tourism "
                "business loan?")
    assert Kind.DURATION in asked_kinds(question)
    assert not lacks(asked_kinds(question), sentence_labels(_sentence(_LOAN), question))
    # A sentence stating no span still lacks one.
    assert lacks(asked_kinds(question), sentence_labels(_sentence(_CAP), question))


def _words(text: str) -> set[str]:
    return set(content_stems(with_bounds(text)))


@pytest.mark.parametrize("question", ["what is the most we can get in a year?",
                                      "What is the maximum subsidy per agency?",
                                      "For how many engineers at most?"])
def test_a_cap_asked_is_held_by_a_cap_set_in_other_words(question: str) -> None:
    asked = _words(question)
    assert asked & _words(_CAP) - _words(_RATE)  # the cap's sentence, not the rate's, holds it
    assert asked & _words("The subsidy for a single project shall not exceed 3 million yuan.")


@pytest.mark.parametrize("text", ["What is the most important measure for travel agencies?",
                                  "The city will set up to support rural tourism operators.",
                                  "Which village attracts the most visitors?"])
def test_no_cap_where_none_is_asked_or_set(text: str) -> None:
    assert _words(text) == set(content_stems(text))


def test_the_asker_s_pronouns_are_no_words_to_find() -> None:
    assert not {"we", "our", "my", "me"} & set(content_stems("What do we get for my company?"))


def test_a_cap_asked_is_no_qualifier_of_the_sum() -> None:
    """Regression (cities-refusen25): "What is the maximum subsidy for a straw baler in
    Zaozhuang?" was refused: "maximum" was read as which subsidy is asked, and the sentence
    stating it, "… up to 30,000 yuan per unit.", says its cap in other words."""
    text = ("A buyer of a straw baler receives 20% of the purchase price, up to 30,000 yuan per "
            "unit.")
    entities = json.dumps([list(e) for e in entities_of([text])[0]])
    sentence = Sentence(Chunk("c1", "doc", text, 0, len(text), {"entities": entities}),
                        0, len(text), text, 1)
    labels = sentence_labels(sentence, "What is the maximum subsidy for a straw baler?")
    assert labels is not None and "MONEY" in labels
    other = sentence_labels(sentence, "What is the maximum fuel subsidy for a straw baler?")
    assert other is not None and "MONEY" not in other  # a qualifier the sentence lacks
