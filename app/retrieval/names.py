"""Places a question names that no stored text holds, though no gazetteer knows them.

The gazetteer knows China's divisions; a question may name any other place (a foreign town, a
new district, a fictional Brackenridge). A name is found by the trained taggers, spaCy's
``en_core_web_sm`` for English (a named entity) and Baidu LAC for Chinese (a LOC word), and
it is missing when no stored passage, title or issuer holds it (the BM25 index's vocabulary).
An English name is judged so only where the store reads the question's other words: over
Chinese texts an English name may be written in Chinese, so its absence says nothing.
"""

from __future__ import annotations

import re
from typing import Any

from app.retrieval.gazetteer import gazetteer
from app.retrieval.romanised import pinyin_name
from app.retrieval.taggers import TAGGING, english, lac
from app.store.bm25 import LexicalIndex
from app.text import has_cjk

# spaCy's labels of names a question may ask about.
_NAME_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"})
# The country whose divisions the gazetteer holds: every document is in it.
_COUNTRY = frozenset({"中国", "中华人民共和国", "我国", "全国", "China", "PRC"})
# A name of at most this many words (a longer entity is a title or a programme's name).
_NAME_WORDS = 2
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:['’-][A-Za-z]+)*\b")
_ENGLISH_WORD = re.compile(r"\b[a-z]{3,}\b")
# The share of a question's lower-case words the store must hold before its absence of a name
# is telling.
_KNOWN_SHARE = 0.5
# Chinese place names end with their level (清迈市, 某某镇); a question without one is not read.
_CHINESE_LEVEL = re.compile(r"[省市县区镇乡州]")


def unheard_places(question: str, taken: list[tuple[int, int]], lexical: LexicalIndex
                   ) -> list[str]:
    """The names in ``question`` outside the spans ``taken`` (places already read) that no
    stored text holds."""
    if has_cjk(question):
        return _chinese(question, taken, lexical)
    return _english(question, taken, lexical)


def names_country(question: str) -> bool:
    """Whether ``question`` names the whole country (全国, 我国, China) as its place."""
    return any(name in question for name in _COUNTRY)


def _outside(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return not any(s < end and start < e for s, e in taken)


def _english(question: str, taken: list[tuple[int, int]], lexical: LexicalIndex) -> list[str]:
    # A capitalised word inside a sentence is a proper name in English; one opening a sentence
    # is capitalised whatever it is (What, How), and is left alone: reading it would run the
    # tagger on most questions.
    unknown = [m for m in _CAPITALISED.finditer(question)
               if not _opens_sentence(question, m.start())
               and _outside(m.start(), m.end(), taken) and m.group(0) not in _COUNTRY
               and not lexical.knows(m.group(0))]
    if not unknown:
        return []
    words = _ENGLISH_WORD.findall(question)
    if not words or sum(lexical.knows(w) for w in words) < _KNOWN_SHARE * len(words):
        return []
    # The tagger gives the whole name (two words at most: Maple Bay); a word it leaves
    # unlabelled is a name all the same ("How much did Oakridge pay …").
    found = [entity.text.removeprefix("the ").removesuffix("'s").removesuffix("’s")
             for entity in _spacy()(question).ents
             if entity.label_ in _NAME_LABELS and len(entity) <= _NAME_WORDS
             and any(entity.start_char <= m.start() < entity.end_char for m in unknown)]
    return found + [m.group(0) for m in unknown if not any(m.group(0) in n for n in found)]


def _opens_sentence(text: str, start: int) -> bool:
    return not text[:start].strip() or text[:start].rstrip()[-1] in ".?!:;\"“("


def _chinese(question: str, taken: list[tuple[int, int]], lexical: LexicalIndex) -> list[str]:
    if not _CHINESE_LEVEL.search(question):
        return []
    found: list[str] = []
    at = 0
    with TAGGING:  # the one LAC instance, shared with the follow-up reader
        tagged = lac().run(question)
    for word, tag in tagged:
        start = max(question.find(word, at), at)
        at = start + len(word)
        # LAC tags some places ORG (清迈市): a name ending with a city's, county's, town's or
        # province's suffix is a place. 区 also ends zones (产业集聚区), not read here.
        place = (tag in {"LOC", "ns"} and not word.endswith("区")) or (
            tag == "ORG" and word[-1] in "省市县镇乡")
        core = _CHINESE_LEVEL_END.sub("", word)
        if place and len(core) >= 2 and word not in _COUNTRY and _outside(start, at, taken) \
                and not _starts_with_division(core) and not lexical.knows(core):
            found.append(word)
    return found


def unknown_place_pattern(name: str) -> re.Pattern[str]:
    """A place no gazetteer knows: an English name as a capitalised word (Riverside the town,
    not any riverside), a Chinese one with or without its level's suffix (松林县, 松林), and in
    English by the pinyin of that short name (Songlin), as the gazetteer knows its places."""
    if not has_cjk(name):
        return re.compile(rf"\b{re.escape(name)}\b")
    short = CHINESE_LEVEL_SUFFIX.sub("", name)
    names = {name, short} if len(short) >= 2 else {name}
    written = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    if len(short) < 2 or not all(map(has_cjk, short)):
        return re.compile(written)
    return re.compile(rf"{written}|\b{re.escape(pinyin_name(short))}\b")


CHINESE_LEVEL_SUFFIX = re.compile(r"[省市县区镇乡旗]$")


# A level's suffix after a Chinese name (新疆地区, 清迈市): the name is looked for without it.
_CHINESE_LEVEL_END = re.compile(r"(?:地区|[省市县区镇乡州])$")


def _starts_with_division(name: str) -> bool:
    """Whether a Chinese name begins with a division's name (新疆 of 新疆地区)."""
    known = gazetteer().chinese
    return any(name[:end] in known for end in range(2, len(name) + 1))


def _spacy() -> Any:
    return english("entities")


def warm() -> None:
    """Load both taggers (about a second), so no question pays for it."""
    _spacy()
    lac()
