"""From retrieved chunks to what users see: passages, candidate sentences, citations."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import dropwhile, takewhile

from app.mastheads import masthead_end
from app.models import Citation, Passage
from app.retrieval.antecedents import of_another_part
from app.retrieval.hybrid import Hit
from app.store.records import Chunk
from app.text import pieces_of, sentence_spans


@dataclass(frozen=True)
class Sentence:
    """A sentence of a retrieved chunk, with absolute offsets into its document's text."""

    chunk: Chunk
    start: int
    end: int
    text: str
    rank: int  # rank of its passage


@dataclass
class Scored:
    """A candidate sentence and how well it supports the question (0..1)."""

    sentence: Sentence
    support: float
    lacking: bool = False  # holds none of a kind the question must be answered with


def sentences_of(hits: list[Hit], max_chars: int | None = None) -> list[Sentence]:
    """Candidate sentences (a news lead without its dateline; no page stamp: ``app.mastheads``);
    one longer than ``max_chars`` (the chunk cap) becomes pieces cut at word boundaries."""
    seen: set[str] = set()
    found: list[Sentence] = []
    for hit in hits:
        chunk = hit.chunk
        for start, end, key in _candidate_spans(chunk.text, max_chars):
            if not key or key in seen:  # a clause repeated (Shenzhen's preamble repeats (16))
                continue
            seen.add(key)
            found.append(Sentence(chunk, chunk.start + start, chunk.start + end,
                                  chunk.text[start:end], hit.rank))
    return found


@lru_cache(maxsize=4096)  # a chunk's own: the same passages come back question after question
def _candidate_spans(text: str, max_chars: int | None) -> tuple[tuple[int, int, str], ...]:
    """The spans of a chunk's candidate sentences (``sentences_of``), each with its text as
    compared for repeats (lower case, white space as one space)."""
    spans = [piece for start, end in with_remarks(text, sentence_spans(text))
             for piece in ([(start, end)] if max_chars is None or end - start <= max_chars
                           else pieces_of(text, start, end, max_chars))]
    return tuple((start, end, " ".join(text[start:end].lower().split()))
                 for start, end in ((s + masthead_end(text[s:e]), e) for s, e in spans))


def sentences_after(sentence: Sentence, after: Chunk | None = None) -> list[Sentence]:
    """The sentences after ``sentence`` in its passage from the first asking nothing (an FAQ asks
    "…有病毒吗？怎么消毒？" first), or at its end those of ``after``, the passage continuing it."""
    chunk = sentence.chunk
    found = list(dropwhile(lambda s: s.text.endswith(("？", "?")), (
        Sentence(chunk, chunk.start + a, chunk.start + b, chunk.text[a:b], sentence.rank)
        for a, b in sentence_spans(chunk.text, sentence.end - chunk.start))))
    if not found and after is not None:
        found = sentences_after(Sentence(after, after.start, after.start, "", sentence.rank))
    return list(takewhile(lambda s: not of_another_part(s.text), found))  # nor another part's


def with_remarks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans with each remark wholly in brackets joined to the sentence before it on its line:
    "(Responsible units: …)" says who carries out that sentence's measure, and quoted alone
    it would not say which measure."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        remark = text[start] in "(（" and text[start:end].rstrip(".。").endswith((")", "）"))
        if remark and joined and "\n" not in text[joined[-1][1] : start]:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _int(value: object) -> int | None:
    return int(value) if isinstance(value, int | float | str) and str(value).isdigit() else None


def passage(hit: Hit) -> Passage:
    chunk, meta = hit.chunk, hit.chunk.metadata
    return Passage(chunk_id=chunk.chunk_id, doc_id=chunk.doc_id,
                   title=str(meta.get("title") or chunk.doc_id), city=meta.get("city"),
                   issuer=meta.get("issuer"), year=_int(meta.get("year")), section=chunk.section,
                   paragraph=_int(meta.get("paragraph")), page=chunk.page, text=chunk.text,
                   start=chunk.start, end=chunk.end, score=round(hit.score, 4), rank=hit.rank)


def citation(n: int, sentence: Sentence, score: float) -> Citation:
    chunk, meta = sentence.chunk, sentence.chunk.metadata
    return Citation(n=n, doc_id=chunk.doc_id, title=str(meta.get("title") or chunk.doc_id),
                    city=meta.get("city"), section=chunk.section, page=chunk.page,
                    quote=sentence.text, start=sentence.start, end=sentence.end,
                    score=round(score, 4))
