"""The stored documents as the service sees them: metadata, texts, places.

Loaded once and reloaded only when ingest has changed the store (its BM25 fingerprint moves;
``app.retrieval.freshness`` watches it), so requests never list Chroma collections.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.errors import DocumentNotFound
from app.retrieval.places import PlaceIndex
from app.store.bm25 import stored_fingerprint
from app.store.chroma import Store
from app.store.records import StoredDocument, collection_of
from app.store.validity import Validity, resolve, validity_info

# The collections a caller may read; None: every collection (sign-in off, or an admin).
Collections = frozenset[str] | None


class Catalog:
    def __init__(self, store: Store, bm25_dir: Path) -> None:
        self.store = store
        self.bm25_dir = bm25_dir
        self._fingerprint: str | None = "unloaded"
        self.documents: dict[str, StoredDocument] = {}
        self.places = PlaceIndex([])
        self.validity: dict[str, Validity] = {}  # by doc_id, supersessions resolved
        self.titles: dict[str, str] = {}
        self.chunk_total = 0
        self._text = lru_cache(maxsize=64)(self._load_text)
        self.refresh()

    def refresh(self) -> None:
        current = stored_fingerprint(self.bm25_dir)
        if current == self._fingerprint:
            return
        self._fingerprint = current
        self.documents = {d.doc_id: d for d in self.store.list_documents()}
        self.places = PlaceIndex(self.documents.values())
        self.validity = resolve({d: doc.metadata for d, doc in self.documents.items()})
        self.titles = {d: str(doc.metadata.get("title") or d) for d, doc in self.documents.items()}
        self.chunk_total = self.chunks_of(self.documents)
        self._text.cache_clear()

    @property
    def doc_ids(self) -> set[str]:
        return set(self.documents)

    def chunks_of(self, doc_ids: Iterable[str]) -> int:
        """How many chunks these stored documents hold, by their records (no store read)."""
        documents = self.documents
        return sum(int(documents[d].metadata.get("chunks", 0)) for d in doc_ids if d in documents)

    def get(self, doc_id: str) -> StoredDocument:
        doc = self.documents.get(doc_id)
        if doc is None:
            raise DocumentNotFound(f"no document {doc_id!r} is stored")
        return doc

    def info(self, doc_id: str) -> dict[str, Any]:
        """A stored document's listing, with its validity today."""
        return {**self.get(doc_id).info,
                "validity": validity_info(self.validity.get(doc_id), self.titles)}

    def text(self, doc_id: str) -> str:
        return self._text(doc_id, self.get(doc_id).doc_hash)

    def _load_text(self, doc_id: str, doc_hash: str) -> str:
        doc = self.store.get_document(doc_id)
        if doc is None:
            raise DocumentNotFound(f"no document {doc_id!r} is stored")
        return doc.text

    # Collections: which stored documents a caller may read ---------------------------------
    def doc_ids_in(self, scope: Collections) -> set[str] | None:
        """The doc_ids of the collections in ``scope`` (None: no limit)."""
        if scope is None:
            return None
        return {doc_id for doc_id, doc in self.documents.items()
                if collection_of(doc.metadata) in scope}

    def visible(self, doc_id: str, scope: Collections) -> StoredDocument:
        """The document; 404 outside ``scope``, worded as for one not stored at all."""
        doc = self.get(doc_id)
        if scope is not None and collection_of(doc.metadata) not in scope:
            raise DocumentNotFound(f"no document {doc_id!r} is stored")
        return doc

    def versions(self, doc_ids: set[str]) -> dict[str, tuple[str, str]]:
        """doc_id -> (collection, stored hash) of stored documents, for the audit log."""
        return {d: (collection_of(self.documents[d].metadata), self.documents[d].doc_hash)
                for d in doc_ids if d in self.documents}
