"""The bands a text states its figures in ("80周岁至89周岁", "an income above 35,000 pounds",
"aged 75 or over"), and whether a question's figure falls outside a sentence's bands.

A scheme of tiers or age bands states one sum per band, each in a sentence much like the others;
a question names its band by a figure in it ("92岁的老人", "earning 28,000 pounds a year") or by
the band itself ("80岁以上"). A sentence all of whose bands of that figure's unit leave it out
answers another band. Figures are read by ``app.numerals.figures`` (one reader of numerals): this
module reads only the words around them. Bounds count as inclusive: texts write 以上 and 超过,
"over" and "or over" for the same threshold.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from itertools import pairwise

from app.numerals import CN_DIGITS, NUMBER_WORD, NUMBER_WORDS, ZH_NUMERAL, chinese_number, figures
from app.text import STOPWORDS, bigram_units, clause_spans, has_cjk, stem

# Share of its support a sentence keeps when it answers another band than the question's.
OUT_OF_BAND = 0.5
# A figure's unit is a currency sign before it, else the word after it (周岁 is 岁; not a bound
# word: 以上, "or over"), and in English the word before it as well ("aged 75 or over", "aged 80
# get"); a band's first figure without one takes its last's ("80至89周岁", "from 20,000 to 35,000
# pounds"). A figure is of a band's unit when they share one.
_SIGNS = "£$€¥"
_ZH_UNIT = re.compile(r"\s*(?:周?(岁)|(?![以及至到或])([\u4e00-\u9fff]))")
_EN_UNIT = re.compile(r"[\s-]*([A-Za-z]+)")  # hyphened too: "a three-storey building"
# An English number word before its noun states a figure as digits do ("at least four storeys").
_EN_NUMBER = re.compile(rf"\b({NUMBER_WORD})\b(?=[\s-]+[A-Za-z])", re.I)
_EN_BEFORE = re.compile(r"([A-Za-z]+)\s+$")
_NO_UNITS = STOPWORDS | {"above", "below", "than", "least", "exceeding", "exceed", "between",
                         "less", "fewer", "greater", "older", "younger"}  # the bound words
# Words of a lower or an upper bound before a figure or after its unit (not a cap on a sum:
# "up to", 最高, 不超过 bound the answer, not the band it is for).
# A threshold crossed ("revenue first *exceeds* 500 million"): a floor whose figure names the event
# (an award for reaching 1 billion is not the one for 500 million), unless negated (a cap).
_CROSSED = r"(?<!not )(?<!to )(?<!never )(?<!n't )\b(?:exceed|surpass|reach)(?:e?s|ed)?"
_FROM = re.compile(r"(?:(?<!不)超过|(?<!不)高于|大于|多于|(?<![不未])满|不低于|不少于|突破"
                   rf"|\b(?:above|over|more than|greater than|exceeding|at least)|{_CROSSED})\s*$",
                   re.I)
_CROSSING = re.compile(rf"{_CROSSED}\s*$", re.I)
_TO = re.compile(r"(?:(?<!不)低于|(?<!不)少于|不足|不到|未满|不满|小于"
                 r"|\b(?:below|under|less than|fewer than))\s*$", re.I)
_AND_UP = re.compile(r"\s*(?:[（(]含[)）])?(?:[及或]?以上|or (?:over|more|above|older)\b"
                     r"|and (?:over|above|older)\b)", re.I)
_AND_DOWN = re.compile(r"\s*(?:[（(]含[)）])?(?:[及或]?(?:以下|以内)"
                       r"|or (?:under|less|below|younger|fewer)\b)", re.I)
# What joins a band's two figures ("80周岁至89周岁", "from 20,000 to 35,000", "between … and").
_THROUGH = re.compile(r"\s*(?:至|到|[-–—~～]|to)\s*[£$€¥]?", re.I)
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)

Band = tuple[float, float, frozenset[str]]  # lowest, highest, units


def _units(text: str) -> list[tuple[int, int, float, frozenset[str]]]:
    """Each figure of ``text``: its start, where its unit ends, its value and its units."""
    found = []
    for start, end, value in sorted([*figures(text), *((m.start(), m.end(), float(
            NUMBER_WORDS[m.group(1).lower()])) for m in _EN_NUMBER.finditer(text))]):
        if start and text[start - 1] in _SIGNS:
            found.append((start, end, value, frozenset([text[start - 1]])))
        elif zh := _ZH_UNIT.match(text, end):
            found.append((start, zh.end(), value, frozenset([zh.group(1) or zh.group(2)])))
        else:
            after = _EN_UNIT.match(text, end)
            before = _EN_BEFORE.search(text, max(0, start - 20), start)
            words = {m.group(1).lower() for m in (after, before) if m} - _NO_UNITS
            found.append((start, after.end() if after and after.group(1).lower() in words
                          else end, value, frozenset(map(stem, words))))
    return found


def quantities(text: str) -> tuple[list[Band], list[Band]]:
    """The bands ``text`` states, and its other figures (as bands of one value) with a unit."""
    bands, points = _quantities(text)
    return list(bands), list(points)


@lru_cache(maxsize=8192)
def _quantities(text: str) -> tuple[tuple[Band, ...], tuple[Band, ...]]:
    # Cached: each question is read against every candidate sentence, a sentence against many
    # questions.
    bands: list[Band] = []
    points: list[Band] = []
    found = _units(text)
    i = 0
    while i < len(found):
        start, end, value, unit = found[i]
        after = found[i + 1] if i + 1 < len(found) else None
        joined = after is not None and (_THROUGH.fullmatch(text, end, after[0]) or (
            text[end:after[0]].strip() == "and" and _BETWEEN.search(text[:start])))
        if after is not None and joined and (unit or after[3]):
            bands.append((value, after[2], unit or after[3]))
            i += 2
            continue
        floor, ceiling = _bounds(text, start, end)
        if floor or ceiling:
            bands.append((value, math.inf, unit) if floor else (-math.inf, value, unit))
        else:
            points.append((value, value, unit))
        i += 1
    return tuple(b for b in bands if b[2]), tuple(p for p in points if p[2])


@lru_cache(maxsize=8192)
def _crossings(text: str) -> tuple[tuple[float, frozenset[str]], ...]:
    """The thresholds ``text`` says are crossed ("first exceeds 1 billion yuan"): value, units."""
    return tuple((value, unit) for start, _, value, unit in _units(text)
                 if unit and _CROSSING.search(text[max(0, start - 12):start]))


# A tier's bound word may stand a few words after its figure (80周岁（含）以上, 三孩及以上).
_GAP = "[^，。；、]{0,6}?"
_AFTER = {gap: (re.compile(gap + _AND_UP.pattern, re.I), re.compile(gap + _AND_DOWN.pattern, re.I))
          for gap in ("", _GAP)}


def _bounds(text: str, start: int, end: int, gap: str = "") -> tuple[bool, ...]:
    """Whether the figure at ``start`` (its unit ending at ``end``, or ``gap`` before its bound
    word after it) is a floor, and a ceiling."""
    return tuple(bool(after.match(text, end) or before.search(text[max(0, start - 12):start]))
                 for after, before in zip(_AFTER[gap], (_FROM, _TO), strict=True))


def band_factor(question: str, sentence: str, nearest: bool = False) -> float:
    """``OUT_OF_BAND`` when ``sentence`` states bands of a unit the question states a figure or
    band of, none of which holds it (and the sentence does not state that figure itself: "is
    the grant 1,800 pounds?"), else 1; of a detail's reading (``nearest``), its last band only."""
    asked, figures_asked = _quantities(question)
    if not (asked or figures_asked):  # most questions state no figure: no sentence is read
        return 1.0
    held, stated = _quantities(sentence)
    for low, unit in _crossings(question):  # a threshold crossed is one of the sentence's floors
        floors = {a for a, b, u in held if u & unit and b == math.inf}
        if floors and low not in floors:
            return OUT_OF_BAND
    for low, high, unit in asked + figures_asked:
        mine = [(a, b) for a, b, u in held if u & unit][-1 if nearest else 0:]
        if mine and not any(a <= low and high <= b for a, b in mine) and not any(
                low == high == value and unit & units for value, _, units in stated):
            return OUT_OF_BAND
    return 1.0


def of_band(question: str, text: str, start: int, details: list[tuple[int, int]]
            ) -> list[tuple[int, int]]:
    """Of ``details`` (spans of ``text`` counted from ``start``, in order), those whose band holds
    what the question states, each read from the detail before it ("80周岁至89周岁的…100元，90周岁
    至99周岁的…200元"); all of them when none does."""
    kept, since = [], 0
    for detail in details:
        # Its own band is the last before it: a lead's floor (年满80周岁：80至89周岁…) is all's.
        if band_factor(question, text[since:detail[1] - start], nearest=True) == 1:
            kept.append(detail)
        since = detail[1] - start
    return kept or details


# A tier a Chinese text names by a figure and what it measures (70周岁, 3号线, 20亿元, 二期,
# 三星级, 三等奖, 丁级): a lone numeral or heavenly stem (甲乙丙丁, ranks' ordinals) only before a
# classifier of ranks; not a day, a time or a span (a year's tier is read by app.retrieval.years);
# its bound word may stand a few words after it (_GAP).
_STEMS = "甲乙丙丁"
_LONE_TIER = re.compile(
    rf"(?<![{ZH_NUMERAL}])[{CN_DIGITS}{_STEMS}](?=[级类档期孩星号]|等(?![级次]))")
_TIME_MEASURE = re.compile(r"个?(?:[年月日天时点分秒]|小时|周(?!岁))")
_OPENING_ITEM = re.compile(r"\s*\d{1,2}[.．](?=\d)")  # "1.80周岁…": item 1, not 1.8
# What joins a Chinese band's two figures, its unit between or not: 80至89周岁, 80周岁至89周岁.
_JOINED = re.compile(r"(?:周?岁|[\u4e00-\u9fff])?\s*(?:至|到|[-–—~～])\s*")

Tier = tuple[float, str, int]  # value, measure, bound (+1 floor, -1 ceiling, 0 exact; ±2 a band's)


@lru_cache(maxsize=8192)  # the question's is read against every candidate, twice
def tiers(text: str) -> tuple[Tier, ...]:
    """The tiers ``text`` names: each figure's value, its measure (the character after it; 岁 of
    周岁) and whether it is a floor (+1: 年满60周岁, 60周岁以上), a ceiling (-1: 未满, 以内) or
    exact (0); a figure listed after another ("突破10亿元、30亿元") is bounded as it is. Of items
    read together ("年满65周岁不满75周岁的…10元；年满75周岁不满85周岁的…20元"), the last one
    naming a measure states its tier: it shares its head's words, not the head's band."""
    found: list[Tier] = []
    for item in text.split("；"):
        own = _item_tiers(item)
        found = [tier for tier in found if tier[1] not in {t[1] for t in own}] + list(own)
    return tuple(found)


def _item_tiers(text: str) -> tuple[Tier, ...]:
    text = text[m.end():] if (m := _OPENING_ITEM.match(text)) else text
    found: list[Tier] = []
    bound, closing = 0, False
    read = sorted([*figures(text), *((m.start(), m.end(), float(chinese_number(m.group()) or (
        _STEMS.find(m.group()) + 1))) for m in _LONE_TIER.finditer(text))])
    for (start, end, value), (after, last, _) in zip(read, [*read[1:], (0, 0, 0.0)][:len(read)],
                                                     strict=True):
        # A band's first figure takes its measure from its last (80至89周岁: 80 to 89 years).
        joined = after > end and bool(_JOINED.fullmatch(text, end, after))
        at = last if joined else end
        if at < len(text) and has_cjk(text[at]) and not _TIME_MEASURE.match(text, at):
            listed = bool(found) and text[start - 1:start] == "、"
            floor, ceiling = _bounds(text, start, at, _GAP)
            bound = 2 if joined else -2 if closing else bound if listed else floor - ceiling
            found.append((value, "岁" if text.startswith("周岁", at) else text[at], bound))
        closing = joined
    return tuple(found)


def other_tier(question: str, sentence: str) -> bool:
    """Whether ``sentence`` names tiers of a measure whose tier the question names (70周岁, 3号线,
    20亿元, 二期) and none of them is or bounds the question's: 80周岁及以上's meal subsidy for
    70周岁, 1号线、2号线's hours for 3号线. Figures of another measure (3元) are not tiers of it."""
    return any(_covers(tier, tiers(sentence)) is False for tier in tiers(question))


def banded(question: str, reading: str) -> set[str]:
    """The question's tier figures (78 of 78岁) that ``reading``'s bands hold without naming them
    (年满75周岁不满85周岁): a band says each figure in it, as a reader of the scheme reads it."""
    held = banded_values(question, reading)
    return set().union(*(bigram_units(question[start:end]) for start, end, value in figures(
        question) if value in held))


def banded_values(question: str, reading: str) -> frozenset[float]:
    """The values of ``banded``'s figures: those of the question's tiers ``reading`` names or
    bounds (93 of 今年93岁 in 90至99周岁; not 101)."""
    theirs = tiers(reading)
    return frozenset(tier[0] for tier in tiers(question) if _covers(tier, theirs))


def tier_unstated(question: str, readings: list[str]) -> bool:
    """Whether the question names a tier (70周岁) none of ``readings`` names or bounds while one
    names another of its measure: the texts' tiers (80周岁及以上, 特困老年人) leave it out."""
    each = [tiers(reading) for reading in readings]  # each reading's bounds are its own
    return any(False in (covered := [_covers(tier, theirs) for theirs in each]) and True not in
               covered for tier in tiers(question))


def bands_hold(tier: Tier, text: str) -> bool | None:
    """Whether the bands and bounds ``text`` states of ``tier``'s measure hold its value (年满75周岁
    holds 78, 3周岁以下 not 4) or it names that tier (二孩); None when it states none: a lone
    figure of another value (15元) bounds nothing."""
    return _covers(tier, tuple(t for t in tiers(text) if t[2] or t[0] == tier[0]))


def _covers(tier: Tier, theirs: tuple[Tier, ...]) -> bool | None:
    """Whether ``theirs`` name or bound ``tier``'s value; None when none is of its measure. A
    bound the other way from the question's meets it at its figure only (3周岁以下, 3周岁以上)."""
    value, measure, way = tier
    if not (same := [(v, bound) for v, m, bound in theirs if m == measure]):
        return None
    bounds = [(v, bound) for v, bound in same if abs(bound) == 1]  # a band's ends bound it alone
    return not any(v == value and bound * way < 0 for v, bound in same) and (value in {
        v for v, _ in same} or (bool(bounds) and all(
            value >= v if bound > 0 else value <= v for v, bound in bounds)) or any(
        low <= value <= high for (low, up), (high, down) in pairwise(same) if up == 2 == -down))


def states_own(question: str, text: str, figure: tuple[int, int], others: list[tuple[int, int]],
               start: int = 0) -> bool:
    """Whether ``figure`` (a span of ``text`` counted from ``start``, as ``others`` are) is stated
    of the question's own subject, beside the ``others``' figures of other subjects: it closes
    its clause (a head's condition goes on, "超过5亿元的…项目"), and its clause says a word of
    the question none of theirs says ("口罩企业的复工率已经超过76%", not "防护服企业的…77%")."""
    def clause(span: tuple[int, int]) -> tuple[int, int]:
        return next(((a, b) for a, b in clause_spans(text) if a <= span[0] - start < b), (0, 0))
    (a, b), asked = clause(figure), bigram_units(question)
    theirs = [bigram_units(text[slice(*clause(o))]) for o in others if o != figure]
    closes = not re.sub(r"[\s%％‰)），,；;。]", "", text[figure[1] - start:b])
    return bool(theirs) and closes and bool(  # with no other figure, none tells it is its own
        bigram_units(text[a:b]) & asked - set().union(*theirs))
