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
from app.store.records import StoredDocument
from app.store.validity import Validity, resolve, validity_info


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
