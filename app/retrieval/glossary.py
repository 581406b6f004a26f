"""Queries in the texts' words, English and Chinese.

A Chinese question is rendered in English: the pinyin names of the places it names (from the
gazetteer) and, for its other words, the senses a general Chinese-English
dictionary gives (``dictionary``). An English one gains the texts' variants of its words
(AI -> artificial intelligence, centre -> center).
"""

from __future__ import annotations

import re

from app.retrieval.dictionary import chinese_terms, english_terms
from app.retrieval.gazetteer import broadest, gazetteer
from app.text import CJK_RUN, has_cjk

# The texts' own words for what officials often say otherwise (and American spellings: the
# English renderings of the policies use them).
ENGLISH_VARIANTS = {
    "ai": "artificial intelligence", "centre": "center", "centres": "centers",
    "organise": "organize", "organised": "organized", "programme": "program",
    "companies": "enterprises", "company": "enterprise", "firms": "enterprises",
    "firm": "enterprise", "cars": "vehicles", "self-driving": "autonomous driving",
    "household": "home",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
# Words and figures in Latin script (5G, 100, 5%), without the Chinese text's punctuation.
_LATIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,%-]*[A-Za-z0-9%]|[A-Za-z0-9]")


def expand_query(query: str) -> str:
    """The query in the texts' words: an English one with the texts' variants of its words
    appended; a Chinese one rendered in English (the English names of its places, the
    dictionary's renderings of its words, its figures and Latin words), since the texts are
    English and an English-only model reads Chinese characters as unknown tokens."""
    if not has_cjk(query):
        extra = [ENGLISH_VARIANTS[w.lower()] for w in _WORD.findall(query)
                 if w.lower() in ENGLISH_VARIANTS]
        return " ".join([query, *dict.fromkeys(extra)])
    renderings = [sense for term in english_terms(query) for sense in term.english]
    return " ".join(dict.fromkeys([*english_part(query).split(), *renderings]))


def english_part(query: str) -> str:
    """What of a query is already in the texts' words: everything but its Chinese, plus the
    English names of the places it names."""
    if not has_cjk(query):
        return query
    # Place names in pinyin: the dictionary knows the big cities only.
    places = [broadest(c).english for _, _, c in gazetteer().chinese_mentions(query)]
    return " ".join([*_LATIN.findall(CJK_RUN.sub(" ", query)), *dict.fromkeys(places)])


def lexical_query(query: str, chinese_texts: bool) -> str:
    """What BM25 searches for: a Chinese question's own words (the Chinese texts' words) and
    its English rendering (the English texts'); an English question's words, and, when the
    store holds Chinese texts, its words and places rendered in Chinese."""
    if has_cjk(query):
        return f"{query} {expand_query(query)}"
    expanded = expand_query(query)
    if not chinese_texts:
        return expanded
    places = [broadest(c).short for _, _, c in gazetteer().english_mentions(query)]
    return " ".join([expanded, *places, *chinese_terms(query)])
