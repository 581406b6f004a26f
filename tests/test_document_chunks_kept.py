"""A document's chunks are kept across questions (perf51: eval dev read 9 of its 14 documents
again from Chroma, each for a question after the first reaching it), and never outlive the
store's change: an ingest seen by the store (``Store.reopen``, as ``StoreWatch`` calls it) and a
delete give the chunks as stored now."""

from __future__ import annotations

import shutil
from pathlib import Path

from app.store.chroma import Store
from ingest.pipeline import ingest
from tests.conftest import CORPUS, HAIZHU, ZHANJIANG, make_settings


def test_a_documents_chunks_are_kept_until_ingest_or_delete_changes_them(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for doc_id in (HAIZHU, ZHANJIANG):
        shutil.copy(CORPUS / f"{doc_id}.txt", corpus)
    shutil.copy(CORPUS / "manifest.json", corpus)
    settings = make_settings(tmp_path / "data")
    ingest([corpus], settings)
    store = Store(settings)

    first = store.document_chunks(HAIZHU)
    assert first and [c.start for c in first] == sorted(c.start for c in first)
    assert {c.doc_id for c in first} == {HAIZHU}
    first.clear()  # a caller's list is its own: the kept one is untouched
    again = store.document_chunks(HAIZHU)
    assert again and again == store._read_document_chunks(HAIZHU)
    assert again[0] is store.document_chunks(HAIZHU)[0]  # kept, not read again

    # Updated by ingest: once the store sees it, the new text is read.
    path = corpus / f"{HAIZHU}.txt"
    path.write_text("The bureau will open a second office in Pazhou in 2026.\n"
                    + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert ingest([corpus], settings).updated == [HAIZHU]
    store.reopen()
    updated = store.document_chunks(HAIZHU)
    assert any("second office in Pazhou" in c.text for c in updated)
    assert not any("second office in Pazhou" in c.text for c in again)

    # Deleted: no chunk of it is left.
    assert store.document_chunks(ZHANJIANG)
    store.delete_document(ZHANJIANG)
    assert store.document_chunks(ZHANJIANG) == []
    assert store.document_chunks(HAIZHU) == updated
