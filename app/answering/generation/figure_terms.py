"""The passage's English beside a figure a Chinese answer wrote in Chinese form.

A model answering in Chinese writes "2025年11月" where the passage says "November 2025", "8个"
for "eight", "3.1亿元" for "310 million yuan". The citation check already knows these are the
same figures (``figures``); an official comparing the answer with its source, or quoting it
onward, needs the source's own words. So after each such figure, the shortest stretch of a
cited passage that states the same figures and nothing else is copied verbatim, when it holds
words (a month's name, a number word, a magnitude): digits the passage writes as digits need
no gloss.
"""

from __future__ import annotations

import re

from app.answering.generation.figures import figure_forms, figures, word_figures
from app.answering.generation.markers import blank_markers
from app.text import has_cjk

__all__ = ["gloss_figures"]

_NUMBER = r"(?:\d+(?:\.\d+)?|[一二三四五六七八九十百千两〇零]+)"
# A figure as Chinese writes it: a date (2025年11月, 12月28日), a share (百分之五), or a number
# with its magnitude and currency (3.1亿元).
_CHINESE_FIGURE = re.compile(
    rf"\d{{4}}年\d{{1,2}}月(?:\d{{1,2}}日)?|\d{{1,2}}月\d{{1,2}}日"
    rf"|(?:百分之)?{_NUMBER}(?:\s*(?:万亿|千万|百万|万|亿))?(?:\s*元)?%?"
)
_MEASURE = re.compile(r"[个项家名位座条台所批类种次件]")
_TOKEN = re.compile(r"[A-Za-z0-9][\w.,%'-]*[\w%]|[A-Za-z0-9]")
_CURRENCY = re.compile(r"\s+(?:yuan|RMB)\b", re.IGNORECASE)
_LONGEST = 4  # tokens: "December 28th, 2025", "310 million yuan"


def gloss_figures(sentence: str, passages: list[str]) -> str:
    """The sentence with the passages' English after each figure written in Chinese form."""
    if not has_cjk(sentence):
        return sentence
    out, previous = [], 0
    for m in _CHINESE_FIGURE.finditer(blank_markers(sentence)):
        wanted = figures(m.group(0))
        # "5%", "3.5": written as the passage writes them; "8" may be its "eight".
        if not wanted or (not has_cjk(m.group(0)) and not m.group(0).isdigit()):
            continue
        english = next((e for p in passages if (e := _stated(wanted, p))), None)
        if english and english.lower() not in sentence.lower():
            # After the measure word: 8个（eight）, not 8（eight）个.
            end = m.end() + bool(_MEASURE.match(sentence, m.end()))
            out.append(f"{sentence[previous:end]}（{english}）")
            previous = end
    out.append(sentence[previous:])
    return "".join(out)


def _stated(wanted: set[tuple[str, bool]], passage: str) -> str | None:
    """The shortest stretch of the passage stating every figure wanted and no other, when it
    holds words beyond digits."""
    tokens = list(_TOKEN.finditer(passage))
    wanted_values = {value for value, _ in wanted}
    for length in range(1, _LONGEST + 1):
        for i in range(len(tokens) - length + 1):
            start, end = tokens[i].start(), tokens[i + length - 1].end()
            text = passage[start:end]
            held = figures(text) | word_figures(text)
            if not wanted <= held or not _only(text, wanted_values):
                continue
            if not re.search(r"[A-Za-z]", text):
                return None  # the passage writes it in digits: nothing to add
            currency = _CURRENCY.match(passage, end)
            return passage[start:currency.end()] if currency else text
    return None


def _only(text: str, values: set[str]) -> bool:
    """Whether every figure of the text is one of the values (in one of its forms)."""
    return all(forms & values for forms, _ in figure_forms(text))
