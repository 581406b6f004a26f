"""The vectors of a few documents' chunks, kept in memory, for questions scoped to a place.

Why: at 100k chunks a Chroma query with a metadata filter (``doc_id`` in a city's documents,
or ``city`` equal) took ~70 ms on 2 cores against 2 ms unfiltered: the filter is evaluated
before the vector search. A place holds a small share of the store (a city's 3,000 chunks of
100k), so its vectors are read once and searched exactly with one matrix product (~1 ms).
Like the chunk cache, the store empties this whenever it sees that ingest changed something.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

import numpy as np

ID_SEPARATOR = "::"  # a chunk's id is "<doc_id>::<n>"
# Vectors kept over all scopes (384 floats each: 150 MB at most).
ROWS_KEPT = 100_000

Scope = frozenset[str]
# (chunk ids, their unit vectors as rows)
ScopeMatrix = tuple[list[str], np.ndarray]


class ScopeVectors:
    def __init__(self, rows_kept: int = ROWS_KEPT) -> None:
        self.rows_kept = rows_kept
        self._scopes: OrderedDict[Scope, ScopeMatrix] = OrderedDict()
        self._lock = threading.Lock()
        # Scopes being read, each with a lock its reader holds: a second thread that wants
        # the same scope (a request while the start-up warm reads it) waits, not reads again.
        self._reading: dict[Scope, threading.Lock] = {}
        # Per kept scope, each document's rows and each chunk's row, made when first asked for:
        # selecting a narrower scope then walks its documents, not every row of the wider one.
        self._doc_rows: dict[Scope, dict[str, np.ndarray]] = {}
        self._row_of: dict[Scope, dict[str, int]] = {}

    def clear(self) -> None:
        with self._lock:
            self._scopes.clear()
            self._doc_rows.clear()
            self._row_of.clear()

    @property
    def rows(self) -> int:
        with self._lock:
            return sum(len(ids) for ids, _ in self._scopes.values())

    def matrix(self, scope: Scope, read: Callable[[list[str]], ScopeMatrix]) -> ScopeMatrix:
        while True:
            with self._lock:
                found = self._scopes.get(scope)
                if found is not None:
                    self._scopes.move_to_end(scope)
                    return found
                if (wider := next((s for s in self._scopes if scope <= s), None)) is not None:
                    self._scopes.move_to_end(wider)
                    return _within(self._scopes[wider], scope, self._rows_by_doc(wider))
                pending = self._reading.get(scope)
                if pending is None:
                    pending = self._reading[scope] = threading.Lock()
                    pending.acquire()
                    break
            with pending:  # another thread is reading it: wait, then look again
                pass
        try:
            return self._read(scope, read)
        finally:
            with self._lock:
                del self._reading[scope]
            pending.release()

    def _read(self, scope: Scope, read: Callable[[list[str]], ScopeMatrix]) -> ScopeMatrix:
        ids, vectors = read(sorted(scope))
        # A scope of no stored document (the "no document" scope) reads no rows at all.
        rows = np.asarray(vectors, dtype=np.float32).reshape(len(ids), -1) if len(ids) else \
            np.zeros((0, 0), dtype=np.float32)
        found = (ids, unit_rows(rows))
        with self._lock:
            self._scopes[scope] = found
            while sum(len(i) for i, _ in self._scopes.values()) > self.rows_kept \
                    and len(self._scopes) > 1:
                evicted, _ = self._scopes.popitem(last=False)
                self._doc_rows.pop(evicted, None)
                self._row_of.pop(evicted, None)
        return found

    def _rows_by_doc(self, scope: Scope) -> dict[str, np.ndarray]:  # under the lock
        if (found := self._doc_rows.get(scope)) is None:
            by_doc: dict[str, list[int]] = {}
            for i, cid in enumerate(self._scopes[scope][0]):
                by_doc.setdefault(cid.rsplit(ID_SEPARATOR, 1)[0], []).append(i)
            found = self._doc_rows[scope] = {d: np.asarray(r, dtype=np.intp)
                                             for d, r in by_doc.items()}
        return found

    def unit_vectors(self, chunk_ids: list[str]) -> dict[str, np.ndarray]:
        """The unit vectors of those of ``chunk_ids`` a kept scope holds (no store read)."""
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for scope, (ids, rows) in self._scopes.items():
                if (row_of := self._row_of.get(scope)) is None:
                    row_of = self._row_of[scope] = {cid: i for i, cid in enumerate(ids)}
                found |= {cid: rows[row_of[cid]] for cid in chunk_ids
                          if cid in row_of and cid not in found}
        return found

    @staticmethod
    def nearest(found: ScopeMatrix, query: list[float], k: int) -> list[tuple[str, float]]:
        """The ``k`` rows nearest ``query`` by cosine, best first."""
        ids, rows = found
        if not ids:
            return []
        q = np.asarray(query, dtype=np.float32)
        cosines = row_cosines(rows, q / (np.linalg.norm(q) or 1.0))
        k = min(k, len(ids))
        # Ties (a notice stored twice has its vectors twice) go to the row read first,
        # whatever order a partition leaves them in: every row as near as the k-th competes.
        kth = np.partition(cosines, len(ids) - k)[len(ids) - k]
        best = np.flatnonzero(cosines >= kth)
        best = best[np.lexsort((best, -cosines[best]))][:k]
        return [(ids[i], float(cosines[i])) for i in best]


def unit_rows(rows: np.ndarray) -> np.ndarray:
    """``rows`` (a 2-D array) scaled to unit length, each from its own values alone."""
    norms = np.sqrt(np.einsum("ij,ij->i", rows, rows))[:, None]
    return rows / np.where(norms == 0, 1.0, norms)


def row_cosines(rows: np.ndarray, query: np.ndarray) -> np.ndarray:
    """Each unit row's cosine with the unit ``query``, summed by einsum's loop row by row.

    Why not ``rows @ query``: BLAS's matrix-vector product moved a row's last bits with the
    rows beside it, so a passage's cosine differed between a scope read anew and the same scope
    carved from a wider one an earlier question had kept (or a passage's vector read alone), and
    a near tie then went by the questions asked before (issue 23, round 43). ~0.1 ms more for
    3,000 rows."""
    return np.einsum("ij,j->i", rows, query)


def _within(found: ScopeMatrix, scope: Scope, doc_rows: dict[str, np.ndarray]) -> ScopeMatrix:
    """The rows of ``found`` whose documents are in ``scope``, in their order: Chroma reads a
    scope's rows in the store's own order, so these are the rows, in the order, that reading
    ``scope`` gives (a question's scope is its places' documents in force, rarely one read
    before: realzh-dev's questions read ~1 in 3 anew, ~30 ms each)."""
    ids, rows = found
    picked = [doc_rows[doc] for doc in scope if doc in doc_rows]  # ``doc_rows``: of ``found``
    kept = np.sort(np.concatenate(picked)) if picked else np.empty(0, dtype=np.intp)
    return [ids[i] for i in kept], rows[kept]
