"""Ingest at scale (issue 12): bounded batches, Chroma's batch limit, resuming after a kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.store.chroma import Store
from ingest.pipeline import ingest
from tests.conftest import ROOT, make_settings
from tests.test_ingest_interrupted import assert_consistent


def test_a_document_with_more_chunks_than_chroma_takes_at_once_ingests(tmp_path: Path) -> None:
    """Bug: "Batch size of 7047 is greater than max batch size of 5461": the whole run failed
    and stored nothing."""
    folder = tmp_path / "long"
    folder.mkdir()
    settings = make_settings(tmp_path / "data")
    limit = Store(settings).client.get_max_batch_size()
    # Every numbered measure starts a chunk of its own: short chunks, quick to embed.
    lines = [f"({n % 900 + 1}) Rule {n}." for n in range(limit + 100)]
    (folder / "register.txt").write_text("\n".join(lines) + "\n")
    report = ingest([folder], settings)
    assert report.added == ["register"], report.failed
    assert report.chunks == report.embedded == limit + 100
    record = Store(settings).get_document("register")
    assert record is not None and record.metadata["chunks"] == limit + 100


def _synthetic_corpus(folder: Path, documents: int) -> set[str]:
    folder.mkdir()
    for n in range(documents):
        paragraphs = [
            f"({p}) District {n} shall publish data set {p} of {n} by {2026 + p}. "
            f"Its budget for measure {p} is {n * 7 + p} million yuan over three years."
            for p in range(1, 4)
        ]
        (folder / f"plan-{n:03d}.txt").write_text("\n".join(paragraphs) + "\n")
    return {f"plan-{n:03d}" for n in range(documents)}


def test_killed_multi_batch_ingest_resumes_with_only_the_rest(tmp_path: Path) -> None:
    """Bug: a large ingest that stopped kept nothing; the next run embedded everything again."""
    folder = tmp_path / "plans"
    expected = _synthetic_corpus(folder, 60)  # 3 chunks each, 2 documents per batch
    settings = make_settings(tmp_path / "data")
    env = {
        **os.environ,
        "POLICYKB_DATA_DIR": str(settings.data_dir),
        "POLICYKB_INGEST_BATCH_CHUNKS": "2",
    }
    command = [sys.executable, "-m", "app.cli", "ingest", str(folder), "--json"]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 300
        # The docstore is first persisted when the first batch is complete.
        while not settings.docstore_path.exists() and time.monotonic() < deadline:
            assert process.poll() is None, "the ingest ended before it could be killed"
            time.sleep(0.02)
        time.sleep(0.5)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(30)

    kept = {d.doc_id: d.metadata["chunks"] for d in Store(settings).list_documents()}
    resumed = ingest([folder], settings)
    assert 0 < len(resumed.unchanged) < len(expected)
    assert set(resumed.unchanged) <= set(kept)
    assert set(resumed.added) == expected - set(resumed.unchanged)
    assert resumed.embedded == 3 * len(resumed.added)  # only the remainder was embedded
    assert resumed.chunks == 3 * len(expected)  # and nothing twice
    assert_consistent(settings, expected)


def test_a_store_past_sqlites_variable_limit_is_read_whole(tmp_path: Path) -> None:
    """Bug: ingest died at ~32k chunks with "too many SQL variables": reading every chunk's
    metadata in one Chroma request takes one SQL variable per chunk (SQLite allows 32,766)."""
    store = Store(make_settings(tmp_path / "data"))
    total, page = 33_000, store.client.get_max_batch_size()
    for first in range(0, total, page):
        numbers = range(first, min(total, first + page))
        store.chunks.add(
            ids=[f"register::{n:05d}" for n in numbers],
            embeddings=[[1.0, float(n)] for n in numbers],
            documents=[f"Rule {n}." for n in numbers],
            metadatas=[{"doc_id": "register", "start": n, "end": n + 1} for n in numbers],
        )
    metadata = store.chunk_metadata()
    assert len(metadata) == total and metadata["register::32999"]["start"] == 32999
    chunks = store.all_chunks()
    assert len({c.chunk_id for c in chunks}) == total
    assert store.document_chunks("register")[-1].text == "Rule 32999."
