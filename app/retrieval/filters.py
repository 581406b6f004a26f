"""A request's filters (city, doc_id, issuer, language, years) as conditions on the stored
chunks' doc_id."""

from __future__ import annotations

from dataclasses import replace

from llama_index.core.vector_stores.types import (
    FilterCondition,
    FilterOperator,
    MetadataFilter,
    MetadataFilters,
)

from app.errors import InvalidFilter
from app.models import Filters
from app.retrieval.catalog import Catalog
from app.retrieval.place_inference import PlaceInference

# A doc_id no document has: the filter of a year range that holds no document.
NO_DOCUMENT = "\x00no document"


def metadata_filters(filters: Filters | None, catalog: Catalog) -> list[MetadataFilter]:
    """Validated filter conditions; unknown cities or documents are the caller's error."""
    if filters is None:
        return []
    conditions: list[MetadataFilter] = []
    if filters.city is not None:
        doc_ids = catalog.places.docs_named(filters.city)
        if not doc_ids:
            held = ", ".join(sorted(catalog.places.docs_by_place)) or "none"
            raise InvalidFilter(f"unknown city {filters.city!r}; the store holds: {held}")
        conditions.append(
            MetadataFilter(key="doc_id", value=sorted(doc_ids), operator=FilterOperator.IN)
        )
    if filters.doc_id is not None:
        if filters.doc_id not in catalog.documents:
            raise unknown_doc_id(filters.doc_id)
        conditions.append(MetadataFilter(key="doc_id", value=filters.doc_id))
    for field, wanted in (("issuer", filters.issuer), ("language", filters.language)):
        if wanted is not None:
            conditions.append(_documents_whose(field, wanted, catalog))
    if (
        filters.year_from is not None
        and filters.year_to is not None
        and filters.year_from > filters.year_to
    ):
        raise InvalidFilter(f"year_from {filters.year_from} is after year_to {filters.year_to}")
    if filters.year_from is not None or filters.year_to is not None:
        # By the documents' years as the catalog read and checked them, not the chunks'
        # copies, which an older store may hold with the wrong type ("abc" >= 2020).
        low, high = filters.year_from or 0, filters.year_to or 9999
        in_range = sorted(
            doc.doc_id
            for doc in catalog.documents.values()
            if isinstance(year := doc.metadata.get("year"), int) and low <= year <= high
        )
        conditions.append(
            MetadataFilter(
                key="doc_id", value=in_range or [NO_DOCUMENT], operator=FilterOperator.IN
            )
        )
    return conditions


def unknown_doc_id(doc_id: str) -> InvalidFilter:
    return InvalidFilter(f"unknown doc_id {doc_id!r}; GET /api/documents lists the stored ones")


def within_filter(doc_ids: set[str]) -> MetadataFilter:
    """The condition "in the documents the caller may read" (none: no passage at all)."""
    return scope_filter(doc_ids or {NO_DOCUMENT})


def _folded(text: str) -> str:
    return "".join(text.split()).casefold()


def _documents_whose(field: str, wanted: str, catalog: Catalog) -> MetadataFilter:
    """Documents whose ``field`` holds ``wanted`` (the issuer: contains it; the language: is
    it), as the catalog read them; none is the caller's error, naming what the store holds."""
    held = {
        doc.doc_id: value
        for doc in catalog.documents.values()
        if isinstance(value := doc.metadata.get(field), str)
    }
    want = _folded(wanted)
    matches = sorted(
        doc_id for doc_id, value in held.items()
        if (want in _folded(value) if field == "issuer" else want == _folded(value))
    )
    if not matches:
        values = sorted(set(held.values()))
        shown = ", ".join(values[:20]) + (f" … ({len(values)} in all)" if len(values) > 20 else "")
        raise InvalidFilter(f"no stored document has {field} {wanted!r}; the store holds: "
                            f"{shown or 'none'}")
    return MetadataFilter(key="doc_id", value=matches, operator=FilterOperator.IN)


def scope_filter(doc_ids: set[str]) -> MetadataFilter:
    """The condition "in these documents" (a question's places, a warmed scope)."""
    return MetadataFilter(key="doc_id", value=sorted(doc_ids), operator=FilterOperator.IN)


def all_of(conditions: list[MetadataFilter]) -> MetadataFilters | None:
    """The conditions as one filter that needs every one of them (None: no condition)."""
    if not conditions:
        return None
    return MetadataFilters(
        filters=list[MetadataFilter | MetadataFilters](conditions), condition=FilterCondition.AND
    )


def readable_places(places: PlaceInference, within: set[str] | None) -> PlaceInference:
    """The places a question names as a reader granted only ``within`` sees them: a place none of
    whose documents they may read is left out (neither held nor named as missing), so that no
    scope, ``city_inferred`` or refusal tells them the store holds documents they may not read."""
    if within is None:
        return places
    by_place = {name: docs & within for name, docs in places.by_place.items() if docs & within}
    held = [n for n in places.held if n in by_place
            or (n not in places.by_place and places.doc_ids & within)]
    doc_ids = places.doc_ids & within if held or places.spoken_of else set()
    return replace(places, held=held, by_place=by_place, doc_ids=doc_ids)
