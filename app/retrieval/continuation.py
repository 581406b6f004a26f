"""The rest of a retrieved measure: a passage's next chunk when it continues the same section;
and a document's field lines a question names.

A long measure is stored as several chunks, and its closing remark ("(Responsible units: …)",
"（责任单位：…）") often lands in the last one, which shares few words with a question about the
measure's subject; ranked on its own it falls below the top passages, and "who is responsible
for it?" was then answered with another measure's units. The best passages are read whole.

A document's closing field lines ("Interpreter: Guo Hongwei", "Contact information: …") share
their chunk with the text before them, which a question about the interpreter does not match:
the chunk holding a field whose label the question names is read with the best document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from app.fields import field_label
from app.retrieval.document_questions import DOCUMENT
from app.retrieval.hybrid import Hit, RetrievalResult
from app.retrieval.numbered import item_end, items_on, marker
from app.store.records import Chunk
from app.text import ITEM, content_tokens, has_cjk, sentence_spans, stem_words

# How many of the best passages are read to the end of their section: the first few carry the
# answer; reading every hit's continuation would dilute the passages with far-off text.
READ_WHOLE = 2
# A notice speaks of itself as 本 and its noun (本措施自…起施行, 牵头负责本措施的组织实施),
# and closes on what holds for all of it: when it comes into force and ends, who leads it.
_OF_ITSELF = re.compile(rf"本(?:{DOCUMENT.pattern})")
# Verbs of coming into force (ingest.validity_forms reads the same): when a measure 开始实行 is
# its notice's start, however few of the question's words that sentence shares.
IN_FORCE = re.compile(r"施行|实行|执行|实施|生效|失效|有效期")
CLOSING_CHUNKS = 4  # at most this many of the closing chunks are read: a long notice's last part
# A passage ending on a lead-in ("…现将有关事项通知如下：") or on a heading line after its last
# sentence ("…施工现场。　■复工前的防控准备工作") announces what the next passage says: ingest
# cut the announced text off at its numbered clause, whatever section it gave it.
_ANNOUNCES = re.compile(r"(?:[:：]|[。！？；.!?;]\s+[^\s。！？；:：，,.!?;]{2,30})\s*$")


def says_of_itself(word: str, text: str) -> bool:
    """Whether ``text`` says ``word`` of a question asking of its notice as a whole: the notice's
    noun (政策, 措施 of "这个政策什么时候开始执行") by its speaking of itself (本通知自…起施行), a
    verb of coming into force (执行) by another (施行, 有效期至): one act in the notice's words."""
    return bool((DOCUMENT.fullmatch(word) and _OF_ITSELF.search(text))
                or (IN_FORCE.fullmatch(word) and IN_FORCE.search(text)))


class ChunkSource(Protocol):
    def get_chunks_cached(self, chunk_ids: list[str]) -> dict[str, Chunk]: ...


def next_chunk_id(chunk_id: str) -> str | None:
    """Chunk ids are ``<document node>::<number>`` (ingest.chunking), numbered in reading order."""
    head, sep, number = chunk_id.rpartition("::")
    if not sep or not number.isdigit():
        return None
    return f"{head}::{int(number) + 1:0{len(number)}d}"


# How far past its passage's end an answer may read on in its document: an open answer's longest
# (``chinese_span.LONGEST_ANSWER``).
READ_ON_CHARS = 300


def read_on(chunk: Chunk, document: Callable[[str], str] | None, items: bool = False) -> Chunk:
    """``chunk`` with the items of the list it announces that its document goes on with after
    it: ingest starts a chunk at each numbered paragraph, so a lead-in ending a passage
    ("…应当及时采取下列措施：") may have its items stored in the next ones, and a quote of it
    said nothing. An item is a sentence opening on its number and closed by "；" or "。"; the list
    ends before a sentence that opens on no number, a heading's unpunctuated line, or an item
    heading a section of its own (a sentence follows it on its line: "（一）服务对象。外出务工
    人员……"), which ingest keeps apart as another measure; not the last of items closed by "；",
    closed by "。" (the series' end: the next sentence on its line makes it no heading). The
    reader's own rules (its length, another condition) say how many of them answer. The text is
    the document's own: the offsets stay exact. (A passage ending on an item closed by "；" is
    not read on: a question naming that item asked it alone, realzh tune.) Where a list is asked
    (``items``), a passage ending on a numbered list's first item, whole, reads on with the
    list's next items (``numbered``)."""
    first = _first_item(chunk.text) if items else None
    if document is None or not (chunk.text.rstrip().endswith(("：", ":")) or first is not None):
        return chunk  # a passage ending on no lead-in (the cheap check first: no text fetched)
    if (text := document(chunk.doc_id))[chunk.start:chunk.end] != chunk.text:
        return chunk  # not its document's slice
    stop = min(len(text), chunk.end + READ_ON_CHARS)
    if first is not None:
        end = items_on(text, chunk.start + first, chunk.end, stop)
        return replace(chunk, text=text[chunk.start:end], end=end) if end > chunk.end else chunk
    end, spans = chunk.end, sentence_spans(text, chunk.end, stop)
    for n, (s, e) in enumerate(spans):
        mark = text[s:e].rstrip("”’\"'")[-1:]  # its closing mark (within its quotation marks)
        last = mark == "。" and text[:end].rstrip("”’\"'")[-1:] in "；;"  # a "；" series' last
        own = not last and n + 1 < len(spans) and "\n" not in text[e:spans[n + 1][0]] and not (
            ITEM.match(text[spans[n + 1][0]:spans[n + 1][1]]))  # a sentence of its own on its line
        closed = mark in "；;。"
        if not ITEM.match(text[s:e]) or not closed or own or e == stop < len(text):
            break  # (and a sentence the window cuts is not read)
        end = e
    return replace(chunk, text=text[chunk.start:end], end=end) if end > chunk.end else chunk


