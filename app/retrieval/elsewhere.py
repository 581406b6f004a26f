"""Notices with no place of their own that are about other places (issue 22, a store grown by
many places' notices).

A document ingest could not place is in every question's scope (never excluded by place
scoping), so a national notice answers a city's question. But some of them are local reports
whose place ingest did not settle (a Shanghai street's news, 静安这个小区: 上海, 静安 and 湖北
named), stored with the places their text names (``places_named``); a report naming only one
province's places (a Jinan schools digest) is placed there at ingest (``placing``). For a
question naming a city or district, such a document naming only places neither around nor inside
the asked one is about elsewhere: like any other place's document, its passages compete in the
scope only where they name the asked place. A question naming a province is left alone:
questions name a province for national notices that speak of other provinces (realzh-dev's
内蒙古, 江西, 湖北).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from app.retrieval.catalog import Catalog
from app.retrieval.fusion import Ranking
from app.retrieval.gazetteer import gazetteer
from app.retrieval.places import PlaceIndex
from app.store.records import Chunk


def about_elsewhere(held: Iterable[str], scope: set[str], catalog: Catalog) -> set[str]:
    """The documents of ``scope`` with no place whose text names places, none of them around
    or inside the city or district the question names (``held``); empty for a question naming
    a province or a place no gazetteer knows."""
    g = gazetteer()
    asked = [division for name in held for division in g.named(name)]
    if not asked or any(division.level == "province" for division in asked):
        return set()
    codes = {division.adcode for division in asked}
    away = set()
    for doc_id in catalog.places.unplaced & scope:
        named = catalog.get(doc_id).metadata.get("places_named")
        own = named.split() if isinstance(named, str) else []
        if own and not any(g.contains(a, c) or g.contains(c, a) for a in codes for c in own):
            away.add(doc_id)
    return away


def naming_only(ranking: Ranking, away: set[str], chunks: Mapping[str, Chunk],
                index: PlaceIndex, held: list[str]) -> Ranking:
    """``ranking`` with the passages of the ``away`` documents left out unless they name a
    place the question holds; a None holds each one's rank, so the others keep theirs."""
    if not away:
        return ranking
    kept = [cid if cid is None or chunks[cid].doc_id not in away
            or index.mentions(chunks[cid].text, held) else None for cid in ranking.ids]
    return Ranking(ranking.weight, kept, ranking.reads, ranking.holder)
