"""The year a question asks a detail of, against the years a candidate sentence states it for.

"贺州市2026年发放多少家政服务消费券？" over "2025年发放家政服务消费券200万元" (and "How much
will X spend in 2027?" over "In 2025 X spends …"): the figure is of another year, and quoting
it would answer what the text never says. Years are read by one general pattern of each
language (digits, a span "2025—2027年" / "from 2025 to 2027", an open start "2025年起" /
"since 2025"); a year inside a day ("2025年5月1日", "1 June 2025") dates an event, not the
period a figure is of, and a year naming a document ("2025年家政服务实施方案", "the 2025
plan") or a quoted title is no year asked. A Chinese notice says years relative to its own date
too (今年, 明年起, 去年, 上年度 in a notice of 2025: 2025, from 2026, 2024), read with the year it
was published; so does a question (今年冬天), read as its asker reads the notice asked of: of the
year it was published or took effect (``asked_of``), never as a word a sentence must write. A
sentence stating no year is of its document's term when the document states one (its validity,
"有效期至2028年12月31日", "valid for three years", a title's "(2026-2028)"): a measure ending in
2028 says nothing of 2029's subsidy; a document with no end is not judged.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any, Protocol, TypeVar

from app.chinese_words import word_bounds
from app.numerals import EN_MONTHS, MEASURE_WORDS, ZH_NUMERAL
from app.retrieval.document_questions import DOCUMENT
from app.text import QUOTED

# A year in digits; not a figure's number, followed by its currency, magnitude, percent sign or
# measure word ("2000元", "2000万", "2000人", "2000 yuan").
_YEAR = (r"(?<![\d.])((?:19|20)\d\d)(?!\d)(?!\s*(?:[元万亿千百%％人户亩吨"
         rf"{MEASURE_WORDS}]|yuan\b|RMB\b|per\s*cent\b|percent\b))")
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
_RELATIVE = re.compile(r"前年|去年|今年|本年|当年|明年|后年|上一?年")  # 上年度: the year before
_OFFSETS = {"前年": -2, "去年": -1, "今年": 0, "本年": 0, "当年": 0, "明年": 1, "后年": 2,
            "上年": -1, "上一年": -1}
# "今年85岁", "今年92了": a relative year before a count says an age (when it holds), no period.
_AGE = re.compile(rf"\s*[{ZH_NUMERAL}]+\s*多?\s*(?:周岁|岁|了)")
# The year of an edition, not of what it says: 2018年修正, （2026年修订）, the 2026 revision.
_EDITION = re.compile(rf"{_YEAR}\s*年?\s*(?:修订|修正|修改|版|(?:edition|revision)\b)", re.I)
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


def relative(word: str) -> int:
    """How long the year said relative to now opening ``word`` (a word of a question) is (今年 of
    jieba's 今年冬天), 0 if none: what it asks of is read here (``asked_of``), not as a word."""
    return m.end() if (m := _RELATIVE.match(word)) else 0


def asked_of(question: str, metadata: Mapping[str, object]) -> set[int]:
    """The years ``question`` asks a detail of, read against one stored passage: those it writes,
    and those it says relative to now (今年, 去年起) as its asker reads that passage's notice, of
    the year the notice was published or took effect (a notice of December 2025 in force from
    2026 is this year's in either); not an age said with one ("今年85岁")."""
    if not (offsets := _offsets(question)):  # most say none: nothing of the passage to read
        return set(_asked(question))
    bases = {int(y[1]) for key in ("published", "effective_from")
             if (y := re.match(r"((?:19|20)\d\d)-", str(metadata.get(key) or "")))}
    return {*_asked(question), *(base + offset for base in bases for offset in offsets)}


def says_year_asked(question: str, text: str, metadata: Mapping[str, object]) -> bool:
    """Whether ``text`` (of a passage with ``metadata``) states a year ``question`` says relative
    to now (今年 of a notice of 2026: 2026, a day's too: 2026年5月10日), or it says none. Its
    notice's number (〔2026〕12号) names the notice: its year is of no detail."""
    if not (relatives := asked_of(question, metadata) - _asked(question)):
        return True
    text = absolute(text.replace(str(metadata.get("doc_number") or "\0"), " "), published_year(
        metadata))
    return bool(relatives & (_years(text) | {int(m[1] or m[2]) for m in _DAY.finditer(text)}))


@lru_cache(maxsize=256)  # per question: each candidate reads them
def _asked(question: str) -> frozenset[int]:
    return frozenset(asked_years(question))


@lru_cache(maxsize=256)
def _offsets(question: str) -> frozenset[int]:
    """How many years from now each year ``question`` says relative to now stands (去年: -1),
    where jieba's cut starts a word there (not 说明|年度)."""
    if not _RELATIVE.search(question):
        return frozenset()
    bounds = word_bounds(question)
    return frozenset(_OFFSETS[m.group()] for m in _RELATIVE.finditer(question)
                     if m.start() in bounds and not _AGE.match(question, m.end()))


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


def term_years(metadata: Mapping[str, object]) -> set[int]:
    """The years a stored passage's document states its measures for: from its start (else its
    publication) to the end of its term, with those its title names ("关于做好2026年以工代训补贴
    工作的通知", of 2026 though no end is stated; "2025年度…申报" published in 2026). None for an
    open-ended measure whose title names no year, or only its edition's ("2018年修正")."""
    return set(_term_years(*(str(metadata.get(k) or "") for k in (
        "effective_from", "effective_until", "published", "title"))))


@lru_cache(maxsize=1024)  # a document's chunks share it: read once per document
def _term_years(start: str, until: str, published: str, title: str) -> frozenset[int]:
    named = _years(re.sub(r"[《》〈〉“”\"]", " ", _EDITION.sub(" ", title)))  # and one it forwards
    end = re.match(r"((?:19|20)\d\d)-", until)
    if end is None:
        return frozenset(named)
    first = re.match(r"((?:19|20)\d\d)-", start) or re.match(r"((?:19|20)\d\d)-", published)
    return frozenset(range(int(first[1]) if first else int(end[1]), int(end[1]) + 1)) | named


def _tied(sentence: _Sentence) -> tuple[set[int], set[int]]:
    """The years ``sentence`` states its details for, and those or else its document's term."""
    metadata = sentence.chunk.metadata
    own = stated_years(sentence.text, published_year(metadata))
    return own, own or term_years(metadata)


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
    asked (or, stating none, of a term without it); or, when the best is of another year and none
    of the asked one, nothing and the years it writes or its term (the refusal names them).
    Unchanged for a question naming no year."""
    if not (_asked(question) or _offsets(question)) or not (asked := [asked_of(
            question, r.sentence.chunk.metadata) for r in ranked]) or not any(asked):
        return list(ranked), []
    own, tied = zip(*(_tied(r.sentence) for r in ranked), strict=True)
    if tied[0] and not tied[0] & asked[0]:
        # Those stating the asked year are kept; the best being outside its term, those of a
        # term with it too (never a sentence of no year over one stating another year).
        kept = [r for r, o, t, a in zip(ranked, own, tied, asked, strict=True)
                if (o if own[0] else t) & a]
        best, published = ranked[0].sentence, published_year(ranked[0].sentence.chunk.metadata)
        if asked[0] & {int(m[1] or m[2]) for m in _DAY.finditer(absolute(best.text, published))}:
            return list(ranked), []  # it dates an event in the year: maybe the one asked of
        written = _DAY.sub(" ", QUOTED.sub(" ", absolute(best.text, published)))  # 明年: 2026
        names = sorted(set(re.findall(_YEAR, written))) if own[0] else _term(tied[0])
        if kept or not names:
            return kept or list(ranked), []  # never an empty list without the years to name
        return [], names
    return [r for r, years, a in zip(ranked, tied, asked, strict=True) if not years or years & a
            ], []


def off_year(question: str, sentences: Sequence[_Sentence]) -> list[bool]:
    """For each of ``sentences``, whether it states only other years than the one ``question``
    asks while another of them states that one: the Chinese reader orders it after them, as
    ``of_asked_year`` keeps only those ("今年…800万元" of a notice of 2025 for 2026年)."""
    if not (_asked(question) or _offsets(question)) or not any(asked := [asked_of(
            question, s.chunk.metadata) for s in sentences]):
        return [False] * len(sentences)
    own, tied = zip(*(_tied(s) for s in sentences), strict=True)
    some = any(years & a for years, a in zip(own, asked, strict=True))
    return [some and bool(years) and not years & a for years, a in zip(tied, asked, strict=True)]


def _term(years: set[int]) -> list[str]:
    """A term's years as a refusal names them ("2026–2028")."""
    first, last = min(years), max(years)
    return [str(first) if first == last else f"{first}–{last}"]
