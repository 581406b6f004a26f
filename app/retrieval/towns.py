"""Towns and streets (乡镇街道): the level below the gazetteer's districts, from jionlp's
location dictionary.

A town is known by its full name (琶洲街道, 华亭镇, always a place), by its name without the
suffix of its level (琶洲) unless jieba knows that short name as an everyday word (留下 "to
leave"), and in English by the pinyin of its short name, alone or before a level word (Pazhou,
Liuxia Subdistrict). Only towns of the districts the store holds documents for are looked for,
and a name two of those districts share is left out: it tells neither.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import IO

from app.retrieval.gazetteer import Division, gazetteer
from app.retrieval.name_words import everyday_word, inside_word
from app.retrieval.romanised import english_name
from app.text import has_cjk

# What ends a town's or street's name (琶洲街道 -> 琶洲, 华亭镇 -> 华亭).
_TOWN_SUFFIX = re.compile(r"(?:街道办事处|街道|地区办事处|镇|乡)$")
# English words naming a town's level after its name ("Liuxia Subdistrict").
_ENGLISH_LEVEL = r"(?:\s+(?:sub-?district|street|town|township))"


@dataclass(frozen=True)
class Town:
    """A town or street, as the district it lies in knows it."""

    name: str  # 琶洲街道
    short: str  # 琶洲
    district: Division


@lru_cache(maxsize=1)
def _towns() -> dict[str, tuple[tuple[str, str], ...]]:
    """District adcode -> (full name, short name) of its towns and streets."""
    spec = find_spec("jionlp")
    if spec is None or spec.origin is None:
        return {}
    towns: dict[str, list[tuple[str, str]]] = {}
    district: str | None = None
    with location_lines(Path(spec.origin).parent / "dictionary") as handle:
        for line in handle:
            tabs = len(line) - len(line.lstrip("\t"))
            fields = line.strip().split("\t")
            if tabs == 2 and len(fields) >= 2:
                district = fields[1]
            elif tabs == 3 and district is not None:
                short = _TOWN_SUFFIX.sub("", fields[0])
                if short != fields[0] and len(short) >= 2:
                    towns.setdefault(district, []).append((fields[0], short))
    return {code: tuple(names) for code, names in towns.items()}


def location_lines(folder: Path) -> IO[str]:
    """jionlp's location dictionary as text. The package ships it zipped and unzips it into its
    own folder only when ``import jionlp`` runs (which it need not have, in this process or
    ever: a fresh install failed here with FileNotFoundError), so the zip is read directly."""
    text = folder / "china_location.txt"
    if text.exists():
        return text.open(encoding="utf-8")
    archive = zipfile.ZipFile(folder / "china_location.zip")
    return io.TextIOWrapper(archive.open("china_location.txt"), encoding="utf-8")


class TownIndex:
    """The towns and streets of the held districts and of every district of a held city."""

    def __init__(self, held: dict[str, set[str]]) -> None:
        g = gazetteer()
        districts = [d for d in g.by_adcode.values() if d.level == "district"
                     and (d.adcode in held or d.parent in held)]
        seen: dict[str, list[Town]] = {}
        for district in districts:
            for name, short in _towns().get(district.adcode, ()):
                seen.setdefault(short, []).append(Town(name, short, district))
        self._towns: list[tuple[Town, re.Pattern[str], re.Pattern[str] | None]] = []
        # Per town, what any text naming it holds: its short name (inside the full one too) or
        # its pinyin folded (None: one with letters of case or not ASCII, so the patterns are
        # always tried). Checked first, they spare most of ~4,000 towns' patterns a question.
        self._needles: list[tuple[str | None, str | None]] = []
        # The towns by the first two characters of each needle; those always tried.
        self._by_start: dict[str, list[int]] = {}
        self._always: list[int] = []
        for short, towns in seen.items():
            if len({t.district.adcode for t in towns}) > 1 or short in g.chinese:
                continue
            town = towns[0]
            english = re.escape(english_name(short)).replace("'", "['’]?")
            full = re.compile(rf"{re.escape(town.name)}|\b{english}{_ENGLISH_LEVEL}\b",
                              re.IGNORECASE)
            bare = None if everyday_word(short) else re.compile(rf"{re.escape(short)}"
                                                                rf"|\b{english}\b")
            self._towns.append((town, full, bare))
            pinyin = english_name(short)
            chinese = short if short.lower() == short.upper() else None
            folded = _folded(pinyin) if pinyin.isascii() else None
            self._needles.append((chinese, folded))
            if chinese is None or folded is None or min(len(chinese), len(folded)) < 2:
                self._always.append(len(self._needles) - 1)
                continue
            for needle in (chinese, folded):
                self._by_start.setdefault(needle[:2], []).append(len(self._needles) - 1)

    def named(self, text: str, taken: list[tuple[int, int]]) -> list[tuple[Town, str, bool]]:
        """The towns ``text`` names outside the spans ``taken`` (a division's names), each
        with the words that name it and whether they are its full name (with its level); a
        bare Chinese name only where it is no part of a longer word."""
        found: list[tuple[Town, str, bool]] = []
        folded = _folded(text)
        starts = {text[i:i + 2] for i in range(len(text) - 1)}
        starts |= {folded[i:i + 2] for i in range(len(folded) - 1)}
        candidates = set(self._always).union(*(self._by_start.get(s, ()) for s in starts))
        for index in sorted(candidates):  # in the index's order, as every town was tried
            town, full, bare = self._towns[index]
            short, english = self._needles[index]
            if (short is not None and short not in text) and (
                    english is not None and english not in folded):
                continue
            match = next((m for m in full.finditer(text) if not _within(m, taken)), None)
            if match is not None:
                found.append((town, match.group(0), True))
                continue
            if bare is not None:
                match = next((m for m in bare.finditer(text) if not _within(m, taken)
                              and not (has_cjk(m.group(0))
                                       and inside_word(text, m.start(), m.end()))), None)
                if match is not None:
                    found.append((town, match.group(0), False))
        return found


def town_pattern(town: Town) -> re.Pattern[str]:
    """Every way a text may name the town, for finding it in a passage."""
    english = re.escape(english_name(town.short)).replace("'", "['’]?")
    bare = "" if everyday_word(town.short) else f"|{re.escape(town.short)}|\\b{english}\\b"
    return re.compile(rf"{re.escape(town.name)}|\b{english}{_ENGLISH_LEVEL}\b{bare}",
                      re.IGNORECASE)


# What IGNORECASE lets stand for an ASCII letter beyond its two cases (Kelvin sign, long s,
# Turkish i's), and the apostrophes a name's pattern makes optional.
_FOLD = str.maketrans({"\u212a": "k", "\u017f": "s", "\u0130": "i", "\u0131": "i",
                       "'": None, "\u2019": None})


def _folded(text: str) -> str:
    """``text`` as a town's pinyin is looked for in it: ASCII letters in lower case, no
    apostrophes; a match of the town's patterns (IGNORECASE) is a substring of it."""
    return text.translate(_FOLD).lower()


def _within(match: re.Match[str], taken: list[tuple[int, int]]) -> bool:
    return any(s <= match.start() < e for s, e in taken)
