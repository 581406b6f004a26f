"""How jieba cuts the text around a Chinese place name: whether a name found in a text stands
as a word (坡头区, 杭州 in 杭州人工智能) or is part of a longer one (中山 in 中山大学, 东区 in
浦东区), and whether a bare name is an everyday word (光明 "bright"). The gazetteer and the
towns below districts both read names by it.
"""

from __future__ import annotations

from collections.abc import Container
from functools import lru_cache
from itertools import pairwise

from app.chinese_words import is_word, word_bounds
from app.retrieval.dictionary import dictionary

# A bare Chinese name may run into a longer word by at most this many characters each side.
LONGEST_WORD = 6


def everyday_word(name: str) -> bool:
    """Whether jieba's dictionary knows ``name`` as a word other than a place name (光明)."""
    return is_word(name) and not (word_tag(name) or "").startswith("ns")


def common_before_noun(words: list[tuple[str, str]], at: int) -> bool:
    """Whether jieba's word ``at`` (one it tags a place: 长寿 of 长寿补贴, 城镇 of 城镇户厕) is a
    kind word of the noun after it: CC-CEDICT's first sense of it is an everyday word ("longevity";
    新安 is "Xin'an county" alone, a name), and a noun, not a place, follows."""
    after = words[at + 1][1] if at + 1 < len(words) else ""
    return after[:1] == "n" and after != "ns" and next(iter(dictionary().entries.get(
        words[at][0], ())), "A")[:1].islower()


def inside_word(text: str, start: int, end: int, names: Container[str] = ()) -> bool:
    """Whether the name at ``text[start:end]`` is part of a longer word as jieba cuts the text
    around it (中山大学, 终南山, 南沙群岛) rather than a name (坡头区, a name and its level's
    suffix; 杭州 in 杭州人工智能, though the dictionary also lists 杭州人)."""
    suffixed = text.startswith(_LEVEL_SUFFIXES, end)
    left = max(0, start - LONGEST_WORD)
    bounds = name_bounds(text[left:min(len(text), end + LONGEST_WORD)], names)
    return not (start - left in bounds and (end - left in bounds or suffixed))


def name_bounds(text: str, names: Container[str] = ()) -> set[int]:
    """Where jieba cuts ``text``, and where a word of two ``names`` joins them: jieba lists
    上海浦东 and 上海市浦东新区 as words."""
    bounds = sorted(word_bounds(text))
    return {*bounds, *(x for a, b in pairwise(bounds) for x in range(a + 2, b - 1)
                       if text[a:x] in names and text[x:b] in names)}


_LEVEL_SUFFIXES = ("省", "市", "区", "县", "州", "旗", "盟", "镇", "新区")


def word_tag(word: str) -> str | None:
    """jieba's part-of-speech tag of a dictionary word ('ns': a place name)."""
    return _tags().get(word)


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    import jieba.posseg

    tags: dict[str, str] = jieba.posseg.dt.word_tag_tab
    return tags
