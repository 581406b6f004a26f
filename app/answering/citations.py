"""From retrieved chunks to what users see: passages, candidate sentences, citations."""

from __future__ import annotations

from dataclasses import dataclass

from app.models import Citation, Passage
from app.retrieval.hybrid import Hit
from app.store.chroma import Chunk
from app.text import sentence_spans


@dataclass(frozen=True)
class Sentence:
    """A sentence of a retrieved chunk, with absolute offsets into its document's text."""

    chunk: Chunk
    start: int
    end: int
    text: str
    rank: int  # rank of its passage


def sentences_of(hits: list[Hit]) -> list[Sentence]:
    seen: set[str] = set()
    found: list[Sentence] = []
    for hit in hits:
        chunk = hit.chunk
        for start, end in sentence_spans(chunk.text):
            text = chunk.text[start:end]
            key = " ".join(text.lower().split())
            if key in seen:  # the same clause repeated (Shenzhen's preamble repeats (16))
                continue
            seen.add(key)
            found.append(Sentence(chunk, chunk.start + start, chunk.start + end, text, hit.rank))
    return found


def _int(value: object) -> int | None:
    return int(value) if isinstance(value, int | float | str) and str(value).isdigit() else None


def passage(hit: Hit) -> Passage:
    meta = hit.chunk.metadata
    return Passage(
        chunk_id=hit.chunk.chunk_id,
        doc_id=hit.chunk.doc_id,
        title=str(meta.get("title") or hit.chunk.doc_id),
        city=meta.get("city"),
        issuer=meta.get("issuer"),
        year=_int(meta.get("year")),
        section=hit.chunk.section,
        paragraph=_int(meta.get("paragraph")),
        page=hit.chunk.page,
        text=hit.chunk.text,
        start=hit.chunk.start,
        end=hit.chunk.end,
        score=round(hit.score, 4),
        rank=hit.rank,
    )


def citation(n: int, sentence: Sentence, score: float) -> Citation:
    meta = sentence.chunk.metadata
    return Citation(
        n=n,
        doc_id=sentence.chunk.doc_id,
        title=str(meta.get("title") or sentence.chunk.doc_id),
        city=meta.get("city"),
        section=sentence.chunk.section,
        page=sentence.chunk.page,
        quote=sentence.text,
        start=sentence.start,
        end=sentence.end,
        score=round(score, 4),
    )
