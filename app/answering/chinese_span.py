"""The span of a Chinese answer: from the anchor sentence the reader chose
(``chinese_reader``), the clause, sentence or short run of sentences that answers, as a slice
of its passage.

For a question asking a kind of detail, the clause holding the one the question's words point
to (``_asked_entity``), whole (what it is of) and, for a later item of a "；" series, with its
condition; for any other, the anchor from its first clause the question does not restate,
running on (``_run_on``); an anchor it wholly restates (a lead-in "此外，该区还实施……机制。")
or a question line, by the sentences after it.
"""

from __future__ import annotations

import re

from app.answering.answerability import (
    ITEM,
    sentence_labels,
    sum_shares,
    unstated_entities,
)
from app.answering.citations import Sentence, sentences_after
from app.answering.clauses import restated  # the question says most of a text
from app.answering.question_kinds import FIGURED, Kind
from app.answering.sentence_forms import is_field
from app.bands import of_band, states_own
from app.in_situ import asked_clauses, coordinated
from app.mastheads import frame_end, names_back, opens_statement, reports
from app.numerals import asked_bound, same_measure
from app.retrieval.answer_end import announces, asked_end, goes_on, measure_asked, series
from app.retrieval.answer_start import asked_opening, open_answer
from app.retrieval.question_focus import item_frame, item_told
from app.store.records import Chunk
from app.text import CLAUSE_END, bigram_units, clause_spans, opens_condition, says_more

PUNCTUATED = re.compile(r"[。！？；，：.!?;,:）)”]\s*$")  # a sentence's end, not a layout line's
OPEN_ANSWER_CHARS = 150  # an open answer runs on in its paragraph to this length (dev split)
LONGEST_ANSWER = 300  # ...but never past this many characters
LEAD_IN_SAID = 0.8  # the share of a lead-in clause said that leaves it out of an open answer


def sliced(sentence: Sentence, start: int, end: int) -> Sentence:
    """``sentence``'s passage from absolute ``start`` to ``end``, white space trimmed."""
    chunk, text = sentence.chunk, sentence.chunk.text
    a, b = start - chunk.start, end - chunk.start
    a += len(text[a:b]) - len(text[a:b].lstrip())
    b -= len(text[a:b]) - len(text[a:b].rstrip())
    return Sentence(chunk, chunk.start + a, chunk.start + b, text[a:b], sentence.rank)


def entities_asked(sentence: Sentence, kinds: set[Kind], question: str) -> list[tuple[int, int]]:
    """Absolute spans of the entities of ``sentence`` of a kind asked, unstated, in order: of a
    sum asked in no currency that only shares set (全额贴息, 租金减半: ``sentence_labels``),
    those shares, not another's (增长20%以下的), which else leave the clause unquoted."""
    base, wanted = sentence.chunk.start, {label for kind in kinds for label in kind.value}
    found = unstated_entities(sentence, question) or []
    spans = [(s, e) for s, e, label in found if label in wanted]
    if Kind.MONEY in kinds and all(label != "MONEY" for *_, label in found) and "MONEY" in (
            sentence_labels(sentence, question) or ()):
        spans += sum_shares(question, sentence.chunk.text, found)
    return sorted({(base + s, base + e) for s, e in spans})


def span_of(anchor: Sentence, question: str, asked: set[str], kinds: set[Kind],
            after: Chunk | None = None) -> Sentence:
    span = _span(anchor, question, asked, kinds, after)  # a list's items: their whole series
    return sliced(span, *series(span.chunk.text, span.start, span.end, question, span.chunk.start))


