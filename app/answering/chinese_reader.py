"""Answers from Chinese passages: the clause, sentence or short run of sentences that answers.

A Chinese question is nearly always written from the text it asks about: it restates the
sentence that leads to the answer and asks for what that sentence goes on to say. So the
reader works in two steps, both on the text as it is, with no model run at query time:

1. **Anchor.** Every sentence of the retrieved passages is scored by the share of the
   question's character bigrams it holds (bigrams need no word segmentation, which is least
   reliable on the names questions ask about), each weighted by how few candidate sentences hold
   it; a sentence lacking a kind of detail the question must be answered with (a figure for
   多少, a date for 何时: ``question_kinds``' table and the entities NER stored at ingest) falls
   back. Enough of that support answers; the anchor is then chosen from the notice search ranked
   first (search weighed the whole notice), by the question's words other than the notice's
   title (they tell which notice, not which sentence), a near tie going to the better passage.
2. **Span.** What the anchor says beyond the question: for a question asking a kind of detail,
   the clause holding it that goes on from the question's words before its question word, or
   from a list item's head the rest of the item; for any other, the anchor from its first
   clause the question does not restate, running on into the sentences that continue it. An
   anchor the question wholly restates (a heading, a lead-in "此外，该区还实施……机制。") is
   answered by the sentences after it.

Offsets stay exact: a span is always a slice of its passage's text.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass

from app.answering.answerability import lacks, sentence_labels
from app.answering.citations import Scored, Sentence
from app.answering.clauses import CLAUSE_END, clause_spans
from app.answering.question_kinds import STRICT, ZH_ASKS, Kind, asked_kinds
from app.answering.ranking import HEADING_PENALTY  # a title answers nothing itself
from app.retrieval.hybrid import Hit
from app.text import CJK_CHARS, CJK_RUN, figure_values, sentence_spans

_WORD = re.compile(r"[A-Za-z]+|\d+(?:\.\d+)?")
_LAYOUT_GAP = re.compile(rf"(?<=[^\x00-\x7f])\s+(?=[{CJK_CHARS}“《（【])")
_PUNCTUATED = re.compile(r"[。！？；，：.!?;,:）)”]\s*$")
# Least support of the anchor for an answer; below it the question is refused (dev split).
REFUSAL_SUPPORT = 0.14
# Share of a sentence's bigrams found in the question above which the sentence only restates it.
RESTATED = 0.6
# A sentence holding none of a strict kind asked keeps this share of its score (dev split).
LACKING_PENALTY = 0.25
# How much a sentence's length above the candidates' mean lowers its score (dev split).
LENGTH_NORM = 0.3
# How much each place down the ranking lowers a passage's claim to the anchor (dev split).
PASSAGE_RANK_DECAY = 0.2
# How many times the support of the first notice's best sentence another notice's must have.
CLEAR_WIN = 2.0
# An open question's answer runs on into following sentences until it is this long (dev split).
OPEN_ANSWER_CHARS = 100
# ...but never past this many characters.
LONGEST_ANSWER = 300
# Characters before a question word that say what the answer's clause goes on from.
LEAD_IN_CHARS = 4


@dataclass(frozen=True)
class ChineseReading:
    """The answer span and the anchor's support (the weighted share of the question found)."""

    answer: Scored
    ranked: list[Scored]


def holds_chinese(hit: Hit) -> bool:
    return hit.chunk.metadata.get("language") == "zh"


def reads_chinese(question: str, hits: list[Hit]) -> bool:
    """Whether the reader of Chinese passages answers: a Chinese question whose best passage is
    Chinese (an English passage is read by the cross-lingual path)."""
    return bool(hits) and CJK_RUN.search(question) is not None and holds_chinese(hits[0])


def _units(text: str) -> set[str]:
    """Character bigrams of the Chinese runs and the Latin words and numbers of ``text``."""
    found = {w.lower() for w in _WORD.findall(text)}
    for run in CJK_RUN.findall(text):
        found.update([run] if len(run) == 1 else (run[i : i + 2] for i in range(len(run) - 1)))
    return found


