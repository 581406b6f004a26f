"""Acronyms a question uses that the passages never mention, as written or spelled out in
consecutive words ("SMEs": "small and medium-sized enterprises"): "What PUE must new data
centres reach?" is not answered by a sentence on data centres. Likewise a name of three
capitalised words or more that one document holds and another never does: the other speaks of
something else (a "Public Computing Power Center" asked, the "Space … Computing Center" said)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.numerals import ROMAN
from app.retrieval.dictionary import chinese_terms
from app.retrieval.glossary import ENGLISH_VARIANTS
from app.retrieval.short_forms import initials, is_short_form

# Latin-script bounds: in a Chinese question the acronym touches Chinese characters.
_ACRONYM = re.compile(r"(?<![A-Za-z0-9-])[A-Z][A-Z0-9]+(?=s?(?![A-Za-z0-9-]))")
_WORD = re.compile(r"[A-Za-z0-9]+")
# A proper name by its form: three capitalised words or more in a row (a question's first word
# is capitalised whatever it is, and is not read).
_NAME = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’-]*\s+){2,}[A-Z][\w'’-]*")
_MINOR = frozenset({"a", "an", "and", "the", "of", "for", "in", "on", "to", "with"})


def unmentioned(question: str, texts: Iterable[str]) -> list[str]:
    """The question's acronyms (two letters or more, not "AI", which the texts spell out and
    the glossary renders) that none of the texts holds, as written, spelled out or in Chinese."""
    asked = [a for a in dict.fromkeys(m.group(0) for m in _ACRONYM.finditer(question))
             if a.lower() not in ENGLISH_VARIANTS and not ROMAN.fullmatch(a)]  # a phase
    if not asked:
        return []
    texts = list(texts)
    written = " ".join(texts)
    initials = " ".join("".join(w[0].lower() for w in _WORD.findall(t)
                                if w.lower() not in _MINOR) for t in texts)
    # A Chinese text says it by a word the dictionary renders it with (DC: 直流).
    return [a for a in asked if not _spelled(a, initials) and not re.search(
        rf"(?<![A-Za-z0-9]){re.escape(a)}(?![A-Za-z0-9])", written, re.I)
        and not any(word in written for word in chinese_terms(a))]


def _spelled(acronym: str, initials: str) -> bool:
    # One word may come between two of its letters ("medium-sized" is two words).
    letters = [re.escape(c) for c in acronym.lower()]
    return re.search(".?".join(letters), initials) is not None


def unnamed_by(question: str, chunks: Iterable[tuple[str, str]]) -> set[str]:
    """The documents of ``chunks`` (doc_id, text) that never hold a name the question uses that
    another of them holds (as written, ignoring case and spacing); none when no text holds it."""
    names = {" ".join(m.group(0).split()[m.start() == 0:]).lower()
             for m in _NAME.finditer(question.strip())}
    written: dict[str, str] = {}
    for doc_id, text in chunks:
        written[doc_id] = f"{written.get(doc_id, '')} {' '.join(text.split()).lower()}"
    unnamed: set[str] = set()
    for name in (n for n in names if len(n.split()) >= 3):
        holding = {doc for doc, text in written.items() if name in text}
        unnamed |= set(written) - holding if holding else set()
    return unnamed


def is_acronym(word: str) -> bool:
    """Whether ``word`` is written as an acronym: capitals standing for words ("AI", "PUE")."""
    return is_short_form(word) and word.isupper()


def spelled_out(word: str, lowered: str) -> bool:
    """Whether an acronym ("AI") stands for words of the text ("artificial intelligence")."""
    if not is_acronym(word):
        return False
    return re.search(rf"\b{initials(word)}\b", lowered) is not None
