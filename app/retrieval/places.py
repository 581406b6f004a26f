"""Which places a question names, and which stored documents those places cover.

Many cities issue near-identical plans with different figures, so the wrong city's figure is
a wrong answer. Places are matched by name (English or Chinese) against the cities,
districts and provinces of the stored documents; a gazetteer of other Chinese cities lets a
question about a city the corpus does not hold be refused instead of answered from another.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.store.records import StoredDocument

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


def _pattern(name: str) -> re.Pattern[str]:
    zh = CHINESE_NAMES.get(name)
    english = rf"\b{re.escape(name)}\b"
    return re.compile(f"{english}|{re.escape(zh)}" if zh else english, re.IGNORECASE)


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
        hits = sorted(
            (m.start(), name)
            for name, pattern in self._patterns.items()
            if (m := pattern.search(text)) is not None
        )
        for _, name in hits:
            (found.held if name in self.docs_by_place else found.missing).append(name)
        # "Haizhu district, Guangzhou" means Haizhu: a place whose documents include all of
        # another named place's documents is the broader one and gives way.
        sets = [self.docs_by_place[name] for name in found.held]
        for name, docs in zip(found.held, sets, strict=True):
            if not any(other < docs for other in sets):
                found.doc_ids |= docs
                found.by_place[name] = docs
        return found

    def mentions(self, text: str, places: Iterable[str]) -> bool:
        return any(self._patterns[p].search(text) for p in places if p in self._patterns)
