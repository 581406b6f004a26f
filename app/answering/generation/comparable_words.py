"""The words of a generated sentence and of its passages as the check (check.py) compares them.

Words are compared as the glossary renders them: an English word by its stem, a Chinese word
(cut by jieba) as itself and by its English renderings' stems, so a Chinese answer from English
passages is judged as an English one is. Each word also tells whether it is a name (a proper
noun, an acronym or code, a capitalised word within a sentence).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from app.chinese_words import tagged
from app.figure_forms import figures, normal
from app.retrieval.gazetteer import Division, gazetteer
from app.retrieval.glossary import expand_query
from app.text import CJK_RUN, STOPWORDS, content_tokens, stem, stem_words

# A Latin word ends where Chinese begins (\w would run on into it: "Holdings共同建设").
_TOKEN = re.compile(rf"[0-9]*[A-Za-z][A-Za-z0-9_'-]*|{CJK_RUN.pattern}")
_CODE = re.compile(r"[A-Z].*[A-Z0-9]|[0-9]")  # an acronym or code, more than a capital
_OPENING = " \t\"“‘(（-*•"  # what may stand before a sentence's first word
# jieba's tags of proper nouns: place, person, organisation, other proper noun.
_PROPER = frozenset({"ns", "nr", "nt", "nz"})
Place = tuple[int, int, list[Division]]


class Token(NamedTuple):
    start: int
    end: int
    forms: frozenset[str]  # the word's comparable forms
    name: bool  # a proper noun, an acronym or code, a capitalised word within a sentence


def terms(text: str) -> frozenset[str]:
    """The text's comparable words and its figures (``#5%``)."""
    marked = {f"#{value}{'%' if pct else ''}" for value, pct in figures(text)}
    return forms_held([tokens_of(normal(text))]) | marked


def forms_held(read: Iterable[list[Token]]) -> frozenset[str]:
    """Every comparable form of the tokens read."""
    return frozenset().union(*(t.forms for tokens in read for t in tokens))


@lru_cache(maxsize=256)
def places_in(text: str) -> list[Place]:
    """The places the gazetteer finds in ``text``, with the divisions each may be."""
    return gazetteer().mentions(text)


@lru_cache(maxsize=512)
def tokens_of(text: str) -> list[Token]:
    """The text's words but stopwords, with their forms and whether each is a name; a
    sentence's capitalised first word is no name by itself."""
    found: list[Token] = []
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        if not CJK_RUN.fullmatch(word):
            before = text[max(0, m.start() - 8):m.start()].rstrip(_OPENING)
            first = not before or before[-1] in ".!?;:\n。！？；："
            name = (word[0].isupper() or word[0].isdigit()) and (
                not first or _CODE.search(word) is not None)
            if word.lower() not in STOPWORDS:
                found.append(Token(m.start(), m.end(), frozenset([stem(word)]), name))
            continue
        at = m.start()
        for piece, flag in tagged(word):
            if forms := chinese_forms(piece):
                found.append(Token(at, at + len(piece), forms, flag in _PROPER))
            at += len(piece)
    return found


@lru_cache(maxsize=4096)
def chinese_forms(word: str) -> frozenset[str]:
    """A Chinese word as itself and its English renderings' stems; empty for a function word."""
    if not content_tokens(word):
        return frozenset()
    english = [w for w in content_tokens(expand_query(word)) if w.isascii()]
    return frozenset([word, *stem_words(english)])
