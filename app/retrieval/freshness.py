"""Keeping a running service current with what ingest writes from another process.

Ingest replaces the BM25 directory last, after every chunk and document record is in Chroma,
so a new fingerprint file means a finished change to the store. Requests look at it with one
``stat`` at most every ``interval_s`` seconds (no read, nothing that grows with the corpus);
when it moved, one thread reopens Chroma and reloads the catalog and the BM25 index while
requests wait, so no request sees half of the old store and half of the new.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.retrieval.catalog import Catalog
from app.store.bm25 import FINGERPRINT_FILE, LexicalIndex
from app.store.chroma import Store

Stamp = tuple[int, int, int] | None


class ReadWriteLock:
    """Many readers at once, or one writer; a waiting writer holds off new readers."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._cond:
            while self._writing or self._writers_waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                if not self._readers:
                    self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            while self._writing or self._readers:
                self._cond.wait()
            self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


def _stamp(path: Path) -> Stamp:
    try:
        st = os.stat(path)
    except OSError:
        return None
    # Ingest writes a new file and renames directories: the inode moves even if the
    # modification time's resolution would not.
    return st.st_ino, st.st_mtime_ns, st.st_size


class StoreWatch:
    """Reloads the store's in-memory views when ingest has changed it (see module doc)."""

    def __init__(self, store: Store, catalog: Catalog, lexical: LexicalIndex, bm25_dir: Path,
                 interval_s: float) -> None:
        self.store, self.catalog, self.lexical = store, catalog, lexical
        self.path = bm25_dir / FINGERPRINT_FILE
        self.interval_s = interval_s
        self.reloads = 0
        self._lock = ReadWriteLock()
        self._stamp = _stamp(self.path)
        self._checked = time.monotonic()

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Hold the current store for the duration of one operation."""
        self.check()
        with self._lock.reading():
            yield

    def check(self) -> None:
        now = time.monotonic()
        if now - self._checked < self.interval_s:
            return
        self._checked = now
        stamp = _stamp(self.path)
        if stamp == self._stamp:
            return
        with self._lock.writing():
            if stamp == self._stamp:  # another thread reloaded while this one waited
                return
            self.store.reopen()
            self.catalog.refresh()
            self.lexical.refresh()
            self._stamp = stamp
            self.reloads += 1
