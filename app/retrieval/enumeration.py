"""Which ones: a question that gives the number of things it asks for ("which are the eleven key
indicators", "那8个街区具体是哪几个", "六个重点领域是哪些") already knows how many there are, so
it asks for their names, and a sentence answers it only by listing them. A notice often states
the count alone ("全市建成市级夜间经济特色街区8个", "released eight measures"); quoting it tells
the asker what the question said. A list is a series of items: Chinese ones joined by the
enumeration comma 、, English ones by commas with a closing "and"/"or" ("manufacturing,
marine economy, …, and transportation"). Where the sentence states the count itself, only a
series running into it (Chinese: "从A、B、…六个方面") or after it ("six key fields: a, b, …")
lists those things; one ending before it lists others ("the Bureau of Science, Industry,
Commerce, and Information Technology, released eight measures"). A count followed by 以上, 多
or 余 ("2项以上") is a threshold, not how many there are; a list of more than five may be cut
short, so five of them list it; two are listed by "and", 和 or 及 alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.numerals import CN_DIGITS, MEASURE_WORDS, NUMBER_WORD, NUMBER_WORDS, chinese_number

_EN_COUNT = rf"\d+|{NUMBER_WORD}"
_ZH_COUNT = rf"\d+|[{CN_DIGITS}十百千]+"
# The count must be of the things asked: English "which three companies", "which are the eleven
# indicators", "list the 25 tasks" (not "which services do the 95 sites offer"); Chinese a count
# and its measure word before a closing 哪些/哪几个 ("那8个街区具体是哪几个？", not "十六条涵盖
# 哪些方面": the aspects are other things than the sixteen articles).
_EN_LISTED = re.compile(rf"\b(?:(?:which|what)\s+(?:(?:are|were)\s+)?|(?:list|name)\s+)"
                        rf"(?:(?:the|these|those|its|their|[\w-]+['’]s)\s+)?({_EN_COUNT})\s+"
                        r"(?!(?:[\w-]+\s+)?(?:years?|months?|weeks?|days?|hours?|percent|per cent"
                        r"|yuan|dollars?|million|billion)\b)[a-z]", re.I)
_ZH_LISTED = re.compile(rf"({_ZH_COUNT})[{MEASURE_WORDS}](?!以上|以下|以内|多|余|左右)"
                        rf"[^，,。；？?]{{1,24}}?哪(?:些|几[{MEASURE_WORDS}]?)呢?\s*[？?]?\s*$")
_ZH_SERIES = re.compile(r"[^，,。；;：:、]+(?:、[^，,。；;：:、]+)+")
_PAIR = re.compile(r"[^,;:.，。；、和及与]+(?:\s(?:and|or)\s|[和及与、])[^,;:.，。；]+")  # two
_EN_SERIES = re.compile(r"(?:[^,;:.()]{1,60},\s+){2,}(?:and|or)\s+[^,;:.()]{1,60}", re.I)


def _value(count: str) -> int | None:
    if count.isdigit():
        return int(count)
    if count.lower() in NUMBER_WORDS:
        return NUMBER_WORDS[count.lower()]
    return chinese_number(count, "smart")


@lru_cache(maxsize=512)
def listed_count(question: str) -> int | None:
    """How many things a question asking which ones says there are (None: it asks no list)."""
    match = _ZH_LISTED.search(question) or _EN_LISTED.search(question)
    value = _value(match.group(1)) if match else None
    return value if value is not None and value >= 2 else None


def lists(text: str, count: int) -> bool:
    """Whether ``text`` names the ``count`` things in a series (five or more); where it states
    the count, a series running into it ("从A、B、…六个方面") or after it ("six fields: a, …")."""
    stated = [m.span() for m in re.finditer(rf"(?<![\d.A-Za-z])({_ZH_COUNT}|{_EN_COUNT})"
                                            r"(?![\d.A-Za-z])", text, re.I)
              if _value(m.group(1)) == count]
    series = [*((m, m.group().count("、") + 1) for m in _ZH_SERIES.finditer(text)),
              *((m, m.group().count(",") + 1) for m in _EN_SERIES.finditer(text)),
              *((m, 2) for m in _PAIR.finditer(text))]
    return any(n >= min(count, 5) and (not stated or any(m.start() < end <= m.end() or m.start()
                                                         >= end for _, end in stated))
               for m, n in series)
