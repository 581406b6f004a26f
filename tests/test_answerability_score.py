"""The answerability score (issue 23): one logistic decision, in ``answerability``, over general
evidence of the best sentence (its support, its margin over the runner-up, the IDF-weighted
share of the question's content words it holds) instead of a rule per question form. The
passages are built here; the words are read by the real tokenizers and dictionary."""

from __future__ import annotations

from app.answering.answerability import answers, evidence
from app.answering.citations import Scored, Sentence
from app.retrieval.hybrid import Hit, RetrievalResult
from app.store.records import Chunk
from app.text import sentence_spans

TEXT = ("The city sets up an emergency bridge-loan fund of 300 million yuan for small firms. "
        "The fee rate of the bridge-loan fund is cut to 0.01% a day. "
        "Firms that keep all their staff get half of last year's unemployment insurance back.")


def _asked(question: str, support: float) -> tuple[str, RetrievalResult, list[Scored]]:
    chunk = Chunk("c1", "relief", TEXT, 0, len(TEXT),
                  {"doc_id": "relief", "title": "Relief measures", "language": "en"})
    sentences = [Sentence(chunk, a, b, TEXT[a:b], 1) for a, b in sentence_spans(TEXT)]
    ranked = [Scored(sentences[0], support), Scored(sentences[1], support / 3)]
    return question, RetrievalResult(question, [Hit(chunk, 0.8, 1)]), ranked


def test_a_sentence_on_the_topic_that_never_names_what_is_asked_is_refused() -> None:
    """Probe batch s: "What penalty applies if a Zhanjiang project unit leaves out its
    digital-intelligence plan?" was answered by a sentence on the plan that names no penalty.
    Over a sentence on a fund, at the same support, the size of the fund (all of whose words
    the sentence holds) is answered and the penalty for misusing it is refused."""
    size = "How large is the emergency bridge-loan fund for small firms?"
    penalty = "What penalty applies to small firms that misuse the emergency bridge-loan fund?"
    held = evidence(*_asked(size, 0.26), chinese_reader=False)
    lacking = evidence(*_asked(penalty, 0.26), chinese_reader=False)
    assert held.covered > 0.7 > 0.6 > lacking.covered
    assert answers(*_asked(size, 0.26))
    assert not answers(*_asked(penalty, 0.26))


def test_support_still_decides_most() -> None:
    question = "How large is the emergency bridge-loan fund for small firms?"
    assert not answers(*_asked(question, 0.05))
    assert answers(*_asked(question, 0.8))
    assert not answers(question, RetrievalResult(question, []), [])


def test_the_chinese_readers_anchor_keeps_its_support_threshold() -> None:
    question = "应急转贷资金有多少？"
    _, retrieval, ranked = _asked(question, 0.13)
    assert not answers(question, retrieval, ranked, chinese_reader=True)
    _, retrieval, ranked = _asked(question, 0.15)
    assert answers(question, retrieval, ranked, chinese_reader=True)
