"""Interrupted ingestion leaves a store that the next run makes whole again."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.settings import Settings
from app.store.bm25 import stored_fingerprint
from app.store.bm25_build import fingerprint
from app.store.chroma import Store
from ingest.pipeline import ingest, open_docstore
from tests.conftest import CORPUS, HAIZHU, ROOT, ZHANJIANG, make_settings


def assert_consistent(settings: Settings, expected: set[str]) -> None:
    store = Store(settings)
    records = {d.doc_id: d for d in store.list_documents()}
    assert set(records) == expected
    chunks = store.all_chunks()
    assert {c.doc_id for c in chunks} == expected  # no orphans
    docstore = open_docstore(settings)
    for doc_id, record in records.items():
        full = store.get_document(doc_id)
        assert full is not None
        mine = [c for c in chunks if c.doc_id == doc_id]
        assert len(mine) == record.metadata["chunks"] > 0
        assert all(c.metadata["doc_hash"] == record.doc_hash for c in mine)
        assert all(full.text[c.start : c.end] == c.text for c in mine)
        assert docstore.get_document_hash(doc_id) == record.doc_hash
    current = fingerprint({c.chunk_id: str(c.metadata["doc_hash"]) for c in chunks})
    assert stored_fingerprint(settings.bm25_dir) == current


def test_repair_purges_half_written_documents(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for doc_id in (HAIZHU, ZHANJIANG):
        shutil.copy(CORPUS / f"{doc_id}.txt", corpus)
    settings = make_settings(tmp_path / "data")
    ingest([corpus], settings)
    store = Store(settings)
    # Killed after the chunks, before the record: chunks without a record.
    store.documents.delete(ids=[HAIZHU])
    # Killed mid-update: the record still describes another version.
    record = store.get_document(ZHANJIANG)
    assert record is not None
    store.put_document(ZHANJIANG, record.text, {**record.metadata, "doc_hash": "stale"})
    # A document whose file is gone left chunks behind.
    store.chunks.upsert(
        ids=["ghost::0000"],
        documents=["ghost"],
        embeddings=[[0.1] * 384],
        metadatas=[
            {"doc_id": "ghost", "document_id": "ghost", "start": 0, "end": 5, "doc_hash": "x"}
        ],
    )
    report = ingest([corpus], settings)
    assert sorted(report.repaired) == sorted(["ghost", HAIZHU, ZHANJIANG])
    assert sorted(report.added) == sorted([HAIZHU, ZHANJIANG])
    assert_consistent(settings, {HAIZHU, ZHANJIANG})


def _chroma_state(chroma_dir: Path) -> tuple[int, int]:
    files = [Path(d) / f for d, _, names in os.walk(chroma_dir) for f in names]
    stats = [f.stat() for f in files if f.exists()]
    return sum(s.st_size for s in stats), max((s.st_mtime_ns for s in stats), default=0)


def _wait_for(condition: object, process: subprocess.Popen[bytes], limit: float = 120) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and process.poll() is None:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.01)
    return False


def _run_and_kill(
    command: list[str], env: dict[str, str], chroma_dir: Path, after_first_write: float | None
) -> None:
    """Kill the ingest while it embeds (None) or this long after it starts writing chunks."""
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        sqlite = chroma_dir / "chroma.sqlite3"
        assert _wait_for(sqlite.exists, process)
        time.sleep(1.0)  # collections are created; the long embedding phase follows
        baseline = _chroma_state(chroma_dir)
        if after_first_write is not None:
            assert _wait_for(lambda: _chroma_state(chroma_dir) != baseline, process)
            time.sleep(after_first_write)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(30)


def test_killed_ingest_then_rerun_is_consistent(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for copy in range(3):  # 15 documents, 261 chunks: several write batches
        for source in CORPUS.glob("*.txt"):
            shutil.copy(source, corpus / f"{source.stem}-{copy}.txt")
    expected = {p.stem for p in corpus.glob("*.txt")}
    settings = make_settings(tmp_path / "data")
    env = {**os.environ, "POLICYKB_DATA_DIR": str(settings.data_dir)}
    command = [sys.executable, "-m", "app.cli", "ingest", str(corpus), "--json"]
    # While embedding; right as chunks are written; amid the document records.
    for after_first_write in (None, 0.0, 0.3):
        _run_and_kill(command, env, settings.chroma_dir, after_first_write)
    ingest([corpus], settings)
    assert_consistent(settings, expected)
    again = ingest([corpus], settings)
    assert (again.added, again.updated, again.repaired) == ([], [], [])
