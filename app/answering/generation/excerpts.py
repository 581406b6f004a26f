"""What the model reads: the few sentences that matter, not whole passages.

On 2 CPU cores the bundled 1.5B model evaluates a prompt at ~25 tokens/s, so five whole
passages (~800 tokens) kept its first token ~30 s away, and most of those tokens answer
nothing. The extractive answerer already scores every sentence of the retrieved passages for
how well it supports the question; the model is given those the extractive answer quotes (for
a comparison, the best of each place) and, up to ``limit`` sentences, the next best -- each
under the number of the passage it comes from, in document order, with " … " where sentences
between were left out. The passage that holds the best sentence is passage 1.

By default it reads only the quoted sentences. With the best three, the bundled 1.5B often
answered from the wrong one (a bureau named in the question rather than the one asked for, a
count of another action's tasks): on a 17-question dev sample its fact accuracy was 0.58
against 0.83 with the quoted sentences only, and the shorter prompt brings the first token
sooner. A larger model may be given more (``POLICYKB_LLM_EXCERPT_SENTENCES``).

The citation check still reads the whole passages (a figure the model copies from an excerpt
is in its passage too), and citations quote the passage's sentence as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from app.answering.citations import Scored, Sentence
from app.models import Answer
from app.retrieval.hybrid import Hit

# Sentences the model reads, the quoted ones first: one of these policy texts is ~60 tokens,
# ~2 s of prompt evaluation for the 1.5B on 2 cores.
EXCERPT_SENTENCES = 1
# A sentence scoring below this share of the best one is not worth its prompt tokens.
RELATIVE_FLOOR = 0.5
GAP = " … "


@dataclass(frozen=True)
class Excerpt:
    """Passage ``hit`` as the model reads it: ``text`` is its chosen sentences, or all of it."""

    hit: Hit
    text: str


def whole(hits: list[Hit]) -> list[Excerpt]:
    """Every passage in full (a caller that wants the model to read everything)."""
    return [Excerpt(hit, hit.chunk.text.strip()) for hit in hits]


def excerpts(ranked: list[Scored], hits: list[Hit], quoted: Answer,
             limit: int = EXCERPT_SENTENCES) -> list[Excerpt]:
    """The passages holding the best ``limit`` sentences of ``ranked`` (plus any the extractive
    answer ``quoted``), passage of the best sentence first, each cut to its chosen sentences."""
    if not ranked:
        return []
    by_chunk = {hit.chunk.chunk_id: hit for hit in hits}
    cited = {(c.doc_id, c.start) for c in quoted.citations}
    floor = RELATIVE_FLOOR * ranked[0].support

    def is_quoted(s: Scored) -> bool:
        return (s.sentence.chunk.doc_id, s.sentence.start) in cited

    first = [s for s in ranked if is_quoted(s)]
    rest = [s for s in ranked if not is_quoted(s) and s.support >= floor]
    chosen = [s.sentence for s in (first + rest)[:max(limit, len(first))]
              if s.sentence.chunk.chunk_id in by_chunk]
    position = {id(s.sentence): i for i, s in enumerate(ranked)}
    chosen.sort(key=lambda s: position[id(s)])
    groups: dict[str, list[Sentence]] = {}
    for sentence in chosen:  # best first: the order of the passages
        groups.setdefault(sentence.chunk.chunk_id, []).append(sentence)
    return [Excerpt(by_chunk[chunk_id], _join(sentences)) for chunk_id, sentences in
            groups.items()]


def _join(sentences: list[Sentence]) -> str:
    """The sentences in document order; a gap where the passage has text between them."""
    ordered = sorted(sentences, key=lambda s: s.start)
    text = ordered[0].text.strip()
    for previous, sentence in pairwise(ordered):
        chunk = sentence.chunk
        between = chunk.text[previous.end - chunk.start:sentence.start - chunk.start]
        text += (" " if not between.strip() else GAP) + sentence.text.strip()
    return text
