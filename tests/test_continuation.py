"""The rest of a retrieved measure (app.retrieval.continuation)."""

from __future__ import annotations

from app.retrieval.continuation import (
    next_chunk_id,
    with_closing,
    with_continuations,
    with_short_notice,
)
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


def test_a_question_of_the_notice_as_a_whole_reads_its_closing_chunks() -> None:
    """Bug (round 27, h27 "嘉兴这些促进文旅消费的措施从哪天开始实行？", "…归哪个部门牵头落实？"):
    the title's words matched the notice's first items, and its closing section (牵头负责本措施
    的组织实施, 本措施自…起施行) was never retrieved, so both were refused. A question naming
    no document nor a coming into force reads no more."""
    texts = [("", "某市关于促进消费的若干措施。"),
             ("一、发放消费券 > （一）", "（一）发放消费券3000万元。"),
             ("一、发放消费券 > （二）", "（二）每人限领1次。"),
             ("二、支持景区 > （三）", "（三）对新评5A级景区奖励500万元。"),
             ("三、保障措施 > （四）", "（四）市文旅局牵头负责本措施的组织实施。"),
             ("三、保障措施 > （五）", "（五）奖补资金由市县分担。本措施自2026年5月15日起施行。")]
    chunks = [Chunk(f"n::{i:04d}", "n", text, i * 40, i * 40 + len(text),
                    {"doc_id": "n", "section": section, "language": "zh"})
              for i, (section, text) in enumerate(texts)]
    hits = RetrievalResult("q", [Hit(chunks[1], 0.7, 1), Hit(chunks[0], 0.6, 2)])
    for question in ("某市这些促进消费的措施从哪天开始实行？", "消费券从什么时候开始执行？"):
        read = with_closing(question, hits, lambda doc: chunks)
        assert [h.chunk.chunk_id for h in read.hits] == ["n::0001", "n::0000", "n::0004", "n::0005"]
        assert read.hits[-1].rank == 1  # read as the best passage's own
    assert with_closing("某市发放多少消费券？", hits, lambda doc: chunks) is hits
    english = RetrievalResult("q", [Hit(_chunk(1, "1. Vouchers"), 0.7, 1)])  # no such close
    assert with_closing("这些措施从哪天开始实行？", english, lambda doc: chunks) is english


def test_a_notice_of_a_few_passages_ranked_first_is_read_whole() -> None:
    """Bug (round 49, realzh tune "临汾路街道对多少间出租房屋上门排查了？",
    "番禺区税务局半小时给口罩企业提供了多少发票？"): a three-passage notice's
    opening passage ranked first and other notices' passages filled the rest, so the passage
    stating the count was never read (refused; another sentence quoted). Its missing passages
    are read after every retrieved one; a notice stored in more passages, or read whole
    already, reads no more, and its chunks are not fetched."""
    texts = ["临汾路街道开展出租房屋排查。", "共上门排查出租房屋1200间。", "街道将继续做好防控。"]
    notice = [Chunk(f"n::{i:04d}", "n", t, i * 20, i * 20 + len(t), {"doc_id": "n"})
              for i, t in enumerate(texts)]
    hits = [Hit(notice[0], 0.8, 1), Hit(_chunk(1, "", "other"), 0.7, 2),
            Hit(notice[2], 0.6, 3)]
    fetched: list[str] = []

    def chunks_of(doc: str) -> list[Chunk]:
        fetched.append(doc)
        return notice
    read = with_short_notice(RetrievalResult("q", hits), lambda doc: 3, chunks_of)
    assert [h.chunk.chunk_id for h in read.hits] == ["n::0000", "other::0001", "n::0002",
                                                     "n::0001"]
    assert read.hits[-1].rank == 4  # after every passage the retrieval ranked
    long = with_short_notice(RetrievalResult("q", hits), lambda doc: 12, chunks_of)
    assert [h.chunk.chunk_id for h in long.hits] == ["n::0000", "other::0001", "n::0002"]
    whole = RetrievalResult("q", [*hits, Hit(notice[1], 0.5, 4)])  # read whole already
    assert with_short_notice(whole, lambda doc: 3, chunks_of) is whole
    assert fetched == ["n"]