def _first_item(text: str) -> int | None:
    """Where ``text`` (a passage) opens its last item, if that is a numbered list's first item
    and runs whole to the passage's end: its marker opens the text or follows white space (a
    heading's line before it, "■复工前的防控准备工作 1.根据…", is no sentence)."""
    for at in sorted({0} | {m.end() for m in re.finditer(r"\s+", text.rstrip())}, reverse=True):
        if (mark := marker(text[at:])) is not None:
            return at if mark[1] == 1 and item_end(text, at) >= len(text.rstrip()) else None
    return None


def with_continuations(retrieval: RetrievalResult, store: ChunkSource) -> RetrievalResult:
    """``retrieval`` with each of its best passages followed by the chunk that continues its
    section, when that chunk is not already among the passages (same score and rank: it is the
    same passage, cut in two at ingest)."""
    best = [h for h in retrieval.hits[:READ_WHOLE]
            if h.chunk.section or _ANNOUNCES.search(h.chunk.text)]
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
                and (follower.section == hit.chunk.section or _ANNOUNCES.search(hit.chunk.text)) \
                and hit in best:
            hits.append(replace(hit, chunk=follower))
    return replace(retrieval, hits=hits)


def with_fields(question: str, retrieval: RetrievalResult, text_of: Callable[[str], str],
                chunks_of: Callable[[str], list[Chunk]]) -> RetrievalResult:
    """``retrieval`` with the chunks of its best document holding a field line whose label
    shares a word with ``question`` ("who interpreted": "Interpreter: …"), when missing."""
    if not retrieval.hits:
        return retrieval
    best = retrieval.hits[0]
    asked = set(stem_words(content_tokens(question)))
    text = text_of(best.chunk.doc_id)
    at, starts = 0, []
    for line in text.splitlines(keepends=True):
        if (label := field_label(line)) and asked & set(stem_words(content_tokens(label))):
            starts.append(at)
        at += len(line)
    if not starts:
        return retrieval
    present = {h.chunk.chunk_id for h in retrieval.hits}
    found = [c for c in chunks_of(best.chunk.doc_id) if c.chunk_id not in present
             and any(c.start <= s < c.end for s in starts)]
    return replace(retrieval, hits=[*retrieval.hits, *(replace(best, chunk=c) for c in found)])


def with_closing(question: str, retrieval: RetrievalResult,
                 chunks_of: Callable[[str], list[Chunk]]) -> RetrievalResult:
    """``retrieval`` with its best document's closing chunks (its last section, and any that
    speaks of the document itself), when a Chinese question asks of a Chinese notice as a whole
    ("这些措施", "这个通知") or when a measure comes into force, and they are missing."""
    if not retrieval.hits or not has_cjk(question) or not (
            DOCUMENT.search(question) or IN_FORCE.search(question)):
        return retrieval
    if (best := retrieval.hits[0]).chunk.metadata.get("language") != "zh":
        return retrieval  # an English text closes on no such part (深圳's AI plan for 何时出台)
    chunks = chunks_of(best.chunk.doc_id)
    last = chunks[-1].section.partition(" > ")[0] if chunks else ""
    present = {h.chunk.chunk_id for h in retrieval.hits}
    closing = [c for c in chunks if c.chunk_id not in present and (
        _OF_ITSELF.search(c.text) or (last and c.section.partition(" > ")[0] == last))]
    return replace(retrieval, hits=[*retrieval.hits, *(
        replace(best, chunk=c) for c in closing[-CLOSING_CHUNKS:])])


# A notice stored in this few passages is read whole when one of them ranks first: its title or
# lead often ranks first while the sentence that answers sits in its next passage, below other
# notices' passages (realzh tune: 番禺 "半小时…多少发票", 临汾路 "多少间出租房屋", each a
# three-passage notice whose first passage alone was read). A longer notice's rest is not: many
# more passages change the weights the reader gives the question's words (tried to 2,000
# characters, any number of passages: notices of 8-12 short items lost answers to other items).
SHORT_NOTICE_CHUNKS = 3


def with_short_notice(retrieval: RetrievalResult, chunk_count: Callable[[str], int],
                      chunks_of: Callable[[str], list[Chunk]]) -> RetrievalResult:
    """``retrieval`` with the passages of its best document it lacks, when that document is
    stored in at most ``SHORT_NOTICE_CHUNKS`` chunks (``chunk_count``: by its record, so a longer
    one, or one read whole already, costs no store read), ranked after every passage retrieved:
    the retrieval's order still decides between them and the passages it ranked."""
    if not retrieval.hits:
        return retrieval
    best = retrieval.hits[0]
    read = {h.chunk.chunk_id for h in retrieval.hits if h.chunk.doc_id == best.chunk.doc_id}
    if not len(read) < chunk_count(best.chunk.doc_id) <= SHORT_NOTICE_CHUNKS:
        return retrieval  # long, or read whole already: no store read
    rest = [c for c in chunks_of(best.chunk.doc_id) if c.chunk_id not in read]
    if not rest:
        return retrieval
    after = len(retrieval.hits) + 1
    return replace(retrieval, hits=[*retrieval.hits, *(
        replace(best, chunk=c, rank=after) for c in rest)])
