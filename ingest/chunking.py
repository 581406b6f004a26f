"""Cut a policy text along its own structure into passages small enough to cite.

Policy texts are numbered: parts (``1. Strengthen …``, ``一、``), measures (``(13) Cultivate …``,
``（十三）``), "The first part is …". Each line of the normalized text is a paragraph. Rules:

- a part heading starts a new section and is carried in ``section``, not repeated as a chunk;
- a measure (or "The n-th part") starts a new chunk and a sub-section, so no chunk ever spans
  two measures;
- consecutive short paragraphs of one section share a chunk up to ``max_chars``; a longer
  paragraph is cut between sentences, a sentence longer than ``max_chars`` at a word boundary
  (``capped_spans``), and page breaks always cut: no chunk is ever over ``max_chars``.

Every chunk records ``start``/``end`` with ``text[start:end] == chunk``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from llama_index.core.node_parser import NodeParser
from llama_index.core.schema import BaseNode, NodeRelationship, TextNode

from app.text import sentence_spans

_ZH_NUM = "一二三四五六七八九十百"
_ORDINALS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
PART = re.compile(rf"^(?:\d{{1,2}}\.\s*\S|[{_ZH_NUM}]+[、.]|第[{_ZH_NUM}]+[部章节])")
MEASURE = re.compile(
    rf"^(?:[(（]\d{{1,3}}[)）]|[(（][{_ZH_NUM}]+[)）]|The ({_ORDINALS}) part\b|第[{_ZH_NUM}]+条)",
    re.IGNORECASE,
)
PART_HEADING_MAX = 120
LABEL_MAX = 100
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


def _label(text: str, start: int, end: int) -> str:
    spans = sentence_spans(text, start, end)
    first = text[spans[0][0] : spans[0][1]] if spans else text[start:end]
    first = first.rstrip(".。;；:：")
    return first if len(first) <= LABEL_MAX else first[: LABEL_MAX - 1].rstrip() + "…"


def paragraphs(text: str, pages: Sequence[tuple[int, int, int]] = ()) -> list[_Para]:
    """Paragraphs with their section path; part headings are consumed into the path."""
    part, measure = "", ""
    found: list[_Para] = []
    pos = 0
    for index, line in enumerate(text.split("\n")):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        page = next((n for n, s, e in pages if s <= start < e), None)
        if PART.match(line) and len(line) <= PART_HEADING_MAX:
            part, measure = _label(text, start, end), ""
            continue
        is_measure = bool(MEASURE.match(line)) or (PART.match(line) is not None)
        if is_measure:
            measure = _label(text, start, end)
        section = " > ".join(s for s in (part, measure) if s)
        found.append(_Para(start, end, index, page, section, is_measure))
    return found


def chunk_spans(text: str, pages: Sequence[tuple[int, int, int]], max_chars: int) -> list[_Para]:
    """Chunks as spans (reusing ``_Para``: the first paragraph's index, page and section)."""
    chunks: list[_Para] = []
    current: _Para | None = None
    for para in paragraphs(text, pages):
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
            for number, span in enumerate(chunk_spans(text, _pages_of(doc), self.max_chars)):
                meta: dict[str, Any] = {
                    **doc_meta,
                    "section": span.section,
                    "paragraph": span.index,
                    "start": span.start,
                    "end": span.end,
                    "chunk": number,
                }
                if span.page is not None:
                    meta["page"] = span.page
                hidden = [k for k in meta if k not in EMBEDDED_KEYS]
                node = TextNode(
                    id_=f"{doc.node_id}::{number:04d}",
                    text=text[span.start : span.end],
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
    {"pages", "covers", "source", "pipeline_version", "validity_text", "supersedes"}
)


def encode_pages(pages: Sequence[tuple[int, int, int]]) -> str:
    """Page table as a metadata string ("page:start:end,..."); Chroma metadata is flat."""
    return ",".join(f"{n}:{s}:{e}" for n, s, e in pages)


def _pages_of(doc: BaseNode) -> list[tuple[int, int, int]]:
    raw = str(doc.metadata.get("pages") or "")
    pages: list[tuple[int, int, int]] = []
    for item in filter(None, raw.split(",")):
        number, start, end = (int(x) for x in item.split(":"))
        pages.append((number, start, end))
    return pages
