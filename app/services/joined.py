"""Parts answered by one sentence, quoted once.

A question asking two or three details ("…有多少家饲料企业和生猪屠宰企业复工？", "…由谁汇总清单，
由谁核销指标？") is split into its parts (app.answering.parts), each answered by its own quote;
but a sentence often states them together ("另有181家饲料企业、91家生猪屠宰企业复工"). Two
neighbouring parts' quotes that overlap in one sentence, or that only the marks closing a clause
and a field's label part ("邮寄地址：…； 热线电话：12378"), are one quote from the first asked
detail to the last, as a reader cites it, with one citation. Neither runs on past the sentence
where they meet: a quote that ran on into the next sentence, or opened a sentence earlier, said
more than its part asked. A part left unanswered stays named as such.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.answering.compose import renumber
from app.answering.generation.markers import MARKER
from app.models import Answer
from app.text import CLAUSE_END, bigram_units, clause_spans, has_cjk

# A sentence's end: a Chinese full stop, question or exclamation mark; an English one before
# white space (not a decimal point, "5.5%", nor an item's number, "12. ").
_SENTENCE_END = re.compile(r"[。！？!?]|(?<!\d)\.(?=\s|$)")
# The most characters between two quotes read as neighbouring clauses: a clause's closing mark,
# a space and a field's label ("； 热线电话：").
MOST_BETWEEN = 12


def joined_quotes(answer: Answer | None, text_of: Callable[[str], str]) -> Answer | None:
    """``answer`` with each part's one quote joined to the one of the part before it when the
    document states both in one sentence or in neighbouring clauses (``_joined``)."""
    if answer is None or len(answer.parts) < 2 or len(answer.citations) < 2:
        return answer
    for k in range(1, len(answer.parts)):
        answer = _joined(answer, k, text_of)
    return answer


def _joined(answer: Answer, k: int, text_of: Callable[[str], str]) -> Answer:
    before, last = answer.parts[k - 1], answer.parts[k]
    cited = {c.n: c for c in answer.citations}
    if before.refused or last.refused or len(before.citations) != 1 or len(last.citations) != 1:
        return answer
    first, then = cited[before.citations[0]], cited[last.citations[0]]
    if first.n == then.n or first.doc_id != then.doc_id or any(  # a quote each, said as it is
            MARKER.sub("", p.answer).strip() != c.quote.strip() for p, c in ((before, first),
                                                                               (last, then))):
        return answer
    text = text_of(first.doc_id)
    # Where they meet: their overlap [a, b), else what stands between them: nothing (the first
    # closing its sentence, the next opening the one after), or a clause's closing mark and a
    # label, but no sentence's end and no line's: lines are apart statements (a notice's number
    # above its first item, "…No. 3\n\n(1) Each new cruise route…").
    a, b = sorted((max(first.start, then.start), min(first.end, then.end)))
    apart = max(first.start, then.start) >= min(first.end, then.end)
    if apart and b > a and (b - a > MOST_BETWEEN or "\n" in text[a:b]
                            or _SENTENCE_END.search(text, a - 1, b)):
        return answer
    start, end = min(first.start, then.start), max(first.end, then.end)
    # One holding the other is its part's answer as it stands; else neither runs on past the
    # sentence where they meet.
    if (start, end) not in ((first.start, first.end), (then.start, then.end)):
        start = max([start, *(m.end() for m in _SENTENCE_END.finditer(text, start, a - apart))])
        closing = _SENTENCE_END.search(text, max(b - (not apart), start), end)
        end = closing.end() if closing else end
    # The quote running on past the other's stops with the (last) clause saying most of its
    # part's words ("…排查员工来源地…，每天对员工体温进行监测，省外返岗人员必须…" for
    # "员工体温多久测一次"): the clauses after it say more than was asked.
    if not apart and first.end != then.end and has_cjk(quote := text[start:end]):
        asked = bigram_units((before if first.end > then.end else last).question)
        shared = [(len(bigram_units(quote[s:e]) & asked), s, e) for s, e in clause_spans(quote)
                  if start + s >= min(first.end, then.end)]
        if shared and max(shared)[0]:
            end = start + max(shared)[2] - bool(CLAUSE_END.fullmatch(quote[max(shared)[2] - 1]))
    quote = text[start:end].strip()
    start += len(text[start:end]) - len(text[start:end].lstrip())
    one = first.model_copy(update={"quote": quote, "start": start, "end": start + len(quote),
                                   "score": max(first.score, then.score)})
    said = f"{quote} [{first.n}]"
    paragraphs = [said if p == before.answer else p for p in answer.answer.split("\n\n")
                  if p != last.answer]
    parts = [p.model_copy(update={"answer": said, "citations": [first.n]})
             if p is before or p is last else p for p in answer.parts]
    kept = [one if c is first else c for c in answer.citations
            if c is not then or any(then.n in p.citations for p in parts)]
    numbers = {c.n: n for n, c in enumerate(kept, start=1)}
    return answer.model_copy(update={
        "answer": renumber("\n\n".join(paragraphs), numbers),
        "citations": [c.model_copy(update={"n": numbers[c.n]}) for c in kept],
        "parts": [p.model_copy(update={"answer": renumber(p.answer, numbers), "citations": [
            numbers[n] for n in p.citations]}) for p in parts],
        "groups": [g.model_copy(update={"citations": [numbers[n] for n in g.citations
                                                      if n in numbers]}) for g in answer.groups]})

