"""Queries in the texts' words, English and Chinese.

A Chinese question is rendered in English: the pinyin names of the places it names (from the
gazetteer) and, for its other words, the senses a general Chinese-English
dictionary gives (``dictionary``). An English one gains the texts' variants of its words
(AI -> artificial intelligence, centre -> center).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from app.in_situ import without_asking
from app.numerals import EN_CAP
from app.retrieval.dictionary import Term, chinese_terms, dictionary, english_terms
from app.retrieval.gazetteer import broadest, gazetteer
from app.retrieval.romanised import pinyin_name
from app.retrieval.shortened import named_forms
from app.text import CJK_RUN, STOPWORDS, has_cjk

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
SEARCHED = 3  # senses of each Chinese word a query is searched with
# Words and figures in Latin script (5G, 100, 5%), without the Chinese text's punctuation.
_LATIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,%-]*[A-Za-z0-9%]|[A-Za-z0-9]")


# Kept per text: the answerer expands every candidate sentence, and the same sentences come
# back question after question (~900 calls over eval dev's 71 English questions).
@lru_cache(maxsize=8192)
def expand_query(query: str) -> str:
    """The query in the texts' words: an English one with the texts' variants of its words
    appended; a Chinese one rendered in English (the English names of its places, the
    dictionary's renderings of its words, its figures and Latin words), since the texts are
    English and an English-only model reads Chinese characters as unknown tokens."""
    if not has_cjk(query):
        extra = [ENGLISH_VARIANTS[w.lower()] for w in _WORD.findall(query)
                 if w.lower() in ENGLISH_VARIANTS]
        return " ".join([query, *dict.fromkeys(extra)])
    # The first senses of each word only: a word's later senses blur the query's vector, which
    # is most of what a Chinese text's rank by the English model is (realzh-dev dev: 上海市对复工
    # 企业员工有何要求 lost its notice to 要求's fourth sense "stake claim"); ranking reads all.
    renderings = [sense for term in english_terms(query) for sense in term.english[:SEARCHED]]
    return " ".join(dict.fromkeys([*english_part(query).split(), *renderings]))


def with_bounds(text: str) -> str:
    """``expand_query``'s text, saying "maximum" too where it asks or sets a cap in other words
    ("the most we can get", "shall not exceed"): ranking holds a bound said any way as one word."""
    return f"{expand_query(text)} maximum" if not has_cjk(text) and EN_CAP.search(text) \
        else expand_query(text)


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
    store holds Chinese texts, its words and places rendered in Chinese. A Chinese question
    word stands where the answer stands (app.in_situ) and is no word of the text answering:
    searched, it and the character pairs across it (有哪, 哪些方) draw only texts that ask
    questions themselves, such as a Q&A page (realzh-dev dev: right document first 0.882 ->
    0.885, none lost)."""
    if has_cjk(query):  # and the names it says in their other forms (个税: 个人所得税)
        others = " ".join(other for _, other in named_forms(query))
        return f"{without_asking(query)} {expand_query(query)} {others}"
    expanded = expand_query(query)
    if not chinese_texts:
        return expanded
    places = [broadest(c).short for _, _, c in gazetteer().english_mentions(query)]
    return " ".join([expanded, *places, *chinese_terms(query)])


def pinyin_names(query: str, written: Callable[[str], bool]) -> list[Term]:
    """A Chinese question's names that no dictionary renders, in the pinyin the English texts
    write them in (鹏城 "Pengcheng" of Pengcheng Cloud Brain, 嘉智 "Jiazhi"): each stretch of
    words the dictionary leaves unrendered, by its longest spans of two characters or more whose
    pinyin the texts hold (``written``: the store's vocabulary). A span no text writes is no
    name of theirs, and is left out: it would only lower every sentence's share of the words."""
    if not has_cjk(query):
        return []
    found: list[Term] = []
    for run in CJK_RUN.findall(query):
        words = dictionary().words(run)
        rendered = {t.chinese for t in english_terms(run)}
        stretch: list[str] = []
        for word in [*words, ""]:
            if word and word not in STOPWORDS and not any(p in rendered for p in
                                                          dictionary().pieces(word)):
                stretch.append(word)
                continue
            found += _spans_written(stretch, written)
            stretch = []
    return found


def _spans_written(words: list[str], written: Callable[[str], bool]) -> list[Term]:
    """The longest spans of ``words`` (two characters or more) whose pinyin ``written`` holds."""
    found: list[Term] = []
    start = 0
    while start < len(words):
        for end in range(len(words), start, -1):
            span = "".join(words[start:end])
            if len(span) >= 2 and written(name := pinyin_name(span)):
                found.append(Term(span, (name,)))
                start = end
                break
        else:
            start += 1
    return found
