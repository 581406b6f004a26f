"""Chinese words as jieba's dictionary and tagger read them: part-of-speech tags, whether a
string is a listed word, the dictionary's word bounds and frequencies. One jieba, loaded once
(``load_jieba``), serves ingestion and answering alike (``app.text.segment`` cuts with it).
"""

from __future__ import annotations

import logging
from functools import lru_cache
from itertools import takewhile
from typing import Any


@lru_cache(maxsize=1)
def load_jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def tagged(text: str) -> list[tuple[str, str]]:
    """Text cut into words by jieba, with their part-of-speech tags ("n", "ns", "v", …)."""
    return list(_tagged(text))


@lru_cache(maxsize=2048)
def _tagged(text: str) -> tuple[tuple[str, str], ...]:
    """Kept: each reader of a Chinese question tagged it again (~5 ms each, jieba's HMM); the
    dictionary never changes at run time, so neither do a text's tags."""
    import jieba.posseg

    return tuple((p.word, p.flag) for p in jieba.posseg.cut(text))


def noun_phrase(text: str) -> list[str]:
    """The first word of Chinese ``text`` and the last of the nouns it opens with (jieba's tags:
    what a phrase after 多少 counts, 领域 of "几个重点领域推动…")."""
    words = tagged(text)
    if not words:
        return []
    nouns = [word for word, flag in takewhile(
        lambda w: w[1].startswith(("n", "vn", "eng")) and w[1] != "nr", words)]
    return list(dict.fromkeys([words[0][0], (nouns or [words[-1][0]])[-1]]))


def is_word(text: str) -> bool:
    """Whether jieba's dictionary (the one ``segment`` cuts with) lists ``text`` as a word."""
    tokenizer = load_jieba().dt
    tokenizer.check_initialized()
    return bool(tokenizer.FREQ.get(text))


@lru_cache(maxsize=4096)
def word_bounds(text: str) -> frozenset[int]:
    """Where jieba's dictionary cut of ``text`` (no guessing of unknown words) puts boundaries."""
    return frozenset(i for _, a, b in load_jieba().dt.tokenize(text, HMM=False) for i in (a, b))


def word_frequencies() -> dict[str, int]:
    """How often jieba's dictionary counts each word it lists."""
    tokenizer = load_jieba().dt
    tokenizer.check_initialized()
    frequencies: dict[str, int] = tokenizer.FREQ
    return frequencies