def _laid_out(sentence: Sentence) -> list[Sentence]:
    """``sentence`` cut where white space separates Chinese text: a page flattened into one
    line keeps its headline, dateline and body apart only by spaces."""
    cuts = [0, *(i for gap in _LAYOUT_GAP.finditer(sentence.text) for i in gap.span()),
            len(sentence.text)]
    return [_slice(sentence, sentence.start + a, sentence.start + b)
            for a, b in zip(cuts[::2], cuts[1::2], strict=True)]


def read_chinese(question: str, sentences: list[Sentence]) -> ChineseReading | None:
    """The span of ``sentences`` (those of the retrieved passages) that answers ``question``."""
    chinese = [piece for s in sentences if s.chunk.metadata.get("language") == "zh"
               for piece in _laid_out(s)]
    if not chinese:
        return None
    asked, held, n = _units(question), [_units(s.text) for s in chinese], len(chinese)
    frequency = Counter(u for units in held for u in units & asked)
    weights = {u: math.log(1 + n / (1 + frequency[u])) for u in asked}
    total = sum(weights.values()) or 1.0
    kinds, stated = asked_kinds(question), frozenset(figure_values(question))
    titles = {d: _units(t) for d, t in {s.chunk.doc_id: str(s.chunk.metadata.get("title", ""))
                                         for s in chinese}.items()}
    mean, read = sum(len(s.text) for s in chinese) / n, []
    for sentence, units in zip(chinese, held, strict=True):
        # A long sentence holds more of any question's bigrams by chance (BM25's normalisation).
        factor = (1 - LENGTH_NORM + LENGTH_NORM * len(sentence.text) / mean) ** -0.5 / total
        # A line of layout (a headline, a dateline, a section title) ends in no punctuation.
        factor *= 1.0 if _PUNCTUATED.search(sentence.text) else HEADING_PENALTY
        lacking = bool(lacks(kinds, sentence_labels(sentence, question, stated)) & STRICT)
        factor *= LACKING_PENALTY if lacking else 1.0
        found = units & asked
        # Its notice's title words tell which notice answers, not which of its sentences.
        read.append((Scored(sentence, factor * sum(weights[u] for u in found), lacking),
                     factor * sum(weights[u] for u in found - titles[sentence.chunk.doc_id])))
    top = min(chinese, key=lambda s: s.rank).chunk.doc_id  # the notice search ranks first
    outdone = CLEAR_WIN * max(s.support for s, _ in read if s.sentence.chunk.doc_id == top)
    ranked = [s for s, _ in sorted(read, key=lambda r: (
        r[0].support < REFUSAL_SUPPORT,
        r[0].sentence.chunk.doc_id != top and r[0].support < outdone,
        -r[1] / (1 + PASSAGE_RANK_DECAY * r[0].sentence.rank), r[0].sentence.rank,
        r[0].sentence.start))]
    best = ranked[0]
    return ChineseReading(Scored(_span(best.sentence, question, asked, kinds, stated),
                                 best.support, best.lacking), ranked)


def _restates(text: str, asked: set[str]) -> bool:
    """Whether the question's bigrams cover most of the characters of ``text``: it says
    nothing the question does not."""
    covered = total = 0
    for run in CJK_RUN.findall(text):
        marked = [False] * len(run)
        for i in range(len(run) - 1):
            if run[i : i + 2] in asked:
                marked[i] = marked[i + 1] = True
        covered += sum(marked)
        total += len(run)
    for word in _WORD.findall(text):
        total += len(word)
        covered += len(word) if word.lower() in asked else 0
    return total > 0 and covered / total >= RESTATED


def _slice(sentence: Sentence, start: int, end: int) -> Sentence:
    """``sentence``'s passage from absolute ``start`` to ``end``, white space trimmed."""
    chunk, text = sentence.chunk, sentence.chunk.text
    a, b = start - chunk.start, end - chunk.start
    a += len(text[a:b]) - len(text[a:b].lstrip())
    b -= len(text[a:b]) - len(text[a:b].rstrip())
    return Sentence(chunk, chunk.start + a, chunk.start + b, text[a:b], sentence.rank)


def _entities(sentence: Sentence, kinds: set[Kind], question: str,
              stated: frozenset[float]) -> list[tuple[int, int]]:
    """Absolute spans of the entities in ``sentence`` of a kind asked, not given by the
    question."""
    raw = sentence.chunk.metadata.get("entities")
    if not isinstance(raw, str):
        return []
    wanted = {label for kind in kinds for label in kind.value}
    base, text = sentence.chunk.start, sentence.chunk.text
    return [(base + s, base + e) for s, e, label, *value in json.loads(raw)
            if label in wanted and sentence.start <= base + s and base + e <= sentence.end
            and text[s:e].strip() not in question and not set(value) & stated]


