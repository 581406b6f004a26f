"""Figures as the citation check compares them: digits, magnitudes, percentages, months and
Chinese numerals, read the same way on the answer's side and the passages' side.

A model writing Chinese from English passages may spell a figure out (百分之五, 二十, 3月), so
each figure is reduced to the values it may be written as before the two sides are compared.
The languages' facts (numeral digits, magnitudes, number words, month names) and the reading
of a Chinese numeral (cn2an) are app.numerals'.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from app.measures import measure_of, same_measure
from app.numerals import CN_DIGITS, EN_MONTHS, MAGNITUDES, NUMBER_WORD, NUMBER_WORDS, chinese_number

Figure = tuple[tuple[int, int], frozenset[str], bool]  # span, values it may be, is_percentage

_PERCENT = r"(\s*(?:%|percent\b|per cent\b|个百分点))?"
# A figure: 百分之 + a number (Chinese percent), digits or a Chinese numeral, then an optional
# magnitude and an optional percent sign or word.
_FIGURE = re.compile(
    rf"(百分之)?(\d+(?:[.,]\d+)*|[{CN_DIGITS}十百千]+)"
    rf"(?:\s*({'|'.join(sorted(MAGNITUDES, key=len, reverse=True))})(?![A-Za-z]))?{_PERCENT}",
    re.IGNORECASE)
# A month by name ("1 March 2025"), never "may" the verb: only before or after a day or year.
_MONTH_NAME = re.compile(rf"(?<=\d )({'|'.join(EN_MONTHS)})\b|\b({'|'.join(EN_MONTHS)})(?= \d)",
                         re.IGNORECASE)
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
# Number words a passage may use where an answer writes digits ("six work tasks" -> 6项).
# They support an answer's figure but are no figures of an answer (like a bare 一…九).
_NUMBER_WORD = re.compile(rf"\b({NUMBER_WORD})\b{_PERCENT}", re.IGNORECASE)
# Words that hold a Chinese unit character but count nothing: 千兆 (giga-), 百兆, 十分 (very),
# 百姓 (the people). A lone 百 or 千 is never written for 100 or 1000 (一百, 一千 are).
_LONE_UNITS = {"百", "千"}


def figure_spans(text: str, number_words: bool = False) -> list[Figure]:
    """Each figure of ``text`` (NFKC-normalized: callers comparing positions pass normalized
    text) as (span, the values it may be written as, is_percentage).

    Digits: ``1,200`` -> 1200. A magnitude word scales: ``1,200 million`` may appear as 1200 or
    1200000000, ``100亿`` only as 10000000000 (no English text writes 亿). Chinese numerals
    count as figures (``百分之五`` is 5%, ``二十`` is 20, ``三万`` is 30000), so a model cannot
    slip a figure past the check by spelling it out; a bare 一…九 ("两个", "一体化") is not
    one, as English "two" is not. A month is one figure: ``3月`` meets "March". Both sides of
    the check read text the same way; ``number_words`` adds English ones ("six").
    """
    text = normal(text)
    found: list[Figure] = [(m.span(), frozenset({f"{EN_MONTHS.index(m.group(0).lower()) + 1}月"}),
                            False) for m in _MONTH_NAME.finditer(text)]
    if number_words:
        found += [(m.span(), frozenset({str(NUMBER_WORDS[m.group(1).lower()])}), bool(m.group(2)))
                  for m in _NUMBER_WORD.finditer(text)]
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
        for part in filter(None, parts):
            forms = {_canonical(part)}
            if month and 1 <= float(part) <= 12:
                forms = {f"{_canonical(part)}月"}
            if magnitude:
                scaled = _canonical(str(Decimal(part) * MAGNITUDES[magnitude.lower()]))
                forms = forms | {scaled} if magnitude.isascii() else {scaled}
            found.append((m.span(), frozenset(forms), percent))
    return found


def figures(text: str, number_words: bool = False) -> set[tuple[str, bool]]:
    """(value, is_percentage) of every form of every figure: ``1,200 million`` gives 1200 and
    1200000000."""
    return {(form, percent) for _, forms, percent in figure_spans(text, number_words)
            for form in forms}


def _canonical(number: str) -> str:
    whole, _, fraction = number.partition(".")
    whole = whole.lstrip("0") or "0"
    fraction = fraction.rstrip("0")
    return f"{whole}.{fraction}" if fraction else whole


def figures_supported(claim: str, passages: list[str]) -> bool:
    """Whether every figure of ``claim`` is in a passage, a percentage as a percentage and in
    the claim's measure where both state one (最多补2个月 is not 离校2年内's 2: app.measures)."""
    held = [(forms, percent, measure_of(text, *span, percent)) for text in map(normal, passages)
            for span, forms, percent in figure_spans(text, number_words=True)]
    return all(any(forms & other and (stated or not percent) and same_measure(measure, unit)
                   for other, stated, unit in held) for span, forms, percent in figure_spans(claim)
               for measure in [measure_of(normal(claim), *span, percent)])


def normal(text: str) -> str:  # figure spans are the normalized text's
    return unicodedata.normalize("NFKC", text)
