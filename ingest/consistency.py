"""Repair what an interrupted ingest left behind, before anything else is written.

Write order makes every interruption detectable:
- ingest writes a document's chunks, then its record (with the document hash and chunk count),
  then persists the pipeline's docstore;
- delete removes the record first, then the chunks, then the docstore entry.
So a document is complete exactly when its record exists, the docstore holds the same hash, and
its chunks are all of that version and as many as the record says. Anything else is purged
(chunks, record, docstore entry) and will be ingested again from its file.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from llama_index.core.storage.docstore import BaseDocumentStore

from app.store.chroma import Store


def purge(store: Store, docstore: BaseDocumentStore, doc_id: str) -> None:
    """Remove a document's current version everywhere, in the order that keeps a crash
    repairable; its earlier versions (``app.store.versions``) stay."""
    store.delete_document(doc_id)
    docstore.delete_ref_doc(doc_id, raise_error=False)
    docstore.delete_document(doc_id, raise_error=False)  # also drops its hash


def repair(store: Store, docstore: BaseDocumentStore,
           metadata: dict[str, dict[str, Any]] | None = None) -> list[str]:
    """Purge every incomplete document; return their ids. ``metadata`` is the store's chunk
    metadata when the caller has read it (at 100k chunks a read takes ~20 s)."""
    records = {d.doc_id: d for d in store.list_documents()}
    chunk_hashes: dict[str, list[str]] = defaultdict(list)
    for meta in (store.chunk_metadata() if metadata is None else metadata).values():
        chunk_hashes[str(meta.get("doc_id"))].append(str(meta.get("doc_hash")))
    known = set(records) | set(chunk_hashes) | set(docstore.get_all_document_hashes().values())
    broken: list[str] = []
    for doc_id in sorted(known):
        record = records.get(doc_id)
        hashes = chunk_hashes.get(doc_id, [])
        complete = (
            record is not None
            and docstore.get_document_hash(doc_id) == record.doc_hash
            and len(hashes) == int(record.metadata.get("chunks", -1))
            and all(h == record.doc_hash for h in hashes)
        )
        if not complete:
            purge(store, docstore, doc_id)
            broken.append(doc_id)
    return broken
