"""Ingest files into the store: load -> clean -> chunk -> embed -> Chroma, then BM25.

llama-index's ``IngestionPipeline`` with a persisted docstore and the ``UPSERTS`` strategy does
the dedup: an unchanged document (same text and metadata hash) is skipped, a changed one has its
old chunks deleted from Chroma before the new ones are added. ``UPSERTS_AND_DELETE`` is not used
because it would delete every document absent from *this* run, including those ingested from
other paths; pruning is done here per ingested directory instead.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from llama_index.core import Document
from llama_index.core.ingestion import DocstoreStrategy, IngestionPipeline
from llama_index.core.storage.docstore import SimpleDocumentStore

from app.errors import IngestError
from app.settings import Settings
from app.store.bm25 import build_index, fingerprint, stored_fingerprint
from app.store.chroma import Store
from app.store.embedding import embedding_dimension, identity, load_embedding
from ingest.chunking import PolicyStructureParser, encode_pages
from ingest.consistency import purge, repair
from ingest.isolation import load_isolated
from ingest.reembed import ensure_store_model, sync_extra_vectors
from ingest.sources import SourceFile, discover

# Bump when chunking changes, so that re-ingesting re-chunks every document.
PIPELINE_VERSION = "1"


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    reembedded: str | None = None  # why every chunk was re-embedded first, if it was
    chunks: int = 0
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
            "seconds": round(self.seconds, 3),
            "documents": self.documents,
            "failures": [{"path": p, "reason": r} for p, r in self.failed],
        }


def open_docstore(settings: Settings) -> SimpleDocumentStore:
    path = settings.docstore_path
    if path.exists():
        return SimpleDocumentStore.from_persist_path(str(path))
    return SimpleDocumentStore()


def _persist(docstore: SimpleDocumentStore, settings: Settings) -> None:
    # Write then rename: a kill mid-write must not leave a truncated docstore.
    tmp = settings.docstore_path.with_suffix(".json.tmp")
    docstore.persist(str(tmp))
    tmp.replace(settings.docstore_path)


def _document(source: SourceFile, text: str, pages: list[tuple[int, int, int]]) -> Document:
    meta = {"doc_id": source.doc_id, **source.metadata, "pipeline_version": PIPELINE_VERSION}
    if "title" not in meta:
        first_line = text.split("\n", 1)[0].strip()
        meta["title"] = first_line[:120] or source.doc_id
    if pages:
        meta["pages"] = encode_pages(pages)
    # Sorted keys: the hash covers str(metadata), which must not depend on field order.
    return Document(id_=source.doc_id, text=text, metadata=dict(sorted(meta.items())))


def ingest(
    paths: list[Path], settings: Settings, *, prune: bool = True, progress: bool = False
) -> IngestReport:
    began = time.perf_counter()
    report = IngestReport()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    store = Store(settings)
    model = load_embedding(settings)
    report.reembedded = ensure_store_model(
        store, model, identity(settings, embedding_dimension(model))
    )
    docstore = open_docstore(settings)
    report.repaired = repair(store, docstore)

    found = discover(paths)
    report.failed.extend(found.failures)
    report.skipped = found.skipped
    sources = {s.path: s for s in found.files}
    documents: list[tuple[SourceFile, Document]] = []
    for path, outcome in load_isolated(list(sources), settings.ingest.file_timeout_s):
        if isinstance(outcome, IngestError):
            report.failed.append((str(path), outcome.message))
        else:
            documents.append((sources[path], _document(sources[path], outcome.text, outcome.pages)))

    changed: list[tuple[SourceFile, Document]] = []
    for source, doc in documents:
        known = docstore.get_document_hash(source.doc_id)
        if known == doc.hash:
            report.unchanged.append(source.doc_id)
            continue
        (report.added if known is None else report.updated).append(source.doc_id)
        changed.append((source, doc))

    if changed:
        pipeline = IngestionPipeline(
            transformations=[
                PolicyStructureParser(max_chars=settings.ingest.chunk_max_chars),
                model,
            ],
            vector_store=store.vector_store,
            docstore=docstore,
            docstore_strategy=DocstoreStrategy.UPSERTS,
        )
        nodes = pipeline.run(
            documents=[d for _, d in changed], show_progress=progress, store_doc_text=False
        )
        counts: dict[str, int] = {}
        for node in nodes:
            counts[node.ref_doc_id or ""] = counts.get(node.ref_doc_id or "", 0) + 1
        for source, doc in changed:
            record = {k: v for k, v in doc.metadata.items() if k != "pages"}
            record.update(
                doc_hash=doc.hash, chunks=counts.get(source.doc_id, 0), source=str(source.path)
            )
            store.put_document(source.doc_id, doc.text, record)

    if prune:
        report.removed = _prune(
            store, docstore, found.directories, present={s.doc_id for s in found.files}
        )
    _persist(docstore, settings)
    if settings.embedding.extra:
        extra = load_embedding(settings, settings.embedding.extra)
        sync_extra_vectors(
            store, extra, identity(settings, embedding_dimension(extra), settings.embedding.extra)
        )
    refresh_lexical_index(store, settings)
    report.chunks = store.chunk_count()
    report.documents = store.document_count()
    report.seconds = time.perf_counter() - began
    return report


def _prune(
    store: Store, docstore: SimpleDocumentStore, directories: list[Path], present: set[str]
) -> list[str]:
    """Remove documents whose file came from an ingested directory and is gone from it."""
    removed: list[str] = []
    for doc in store.list_documents():
        source = Path(str(doc.metadata.get("source", "")))
        if doc.doc_id in present or source.parent not in directories or source.exists():
            continue
        purge(store, docstore, doc.doc_id)
        removed.append(doc.doc_id)
    return removed


def delete_document(doc_id: str, settings: Settings) -> bool:
    """Remove one document entirely; False when it was not stored."""
    store = Store(settings)
    docstore = open_docstore(settings)
    existed = store.get_document(doc_id) is not None
    if existed:
        purge(store, docstore, doc_id)
        _persist(docstore, settings)
        refresh_lexical_index(store, settings)
    return existed


def refresh_lexical_index(store: Store, settings: Settings) -> None:
    """Rebuild the BM25 index when the chunks it covers have changed."""
    metadata = store.chunk_metadata()
    current = fingerprint({cid: str(m.get("doc_hash")) for cid, m in metadata.items()})
    if stored_fingerprint(settings.bm25_dir) != current:
        build_index(store.all_chunks(), settings.bm25_dir, current)
