"""English names of Chinese places that are not pinyin, from CC-CEDICT's glosses of them.

English writes many places of Tibet, Qinghai, Xinjiang and Inner Mongolia by a name taken from
Tibetan, Mongolian or Uyghur: 果洛 is Golog (pinyin Guoluo), 日喀则 Shigatse, 锡林郭勒 Xilin Gol,
阿坝 Ngawa. GeoNames (``romanised.conventional_names``) knows only its larger towns; the general
dictionary glosses each division by the name English uses, before the noun of its level:

    果洛藏族自治州  /Golog Tibetan autonomous prefecture (Tibetan: …) in south Qinghai/
    日喀则  /Shigatse or Xigaze, Tibetan: Gzhis ka rtse, city and prefecture in central Tibet/
    阿拉善盟  /Alxa League, a prefecture-level subdivision of Inner Mongolia/

A gloss names a place when its leading capitalised words (alternatives joined by "or") are
followed by the noun of a level, directly or after the peoples an autonomous division is named
for ("Tibetan", "Mongol and Tibetan": CC-CEDICT's own glosses of the peoples, "Tibetan ethnic
group"), or by a comma and a phrase holding that noun ("Lhasa, capital city of Tibet"). A sense
naming no level ("Ali (proper name)", "Wada (Japanese surname …)", "Nujiang river …") names no
division. The level chooses among the divisions a short name stands for (喀什: the prefecture,
not the county-level city); a name the level leaves ambiguous, or that another division at that
level is already called, is not taken.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise
from typing import Protocol

from app.retrieval.romanised import ascii_name, fold, one_syllable

# CC-CEDICT's nouns of a level of China's divisions, as the gazetteer's three levels. A league
# (盟) is a prefecture of Inner Mongolia, a banner (旗) its county.
_LEVEL_NOUNS = {
    "province": "province", "region": "province", "municipality": "province",
    "prefecture": "city", "league": "city", "city": "city",
    "county": "district", "district": "district", "banner": "district",
}
_NOUN = "|".join(_LEVEL_NOUNS)
# A level's noun in a gloss ("prefecture-level city" is a prefecture); a name's own ("Autonomous
# Prefecture"), "League" and 新区's "New Area" may be capitalised ("Alxa League").
_LEVEL = re.compile(rf"(?:autonomous\s+|new\s+)?(?:prefecture[- ]level\s+\w+|({_NOUN}))\b",
                    re.I)
_LEVEL_WORD = re.compile(
    rf"\b(?:Autonomous|New(?= (?:Area|District))|{'|'.join(n.title() for n in _LEVEL_NOUNS)})\b")
# A proper name as a gloss writes it: capitalised words (with diacritics: Ürümqi, Dêqên).
_NAME = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ'’]+(?: [A-ZÀ-Þ][a-zß-ÿ'’]+)*")
# "and" before a further people an autonomous division is named for ("Mongol and Tibetan").
_AND_PEOPLE = re.compile(r"and ([A-Z][a-z]+)\s*")
# A people as a gloss names it: "Tibetan ethnic group", "Dai (ethnic group)", "Hmong or Miao …".
_PEOPLE = re.compile(r"^((?:[A-Z][a-z]+ or )?[A-Z][a-z]+) \(?ethnic group")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# A sense that is one lower-case English word ("/lakeside/").
_WORD_SENSE = re.compile(r"/([a-z]+)(?=/)")


class Named(Protocol):
    """What a division offers here (the gazetteer's ``Division``)."""

    @property
    def adcode(self) -> str: ...
    @property
    def level(self) -> str: ...
    @property
    def english(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...
    @property
    def name(self) -> str: ...


def place_senses(gloss: str, peoples: frozenset[str]) -> list[tuple[list[str], str, str]]:
    """The names each sense of a gloss ("/" between senses) gives a place, with the noun of the
    level it says and the sense: [(["Shigatse", "Xigaze"], "city", "Shigatse or …")]; nothing
    for a sense naming no level."""
    found = []
    for sense in gloss.split("/"):
        sense = _LEVEL_WORD.sub(lambda m: m.group(0).lower(), _BRACKETS.sub(" ", sense)).strip()
        head, comma, rest = sense.partition(",")
        parts = [part.strip() for part in head.split(" or ")]
        names: list[str] = []
        level = None
        for i, part in enumerate(parts):
            lead = _NAME.match(part)
            if lead is None:
                break
            words = lead.group(0).split()
            while len(words) > 1 and words[-1] in peoples:  # "Golog Tibetan autonomous …"
                words.pop()
            after = part[lead.end():].strip()
            while (more := _AND_PEOPLE.match(after)) and more.group(1) in peoples:
                after = after[more.end():]
            if words[-1] in peoples:
                break  # a people's name alone ("Tibetan autonomous region") names no place
            if i < len(parts) - 1:
                # An alternative with a word of its own language after it ("Aqsu wilayiti or
                # Aksu prefecture") is no English name.
                names += [] if after else [" ".join(words)]
                continue
            names.append(" ".join(words))
            level = _LEVEL.match(after) if after else _LEVEL.search(rest) if comma else None
        if level is not None:
            found.append((names, (level.group(1) or "prefecture").lower(), sense))
    return found


def _peoples(lines: Sequence[str]) -> frozenset[str]:
    """The names CC-CEDICT gives China's peoples ("Tibetan", "Mongol", "Hmong", "Miao")."""
    found: set[str] = set()
    for line in lines:
        if "ethnic group" in line:
            for sense in line.partition(" /")[2].split("/"):
                if match := _PEOPLE.match(sense):
                    found.update(re.findall(r"[A-Z][a-z]+", match.group(1)))
    return frozenset(found)


def dictionary_names(chinese: Mapping[str, Sequence[Named]],
                     chain: Callable[[str], Sequence[Named]]) -> dict[str, list[str]]:
    """adcode -> the English names CC-CEDICT glosses a division by that are none of any
    division's names yet (pinyin, GeoNames'), for the divisions ``chinese`` (a Chinese name ->
    the divisions it names) holds; ``chain``: a division and those it lies in."""
    from app.retrieval.dictionary import lines  # the dictionary reads its senses there

    cedict = lines()
    known = {fold(n) for divisions in chinese.values() for d in divisions
             for n in (d.english, *d.aliases)}
    people = _peoples(cedict)
    # English words (a sense of one lower-case word), singular or plural: 湖滨区 is glossed
    # "Lakeside district", 离岛区 "Islands district".
    words = frozenset(_WORD_SENSE.findall("\n".join(cedict)))
    found: dict[str, list[str]] = {}
    for line in cedict:
        cells = line.split(" ", 2)
        divisions = chinese.get(cells[1]) if len(cells) == 3 else None
        if not divisions:
            continue
        for names, noun, sense in place_senses(cells[2].partition(" /")[2], people):
            # The level picks among the divisions a short name stands for (喀什: the
            # prefecture, not the county-level city); a name it leaves ambiguous is not taken.
            fitting = [d for d in divisions if _fits(d, noun)]
            # The place is China's, where the gloss places it ("in south Qinghai", "of Tibet"):
            # 丽水 is also Yeosu in Korea, 冈山 Okayama in Japan.
            around = {"china"} | {fold(n) for d in fitting for a in chain(d.adcode)[1:]
                                  for n in (a.english, *a.aliases)}
            if len(fitting) != 1 or not any(fold(w) in around for w in _named_in(sense)):
                continue
            for name in map(ascii_name, names):
                folded = fold(name)
                # One syllable is a Chinese name's first character without its level (漳县 is
                # glossed "Zhang county"), no name of its own.
                if folded not in known and not {folded, folded.removesuffix("s")} & words \
                        and not one_syllable(folded):
                    found.setdefault(fitting[0].adcode, []).append(name)
    # A name may be given to two divisions, as a pinyin is (a county named for its prefecture:
    # 阿坝县 and 阿坝州, Ngawa); the gazetteer reads such a name as it reads any other.
    return {code: list(dict.fromkeys(names)) for code, names in found.items()}


def _fits(division: Named, noun: str) -> bool:
    """Whether a gloss's level noun says the division's level: a "city" is a prefecture-level
    city or a county-level one (阿克苏市)."""
    level = _LEVEL_NOUNS[noun]
    return division.level == level or (
        noun == "city" and division.level == "district" and division.name.endswith("市"))


def _named_in(sense: str) -> list[str]:
    """The capitalised words and pairs of words in a sense (Qinghai, Inner Mongolia)."""
    single = re.findall(r"[A-Z][a-z'’]+", sense)
    return single + [f"{a}{b}" for a, b in pairwise(single)]
