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


def test_a_passage_ending_on_a_heading_or_lead_in_is_read_with_the_next() -> None:
    """Bug (round 24, realzh dev "北京市项目复工前需要做哪些防控准备？"): a passage ending on the
    heading "■复工前的防控准备工作" was quoted alone; its items, which ingest cut into the next
    passage under a section of their own, were never read. A passage ending in a sentence is not
    read on into another section."""
    def chunk(number: int, section: str, text: str) -> Chunk:
        return Chunk(f"guide::{number:04d}", "guide", text, number * 100, number * 100 + len(text),
                     {"doc_id": "guide", "section": section})
    heading = chunk(0, "", "本指引适用于建筑工地等施工现场。 　　■复工前的防控准备工作")
    lead_in = chunk(2, "", "为加强食堂管理，区市场监管局提醒各单位：")
    ended = chunk(4, "", "本指引适用于集体单位。")
    items = [chunk(n, f"{n}.第{n}项", f"{n}.落实责任。") for n in (1, 3, 5)]
    store = _Store(heading, lead_in, ended, *items)
    for passage, follower in ((heading, "guide::0001"), (lead_in, "guide::0003")):
        read = with_continuations(RetrievalResult("q", [Hit(passage, 0.7, 1)]), store)
        assert [h.chunk.chunk_id for h in read.hits] == [passage.chunk_id, follower]
    read = with_continuations(RetrievalResult("q", [Hit(ended, 0.7, 1)]), store)
    assert [h.chunk.chunk_id for h in read.hits] == ["guide::0004"]
