"""Ingest files into the store: load -> clean -> chunk -> embed -> Chroma, then BM25.

One writer at a time (``ingest.lock``). Files are parsed one by one in a worker process; each
changed document goes to ``ingest.batches``, which embeds and writes bounded batches with
llama-index's ``IngestionPipeline`` (persisted docstore, ``UPSERTS`` strategy): an unchanged
document (same text and metadata hash) is skipped, a changed one has its old chunks deleted
from Chroma before the new ones are added. A doc_id belongs to the file it was first ingested
from (its record's ``source``): another file claiming it fails unless ``replace``.
``UPSERTS_AND_DELETE`` is not used because it would delete every document absent from *this*
run, including those ingested from other paths; pruning is done here per ingested directory.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from llama_index.core import Document
from llama_index.core.storage.docstore import SimpleDocumentStore

from app.accounts.principal import check_collection_name
from app.addressing import instruction_sentences
from app.errors import IngestError
from app.retrieval.placing import PLACE_KEYS, place_fields
from app.settings import Settings
from app.store.bm25 import stored_fingerprint
from app.store.bm25_build import build_index, fingerprint
from app.store.chroma import Store
from app.store.embedding import identity, load_embedding
from app.store.query_encoder import embedding_dimension
from ingest.batches import BatchWriter, Progress
from ingest.chunking import encode_pages
from ingest.consistency import purge, repair
from ingest.document_facts import document_facts
from ingest.isolation import load_isolated
from ingest.loaders import LoadedText
from ingest.lock import writer_lock
from ingest.manifest import VALIDITY_KEYS
from ingest.reembed import ensure_store_model
from ingest.report import IngestReport
from ingest.sources import SourceFile, discover, display
from ingest.validity import detect

# Bump when chunking changes, so that re-ingesting re-chunks every document.
PIPELINE_VERSION = "15"  # 15: the gazetteer's grouping rows (省直辖行政区划) place no document


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


def _document(source: SourceFile, loaded: LoadedText) -> Document:
    text = loaded.text
    # What the text says about itself (title, issuer, date, 发文字号, language); a manifest wins.
    meta = {**document_facts(text), "doc_id": source.doc_id, **source.metadata,
            "pipeline_version": PIPELINE_VERSION}
    if "title" not in meta:
        first_line = text.split("\n", 1)[0].strip()
        meta["title"] = first_line[:120] or source.doc_id
    if not any(key in meta for key in PLACE_KEYS):  # a manifest's place wins whole
        meta.update(place_fields(text, title=meta.get("title"), issuer=meta.get("issuer")))
    if loaded.pages:
        meta["pages"] = encode_pages(loaded.pages)
    if loaded.headings:
        meta["headings"] = encode_pages(loaded.headings)
    if not VALIDITY_KEYS & meta.keys():  # a manifest's validity wins over the text's
        stated = detect(text, str(meta["title"]), meta.get("issued") or meta.get("published"))
        meta.update(stated, **({"validity_source": "text"} if stated else {}))
    elif meta.get("issued") is None and meta.get("published"):
        meta["issued"] = meta["published"]
    # Sorted keys: the hash covers str(metadata), which must not depend on field order.
    return Document(id_=source.doc_id, text=text, metadata=dict(sorted(meta.items())))


def ingest(
    paths: list[Path],
    settings: Settings,
    *,
    prune: bool = True,
    progress: bool = False,
    replace: bool = False,
    collection: str | None = None,
) -> IngestReport:
    """Ingest ``paths``; ``replace`` lets a file take over a doc_id another file holds;
    ``collection`` puts every file's document in that collection (else its manifest's, else
    the default one)."""
    if collection is not None:
        check_collection_name(collection)
    with writer_lock(settings.data_dir, settings.ingest.lock_wait_s):
        return _ingest(paths, settings, prune=prune, progress=progress, replace=replace,
                       collection=collection)


def _ingest(
    paths: list[Path], settings: Settings, *, prune: bool, progress: bool, replace: bool,
    collection: str | None = None,
) -> IngestReport:
    began = time.perf_counter()
    report = IngestReport()
    store = Store(settings)
    model = load_embedding(settings)
    report.reembedded = ensure_store_model(
        store, model, identity(settings, embedding_dimension(model))
    )
    docstore = open_docstore(settings)
    # One read of every chunk's metadata serves the repair and, when this run changes
    # nothing, the BM25 index's check (~20 s a read at 100k chunks).
    metadata = store.chunk_metadata()
    report.repaired = repair(store, docstore, metadata)

    found = discover(paths)
    if collection is not None:
        for source in found.files:
            source.metadata["collection"] = collection
    report.failed.extend(found.failures)
    report.skipped = found.skipped
    owners = {d.doc_id: str(d.metadata.get("source") or "") for d in store.list_documents()}
    sources = {s.path: s for s in found.files}
    loadable = [s.path for s in found.files if _within_size(s, settings, report)]
    with Progress(len(found.files), enabled=progress) as bar:
        bar.advance(len(found.files) - len(loadable))
        writer = BatchWriter(store, docstore, settings, lambda: _persist(docstore, settings), bar,
                             model)
        for path, outcome in load_isolated(loadable, settings.ingest.file_timeout_s):
            source = sources[path]
            if isinstance(outcome, IngestError):
                report.failed.append((display(path), outcome.message))
                bar.advance()
                continue
            doc = _document(source, outcome)
            if found_instructions := instruction_sentences(outcome.text):
                report.instructions[source.doc_id] = found_instructions
            known = docstore.get_document_hash(source.doc_id)
            owner = owners.get(source.doc_id)
            if known == doc.hash:
                report.unchanged.append(source.doc_id)
            elif owner and owner != str(source.path) and not replace:
                report.failed.append((display(path), _owned_by(source.doc_id, owner)))
            else:
                (report.added if known is None else report.updated).append(source.doc_id)
                writer.add(source, doc)
                continue
            bar.advance()
        writer.flush()
    report.embedded, report.embed_seconds = writer.embedded, bar.busy_s

    if prune:
        report.removed = _prune(
            store, docstore, found.directories, present={s.doc_id for s in found.files}
        )
    _persist(docstore, settings)
    changed = (report.reembedded or report.repaired or report.added or report.updated
               or report.removed)
    refresh_lexical_index(store, settings, None if changed else metadata)
    report.chunks = store.chunk_count()
    report.documents = store.document_count()
    report.seconds = time.perf_counter() - began
    return report


def _within_size(source: SourceFile, settings: Settings, report: IngestReport) -> bool:
    """False (and the file failed) when it is over ingest.max_file_mb: checked before reading."""
    limit_mb = settings.ingest.max_file_mb
    try:
        size = source.path.stat().st_size
    except OSError as exc:
        report.failed.append((display(source.path), f"cannot be read ({exc.strerror})"))
        return False
    if size <= limit_mb * 1024 * 1024:
        return True
    report.failed.append(
        (
            display(source.path),
            f"file is {size / 1024 / 1024:.1f} MB, over the {limit_mb:g} MB limit "
            "(POLICYKB_INGEST_MAX_FILE_MB); not read",
        )
    )
    return False


def _owned_by(doc_id: str, owner: str) -> str:
    return (
        f"doc_id {doc_id!r} belongs to {owner}; refusing to replace that document with this "
        "file (rename it or change its manifest doc_id, or pass --replace to replace it)"
    )


def _prune(
    store: Store, docstore: SimpleDocumentStore, directories: list[Path], present: set[str]
) -> list[str]:
    """Remove documents whose file came from an ingested directory and is gone from it."""
    removed: list[str] = []
    for doc in store.list_documents():
        source = Path(str(doc.metadata.get("source", "")))
        if doc.doc_id in present or source.parent not in directories or source.exists():
            continue
        purge(store, docstore, doc.doc_id)  # its earlier versions stay: answers cited them
        removed.append(doc.doc_id)
    return removed


@dataclass(frozen=True)
class Deleted:
    """What ``delete_document`` removed: the current version, and how many earlier ones."""

    current: bool
    earlier: int

    def __bool__(self) -> bool:
        return self.current or self.earlier > 0


def delete_document(doc_id: str, settings: Settings, keep_versions: bool = False) -> Deleted:
    """Remove one document with its earlier versions (unless ``keep_versions``)."""
    with writer_lock(settings.data_dir, settings.ingest.lock_wait_s):
        return _delete_document(doc_id, settings, keep_versions)


def _delete_document(doc_id: str, settings: Settings, keep_versions: bool) -> Deleted:
    store = Store(settings)
    docstore = open_docstore(settings)
    existed = store.get_document(doc_id) is not None
    earlier = 0 if keep_versions else store.versions.delete_all(doc_id)
    if existed:
        purge(store, docstore, doc_id)
        _persist(docstore, settings)
        refresh_lexical_index(store, settings)
    return Deleted(existed, earlier)


def refresh_lexical_index(store: Store, settings: Settings,
                          metadata: dict[str, dict[str, Any]] | None = None) -> None:
    """Rebuild the BM25 index when the chunks it covers have changed. ``metadata``: the
    store's chunk metadata, current, when the caller has it (it then decides whether to
    rebuild); without it the chunks are read once, for the check and the rebuild alike."""
    if metadata is not None:
        current = fingerprint({cid: str(m.get("doc_hash")) for cid, m in metadata.items()})
        if stored_fingerprint(settings.bm25_dir) != current:
            build_index(store.all_chunks(), settings.bm25_dir, current)
        return
    chunks = store.all_chunks()
    current = fingerprint({c.chunk_id: str(c.metadata.get("doc_hash")) for c in chunks})
    if stored_fingerprint(settings.bm25_dir) != current:
        build_index(chunks, settings.bm25_dir, current)
