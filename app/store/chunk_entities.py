"""A chunk's entities as stored at ingest (JSON ``[[start, end, label, value?], …]`` into its
text), read once per chunk rather than once per sentence.

Why: answerability reads each candidate sentence's entities, and a chunk holds many sentences
that come back question after question; parsing the chunk's JSON and scanning its text for
ratios per sentence took ~5% of a realzh-dev question's CPU.
"""

from __future__ import annotations

import json
from functools import lru_cache

from app.numerals import RATIO

Entity = tuple[int, int, str] | tuple[int, int, str, object]


@lru_cache(maxsize=16384)
def chunk_entities(raw: str, text: str) -> tuple[tuple[Entity, ...], tuple[tuple[int, int], ...],
                                                 str]:
    """The chunk's entities with its ratios (5:5) as shares, the spans of its organisations and
    places, and those names joined by spaces."""
    entities: tuple[Entity, ...] = tuple(tuple(e) for e in json.loads(raw)) + tuple(
        (*m.span(), "PERCENT") for m in RATIO.finditer(text))
    named = tuple((e[0], e[1]) for e in entities if e[2] in {"ORG", "PLACE"})
    return entities, named, " ".join(text[s:e] for s, e in named)
