"""Figures as the citation check compares them: digits, magnitudes, percentages, months and
Chinese numerals, read the same way on the answer's side and the passages' side.

A model writing Chinese from English passages may spell a figure out (百分之五, 二十, 3月), so
each figure is reduced to the values it may be written as before the two sides are compared.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

_MAGNITUDES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
               "万亿": 10**12, "千万": 10**7, "百万": 10**6, "万": 10**4, "亿": 10**8}
_MAGNITUDE = "|".join(sorted(_MAGNITUDES, key=len, reverse=True))
_CN_DIGITS = "零〇一二两三四五六七八九"
# A figure: 百分之 + a number (Chinese percent), digits or a Chinese numeral, then an optional
# magnitude and an optional percent sign or word.
_FIGURE = re.compile(
    rf"(百分之)?(\d+(?:[.,]\d+)*|[{_CN_DIGITS}十百千]+)"
    rf"(?:\s*({_MAGNITUDE})(?![A-Za-z]))?(\s*(?:%|percent\b|per cent\b|个百分点))?",
    re.IGNORECASE,
)
_MONTHS = ("january february march april may june july august september october november "
           "december").split()
# A month by name ("1 March 2025"), never "may" the verb: only before or after a day or year.
_MONTH_NAME = re.compile(rf"(?<=\d )({'|'.join(_MONTHS)})\b|\b({'|'.join(_MONTHS)})(?= \d)",
                         re.IGNORECASE)
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
# Number words a passage may use where an answer writes digits ("six work tasks" -> 6项).
# They support an answer's figure but are no figures of an answer (like a bare 一…九).
NUMBER_WORDS = {word: value for value, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())} | {
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100}
_NUMBER_WORD = re.compile(rf"\b({'|'.join(NUMBER_WORDS)})\b(\s*(?:%|percent\b|per cent\b))?",
                          re.IGNORECASE)
# Words that hold a Chinese unit character but count nothing: 千兆 (giga-), 百兆, 十分 (very),
# 百姓 (the people). A lone 百 or 千 is never written for 100 or 1000 (一百, 一千 are).
_LONE_UNITS = {"百", "千"}


def chinese_number(numeral: str) -> int | None:
    """二十五 -> 25, 两千 -> 2000, 二〇二五 -> 2025 (cn2an); None for what is no well-formed
    number (十四五, the five-year plan's name)."""
    import cn2an

    try:
        return int(cn2an.cn2an(numeral, "normal"))
    except (ValueError, KeyError, IndexError):
        return None


def figure_forms(text: str) -> list[tuple[frozenset[str], bool]]:
    """Each figure as (the values it may be written as, is_percentage).

    Digits: ``1,200`` -> 1200. A magnitude word scales: ``1,200 million`` may appear as 1200 or
    1200000000, ``100亿`` only as 10000000000 (no English text writes 亿). Chinese numerals
    count as figures (``百分之五`` is 5%, ``二十`` is 20, ``三万`` is 30000), so a model cannot
    slip a figure past the check by spelling it out; a bare 一…九 ("两个", "一体化") is not
    one, as English "two" is not. A month is one figure: ``3月`` meets "March". Both sides of
    the check read text the same way.
    """
    return [(forms, percent) for _, forms, percent in figure_spans(
        unicodedata.normalize("NFKC", text))]


def figure_spans(text: str) -> list[tuple[tuple[int, int], frozenset[str], bool]]:
    """``figure_forms`` with where each figure stands in ``text`` (read as given: callers that
    compare positions normalize the text themselves)."""
    found: list[tuple[tuple[int, int], frozenset[str], bool]] = []
    for m in _MONTH_NAME.finditer(text):  # a month is compared as one, in either language
        found.append((m.span(), frozenset({f"{_MONTHS.index(m.group(0).lower()) + 1}月"}),
                      False))
    for m in _FIGURE.finditer(text):
        per_hundred, number, magnitude, percent_sign = m.groups()
        percent = bool(per_hundred or percent_sign)
        if number[0].isdigit():
            raw = number.rstrip(".,")
            parts = [raw.replace(",", "")] if _THOUSANDS.fullmatch(raw) else raw.split(",")
        else:
            if number in _LONE_UNITS or (number == "十" and text.startswith("分", m.end())):
                continue
            value = chinese_number(number)
            if value is None or (value < 10 and not (percent or magnitude)):
                continue
            parts = [str(value)]
        month = text.startswith("月", m.end()) and not (percent or magnitude)
        for part in parts:
            if not part:
                continue
            forms = {_canonical(part)}
            if month and 1 <= float(part) <= 12:
                forms = {f"{_canonical(part)}月"}
            if magnitude:
                scaled = _canonical(str(Decimal(part) * _MAGNITUDES[magnitude.lower()]))
                forms = forms | {scaled} if magnitude.isascii() else {scaled}
            found.append((m.span(), frozenset(forms), percent))
    return found


def figures(text: str) -> set[tuple[str, bool]]:
    """(value, is_percentage) of every form of every figure: ``1,200 million`` gives 1200 and
    1200000000."""
    return {(form, percent) for forms, percent in figure_forms(text) for form in forms}


def _canonical(number: str) -> str:
    whole, _, fraction = number.partition(".")
    whole = whole.lstrip("0") or "0"
    fraction = fraction.rstrip("0")
    return f"{whole}.{fraction}" if fraction else whole


def figures_supported(claim: str, passages: list[str]) -> bool:
    held: set[tuple[str, bool]] = set()
    for text in passages:
        held |= figures(text) | word_figures(text)
    values = {value for value, _ in held}
    return all(
        any((form, True) in held if percent else form in values for form in forms)
        for forms, percent in figure_forms(claim)
    )


def word_figures(text: str) -> set[tuple[str, bool]]:
    return {(str(NUMBER_WORDS[m.group(1).lower()]), bool(m.group(2)))
            for m in _NUMBER_WORD.finditer(text)}
