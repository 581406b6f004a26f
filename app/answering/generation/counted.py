"""A figure a Chinese answer counts things with must count the same things in its passage.

The figure check holds "5" when a passage has "five major parts"; but 5项任务 says five *tasks*,
where the passage counts 29. So a figure with a measure word (项, 个, 家) and what it counts is
held only where a passage writes that number with a rendering of one of the counted words
among the few words after it ("29 tasks", "eight cases", "11 key evaluation indicators").
Counted words the dictionary cannot render are not judged.
"""

from __future__ import annotations

import re

import Stemmer

from app.answering.generation.figures import NUMBER_WORDS, chinese_number
from app.retrieval.dictionary import dictionary
from app.text import STOPWORDS

__all__ = ["counts_held"]

_COUNTED = re.compile(r"(\d+|[一二三四五六七八九十百千两]+)多?[个项家名位座条台所批类种件]"
                      r"([\u4e00-\u9fff]{1,12})")
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'-]*")
_HEAD_WORDS = 3  # of the counted run: 案例 of 案例入选了省级
_WINDOW = 4  # passage words after the number: "11 key evaluation indicators"
_stemmer = Stemmer.Stemmer("english")


def counts_held(claim: str, passages: list[str]) -> bool:
    """Whether every counted figure of the claim counts, in some passage, what it says."""
    return all(_held(m, passages) for m in _COUNTED.finditer(claim))


def _held(match: re.Match[str], passages: list[str]) -> bool:
    number, run = match.groups()
    value = int(number) if number.isdigit() else chinese_number(number)
    # 一个 is "a"; 两项任务 may sum up a list the passage does not count (as in the figure check,
    # a small number in Chinese numerals is no figure).
    if value is None or value < 2 or (not number.isdigit() and value < 10):
        return True
    words = dictionary()
    renderings: set[str] = set()
    for piece in words.pieces(run)[:_HEAD_WORDS]:
        if piece not in STOPWORDS:
            for sense in words.entries.get(piece, ()):
                renderings |= {_stemmer.stemWord(w.lower()) for w in _TOKEN.findall(sense)}
    renderings -= STOPWORDS
    if not renderings:
        return True  # nothing to judge by
    for passage in passages:
        tokens = [t.lower() for t in _TOKEN.findall(passage)]
        for i, token in enumerate(tokens):
            if _value(token) == value and renderings & {
                    _stemmer.stemWord(t) for t in _counted_words(tokens, i)}:
                return True
    return False


def _counted_words(tokens: list[str], i: int) -> list[str]:
    """The words a number at ``i`` may count: those after it, up to the next number ("five
    major parts, 29 tasks": not tasks), or before it when it refers back ("20 application
    cases, eight of which")."""
    after: list[str] = []
    for token in tokens[i + 1 : i + 1 + _WINDOW]:
        if _value(token) is not None:
            break
        after.append(token)
    if after[:2] in (["of", "which"], ["of", "them"], ["of", "these"]):
        return tokens[max(0, i - _WINDOW) : i]
    return after


def _value(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return NUMBER_WORDS.get(token)
