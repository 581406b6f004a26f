"""Queries in the texts' words, for BM25 (the dense model reads both languages itself).

A Chinese question keeps its text and gains the English names of the places it names (the
corpus is English, so BM25 can match them and the figures the question holds); an English one
gains the texts' variants of its words (AI -> artificial intelligence, centre -> center).
"""

from __future__ import annotations

import re

from app.retrieval.places import CHINESE_NAMES
from app.text import has_cjk

# Chinese place names and their English renderings (the corpus is English): the only Chinese
# terms translated here. Policy terms are not: the multilingual embedding model reads Chinese.
_PLACES = sorted(((zh, en) for en, zh in CHINESE_NAMES.items()), key=lambda kv: -len(kv[0]))


# The texts' own words for what officials often say otherwise (and American spellings: the
# English renderings of the policies use them).
ENGLISH_VARIANTS = {
    "ai": "artificial intelligence", "centre": "center", "centres": "centers",
    "organise": "organize", "organised": "organized", "programme": "program",
    "companies": "enterprises", "company": "enterprise", "firms": "enterprises",
    "cars": "vehicles", "self-driving": "autonomous driving", "household": "home",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")


def expand_query(query: str) -> str:
    """The query with the texts' words appended: for a Chinese query, the English names of the
    places it names; for an English one, the texts' variants of its words."""
    if not has_cjk(query):
        extra = [ENGLISH_VARIANTS[w.lower()] for w in _WORD.findall(query)
                 if w.lower() in ENGLISH_VARIANTS]
        return " ".join([query, *dict.fromkeys(extra)])
    places = [en for zh, en in _PLACES if zh in query]
    return " ".join([query, *dict.fromkeys(places)])
