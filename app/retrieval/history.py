"""The operations on document versions the API and the page share (thin over
``app.store.history``), read under the same lock as every request."""

from __future__ import annotations

from dataclasses import dataclass

from app.models import VersionDiff, VersionList, VersionText
from app.retrieval.catalog import Catalog
from app.retrieval.freshness import StoreWatch
from app.store.chroma import Store
from app.store.history import diff, history, version_text
from app.store.records import StoredDocument, version_id


@dataclass
class DocumentHistory:
    store: Store
    catalog: Catalog
    watch: StoreWatch

    def _current(self, doc_id: str) -> tuple[StoredDocument | None, str]:
        current = self.catalog.documents.get(doc_id)
        return current, self.catalog.text(doc_id) if current else ""

    def versions(self, doc_id: str) -> VersionList:
        with self.watch.reading():
            current, text = self._current(doc_id)
            validity = self.catalog.info(doc_id)["validity"] if current else None
            return history(doc_id, current, text, validity, self.store.versions)

    def version(self, doc_id: str, version: str) -> VersionText:
        with self.watch.reading():
            return version_text(doc_id, version, *self._current(doc_id), self.store.versions)

    def diff(self, doc_id: str, old: str, new: str | None) -> VersionDiff:
        """``old`` against ``new`` (default: the current version)."""
        with self.watch.reading():
            newer = new or version_id(self.catalog.get(doc_id).metadata) or ""
            current = self._current(doc_id)
            return diff(doc_id, version_text(doc_id, old, *current, self.store.versions),
                        version_text(doc_id, newer, *current, self.store.versions))
