"""The clauses of a Chinese sentence that answer a question.

A Chinese sentence runs on through clauses split by ，；：, and often opens with clauses that
only restate what the question already says ("截至目前，中外航空公司共办理退票…"). The quote keeps
the clauses from the first that says something the question does not, with exact offsets into
the document, so the citation check and the page read it as any other quote.
"""

from __future__ import annotations

from dataclasses import replace

from app.answering.answerability import sentence_labels
from app.answering.citations import Scored, Sentence, sentences_after
from app.answering.question_kinds import Kind, asked_kinds
from app.answering.sentence_forms import HEADING_WORDS, is_heading
from app.text import clause_spans, content_tokens, has_cjk, said_by

# A clause restates the question when this share of its words are the question's.
RESTATED = 0.6


def restated(text: str, asked: set[str], share: float = RESTATED) -> bool:
    """Whether the question (its bigrams ``asked``) says ``share`` of the characters of ``text``."""
    said = [m for c, m in zip(text, said_by(text, asked), strict=True) if c.isalnum()]
    return bool(said) and sum(said) / len(said) >= share


def _restates(clause: str, asked: set[str]) -> bool:
    words = content_tokens(clause)
    return bool(words) and sum(w in asked for w in words) / len(words) >= RESTATED


def _answers_kind(sentence: Sentence, start: int, end: int, question: str,
                  kinds: set[Kind]) -> bool:
    """Whether the clause at ``start:end`` of the sentence holds an entity of a kind the
    question asks for that the question does not state ("在柯桥区建设…中心" for "建在哪里"):
    whatever else it repeats, it is the answer."""
    clause = replace(sentence, start=sentence.start + start, text=sentence.text[start:end])
    return bool(kinds) and bool((sentence_labels(clause, question) or set()) & {
        label for kind in kinds for label in kind.value})


def answering_clauses(scored: Scored, question: str) -> Scored:
    """``scored`` quoting its sentence from the first clause the question does not restate;
    a sentence that only restates the question (a heading, the question asked in an FAQ) is
    followed by its answer, so the next sentence of its passage is quoted instead. A clause
    holding what the question asks for is kept, whatever else it repeats. An English sentence
    is quoted whole, or followed by the next when it is short (a measure's label) and
    restates the question."""
    sentence, text = scored.sentence, scored.sentence.text
    asked, kinds, english = set(content_tokens(question)), asked_kinds(question), not has_cjk(text)
    spans = [(0, len(text))] if english else clause_spans(text)
    first = next((i for i, (s, e) in enumerate(spans) if not _restates(text[s:e], asked)
                  or _answers_kind(sentence, s, e, question, kinds)), None)
    heads = not english or is_heading(sentence) or len(text.split()) <= HEADING_WORDS
    if (first is None and heads) or (not english and text.rstrip().endswith(("？", "?"))):
        return replace(scored, sentence=next(iter(sentences_after(sentence)), sentence))
    if english or first is None:
        return scored
    start = len(text) - len(text[spans[first][0]:].lstrip())  # 0 keeps it whole
    return replace(scored, sentence=replace(sentence, start=sentence.start + start,
                                            text=text[start:]))
