"""Stored metadata, read defensively.

A store written by an older ingest may hold manifest values of the wrong type (``"year":
"abc"``, ``"city": 123``, ``"title": true``). Reading is where that is caught: each known field
is normalized to the type the API promises, or dropped with one logged warning, so an old store
never turns ``/api/documents``, a filter or a search into a 500.
"""

from __future__ import annotations

import json
import logging
import math
from typing import Any

from app.store.validity import VALIDITY_FLAG_FIELDS, VALIDITY_TEXT_FIELDS

log = logging.getLogger(__name__)

# Fields a manifest may set or ingest reads from the text (ingest.document_facts), as text.
TEXT_FIELDS = frozenset(
    {"title", "city", "district", "province", "adcode", "issuer", "kind", "published",
     "language", "doc_number", "addressees"}
) | VALIDITY_TEXT_FIELDS
# Written by ingest itself; checked all the same, since an offset of the wrong type would be a 500.
COUNT_FIELDS = frozenset({"page", "paragraph", "chunks", "chunk"})
YEARS = range(1000, 10000)
_warned: set[tuple[str, str]] = set()


def _year(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    return value if isinstance(value, int) and value in YEARS else None


def _count(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return value if isinstance(value, int) and value >= 0 else None


def _covers(value: object) -> str | None:
    """``covers`` is stored as a JSON list of titles (Chroma metadata is flat)."""
    if not isinstance(value, str):
        return None
    try:
        titles = json.loads(value)
    except ValueError:
        return None
    if isinstance(titles, list) and all(isinstance(t, str) for t in titles):
        return value
    return None


def _official(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in {"true", "false"}:
        return value.lower() == "true"
    return None


def _normalized(key: str, value: object) -> object:
    if key in TEXT_FIELDS:
        return value if isinstance(value, str) else None
    if key == "year":
        return _year(value)
    if key in COUNT_FIELDS:
        return _count(value)
    if key == "covers":
        return _covers(value)
    if key == "official" or key in VALIDITY_FLAG_FIELDS:
        return _official(value)
    return value


def clean_metadata(record_id: str, metadata: dict[str, Any]) -> dict[str, Any]:
    """``metadata`` with each known field of the right type; a wrong one is left out."""
    clean: dict[str, Any] = {}
    for key, value in metadata.items():
        if value is None:
            continue
        normalized = _normalized(key, value)
        if normalized is None:
            doc_id = str(metadata.get("doc_id") or record_id)
            if (doc_id, key) not in _warned:  # once per document and field, not per read
                _warned.add((doc_id, key))
                log.warning("document %r: stored %s=%r is not a valid %s; ignored (re-ingest "
                            "with a corrected manifest)", doc_id, key, value, key)
            continue
        clean[key] = normalized
    return clean


def is_official(metadata: dict[str, Any]) -> bool:
    """True only for a document ingest marked official (a manifest entry describes it);
    unknown (an older store) counts as not official."""
    return _official(metadata.get("official")) is True
