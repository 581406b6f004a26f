"""Whose a figure is (issue 23 item 5): the words of its text naming the holder it is stated of.

A passage often gives one kind of figure to several holders (本科及以上学历一次性补贴
20000元，大专学历一次性补贴15000元; "4,000 yuan for a senior-level certificate, 2,500 yuan for
an intermediate-level certificate"; a list whose items each name a group and its sum). A
generated sentence stating one of them (大专学历补贴20000元) holds the figure, its unit and most
of its words, and still says something false: it gives the figure to another holder.

The holder is read from the text's structure, not from a list of words: a figure's sentence (an
item of a list ends at a semicolon) when it states no other figure of the measure (app.measures:
its unit and period), else its clause from the previous such figure to the next; what precedes
the first of several is a lead-in they share. A range (90至99周岁) is one figure. Figures of one
measure are compared within their line, or across the items of one enumerated list. The two
holders' words are aligned (difflib): where they stand in each other's place they tell the
holders apart ("本科及以上" / "大专", "grade five" / "grade four"); what one adds without
counterpart ("an additional award") says more of it, not whose it is.

Words are read by the caller (the citation check's comparable forms), figures by
``app.figure_forms`` as the check reads them, so both sides of a comparison are read the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from difflib import SequenceMatcher
from typing import Protocol

from app.figure_forms import figure_spans, normal
from app.measures import Measure, measure_of, same_measure
from app.numerals import ordinals
from app.text import CLAUSE_END, ITEM

# Where a holder's reach ends within a line: a sentence's end, and a semicolon ending an item.
_SENTENCE_END = re.compile(r"[。！？!?；;]|\.(?=\s)")
# A unit symbol is written onto its figure's digits, no space between ("100P", "10.5Tbps").
_SYMBOL = re.compile(r"[A-Za-z]{1,4}(?![A-Za-z])")
_RANGE_ON = re.compile(r"\s*(?:至|到|[-–—~～]|to)\s*[\d一二三四五六七八九十]", re.I)
Span = tuple[int, int]
Stated = tuple[Span, frozenset[str], Measure]
Forms = list[frozenset[str]]


class Word(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def forms(self) -> frozenset[str]: ...  # what two texts' words are compared by


class _Read:
    """A text with its words as the caller reads them and its figures (``figure_spans``)."""

    def __init__(self, text: str, words: Callable[[str], Sequence[Word]]) -> None:
        self.text = normal(text)  # the readers' spans are of this
        self.words, self.figures = words(self.text), figure_spans(self.text)
        self.stated = [(span, values, measure) for span, values, percent in self.figures
                       if not _RANGE_ON.match(self.text, span[1])
                       and (measure := self._measure(span, percent))[0] is not None]

    def _measure(self, span: Span, percent: bool) -> Measure:
        unit, period = measure_of(self.text, *span, percent)
        symbol = _SYMBOL.match(self.text, span[1]) if unit is None else None
        return (symbol.group().lower() if symbol else unit), period


def given_to_another(claim: str, passages: list[str],
                     words: Callable[[str], Sequence[Word]]) -> bool:
    """Whether ``claim`` gives one of its figures (stated with a unit) to another holder than
    every place ``passages`` state it: one they give another figure of its measure, or one they
    name for none in the place of its own."""
    mine = _Read(claim, words)
    read = [_Read(text, words) for text in passages]
    for at in mine.stated:
        written, said = _holder(mine, at)
        held = [_kept(said, text, other) if (same := _numbered_alike(written, text, other)) is None
                else same for text in read for other in text.stated
                if other[1] & at[1] and same_measure(at[2], other[2])]
        if held and not any(held):
            return True
    return False


def _numbered_alike(claimed: str, read: _Read, at: Stated) -> bool | None:
    """Whether a claim's holder (its text ``claimed``) numbers the part the passage's holder of
    ``at`` numbers: the first phase's figure is not the second's, nor the whole's (a holder
    without one), and the ordinal says which part whatever words name it (一期, "first phase").
    A holder numbering none is the whole's where its line numbers another figure's part (the
    claim may not number one); else None: the passage may number it in a sentence before."""
    numbered, mine = ordinals(_holder(read, at)[0], picking=True), ordinals(claimed, picking=True)
    if numbered:
        return bool(numbered & mine)
    return False if mine and any(ordinals(_holder(read, other)[0], picking=True)
                                 for other in _siblings(read, at)) else None


def _kept(said: Forms, read: _Read, at: Stated) -> bool:
    """Whether a claim's figure, its holder's words ``said``, may be the one stated at ``at``:
    against each other figure of the measure there, the claim names no word only the other
    holder has in a place where they differ without one only this holder has; nor, where this
    holder has a word of its own, a word none of them holds ("grade three" for grade four)."""
    claimed = _union(said)
    holders, own = _holder(read, at)
    mine = _union(own)
    distinct: set[str] = set()
    for other in _siblings(read, at):
        their_text, theirs = _holder(read, other)
        holders += " " + their_text
        them = _union(theirs)
        for ours, others in _differences(own, theirs):
            only_ours, only_theirs = _union(ours) - them, _union(others) - mine
            if claimed & only_theirs and not claimed & only_ours:
                return False
            distinct |= only_ours
    if not distinct or claimed & distinct:
        return True
    holders = holders.lower()
    return not any(_union(ours) & distinct and any(
        not any(f.lstrip("#").lower() in holders for f in forms) for forms in claim_words)
        for claim_words, ours in _differences(said, own))


def _differences(ours: Forms, theirs: Forms) -> Iterator[tuple[Forms, Forms]]:
    """The runs of two holders' words that stand in each other's place."""
    matcher = SequenceMatcher(None, ours, theirs, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace":
            yield ours[i1:i2], theirs[j1:j2]


def _union(words: Forms) -> frozenset[str]:
    return frozenset().union(*words)


def _siblings(read: _Read, at: Stated) -> Iterator[Stated]:
    """The other figures of the measure of ``at`` in its line, or in the items of its list."""
    text, lines = read.text, list(_lines(read.text))
    first = last = next(i for i, (s, e) in enumerate(lines) if s <= at[0][0] <= e)
    if ITEM.match(text, lines[first][0]):
        while first > 0 and ITEM.match(text, lines[first - 1][0]):
            first -= 1
        while last + 1 < len(lines) and ITEM.match(text, lines[last + 1][0]):
            last += 1
    start, end = lines[first][0], lines[last][1]
    yield from (f for f in read.stated if start <= f[0][0] < end and not f[1] & at[1]
                and f[2][0] == at[2][0] and same_measure(at[2], f[2]))


def _lines(text: str) -> Iterator[Span]:
    at = 0
    for line in text.split("\n"):
        if line.strip():
            yield at, at + len(line)
        at += len(line) + 1


def _holder(read: _Read, at: Stated) -> tuple[str, Forms]:
    """The text naming the holder of the figure ``at``, and its words and other figures in
    order: its sentence when that states no other figure of its measure, else its clause from
    the figure of its measure before it to the next."""
    text, (span, _, measure) = read.text, at
    line_start = text.rfind("\n", 0, span[0]) + 1
    line_end = len(text) if (n := text.find("\n", span[1])) < 0 else n
    ends = [m.end() for m in _SENTENCE_END.finditer(text, line_start, line_end)]
    start = max([line_start, *(e for e in ends if e <= span[0])])
    end = min([line_end, *(e for e in ends if e >= span[1])])
    alike = [s for s, _, m in read.stated if s != span and m[0] == measure[0]
             and same_measure(measure, m) and start <= s[0] < end]
    if alike:
        marks = [m.end() for m in CLAUSE_END.finditer(text, start, end)]
        start = max([start, *(m for m in marks if m <= span[0]),
                     *(e for s, e in alike if e <= span[0])])
        end = min([end, *(m for m in marks if m >= span[1]),
                   *(s for s, _ in alike if s >= span[1])])
    if item := ITEM.match(text, start):  # (2) numbers the item; it names nothing
        start = item.end()
    found = [(w.start, w.forms) for w in read.words if start <= w.start and w.end <= end]
    found += [(s[0], frozenset(f"#{v}" for v in values)) for s, values, _ in read.figures
              if start <= s[0] and s[1] <= end and s != span and s not in alike]
    return text[start:end], [forms for _, forms in sorted(found, key=lambda w: w[0])]
