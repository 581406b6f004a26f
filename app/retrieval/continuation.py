"""The rest of a retrieved measure: a passage's next chunk when it continues the same section.

A long measure is stored as several chunks, and its closing remark ("(Responsible units: …)",
"（责任单位：…）") often lands in the last one, which shares few words with a question about the
measure's subject; ranked on its own it falls below the top passages, and "who is responsible
for it?" was then answered with another measure's units. The best passages are read whole.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from app.retrieval.hybrid import Hit, RetrievalResult
from app.store.records import Chunk

# How many of the best passages are read to the end of their section: the first few carry the
# answer; reading every hit's continuation would dilute the passages with far-off text.
READ_WHOLE = 2


class ChunkSource(Protocol):
    def get_chunks_cached(self, chunk_ids: list[str]) -> dict[str, Chunk]: ...


def next_chunk_id(chunk_id: str) -> str | None:
    """Chunk ids are ``<document node>::<number>`` (ingest.chunking), numbered in reading order."""
    head, sep, number = chunk_id.rpartition("::")
    if not sep or not number.isdigit():
        return None
    return f"{head}::{int(number) + 1:0{len(number)}d}"


def with_continuations(retrieval: RetrievalResult, store: ChunkSource) -> RetrievalResult:
    """``retrieval`` with each of its best passages followed by the chunk that continues its
    section, when that chunk is not already among the passages (same score and rank: it is the
    same passage, cut in two at ingest)."""
    best = [h for h in retrieval.hits[:READ_WHOLE] if h.chunk.section]
    wanted = {h.chunk.chunk_id: n for h in best if (n := next_chunk_id(h.chunk.chunk_id))}
    present = {h.chunk.chunk_id for h in retrieval.hits}
    found = store.get_chunks_cached([n for n in wanted.values() if n not in present])
    if not found:
        return retrieval
    hits: list[Hit] = []
    for hit in retrieval.hits:
        hits.append(hit)
        follower = found.get(wanted.get(hit.chunk.chunk_id, ""))
        if follower is not None and follower.doc_id == hit.chunk.doc_id \
                and follower.section == hit.chunk.section and hit in best:
            hits.append(replace(hit, chunk=follower))
    return replace(retrieval, hits=hits)
