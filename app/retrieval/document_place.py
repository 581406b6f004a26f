"""The division a stored document's metadata places it in (a manifest's or ingest's adcode,
district, city and province): read by place scoping, retrieval's place fit and the briefing's
grouping alike."""

from __future__ import annotations

from app.retrieval.gazetteer import Division, broadest, gazetteer

PLACE_FIELDS = ("district", "city", "province")


def document_division(metadata: dict[str, object]) -> Division | None:
    """The narrowest division a document's metadata places it in: its adcode, else its
    district, city and province names read together (Taizhou with Jiangsu is 泰州, with
    Zhejiang 台州); None when no name is a known division."""
    g = gazetteer()
    code = metadata.get("adcode")
    if isinstance(code, str) and code in g.by_adcode:
        return g.by_adcode[code]
    names = [v for k in PLACE_FIELDS if isinstance(v := metadata.get(k), str) and v.strip()]
    options = [g.named(name) for name in names]
    for found in options:  # narrowest first: the first name that fits all the broader ones
        fitting = [d for d in found
                   if all(any(g.contains(o.adcode, d.adcode) for o in other) or not other
                          for other in options)]
        if fitting:
            return broadest(fitting)
    return None