def _span(anchor: Sentence, question: str, asked: set[str], kinds: set[Kind],
          stated: frozenset[float]) -> Sentence:
    base, text = anchor.chunk.start, anchor.chunk.text  # the sentences after it in its passage:
    following = [(base + s, base + e) for s, e in sentence_spans(text, anchor.end - base)]
    clauses = clause_spans(anchor.text) or [(0, len(anchor.text))]
    new = next((a for a, b in clauses if not _restates(anchor.text[a:b], asked)), None)
    # A heading or lead-in the question restates to its end, where Chinese says what is new
    # ("…的收入，免征增值税。" says more): what comes after it answers.
    if ((_restates(anchor.text, asked) and _restates(anchor.text[clauses[-1][0]:], asked))
            or anchor.text.rstrip().endswith(("：", ":"))) and following:
        nxt = _slice(anchor, *following[0])
        return nxt if kinds else _run_on(nxt, following[1:])
    if not kinds:
        return _run_on(_slice(anchor, anchor.start + (new or 0), anchor.end), following)
    if not (found := _entities(anchor, kinds, question, stated)):
        return anchor
    # Of several, the detail in the clause that goes on from the question's words just before
    # its question word ("最长发放" of "…最长发放多久"), the nearest weighing most, not an
    # outline number or another figure of the sentence: the first on a tie.
    near = _lead_in(question)
    entity = max(found, key=lambda e: sum(near.get(u, 0)
                                          for u in _units(_kind_clause(anchor, e).text)))
    clause = _kind_clause(anchor, entity)
    verb = max((u for u in near if u in anchor.text), key=near.__getitem__, default="")
    if verb and verb not in clause.text and verb in anchor.text[clause.end - anchor.start:]:
        # A list item's head, what it is about, is no answer: the item goes on to say it
        # ("（一）对新引进…的集成电路制造项目，按设备投资额的10%给予补助" for "…项目补助多少").
        clause = _slice(anchor, clause.start, anchor.end)
    return _after_restated(clause, entity[0], asked)


def _lead_in(question: str) -> dict[str, int]:
    """The bigrams of the few characters of ``question`` before its question word, each
    weighing more the nearer it is."""
    asks = ZH_ASKS.search(question)
    lead = question[max(0, asks.start() - LEAD_IN_CHARS):asks.start()] if asks else ""
    return {lead[i : i + 2]: i + 1 for i in range(len(lead) - 1)}


def _kind_clause(anchor: Sentence, entity: tuple[int, int]) -> Sentence:
    """The clause of ``anchor`` holding ``entity``."""
    offset = anchor.start
    for s, e in clause_spans(anchor.text):
        if offset + s <= entity[0] < offset + e:
            # Without the mark that joins it to the next clause.
            e -= bool(CLAUSE_END.fullmatch(anchor.text[e - 1]))
            return _slice(anchor, offset + s, offset + e)
    return anchor


def _after_restated(clause: Sentence, limit: int, asked: set[str]) -> Sentence:
    """``clause`` from the first character the question's bigrams do not cover, up to
    ``limit`` (where the detail asked begins): "中外航空公司共办理退票超过2000万张" asked as
    "…共办理退票多少张" quotes "超过2000万张"."""
    text, start = clause.text, 0
    while clause.start + start < limit and text[start : start + 2] in asked:
        start += 2
    while clause.start + start < limit and text[start].isspace():
        start += 1
    return _slice(clause, clause.start + start, clause.end) if start else clause


def _run_on(span: Sentence, following: list[tuple[int, int]]) -> Sentence:
    """``span`` with the sentences after it, while the answer is shorter than an open question's
    answer tends to be and the next sentence is on the same line."""
    end, text, base = span.end, span.chunk.text, span.chunk.start
    for s, e in following:
        if s < end:
            continue
        if end - span.start >= OPEN_ANSWER_CHARS or e - span.start > LONGEST_ANSWER \
                or "\n" in text[end - base : s - base]:
            break
        end = e
    return _slice(span, span.start, end)
