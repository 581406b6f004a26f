"""The year a question asks a detail of, against the years a candidate sentence states it for.

"贺州市2026年发放多少家政服务消费券？" over "2025年发放家政服务消费券200万元" (and "How much
will X spend in 2027?" over "In 2025 X spends …"): the figure is of another year, and quoting
it would answer what the text never says. Years are read by one general pattern of each
language (digits, a span "2025—2027年" / "from 2025 to 2027", an open start "2025年起" /
"since 2025"); a year inside a day ("2025年5月1日", "1 June 2025") dates an event, not the
period a figure is of, and a year naming a document ("2025年家政服务实施方案", "the 2025
plan") or a quoted title is no year asked. A Chinese notice says years relative to its own date
too (今年, 明年起, 去年 in a notice of 2025: 2025, from 2026, 2024), read with the year it was
published.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Protocol, TypeVar

from app.chinese_words import word_bounds
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
# A year said relative to the text's own date, with its offset: where jieba's cut starts a word
# there, not inside another word (说明|年度, 当前|年度, 成本|年度).
_RELATIVE = re.compile(r"前年|去年|今年|本年|明年|后年")
_OFFSETS = {"前年": -2, "去年": -1, "今年": 0, "本年": 0, "明年": 1, "后年": 2}
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


def stated_years(sentence: str, published: int | None = None) -> set[int]:
    """The years ``sentence`` states its details for; a span and an open start cover each year;
    with the year its text was ``published``, also those it says relative to it (明年起)."""
    return _years(absolute(sentence, published))


def absolute(text: str, published: int | None) -> str:
    """``text`` with each year said relative to ``published`` written as that year (今年 of a
    notice published in 2025: 2025年); unchanged without the year."""
    if not published or not _RELATIVE.search(text):
        return text
    bounds = word_bounds(text)
    return _RELATIVE.sub(lambda m: f"{published + _OFFSETS[m.group()]}年"
                         if m.start() in bounds else m.group(), text)


def published_year(metadata: Mapping[str, object]) -> int | None:
    """The year a stored passage's document was published (its ``published`` date), if known."""
    found = re.match(r"((?:19|20)\d\d)-", str(metadata.get("published") or ""))
    return int(found[1]) if found else None


class _Chunk(Protocol):
    @property
    def metadata(self) -> Mapping[str, Any]: ...


class _Sentence(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def chunk(self) -> _Chunk: ...


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
    stated = [stated_years(r.sentence.text, published_year(r.sentence.chunk.metadata))
              for r in ranked]
    if stated[0] and not stated[0] & asked:
        kept = [r for r, years in zip(ranked, stated, strict=True) if years & asked]
        written = _DAY.sub(" ", QUOTED.sub(" ", absolute(  # as it writes them (明年: 2026)
            ranked[0].sentence.text, published_year(ranked[0].sentence.chunk.metadata))))
        if kept or not (names := sorted(set(re.findall(_YEAR, written)))):
            return kept or list(ranked), []  # never an empty list without the years to name
        return [], names
    return [r for r, years in zip(ranked, stated, strict=True) if not years or years & asked], []


def off_year(question: str, sentences: Sequence[_Sentence]) -> list[bool]:
    """For each of ``sentences``, whether it states only other years than the one ``question``
    asks while another of them states that one: the Chinese reader orders it after them, as
    ``of_asked_year`` keeps only those ("今年…800万元" of a notice of 2025 for 2026年)."""
    if not (asked := asked_years(question)):
        return [False] * len(sentences)
    stated = [stated_years(s.text, published_year(s.chunk.metadata)) for s in sentences]
    some = any(years & asked for years in stated)
    return [some and bool(years) and not years & asked for years in stated]
