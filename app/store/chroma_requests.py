"""Requests to Chroma in the forms it takes: a ``where`` for retrieval's conditions, and whole
collections read a page at a time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from chromadb.api.models.Collection import Collection
from llama_index.core.vector_stores.types import (
    FilterCondition,
    FilterOperator,
    MetadataFilter,
    MetadataFilters,
)

# Records read per request when a whole collection is read: Chroma fetches metadata with one
# SQL variable per record, and past SQLite's limit (32,766) a single read of every chunk's
# metadata failed ("too many SQL variables": ingest died at ~32k chunks).
READ_PAGE = 5000


def allowed_doc_ids(conditions: Sequence[MetadataFilter | MetadataFilters]) -> set[str] | None:
    """The doc_ids that every condition allows, when each one names doc_ids (equal or in: the
    conditions retrieval builds); None for a condition of another form."""
    allowed: set[str] | None = None
    for condition in conditions:
        if not isinstance(condition, MetadataFilter) or condition.key != "doc_id":
            return None
        if condition.operator == FilterOperator.IN:
            values = {str(v) for v in condition.value}  # type: ignore[union-attr]
        elif condition.operator == FilterOperator.EQ:
            values = {str(condition.value)}
        else:
            return None
        allowed = values if allowed is None else allowed & values
    return allowed


def doc_id_where(doc_ids: list[str]) -> dict[str, Any]:
    return {"doc_id": doc_ids[0]} if len(doc_ids) == 1 else {"doc_id": {"$in": doc_ids}}


def read_all(collection: Collection, include: list[str],
             where: dict[str, Any] | None = None, page: int = READ_PAGE) -> dict[str, list[Any]]:
    """Every record of ``collection`` (matching ``where``), read ``page`` at a time:
    ``{"ids": [...], "metadatas": [...], "documents": [...]}`` as included."""
    found: dict[str, list[Any]] = {"ids": [], **{key: [] for key in include}}
    offset = 0
    while True:
        got = collection.get(where=where, include=include, limit=page, offset=offset)  # type: ignore[arg-type]
        found["ids"] += got["ids"]
        for key in include:
            values = got[key]  # type: ignore[literal-required]
            found[key] += [] if values is None else list(values)
        if len(got["ids"]) < page:
            return found
        offset += page


def chroma_where(filters: MetadataFilters | None) -> dict[str, Any] | None:
    """Chroma's ``where`` for the conditions retrieval builds (equal / in, joined by AND)."""
    if filters is None or not filters.filters:
        return None
    clauses: list[dict[str, Any]] = []
    for condition in filters.filters:
        if not isinstance(condition, MetadataFilter):
            raise ValueError(f"nested filters are not supported: {condition!r}")
        if condition.operator == FilterOperator.IN:
            clauses.append({condition.key: {"$in": list(condition.value)}})  # type: ignore[arg-type]
        elif condition.operator == FilterOperator.EQ:
            clauses.append({condition.key: {"$eq": condition.value}})
        else:
            raise ValueError(f"unsupported filter operator {condition.operator!r}")
    joined = "$or" if filters.condition == FilterCondition.OR else "$and"
    return clauses[0] if len(clauses) == 1 else {joined: clauses}
