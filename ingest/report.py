"""What an ingest run reports: the documents it added, updated, left, removed or failed on, the
sentences in them that address the reader, and how long it took (``ingest.pipeline``)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    # doc_id -> sentences that address the reader or the system (never quoted as answers)
    instructions: dict[str, list[str]] = field(default_factory=dict)
    reembedded: str | None = None  # why every chunk was re-embedded first, if it was
    chunks: int = 0
    embedded: int = 0  # chunks embedded and written by this run
    embed_seconds: float = 0.0  # spent chunking, embedding and writing them
    documents: int = 0
    seconds: float = 0.0

    def summary(self) -> dict[str, object]:
        """The ``--json`` object: counts of documents, chunks in the store afterwards."""
        return {
            "added": len(self.added),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "removed": len(self.removed),
            "failed": len(self.failed),
            "chunks": self.chunks,
            "embedded": self.embedded,
            "embed_seconds": round(self.embed_seconds, 3),
            "repaired": len(self.repaired),
            "skipped": len(self.skipped),
            "seconds": round(self.seconds, 3),
            "documents": self.documents,
            "failures": [{"path": p, "reason": r} for p, r in self.failed],
            "instructions": [
                {"doc_id": d, "sentences": len(found), "first": found[0]}
                for d, found in self.instructions.items()
            ],
        }
