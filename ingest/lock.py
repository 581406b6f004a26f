"""One writer at a time: an exclusive lock on ``DATA_DIR/ingest.lock`` around every write.

Two ingests at once each persisted their own docstore, so the last one to finish dropped the
other's hashes and the next run "repaired" (purged) its documents. Every writer (ingest,
delete) therefore holds an OS file lock (``flock``) for its whole run. The kernel releases it
when the holder exits, even by ``kill -9``, so a stale lock can never block anyone: the pid
written into the file only tells the next writer who is busy.

The lock covers writers that share the data directory (the docstore and BM25 index live
there); two machines writing to one Chroma server each need their own single writer.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

from app.errors import StoreBusy

LOCK_FILE = "ingest.lock"
_POLL_S = 0.2


def _holder(handle_path: Path) -> str:
    try:
        pid = handle_path.read_text().strip()
    except OSError:
        pid = ""
    return f"pid {pid}" if pid.isdigit() else "pid unknown"


@contextlib.contextmanager
def writer_lock(data_dir: Path, wait_s: float = 0.0) -> Iterator[None]:
    """Hold the data directory's writer lock; wait up to ``wait_s`` seconds, then fail."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / LOCK_FILE
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    waited = f" (waited {wait_s:g} s)" if wait_s else ""
                    raise StoreBusy(
                        f"another ingest is running ({_holder(path)}) on {data_dir}{waited}; "
                        "try again when it has finished, or set POLICYKB_INGEST_LOCK_WAIT_S "
                        "to wait for it"
                    ) from None
                time.sleep(_POLL_S)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
