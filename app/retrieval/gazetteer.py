"""Where the districts, counties and best-known zones of the corpus's cities lie.

General geography, kept by hand like the city names in ``places``: a question that names only
a place inside a city (a district, a county, a development zone) is about that city. Nothing
here is drawn from the eval questions.

Chinese names that are also everyday or literary words (光明 "bright", 平和 "mild", 白云 "white
cloud", 云霄 "the skies", 南山 "south hill", 天河 "the Milky Way", 福田, 大鹏, 东山, 华安, 盐田
"salt pan", 花都 "Paris", 龙文, 赤坎 (also a town of Kaiping), 龙华 (also Haikou's and a
Shanghai temple), 南沙 (also the Spratly Islands)) are listed only with their suffix (光明区,
平和县); the English names are pinyin and never everyday English words. Nanjing County (南靖)
is given with its suffix in English so that the city of Nanjing (南京) keeps its name.
"""

from __future__ import annotations

from dataclasses import dataclass

# The corpus's cities and the provinces they lie in.
PROVINCE_OF = {
    "Guangzhou": "Guangdong",
    "Shenzhen": "Guangdong",
    "Zhanjiang": "Guangdong",
    "Zhangzhou": "Fujian",
}

# English name | Chinese names | the place it lies in
_TABLE = """
Yuexiu | 越秀 | Guangzhou
Liwan | 荔湾 | Guangzhou
Haizhu | 海珠 | Guangzhou
Tianhe | 天河区 | Guangzhou
Baiyun | 白云区 | Guangzhou
Huangpu | 黄埔 | Guangzhou
Panyu | 番禺 | Guangzhou
Huadu | 花都区 | Guangzhou
Nansha | 南沙区 南沙新区 | Guangzhou
Conghua | 从化 | Guangzhou
Zengcheng | 增城 | Guangzhou
Pazhou | 琶洲 | Haizhu
Zhujiang New Town | 珠江新城 | Tianhe
Futian | 福田区 | Shenzhen
Luohu | 罗湖 | Shenzhen
Nanshan | 南山区 | Shenzhen
Yantian | 盐田区 盐田港 | Shenzhen
Bao'an | 宝安 | Shenzhen
Longgang | 龙岗 | Shenzhen
Longhua | 龙华区 | Shenzhen
Pingshan | 坪山 | Shenzhen
Guangming | 光明区 | Shenzhen
Dapeng | 大鹏新区 | Shenzhen
Qianhai | 前海 | Shenzhen
Hetao | 河套深港 河套合作区 | Futian
Shekou | 蛇口 | Nanshan
Chikan | 赤坎区 | Zhanjiang
Xiashan | 霞山 | Zhanjiang
Potou | 坡头 | Zhanjiang
Mazhang | 麻章 | Zhanjiang
Suixi | 遂溪 | Zhanjiang
Xuwen | 徐闻 | Zhanjiang
Leizhou | 雷州 | Zhanjiang
Lianjiang | 廉江 | Zhanjiang
Wuchuan | 吴川 | Zhanjiang
Donghai Island | 东海岛 | Zhanjiang
Nansan Island | 南三岛 | Potou
Xiangcheng | 芗城 | Zhangzhou
Longwen | 龙文区 | Zhangzhou
Longhai | 龙海 | Zhangzhou
Changtai | 长泰 | Zhangzhou
Zhangpu | 漳浦 | Zhangzhou
Yunxiao | 云霄县 | Zhangzhou
Dongshan | 东山县 东山岛 | Zhangzhou
Pinghe | 平和县 | Zhangzhou
Nanjing County | 南靖 | Zhangzhou
Hua'an | 华安县 | Zhangzhou
Zhao'an | 诏安 | Zhangzhou
Gulei | 古雷 | Zhangpu
"""


@dataclass(frozen=True)
class SubPlace:
    """A place inside one of the corpus's cities, and the place it lies in."""

    name: str
    chinese: tuple[str, ...]
    parent: str


def _parse(table: str) -> dict[str, SubPlace]:
    places = {}
    for line in table.strip().splitlines():
        name, chinese, parent = (part.strip() for part in line.split("|"))
        places[name] = SubPlace(name, tuple(chinese.split()), parent)
    return places


SUB_PLACES = _parse(_TABLE)


def ancestors(name: str) -> list[str]:
    """The place itself and every place it lies in, narrowest first (Pazhou, Haizhu,
    Guangzhou, Guangdong); just the name for a place this module does not know."""
    chain = [name]
    while (sub := SUB_PLACES.get(chain[-1])) is not None or chain[-1] in PROVINCE_OF:
        chain.append(sub.parent if sub is not None else PROVINCE_OF[chain[-1]])
    return chain


def city_of(name: str) -> str | None:
    return next((place for place in ancestors(name) if place in PROVINCE_OF), None)
