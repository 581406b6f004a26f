"""Cut a policy text along its own structure into passages small enough to cite.

Policy texts are numbered: parts (``1. Strengthen …``, ``一、``), measures (``(13) Cultivate …``,
``（十三）``), articles (``第五条``), "The first part is …". ``ingest.structure`` finds the
paragraphs (lines, and the numbered paragraphs of a line flattened from a web page) and where
each sits in the outline. Rules:

- a heading starts a new section and is carried in ``section``, not repeated as a chunk;
- a numbered paragraph (a measure, an article, "The n-th part") starts a new chunk and a
  sub-section, so no chunk ever spans two measures;
- a list's items that follow the paragraph announcing them ("…如下：", "…include:") and fit
  with it in ``max_chars`` stay in its chunk (``with_lists``): each item alone answers no "有哪些";
- consecutive short paragraphs of one section share a chunk up to ``max_chars``; a longer
  paragraph is cut between sentences, a sentence longer than ``max_chars`` at a word boundary
  (``capped_spans``), and page breaks always cut: no chunk is ever over ``max_chars``.

Every chunk records ``start``/``end`` with ``text[start:end] == chunk``, and its own language
(``zh``/``en``), so that a mixed document's passages are told apart.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import takewhile
from typing import Any

from llama_index.core.node_parser import NodeParser
from llama_index.core.schema import BaseNode, NodeRelationship, TextNode

from app.text import sentence_spans
from ingest.document_facts import language_of
from ingest.structure import is_heading, label, split_paragraphs

# Chunk metadata the embedding and BM25 see besides the text: where the passage sits.
EMBEDDED_KEYS = ("city", "section")


@dataclass
class _Para:
    start: int
    end: int
    index: int
    page: int | None
    section: str
    new_chunk: bool  # a measure starts here


def paragraphs(
    text: str,
    pages: Sequence[tuple[int, int, int]] = (),
    headings: Sequence[tuple[int, int, int]] = (),
) -> list[_Para]:
    """Paragraphs with their section path; headings are consumed into the path."""
    outline: dict[int, str] = {}  # rank -> the label of the open heading or measure there
    found: list[_Para] = []
    split = split_paragraphs(text, headings)
    for position, para in enumerate(split):
        page = next((n for n, s, e in pages if s <= para.start < e), None)
        if para.rank is not None:
            outline = {r: name for r, name in outline.items() if r < para.rank}
            outline[para.rank] = label(text, para)
            if is_heading(text, split, position):
                continue
        section = " > ".join(outline[r] for r in sorted(outline))
        found.append(
            _Para(para.start, para.end, para.index, page, section, para.rank is not None)
        )
    return found


def with_lists(text: str, paras: list[_Para], max_chars: int) -> list[_Para]:
    """``paras`` with the items of each list its lead-in announces (a paragraph of a section
    ending in a colon, the items in the sub-sections under its section) put in the lead-in's
    section, not starting a chunk, when all fit with the lead-in in ``max_chars``: the items of
    "有如下情形之一者属于密切接触者：" were each a chunk, and the question
    "什么是密切接触者" got the lead-in alone."""
    out = list(paras)
    for i, lead in enumerate(paras):
        # A notice's opening "…通知如下：" (in no section) announces its measures, not a list.
        if not lead.section or not text[lead.start:lead.end].rstrip().endswith(("：", ":")):
            continue
        items = _items_under(lead, paras[i + 1:])
        # An item of one sentence is a list's; one with a sentence of its own under its number
        # ("（二）重大项目复工开工方面。重点了解…") heads a sub-section, which keeps its own chunk.
        if items and items[-1].end - lead.start <= max_chars and all(
                len(sentence_spans(text, p.start, p.end)) == 1 for p in items):
            out[i + 1:i + 1 + len(items)] = [
                replace(p, section=lead.section, new_chunk=False) for p in items]
    return out


def _items_under(lead: _Para, following: list[_Para]) -> list[_Para]:
    """The paragraphs opening ``following`` in the sub-sections of ``lead``'s section."""
    return list(takewhile(lambda p: p.section.startswith(f"{lead.section} > ")
                          and p.page == lead.page, following))


