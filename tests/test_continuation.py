"""The rest of a retrieved measure (app.retrieval.continuation)."""

from __future__ import annotations

from app.retrieval.continuation import next_chunk_id, with_continuations
from app.retrieval.hybrid import Hit, RetrievalResult
from app.store.records import Chunk


def _chunk(number: int, section: str, doc: str = "plan") -> Chunk:
    cid = f"{doc}::{number:04d}"
    return Chunk(cid, doc, f"text {number}", number * 10, number * 10 + 6,
                 {"doc_id": doc, "section": section})


class _Store:
    def __init__(self, *chunks: Chunk) -> None:
        self.chunks = {c.chunk_id: c for c in chunks}

    def get_chunks_cached(self, chunk_ids: list[str]) -> dict[str, Chunk]:
        return {c: self.chunks[c] for c in chunk_ids if c in self.chunks}


def test_next_chunk_id_keeps_the_numbering() -> None:
    assert next_chunk_id("doc-1::0009") == "doc-1::0010"
    assert next_chunk_id("no-number") is None


def test_a_best_passage_is_followed_by_the_rest_of_its_section_only() -> None:
    measure, other = "6. Safeguards > (16) Finance", "6. Safeguards > (17) Atmosphere"
    store = _Store(_chunk(4, measure), _chunk(5, measure), _chunk(8, other), _chunk(9, other),
                   _chunk(2, "1. Aims"), _chunk(3, measure))
    hits = [Hit(_chunk(4, measure), 0.7, 1), Hit(_chunk(2, "1. Aims"), 0.6, 2),
            Hit(_chunk(8, other), 0.5, 3)]
    read = with_continuations(RetrievalResult("q", hits), store)
    # (16)'s second chunk follows its first with the same score; the aims' next chunk is
    # another section, and the third passage is not read on.
    assert [h.chunk.chunk_id for h in read.hits] == [
        "plan::0004", "plan::0005", "plan::0002", "plan::0008"]
    assert read.hits[1].score == 0.7
