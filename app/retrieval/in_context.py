"""Whether a name is a place where it stands, as Baidu's LAC reads the clause around it."""

from __future__ import annotations

from functools import lru_cache

from app.retrieval.taggers import TAGGING, lac


def read_as_place(text: str, start: int, end: int) -> bool:
    """Whether Baidu's LAC, reading the words around it, tags ``text[start:end]`` a place (or an
    organ named with it): a bare district name the dictionary also lists as a word is one only
    in context (新建 "newly built" in 九江新建投放点, 新建区 of 南昌 in 南昌新建有哪些补贴)."""
    left = max(0, start - _CONTEXT)
    return _tagged_place(text[left:min(len(text), end + _CONTEXT)], start - left, end - left)


@lru_cache(maxsize=4096)  # the same chunk's clause is read again by every question it answers
def _tagged_place(window: str, start: int, end: int) -> bool:
    with TAGGING:
        tagged = lac().run(window)
    at = 0
    for word, tag in tagged:
        if at <= start < at + len(word):
            return tag in _PLACE_TAGS
        at += len(word)
    return True


# A place, or an organ named with it (泰州市海陵生态环境局: 海陵区's);
# not a verb or a person (马伊宁).
_PLACE_TAGS = frozenset({"LOC", "ns", "ORG", "nt"})
_CONTEXT = 12  # characters each side LAC reads a name in: its clause, not the whole text
