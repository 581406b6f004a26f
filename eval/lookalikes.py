"""Look-alike corpora: the real texts beside near-copies of each for other cities.

A city's policy library holds many plans that read alike: the same template, another city's
name, other figures. ``write_corpus`` copies every document of a corpus ``copies`` times,
each copy for a city the corpus does not hold, with its city (and district) names swapped
and every figure but a year changed, so a copy never states the original's facts. Questions
naming the real city must still find the real document: ``policykb eval --lookalikes 20``
scores the eval set against such a store (evidence@5 counts only the real documents).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

CITIES = ["Maoming", "Dongguan", "Foshan", "Zhuhai", "Shantou", "Huizhou", "Jiangmen",
          "Zhaoqing", "Qingyuan", "Meizhou", "Shaoguan", "Heyuan", "Yangjiang", "Chaozhou",
          "Jieyang", "Yunfu", "Xiamen", "Fuzhou", "Quanzhou", "Putian", "Nanning", "Beihai",
          "Haikou", "Sanya", "Changsha", "Wuhan", "Nanchang", "Hefei", "Kunming", "Guiyang"]
DISTRICTS = ["Yuexiu", "Tianhe", "Baiyun", "Huangpu", "Panyu", "Huadu", "Nansha", "Conghua",
             "Zengcheng", "Liwan"]
# A figure that is not a year: the copies' figures differ from the original's.
_FIGURE = re.compile(r"(?<![\d.])(?!(?:19|20)\d\d\b)(\d+)(?![\d])")


def lookalike(text: str, swaps: dict[str, str], copy: int) -> str:
    for old, new in swaps.items():
        text = text.replace(old, new)
    return _FIGURE.sub(lambda m: str(int(m.group(1)) + copy + 1), text)


def write_corpus(source: Path, target: Path, copies: int) -> int:
    """The corpus in ``source`` (with its manifest.json) and ``copies`` look-alikes of each
    document, written to ``target``; returns the number of documents written."""
    manifest: dict[str, Any] = json.loads((source / "manifest.json").read_text("utf-8"))
    originals = manifest["documents"]
    held = {d.get("city") for d in originals} | {d.get("district") for d in originals}
    cities = [c for c in CITIES if c not in held]
    districts = [d for d in DISTRICTS if d not in held]
    if copies > len(cities):
        raise ValueError(f"at most {len(cities)} look-alike copies per document")
    target.mkdir(parents=True, exist_ok=True)
    entries = []
    for doc in originals:
        text = (source / f"{doc['doc_id']}.txt").read_text("utf-8")
        (target / f"{doc['doc_id']}.txt").write_text(text, "utf-8")
        entries.append(doc)
        for copy in range(copies):
            entry = dict(doc, city=cities[copy])
            swaps = {doc["city"]: cities[copy]}
            if doc.get("district"):
                entry["district"] = districts[copy % len(districts)]
                swaps = {doc["district"]: entry["district"], **swaps}
            entry["doc_id"] = f"{doc['doc_id']}-lookalike-{copy + 1:02d}"
            entry["title"] = lookalike(str(doc.get("title") or ""), swaps, copy)
            (target / f"{entry['doc_id']}.txt").write_text(lookalike(text, swaps, copy), "utf-8")
            entries.append(entry)
    (target / "manifest.json").write_text(json.dumps({"documents": entries}, indent=1), "utf-8")
    return len(entries)
