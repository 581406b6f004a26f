"""Two writers at once (issue 14, item 2): serialized by the data directory's lock."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from app.store.chroma import Store
from ingest.lock import LOCK_FILE
from ingest.pipeline import ingest
from tests.conftest import CORPUS, ROOT, make_settings


def _copies(target: Path, tag: str, copies: int) -> set[str]:
    target.mkdir()
    for copy in range(copies):
        for source in CORPUS.glob("*.txt"):
            shutil.copy(source, target / f"{source.stem}-{tag}{copy}.txt")
    return {p.stem for p in target.glob("*.txt")}


def test_second_writer_is_refused_or_waits_and_never_undoes_the_first(tmp_path: Path) -> None:
    """Bug: `ingest dirA & ingest dirB` both exited 0, then the next run "repaired" (purged)
    20 of their documents: each writer persisted its own docstore over the other's."""
    settings = make_settings(tmp_path / "data")
    settings.data_dir.mkdir()
    lock = settings.data_dir / LOCK_FILE
    lock.write_text("999999\n")  # left by a writer that died: must not block anyone
    first = _copies(tmp_path / "a", "a", 4)
    second = _copies(tmp_path / "b", "b", 1)
    env = {**os.environ, "POLICYKB_DATA_DIR": str(settings.data_dir)}

    def start(folder: Path, wait_s: int) -> subprocess.Popen[str]:
        command = [sys.executable, "-m", "app.cli", "ingest", str(folder)]
        return subprocess.Popen(
            command,
            cwd=ROOT,
            env={**env, "POLICYKB_INGEST_LOCK_WAIT_S": str(wait_s)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    holder = start(tmp_path / "a", 0)
    deadline = time.monotonic() + 120
    while lock.read_text().strip() != str(holder.pid) and time.monotonic() < deadline:
        assert holder.poll() is None, holder.communicate()
        time.sleep(0.05)
    impatient = start(tmp_path / "b", 0)
    patient = start(tmp_path / "b", 600)
    _, refused = impatient.communicate(timeout=300)
    assert holder.poll() is None, "the first ingest ended before the second tried the lock"
    assert impatient.returncode == 1
    assert refused.strip().splitlines() == [
        f"policykb: error: another ingest is running (pid {holder.pid}) on {settings.data_dir}; "
        "try again when it has finished, or set POLICYKB_INGEST_LOCK_WAIT_S to wait for it"
    ]
    assert holder.wait(600) == 0 and patient.wait(600) == 0, patient.communicate()

    store = Store(settings)
    assert {d.doc_id for d in store.list_documents()} == first | second
    again = ingest([tmp_path / "a", tmp_path / "b"], settings)
    assert (again.repaired, again.added, again.updated) == ([], [], [])
    assert len(again.unchanged) == len(first | second)
