"""The answerability study (issue 23, eval/answerability_fit.py): the evidence it records at the
answer-or-refuse decision and the logistic fit it measures against the support thresholds.
The passage is built here; its words are read by the real tokenizers and dictionary."""

from __future__ import annotations

import numpy as np

from app.answering.citations import Scored, Sentence
from app.retrieval.hybrid import Hit, RetrievalResult
from app.store.records import Chunk
from app.text import sentence_spans
from eval.answerability_fit import _fit, evidence

TEXT = ("The city sets up an emergency bridge-loan fund of 300 million yuan for small firms. "
        "The fee rate of the bridge-loan fund is cut to 0.01% a day. "
        "Firms that keep all their staff get half of last year's unemployment insurance back.")


def _asked(question: str, support: float) -> tuple[str, RetrievalResult, list[Scored]]:
    chunk = Chunk("c1", "relief", TEXT, 0, len(TEXT),
                  {"doc_id": "relief", "title": "Relief measures", "language": "en"})
    sentences = [Sentence(chunk, a, b, TEXT[a:b], 1) for a, b in sentence_spans(TEXT)]
    ranked = [Scored(sentences[0], support), Scored(sentences[1], support / 3)]
    return question, RetrievalResult(question, [Hit(chunk, 0.8, 1)]), ranked


def test_coverage_weighs_the_question_words_the_best_sentence_holds() -> None:
    """A sentence on a fund holds the words of "how large is the fund" but not "penalty" or
    "misuse" (probe batch s: a penalty asked of a sentence on the plan that names none)."""
    size = evidence(*_asked("How large is the emergency bridge-loan fund for small firms?", 0.3),
                    chinese_reader=False)
    penalty = evidence(*_asked("What penalty applies to small firms that misuse the emergency "
                               "bridge-loan fund?", 0.3), chinese_reader=False)
    assert size.covered > 0.7 > 0.6 > penalty.covered
    assert abs(size.margin - 0.2) < 1e-9 and size.support == 0.3 and not size.lacking


def test_the_fit_finds_the_feature_that_separates() -> None:
    rng = np.random.default_rng(0)
    x = rng.random((200, 2))
    y = (x[:, 0] > 0.5).astype(float)
    beta = _fit(x, y, np.ones(len(y)))
    assert beta[0] > 5 * abs(beta[1])
