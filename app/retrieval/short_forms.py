"""English short forms written in capitals ("AI", "IoT", "VAT"), read by their letters.

A short form's letters open the words it stands for, in order: "artificial intelligence" is AI,
"Internet of things" IoT. So a text spelling one out is known by those words, and CC-CEDICT,
which writes a short form in brackets after the words it abbreviates ("artificial intelligence
(AI)"), gives it as a rendering of the Chinese word beside the words themselves.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The dictionary's format: a bracketed token of letters after the words it stands for.
_BRACKETED = re.compile(r"\(([A-Za-z]{2,6})\)")


def is_short_form(word: str) -> bool:
    """Whether ``word`` is written as a short form: two to six letters opening with a capital
    and holding another ("AI", "PUE", "IoT"); one capital is a word or a label ("Tw")."""
    return (2 <= len(word) <= 6 and word.isalpha() and word[0].isupper()
            and sum(ch.isupper() for ch in word) >= 2)


def initials(short: str) -> str:
    """A pattern of the words ``short`` stands for: a word opening with each of its letters."""
    return r"\W+".join(rf"{ch.lower()}\w*" for ch in short)


def bracketed(sense: str) -> str:
    """The short form a dictionary sense writes in brackets right after the words it stands
    for ("artificial intelligence (AI)": "AI"), else "": a bracket naming a field or a region
    ("stomach cold (TCM)", "Supreme People's Court (PRC)") abbreviates no words before it."""
    for found in _BRACKETED.finditer(sense):
        short = found.group(1)
        before = sense[:found.start()].lower()
        if is_short_form(short) and re.search(rf"\b{initials(short)}\W*$", before):
            return short
    return ""


def sense_key(word: str) -> str:
    """An English word as a lookup by sense holds it: lower-cased, but for a short form, whose
    capitals tell it from a word ("PET" a scan, "pet" an animal; "AM", "WHO")."""
    return word if is_short_form(word) else word.lower()


# A sense naming the word's full form or its short form: 社保 "abbr. for 社會保險|社会保险".
_ABBREVIATES = re.compile(r"abbr\. (for|to) (?:[^/|\s]+\|)?([\u4e00-\u9fff]{2,})")


@lru_cache(maxsize=1)
def abbreviations() -> tuple[tuple[str, str], ...]:
    """CC-CEDICT's Chinese (short form, full form) pairs, simplified: 个税 个人所得税."""
    from app.retrieval.dictionary import entries  # which reads its English short forms here

    return tuple(dict.fromkeys((word, other) if way == "for" else (other, word)
                               for word, written in entries()
                               for way, other in _ABBREVIATES.findall(written)))
