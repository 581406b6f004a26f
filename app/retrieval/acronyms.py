"""Acronyms a question uses that the passages never mention, as written or spelled out in
consecutive words ("SMEs": "small and medium-sized enterprises"): "What PUE must new data
centres reach?" is not answered by a sentence on data centres."""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.numerals import ROMAN
from app.retrieval.glossary import ENGLISH_VARIANTS

# Latin-script bounds: in a Chinese question the acronym touches Chinese characters.
_ACRONYM = re.compile(r"(?<![A-Za-z0-9-])[A-Z][A-Z0-9]+(?=s?(?![A-Za-z0-9-]))")
_WORD = re.compile(r"[A-Za-z0-9]+")
_MINOR = frozenset({"a", "an", "and", "the", "of", "for", "in", "on", "to", "with"})


def unmentioned(question: str, texts: Iterable[str]) -> list[str]:
    """The question's acronyms (two letters or more, not "AI", which the texts spell out and
    the glossary renders) that none of the texts holds."""
    asked = [a for a in dict.fromkeys(m.group(0) for m in _ACRONYM.finditer(question))
             if a.lower() not in ENGLISH_VARIANTS and not ROMAN.fullmatch(a)]  # a phase
    if not asked:
        return []
    texts = list(texts)
    written = " ".join(texts)
    initials = " ".join("".join(w[0].lower() for w in _WORD.findall(t)
                                if w.lower() not in _MINOR) for t in texts)
    return [a for a in asked if not _spelled(a, initials) and not re.search(
        rf"(?<![A-Za-z0-9]){re.escape(a)}(?![A-Za-z0-9])", written, re.I)]


def _spelled(acronym: str, initials: str) -> bool:
    # One word may come between two of its letters ("medium-sized" is two words).
    letters = [re.escape(c) for c in acronym.lower()]
    return re.search(".?".join(letters), initials) is not None
