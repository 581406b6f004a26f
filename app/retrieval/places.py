"""Which places a question names, and which stored documents those places cover.

Many cities issue near-identical plans with different figures, so the wrong city's figure is
a wrong answer. Places are matched by name (English or Chinese) against the cities,
districts and provinces of the stored documents; a gazetteer of other Chinese cities lets a
question about a city the corpus does not hold be refused instead of answered from another.
A place inside a city (``gazetteer``: Pazhou, Futian, 南靖) stands for the narrowest place
around it that the store holds (Pazhou: Haizhu; Futian: Shenzhen), or for its missing city.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from app.retrieval.gazetteer import PROVINCE_OF, SUB_PLACES, ancestors, city_of
from app.store.records import StoredDocument
from app.text import has_cjk, is_word

# Chinese names of places, so that questions in Chinese are placed too.
CHINESE_NAMES = {
    "Zhanjiang": "湛江",
    "Shenzhen": "深圳",
    "Guangzhou": "广州",
    "Haizhu": "海珠",
    "Zhangzhou": "漳州",
    "Guangdong": "广东",
    "Fujian": "福建",
    "Beijing": "北京",
    "Shanghai": "上海",
    "Tianjin": "天津",
    "Chongqing": "重庆",
    "Hangzhou": "杭州",
    "Nanjing": "南京",
    "Suzhou": "苏州",
    "Wuhan": "武汉",
    "Chengdu": "成都",
    "Xi'an": "西安",
    "Xiamen": "厦门",
    "Fuzhou": "福州",
    "Quanzhou": "泉州",
    "Dongguan": "东莞",
    "Foshan": "佛山",
    "Zhuhai": "珠海",
    "Shantou": "汕头",
    "Maoming": "茂名",
    "Jiangmen": "江门",
    "Huizhou": "惠州",
    "Zhongshan": "中山",
    "Zhaoqing": "肇庆",
    "Qingdao": "青岛",
    "Jinan": "济南",
    "Hefei": "合肥",
    "Changsha": "长沙",
    "Zhengzhou": "郑州",
    "Shenyang": "沈阳",
    "Dalian": "大连",
    "Harbin": "哈尔滨",
    "Kunming": "昆明",
    "Guiyang": "贵阳",
    "Nanning": "南宁",
    "Haikou": "海口",
    "Ningbo": "宁波",
    "Wuxi": "无锡",
    "Changchun": "长春",
    "Taiyuan": "太原",
    "Shijiazhuang": "石家庄",
    "Lanzhou": "兰州",
    "Urumqi": "乌鲁木齐",
    "Hohhot": "呼和浩特",
    "Nanchang": "南昌",
    "Wenzhou": "温州",
    "Hong Kong": "香港",
    "Macao": "澳门",
    "Zhejiang": "浙江",
    "Jiangsu": "江苏",
    "Sichuan": "四川",
    "Hubei": "湖北",
    "Shandong": "山东",
    "Hunan": "湖南",
    "Henan": "河南",
    "Hainan": "海南",
}
# Places the corpus may not hold; a question naming only these is answered with a refusal.
GAZETTEER = tuple(CHINESE_NAMES)
_PLACE_FIELDS = ("city", "district", "province")


# What may follow a sub-place's Chinese name inside one word: 南山区 is Nanshan, 终南山 is not.
_SUFFIXES = ("区", "县", "市", "镇", "新区", "港", "岛")
_LONGEST_WORD = 6
Span = tuple[int, int]


def _pattern(name: str) -> re.Pattern[str]:
    chinese = [zh] if (zh := CHINESE_NAMES.get(name)) else []
    if name in SUB_PLACES:  # a held district: its Chinese names too
        chinese += [zh for zh in SUB_PLACES[name].chinese if zh not in chinese]
    return re.compile("|".join([rf"\b{re.escape(name)}\b", *map(re.escape, chinese)]),
                      re.IGNORECASE)


def _sub_place_pattern(name: str) -> re.Pattern[str]:
    english = re.escape(name).replace("'", "['’]?")  # Bao'an, Bao’an, Baoan
    chinese = "|".join(map(re.escape, SUB_PLACES[name].chinese))
    return re.compile(rf"\b{english}\b|{chinese}", re.IGNORECASE)


def _inside_word(text: str, start: int, end: int) -> bool:
    """Whether the Chinese name at ``text[start:end]`` is part of a longer dictionary word
    (终南山, 沙坡头, 南沙群岛) rather than a name (坡头区, 琶洲空间智算中心)."""
    if not has_cjk(text[start:end]):
        return False
    suffixed = text.startswith(_SUFFIXES, end)
    for left in range(max(0, start - _LONGEST_WORD), start + 1):
        for right in range(end, min(len(text), end + _LONGEST_WORD) + 1):
            if (left, right) != (start, end) and not (left == start and suffixed) \
                    and is_word(text[left:right]):
                return True
    return False


def _within(span: Span, others: list[Span]) -> bool:
    """Whether ``span`` lies inside a longer one (Nanjing in "Nanjing County")."""
    return any(s <= span[0] and span[1] <= e and e - s > span[1] - span[0] for s, e in others)


@dataclass
class PlaceInference:
    """Places a text names: those the store holds (with their documents) and those it lacks."""

    held: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    doc_ids: set[str] = field(default_factory=set)
    by_place: dict[str, set[str]] = field(default_factory=dict)  # the most specific places

    @property
    def label(self) -> str | None:
        return ", ".join(self.held) or None


class PlaceIndex:
    """Place names of the stored documents, rebuilt when the document list changes."""

    def __init__(self, documents: Iterable[StoredDocument]) -> None:
        self.docs_by_place: dict[str, set[str]] = {}
        for doc in documents:
            for key in _PLACE_FIELDS:
                value = doc.metadata.get(key)
                if isinstance(value, str) and value.strip():
                    self.docs_by_place.setdefault(value.strip(), set()).add(doc.doc_id)
        names = set(self.docs_by_place) | set(GAZETTEER)
        self._patterns = {name: _pattern(name) for name in names}
        # Places inside a city that the store does not hold by name (a held one is itself).
        self._sub_patterns = {name: _sub_place_pattern(name) for name in SUB_PLACES
                              if name not in self.docs_by_place}

    @property
    def cities(self) -> list[str]:
        return sorted(self.docs_by_place)

    def canonical(self, name: str) -> str | None:
        """The stored spelling of a place name given in a filter, or None."""
        wanted = name.strip().lower()
        for place in self.docs_by_place:
            if place.lower() == wanted or CHINESE_NAMES.get(place) == name.strip():
                return place
        return None

    def infer(self, text: str) -> PlaceInference:
        found = PlaceInference()
        subs = list(self._sub_places(text))
        spans = [span for span, _ in subs]
        named = sorted(
            (m.start(), name)
            for name, pattern in self._patterns.items()
            if (m := next((m for m in pattern.finditer(text) if not _within(m.span(), spans)),
                          None)) is not None
        )
        names = [name for _, name in named]
        hits = sorted([*named, *((s, n) for (s, _), n in subs if self._fits(n, names))])
        stand_ins: set[str] = set()  # held places named only through a place inside them
        for _, name in hits:
            if name in self._sub_patterns:
                place = self._held_around(name)
                city = city_of(name)
                if place is None and city not in names:  # "Futian, Shenzhen": Shenzhen
                    found.missing.append(f"{name} ({city})")
                elif place is not None and place not in found.held:
                    found.held.append(place)
                    stand_ins.add(place)
            elif name in self.docs_by_place:
                if name not in found.held:
                    found.held.append(name)
                stand_ins.discard(name)
            else:
                found.missing.append(name)
        # "Haizhu district, Guangzhou" means Haizhu: a place whose documents include all of
        # another named place's documents is the broader one and gives way. A place standing
        # for a place inside it does not ("Tianhe and Haizhu": Guangzhou stands for Tianhe).
        sets = [self.docs_by_place[name] for name in found.held]
        for name, docs in zip(found.held, sets, strict=True):
            if name in stand_ins or not any(other < docs for other in sets):
                found.doc_ids |= docs
                found.by_place[name] = docs
        return found

    def _sub_places(self, text: str) -> Iterator[tuple[Span, str]]:
        for name, pattern in self._sub_patterns.items():
            match = next((m for m in pattern.finditer(text)
                          if not _inside_word(text, m.start(), m.end())), None)
            if match is not None:
                yield match.span(), name

    @staticmethod
    def _fits(sub_place: str, named: list[str]) -> bool:
        """A place inside a city counts unless every other place the text names lies
        elsewhere: in 贵阳白云区 Baiyun is Guiyang's, not Guangzhou's."""
        city, around = city_of(sub_place), ancestors(sub_place)
        fits = [place in around or city in ancestors(place) for place in named]
        return not fits or any(fits)

    def _held_around(self, sub_place: str) -> str | None:
        """The narrowest held place around a sub-place, up to its city (a province is too
        broad: the code refuses a city it lacks even when it holds the city's province)."""
        for place in ancestors(sub_place)[1:]:
            if place in self.docs_by_place:
                return place
            if place in PROVINCE_OF:
                return None
        return None

    def mentions(self, text: str, places: Iterable[str]) -> bool:
        return any(self._patterns[p].search(text) for p in places if p in self._patterns)