def chunk_spans(
    text: str,
    pages: Sequence[tuple[int, int, int]],
    max_chars: int,
    headings: Sequence[tuple[int, int, int]] = (),
) -> list[_Para]:
    """Chunks as spans (reusing ``_Para``: the first paragraph's index, page and section)."""
    chunks: list[_Para] = []
    current: _Para | None = None
    for para in with_lists(text, paragraphs(text, pages, headings), max_chars):
        fits = (
            current is not None
            and not para.new_chunk
            and para.section == current.section
            and para.page == current.page
            and para.end - current.start <= max_chars
        )
        if current is not None and fits:
            current.end = para.end
            continue
        if current is not None:
            chunks.append(current)
        current = None
        if para.end - para.start <= max_chars:
            current = _Para(para.start, para.end, para.index, para.page, para.section, True)
            continue
        window: list[tuple[int, int]] = []
        for span in capped_spans(text, sentence_spans(text, para.start, para.end), max_chars):
            if window and span[1] - window[0][0] > max_chars:
                chunks.append(
                    _Para(window[0][0], window[-1][1], para.index, para.page, para.section, True)
                )
                window = []
            window.append(span)
        if window:
            current = _Para(window[0][0], window[-1][1], para.index, para.page, para.section, True)
    if current is not None:
        chunks.append(current)
    return chunks


# Where a sentence longer than a chunk may be cut when it has no space: after Chinese or
# Latin clause punctuation.
_SOFT_BREAKS = frozenset("，、：,;:）)")


def capped_spans(
    text: str, spans: Sequence[tuple[int, int]], max_chars: int
) -> list[tuple[int, int]]:
    """``spans`` with each one longer than ``max_chars`` cut into pieces that fit.

    A paragraph with no sentence punctuation (a list, a table row, 2 MB of "x x x") used to
    become one chunk of any size. The cut falls at the last white space in the second half of
    the window (a word boundary), else after clause punctuation (Chinese has no spaces), else
    at the limit itself, never before a combining mark.
    """
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > max_chars:
            limit = start + max_chars
            floor = start + max_chars // 2
            cut = next((i for i in range(limit, floor, -1) if text[i].isspace()), None)
            if cut is None:
                cut = next(
                    (i for i in range(limit, floor, -1) if text[i - 1] in _SOFT_BREAKS), limit
                )
                while cut > floor and unicodedata.combining(text[cut]):
                    cut -= 1
            piece_end = cut
            while piece_end > start and text[piece_end - 1].isspace():
                piece_end -= 1
            out.append((start, piece_end))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if start < end:
            out.append((start, end))
    return out


class PolicyStructureParser(NodeParser):
    """llama-index transform: Document (normalized text) -> structure-aware TextNodes.

    The document's metadata is copied onto its chunks here rather than by the base class,
    because the page table (``pages``) belongs to the document only.
    """

    max_chars: int = 700
    include_metadata: bool = False

    @classmethod
    def class_name(cls) -> str:
        return "PolicyStructureParser"

    def _parse_nodes(
        self, nodes: Sequence[BaseNode], show_progress: bool = False, **kwargs: Any
    ) -> list[BaseNode]:
        out: list[BaseNode] = []
        for doc in nodes:
            text = doc.get_content()
            doc_meta = {k: v for k, v in doc.metadata.items() if k not in DOCUMENT_ONLY_KEYS}
            doc_meta["doc_hash"] = doc.hash
            spans = chunk_spans(text, _table(doc, "pages"), self.max_chars, _table(doc, "headings"))
            for number, span in enumerate(spans):
                chunk_text = text[span.start : span.end]
                meta: dict[str, Any] = {
                    **doc_meta,
                    "section": span.section,
                    "paragraph": span.index,
                    "start": span.start,
                    "end": span.end,
                    "chunk": number,
                }
                # A mixed document's passages each carry their own language.
                if language := language_of(chunk_text):
                    meta["language"] = language
                if span.page is not None:
                    meta["page"] = span.page
                hidden = [k for k in meta if k not in EMBEDDED_KEYS]
                node = TextNode(
                    id_=f"{doc.node_id}::{number:04d}",
                    text=chunk_text,
                    metadata=meta,
                    start_char_idx=span.start,
                    end_char_idx=span.end,
                    excluded_embed_metadata_keys=hidden,
                    excluded_llm_metadata_keys=hidden,
                )
                node.relationships[NodeRelationship.SOURCE] = doc.as_related_node_info()
                out.append(node)
        return out


# Document metadata that describes the file, not its passages.
DOCUMENT_ONLY_KEYS = frozenset(
    {"pages", "headings", "covers", "source", "pipeline_version", "validity_text", "supersedes",
     "extends", "addressees"}
)


def encode_pages(pages: Sequence[tuple[int, int, int]]) -> str:
    """A page table ((page, start, end)) or heading table ((level, start, end)) as a metadata
    string ("n:start:end,..."); Chroma metadata is flat."""
    return ",".join(f"{n}:{s}:{e}" for n, s, e in pages)


def _table(doc: BaseNode, key: str) -> list[tuple[int, int, int]]:
    raw = str(doc.metadata.get(key) or "")
    table: list[tuple[int, int, int]] = []
    for item in filter(None, raw.split(",")):
        number, start, end = (int(x) for x in item.split(":"))
        table.append((number, start, end))
    return table
