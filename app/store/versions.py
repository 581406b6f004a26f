"""Earlier versions of documents, kept whole so an old citation still opens what it quoted.

``<prefix>_versions`` holds one record per superseded text of a document (id
``doc_id@version``): the text its chunks' offsets pointed into and the metadata it had. The
current version stays in ``<prefix>_documents``; ingest moves it here before writing a changed
text (``archive``), and nothing but deleting the document removes it. Old versions are not
searched: they are there to be opened and compared (``app.store.diff``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from chromadb.api.models.Collection import Collection

from app.store.metadata import clean_metadata
from app.store.records import StoredDocument, version_id


def text_version(text: str) -> str:
    """A version's id: the hash of its text, so a manifest edit alone makes no new version."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class ArchivedVersion:
    doc_id: str
    version: str
    metadata: dict[str, Any]
    text: str


class VersionArchive:
    """The versions collection, behind names of what it means."""

    def __init__(self, collection: Collection) -> None:
        self.collection = collection

    def archive(self, current: StoredDocument, replacing_with: str) -> bool:
        """Keep ``current`` before a text of version ``replacing_with`` takes its place; False
        when that is the same text (nothing to keep). A text that comes back leaves the
        archive: it is the current version again."""
        version = version_id(current.metadata)
        if version is None or version == replacing_with:
            return False
        meta = {k: v for k, v in current.metadata.items() if v is not None}
        meta.update(doc_id=current.doc_id, version=version, chars=len(current.text))
        self.collection.upsert(ids=[f"{current.doc_id}@{version}"], documents=[current.text],
                               metadatas=[meta], embeddings=[[1.0]])  # type: ignore[arg-type]
        self.collection.delete(ids=[f"{current.doc_id}@{replacing_with}"])
        return True

    def list(self, doc_id: str) -> list[ArchivedVersion]:
        """The earlier versions of ``doc_id``, newest first (metadata only)."""
        got = self.collection.get(where={"doc_id": doc_id}, include=["metadatas"])
        found = [
            ArchivedVersion(doc_id, str(m.get("version")), clean_metadata(rid, dict(m)), "")
            for rid, m in zip(got["ids"], got["metadatas"] or [], strict=True)
            if m is not None
        ]
        return sorted(found, key=lambda v: str(v.metadata.get("ingested") or ""), reverse=True)

    def get(self, doc_id: str, version: str) -> ArchivedVersion | None:
        record_id = f"{doc_id}@{version}"
        got = self.collection.get(ids=[record_id], include=["metadatas", "documents"])
        if not got["ids"]:
            return None
        meta = dict((got["metadatas"] or [{}])[0] or {})
        return ArchivedVersion(doc_id, version, clean_metadata(record_id, meta),
                               (got["documents"] or [""])[0] or "")

    def count(self, doc_id: str) -> int:
        return len(self.collection.get(where={"doc_id": doc_id}, include=[])["ids"])

    def delete_all(self, doc_id: str) -> int:
        """Remove every earlier version of ``doc_id``; how many there were."""
        held = self.count(doc_id)
        if held:
            self.collection.delete(where={"doc_id": doc_id})
        return held
