"""The year a question asks a detail of, against the years a candidate sentence states it for.

"贺州市2026年发放多少家政服务消费券？" over "2025年发放家政服务消费券200万元" (and "How much
will X spend in 2027?" over "In 2025 X spends …"): the figure is of another year, and quoting
it would answer what the text never says. Years are read by one general pattern of each
language (digits, a span "2025—2027年" / "from 2025 to 2027", an open start "2025年起" /
"since 2025"); a year inside a day ("2025年5月1日", "1 June 2025") dates an event, not the
period a figure is of, and a year naming a document ("2025年家政服务实施方案", "the 2025
plan") or a quoted title is no year asked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from app.numerals import EN_MONTHS
from app.retrieval.document_questions import DOCUMENT
from app.text import QUOTED

_YEAR = r"(?<![\d.])((?:19|20)\d\d)(?!\d)"
_MONTHS = "|".join([*EN_MONTHS, *(m[:3] for m in EN_MONTHS)])
# A year of a day: 2025年5月1日, 2025-05-01, 1 June 2025, June 1, 2025.
_DAY = re.compile(rf"{_YEAR}\s*(?:年\s*\d{{1,2}}\s*月|[-/.]\d{{1,2}}[-/.]\d{{1,2}})"
                  rf"|\b(?:{_MONTHS})\.?\s+(?:\d{{1,2}},?\s+)?{_YEAR}", re.I)
_SPAN = re.compile(rf"{_YEAR}\s*年?\s*(?:[-–—~～至到]|\b(?:to|through|until|till)\b)\s*{_YEAR}",
                   re.I)
# From a year on, with no end: 2025年起, 自2025年以来, since 2025, from 2025 on, starting in 2025.
_ONWARDS = re.compile(rf"{_YEAR}\s*年?\s*(?:起|以来|以后|开始)|\b(?:since|from|starting(?: in)?"
                      rf"|beginning(?: in)?|as of)\s+(?:(?:FY|fiscal year)\s*)?{_YEAR}"
                      r"(?!\s*(?:[-–—]|to\b))", re.I)
# A year naming a document: before its noun ("2025年家政服务实施方案", "the 2025 cycling plan"),
# with no preposition between that makes the noun another phrase's ("in 2026 under the plan").
_PREPOSITION = r"(?:on|in|under|for|of|the|a|an|to|by|from|with|at|and|or|as|per)\b"
_OF_DOCUMENT = re.compile(rf"{_YEAR}\s*年?度?(?:(?!按|根据|依据|依照)[^\s，。？?、,;；]){{2,14}}?"
                          rf"(?:{DOCUMENT.pattern})|{_YEAR}(?:\s+(?!{_PREPOSITION})[A-Za-z-]+)"
                          rf"{{0,3}}\s+(?:{DOCUMENT.pattern})", re.I)
_OPEN = 2100  # the last year an open start ("since 2025") is taken to reach
C = TypeVar("C", bound="Candidate")


def _years(text: str, spans: bool = True) -> set[int]:
    text = QUOTED.sub(" ", text)
    years: set[int] = set()
    for m in _SPAN.finditer(text):
        first, last = int(m[1]), int(m[2])
        years |= set(range(first, last + 1)) if 0 <= last - first <= 30 else {first, last}
    text = _SPAN.sub(" ", text)
    for m in _ONWARDS.finditer(text):
        years |= set(range(int(m[1] or m[2]), _OPEN + 1)) if spans else {int(m[1] or m[2])}
    text = _DAY.sub(" ", _ONWARDS.sub(" ", text))
    return years | {int(y) for y in re.findall(_YEAR, text)}


def asked_years(question: str) -> set[int]:
    """The years ``question`` asks a detail of (none: it names no year but a document's)."""
    return _years(_OF_DOCUMENT.sub(" ", question), spans=False)


def stated_years(sentence: str) -> set[int]:
    """The years ``sentence`` states its details for; a span and an open start cover each year."""
    return _years(sentence)


class _Sentence(Protocol):
    @property
    def text(self) -> str: ...


class Candidate(Protocol):
    """A candidate answer (``app.answering.citations.Scored``): its sentence."""

    @property
    def sentence(self) -> _Sentence: ...


def of_asked_year(question: str, ranked: Sequence[C]) -> tuple[list[C], list[str]]:
    """``ranked`` (best first) without the candidates stating only other years than the one
    asked; or, when the best states another year and none states the asked one, nothing and the
    years it writes (the refusal names them). Unchanged for a question naming no year."""
    if not (asked := asked_years(question)) or not ranked:
        return list(ranked), []
    stated = [stated_years(r.sentence.text) for r in ranked]
    if stated[0] and not stated[0] & asked:
        kept = [r for r, years in zip(ranked, stated, strict=True) if years & asked]
        written = _DAY.sub(" ", QUOTED.sub(" ", ranked[0].sentence.text))  # as it writes them
        if kept or not (names := sorted(set(re.findall(_YEAR, written)))):
            return kept or list(ranked), []  # never an empty list without the years to name
        return [], names
    return [r for r, years in zip(ranked, stated, strict=True) if not years or years & asked], []
