"""A Chinese word said by other characters of its sense, or by its parts (issue 22).

Chinese writes one verb with either of two characters that give one sense: 交 and 缴 both
"hand over" (补交 and 补缴, 交费 and 缴费), 查 and 检 "check" (检查, 查验). Two verbs of one
length that differ only in such characters are one verb written otherwise: the text says it.
The characters telling siblings apart share no sense in CC-CEDICT (市级 and 省级: 市 and 省;
一期 and 二期; 轻度 and 中度; 境内 and 境外), so a sibling still says nothing of it. Nouns are
not read so (城区 and 市区 share "city", yet 城区 read as a whether-question's 市区 answered a
must-refuse line), and ``modifiers_zh.siblings``, which guards words found by meaning, is left
as it was (购房 read as 买房 there moved an anchor off its answer). And a phrase the dictionary
lists, a verb with its object (放鞭炮 "set off firecrackers"), is said by a text saying its verb
and its object, each in a word of its own (燃放烟花爆竹: 燃放 holds 放, 爆竹 gives 鞭炮's sense).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from app.chinese_words import is_word, tagged
from app.retrieval.dictionary import dictionary, sense_sharers
from app.retrieval.short_forms import sense_key


@lru_cache(maxsize=4096)
def _senses(character: str) -> frozenset[str]:
    """CC-CEDICT's senses of one character as a word of its own."""
    return frozenset(map(sense_key, dictionary().entries.get(character, ())))


def alike(mine: str, other: str) -> bool:
    """Whether two characters are one or give one sense (交 and 缴)."""
    return mine == other or bool(_senses(mine) & _senses(other))


def written_otherwise(word: str, other: str) -> bool:
    """Whether ``other`` is ``word`` with some of its characters, not all, replaced by ones of
    the same sense (补缴 of 补交, 城区 of 市区): one word, not two kinds."""
    pairs = list(zip(word, other, strict=False))
    return len(word) == len(other) > 1 and word != other and any(a == b for a, b in pairs) \
        and all(alike(a, b) for a, b in pairs)


def said_verb(verb: str, text: str) -> bool:
    """Whether ``text`` holds the one-character ``verb`` or a character of its sense (缴 of 交)."""
    return any(alike(verb, c) for c in set(text))


def _found(character: str, text: str) -> list[int]:
    """Where ``character`` stands in ``text``."""
    return [at for at, c in enumerate(text) if c == character] if character in text else []


def said_in_morphemes(word: str, text: str, said: Callable[[str, str], bool]) -> bool:
    """Whether ``text`` says verb ``word`` written otherwise (``written_otherwise``), or the verb
    and the object of a verb-object phrase the dictionary lists (放鞭炮: 放 of 燃放, and 鞭炮 as
    ``said`` reads it: by 爆竹)."""
    # A verb's (补交, 交费; jieba's v, vn): 城区 for the asker's 市区 answered a must-refuse line
    # ("能骑出市区吗" over the hours of the city's bikes). Only where a character of it stands in
    # its place (a few places, not every one of the text).
    starts = {m - i for i, c in enumerate(word) for m in _found(c, text) if m - i >= 0} if tagged(
        word)[0][1][:1] == "v" else set()
    if any(written_otherwise(word, text[at:at + len(word)]) for at in starts):
        return True
    verb, thing = word[:1], word[1:]
    return len(word) > 2 and word in dictionary().entries and is_word(thing) \
        and tagged(verb)[0][1][:1] == "v" and tagged(thing)[0][1][:1] == "n" \
        and said_verb(verb, text) and (said(thing, text) or any(
            w in text for w in sense_sharers(thing, in_number=True)))
