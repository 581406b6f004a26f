"""Whether the best sentence answers is decided in one place (issue 23): ``answerability.answers``
for the English ranking and the Chinese reader alike, by the support threshold each is given.
A learned score over more evidence was measured against it (``eval/answerability_fit.py``) and
did not move the trade-off, so the thresholds stay; these tests pin the one decision."""

from __future__ import annotations

from app.answering.answerability import answers
from app.answering.chinese_reader import REFUSAL_SUPPORT
from app.answering.citations import Scored, Sentence
from app.store.records import Chunk

TEXT = "The city sets up an emergency bridge-loan fund of 300 million yuan for small firms."


def _ranked(*supports: float) -> list[Scored]:
    chunk = Chunk("c1", "relief", TEXT, 0, len(TEXT), {"doc_id": "relief"})
    return [Scored(Sentence(chunk, 0, len(TEXT), TEXT, 1), s) for s in supports]


def test_the_best_sentence_answers_at_its_threshold_and_not_below() -> None:
    assert answers(_ranked(0.35, 0.1), 0.35)
    assert not answers(_ranked(0.34, 0.1), 0.35)
    assert not answers([], 0.0)  # nothing retrieved answers nothing


def test_the_chinese_readers_anchor_has_its_own_threshold() -> None:
    assert answers(_ranked(REFUSAL_SUPPORT), REFUSAL_SUPPORT)
    assert not answers(_ranked(REFUSAL_SUPPORT - 0.01), REFUSAL_SUPPORT)