def _span(anchor: Sentence, question: str, asked: set[str], kinds: set[Kind],
          after: Chunk | None = None) -> Sentence:
    clauses = clause_spans(anchor.text) or [(0, len(anchor.text))]
    framed = frame_end(anchor.text)  # "据介绍，": who told it, not what
    new = next((a for a, b in clauses if a >= framed and not restated(
        anchor.text[a:b], asked, LEAD_IN_SAID) and not reports(anchor.text[a:b])), None)
    found = entities_asked(anchor, kinds, question) if kinds else []
    # What follows answers a heading or lead-in restated to its end (where Chinese says what is
    # new) and a question line (an FAQ's), even from the next passage, and a list's "…如下：";
    # not a clause stating the kind asked ("…奖励楼宇运营方30万元。"), an item ("…免收担保费；")
    # nor one leaving more than a word or two unsaid, which it says itself (`says_more`).
    said = (not found and restated(anchor.text, asked)
            and restated(anchor.text[clauses[-1][0]:], asked)
            and not anchor.text.endswith("；") and not says_more(anchor.text, asked))
    following = sentences_after(anchor, after if said or anchor.text[-1:] in "？?" or (announces(
        anchor.text) and not found) else None)  # a question line's, a lead-in's: the next passage
    said = said or (not found and bool(following) and names_back(  # "…六家医院…。这六家医院是…"
        following[0].text, anchor.text, question))
    if (said or anchor.text.endswith(tuple("？?：:"))) and following:  # not who tells it:
        told = sliced(nxt := following[0], nxt.start + frame_end(nxt.text), nxt.end)
        return told if kinds else _run_on(told, following[1:], heads=bool(ITEM.match(
            anchor.text) or not PUNCTUATED.search(anchor.text.rstrip("？?"))), question=question)
    if not kinds and restated(anchor.chunk.heading_at(anchor.start), asked):  # its section,
        return _run_on(sliced(anchor, anchor.start + (new or 0), anchor.end), following,
                       heads=True)  # from its first clause the question does not restate
    # The clause where the question word stands says what is asked, entity or none, and ends
    # with it (no run-on: what the next clauses say was not asked), or with its coordination
    gap = asked_clauses(anchor.text, question)
    at, end = gap or (new or 0, len(anchor.text))
    if gap and not kinds and measure_asked(question):  # its sentence's list on, not what for
        end = asked_end(anchor.text, at, question) or len(anchor.text)
    at += anchor.start
    if not kinds and not gap:  # run on from its first clause the question does not restate
        at = anchor.start + open_answer(anchor.text, at - anchor.start, question)  # or a frame
        cut = asked_end(anchor.text, at - anchor.start, question) or end  # not past what for
        return _run_on(sliced(anchor, at, anchor.start + cut), following * (cut == end), question)
    if not kinds or not (found := of_band(question, anchor.text, anchor.start, found)):
        return sliced(anchor, anchor.start + asked_opening(anchor.text, at - anchor.start, question)
                      if kinds and not gap else at, anchor.start + end)  # none tagged: its words'
    entity = _asked_entity(anchor, found, question, asked, not kinds & FIGURED)
    clause = kind_clause(anchor, entity)
    if entity[0] < anchor.start + clauses[0][1] <= found[-1][0] and kinds & FIGURED and [e for e in
            found if same_measure(question, anchor.text, e[0] - anchor.start)][-1:] != [entity] \
            and not states_own(question, anchor.text, entity, found, anchor.start):
        return sliced(anchor, clause.start, anchor.end)  # a head's condition: read on to the last
    # Whole: a reader quoting a clause keeps what it is of ("疫情检查点1526个", not "1526个").
    a, b = coordinated(anchor.text, clause.start - anchor.start, clause.end - anchor.start,
                       asked=question, each=[e[0] - anchor.start for e in found])
    return sliced(anchor, anchor.start + item_frame(anchor.text, a, anchor.chunk.text[
        :anchor.start - anchor.chunk.start]), anchor.start + b)  # an item: with its condition


def kind_clause(anchor: Sentence, entity: tuple[int, int]) -> Sentence:
    """The clause of ``anchor`` holding ``entity``."""
    for s, e in clause_spans(anchor.text):
        if s <= entity[0] - anchor.start < e:
            e -= bool(CLAUSE_END.fullmatch(anchor.text[e - 1]))  # not the mark joining the next
            return sliced(anchor, anchor.start + s, anchor.start + e)
    return anchor


def _asked_entity(anchor: Sentence, found: list[tuple[int, int]], question: str,
                  asked: set[str], in_situ: bool) -> tuple[int, int]:
    """Of several details of the kind asked, the one the question's words point to. A clause
    leaves unsaid what it shares with those before it, so each detail is read with its sentence
    up to its clause's end ("…展会，按每平方米15元给予补助，单个展会最高80万元"); the reading
    nearest the question (Dice of bigrams, details aside) answers, a bound asked (最多) by one."""
    bound = asked_bound(question)  # 最长 of 不超过 too
    bounded = [e for e in found if bound and bound.search(kind_clause(anchor, e).text)]
    details = set().union(*(bigram_units(anchor.text[a - anchor.start:b - anchor.start])
                            for a, b in found))

    def nearness(entity: tuple[int, int]) -> float:
        units = bigram_units(anchor.text[:kind_clause(anchor, entity).end - anchor.start])
        return 2 * len(units & asked - details) / (len(units - details) + len(asked) or 1)
    best = max(candidates := bounded or found, key=lambda e: (in_situ and set() < bigram_units(
        anchor.text[e[1] - anchor.start:][:2]) <= asked - details, same_measure(
            question, anchor.text, e[0] - anchor.start), nearness(e)))  # its next words; measure
    told = item_told(question, kind_clause(anchor, best).text,  # unless another item is named
                     [kind_clause(anchor, e).text for e in candidates])
    return best if told is None else candidates[told]


def _run_on(span: Sentence, following: list[Sentence], question: str = "",
            heads: bool = False) -> Sentence:
    """``span`` run on while shorter than open answers tend to be, in its paragraph (spaces after
    "。" part a flat page's), to no field, while it ``goes_on``; under a heading (an item's, an
    FAQ's) to the next, but through the items a lead-in announces ("…如下：（1）…；（2）…")."""
    end, text, base = span.end, span.chunk.text, span.chunk.start
    lead = re.split(r"[。！？\n]", text[:span.start - base])[-1]  # its sentence's unquoted start
    for s, e in ((f.start, f.end) for f in following if f.start >= end):
        piece = text[s - base:e - base]  # a field's value ("牵头单位：市财政局。") answers no "how"
        listed = text[end - base - 1] in "：:；;"  # a list's next item (not another condition's)
        ended = is_field(piece) or opens_statement(piece, text[:s - base]) or (
            not heads and listed and opens_condition(piece))  # nor another's word or condition
        if e - span.start > LONGEST_ANSWER or ended or (((ITEM.match(piece) and not (
                listed)) or not PUNCTUATED.search(piece)) if heads else end - span.start >= (
                OPEN_ANSWER_CHARS) or (text[end - base - 1] in "。！？" and s > end) or (
                question and not goes_on(text[span.start - base:end - base], piece, question,
                                         lead))):
            break
        end = e
    return sliced(span, span.start, end)
