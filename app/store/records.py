"""What the store hands out: a stored passage (``Chunk``) and a stored document's record
(``StoredDocument``), read defensively, since records written by older versions may hold
anything."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from app.store.metadata import clean_metadata

# The collection of a document stored without one (every store made before collections).
DEFAULT_COLLECTION = "default"


def collection_of(metadata: dict[str, Any]) -> str:
    return str(metadata.get("collection") or DEFAULT_COLLECTION)


# Metadata keys of a document record that are listed to users (the rest is bookkeeping).
DOCUMENT_FIELDS = (
    "title",
    "city",
    "district",
    "province",
    "adcode",
    "issuer",
    "doc_number",
    "kind",
    "published",
    "year",
    "language",
    "covers",
    "source",
    "official",
    "version",
)


@dataclass(frozen=True)
class Chunk:
    """One stored passage, with where it sits in its document."""

    chunk_id: str
    doc_id: str
    text: str
    start: int
    end: int
    metadata: dict[str, Any]

    @property
    def section(self) -> str:
        return str(self.metadata.get("section") or "")

    def heading_at(self, at: int) -> str:
        """The heading of this passage's section if absolute offset ``at`` opens its text: ingest
        keeps it out of the text, as the last part of ``section`` ("一、… > （二）…"); not the
        opening passage's (the document's title), nor one the text repeats (its opening words)."""
        head = self.section.rpartition(" > ")[2]
        opens = self.start > 0 and not self.text[:at - self.start].strip()
        return head if opens and head[:8] not in self.text else ""

    @property
    def page(self) -> int | None:
        page = self.metadata.get("page")
        return int(page) if page is not None else None

    @classmethod
    def from_record(cls, chunk_id: str, text: str, metadata: dict[str, Any]) -> Chunk:
        # ChromaVectorStore's own bookkeeping keys (node JSON, node type) are not metadata.
        metadata = clean_metadata(
            chunk_id, {k: v for k, v in metadata.items() if not k.startswith("_")}
        )
        return cls(
            chunk_id=chunk_id,
            doc_id=str(metadata["doc_id"]),
            text=text,
            start=int(metadata["start"]),
            end=int(metadata["end"]),
            metadata=metadata,
        )


@dataclass(frozen=True)
class StoredDocument:
    doc_id: str
    metadata: dict[str, Any]
    text: str = field(repr=False, default="")

    @property
    def info(self) -> dict[str, Any]:
        info = {key: self.metadata.get(key) for key in DOCUMENT_FIELDS}
        # Records written before manifests were validated may hold anything: show what fits.
        for key in DOCUMENT_FIELDS:
            if key not in ("year", "covers", "official") and not isinstance(info[key], str):
                info[key] = None
        if not isinstance(info["year"], int) or isinstance(info["year"], bool):
            info["year"] = None
        if not isinstance(info["official"], bool):
            info["official"] = None
        info["covers"] = _string_list(info["covers"])
        # A record stored before versions were kept: its hash names that version all the same.
        info["version"] = version_id(self.metadata)
        return {"doc_id": self.doc_id, **info, "collection": collection_of(self.metadata),
                "chunks": int(self.metadata.get("chunks", 0))}

    @property
    def doc_hash(self) -> str:
        return str(self.metadata.get("doc_hash", ""))


def version_id(metadata: dict[str, Any]) -> str | None:
    """The id of the stored version a record holds: its text's hash, as ingest recorded it."""
    version = metadata.get("version")
    if isinstance(version, str) and version:
        return version
    doc_hash = metadata.get("doc_hash")
    return doc_hash[:16] if isinstance(doc_hash, str) and doc_hash else None


def _string_list(raw: object) -> list[str] | None:
    try:
        value = json.loads(raw) if isinstance(raw, str) else None
    except ValueError:
        return None
    return value if isinstance(value, list) and all(isinstance(v, str) for v in value) else None
