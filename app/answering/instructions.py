"""A retrieval's passages without the sentences that address the reader (``app.addressing``)."""

from __future__ import annotations

from dataclasses import replace

from app.addressing import addresses_reader
from app.retrieval.hybrid import RetrievalResult
from app.text import sentence_spans


def without_instructions(retrieval: RetrievalResult) -> RetrievalResult:
    """``retrieval`` with each passage's instruction sentences blanked (same length, so offsets
    hold): what a language model reads, and what its citation check may find support in."""
    hits = []
    for hit in retrieval.hits:
        text = hit.chunk.text
        spans = [(s, e) for s, e in sentence_spans(text) if addresses_reader(text[s:e])]
        for start, end in spans:
            text = text[:start] + " " * (end - start) + text[end:]
        hits.append(replace(hit, chunk=replace(hit.chunk, text=text)) if spans else hit)
    return replace(retrieval, hits=hits)
