"""The chunks the service has read, kept by id, so a query asks Chroma for ids alone.

Why: at 10k chunks a Chroma query that returns 30 chunks' documents and metadata took 15.5 ms,
the same query for ids and distances 1.7 ms (the metadata rows dominate). Questions keep
meeting the same passages, so their chunks are kept (least recently used go first) and only
the ones never seen are fetched. Chunk ids name a place in a document, not its text, so the
store empties the cache whenever it sees that ingest changed something (``Store.reopen``).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence

from app.store.records import Chunk

# About 2 KB a chunk (text and metadata): some 40 MB at most.
CHUNKS_KEPT = 20_000
# Chunks kept in whole documents' lists (``document``): some 10 MB more at most.
DOCUMENT_CHUNKS_KEPT = 5_000


class ChunkCache:
    def __init__(self, limit: int = CHUNKS_KEPT) -> None:
        self.limit = limit
        self._chunks: OrderedDict[str, Chunk] = OrderedDict()
        self._documents: OrderedDict[str, tuple[Chunk, ...]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._chunks)

    def clear(self) -> None:
        with self._lock:
            self._chunks.clear()
            self._documents.clear()

    def document(self, doc_id: str, fetch: Callable[[str], list[Chunk]]) -> list[Chunk]:
        """Every chunk of ``doc_id`` (``fetch``-ed once until ``clear``): a document's closing,
        fields and neighbours were read from Chroma again by each question reaching it (9 of 14
        reads of eval dev's repeated an earlier question's). A list of its own to each caller."""
        with self._lock:
            if (kept := self._documents.get(doc_id)) is not None:
                self._documents.move_to_end(doc_id)
                return list(kept)
        chunks = fetch(doc_id)
        with self._lock:
            self._documents[doc_id] = tuple(chunks)
            while sum(map(len, self._documents.values())) > DOCUMENT_CHUNKS_KEPT \
                    and len(self._documents) > 1:
                self._documents.popitem(last=False)
        return chunks

    def get_many(
        self, chunk_ids: Sequence[str], fetch: Callable[[list[str]], dict[str, Chunk]]
    ) -> dict[str, Chunk]:
        """The chunks of ``chunk_ids`` that exist, fetching those not kept with ``fetch``."""
        found: dict[str, Chunk] = {}
        with self._lock:
            for cid in chunk_ids:
                chunk = self._chunks.get(cid)
                if chunk is not None:
                    self._chunks.move_to_end(cid)
                    found[cid] = chunk
        missing = [cid for cid in dict.fromkeys(chunk_ids) if cid not in found]
        if missing:
            fetched = fetch(missing)
            found.update(fetched)
            with self._lock:
                self._chunks.update(fetched)
                while len(self._chunks) > self.limit:
                    self._chunks.popitem(last=False)
        return found

    def keep(self, chunks: Sequence[Chunk]) -> None:
        """Keep ``chunks`` read ahead of the questions (the service's warm), up to the limit."""
        with self._lock:
            self._chunks.update((c.chunk_id, c) for c in chunks[:self.limit])
            while len(self._chunks) > self.limit:
                self._chunks.popitem(last=False)
