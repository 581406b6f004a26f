"""A chunk's entities as stored at ingest (JSON ``[[start, end, label, value?], …]`` into its
text), read once per chunk rather than once per sentence.

Why: answerability reads each candidate sentence's entities, and a chunk holds many sentences
that come back question after question; parsing the chunk's JSON and scanning its text for
ratios per sentence took ~5% of a realzh-dev question's CPU.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from app.numerals import MAGNITUDES, NUMBER_WORDS, RATIO

# Chunk metadata key of ingest's entities: JSON [[start, end, label, value?], …] into its text.
ENTITIES_KEY = "entities"
Entity = tuple[int, int, str] | tuple[int, int, str, object]
# What joins the members of a list: a comma, 、, "and" ("Jiazhi Huixing, Guoxing Yuhang, and …").
_LISTED = re.compile(r"\s*(?:[,，、]\s*(?:and\s+)?|and\s+|和|及|与)\s*")
# A number says a numeral: English words NER reads as one without any, before a figure it tags
# apart, are a misread ("*up to* 1 million yuan"), which would answer "how many" with no count.
_NO_NUMERAL = re.compile(rf"(?!.*\b(?:{'|'.join([*NUMBER_WORDS, *MAGNITUDES])}|dozen|half|single"
                         r"|double|once|twice))[A-Za-z][A-Za-z\s'-]*", re.I)


@lru_cache(maxsize=16384)
def chunk_entities(raw: str, text: str) -> tuple[tuple[Entity, ...], tuple[tuple[int, int], ...],
                                                 str]:
    """The chunk's entities with its ratios (5:5) as shares, the spans of its organisations and
    places, and those names joined by spaces."""
    stored = [tuple(e) for e in json.loads(raw)]
    starts = {e[0] for e in stored}
    # A phone number's digit groups (0395 of 0395-3156210) count nothing: no figure of a "how many".
    phones = [(e[0], e[1]) for e in stored if e[2] == "PHONE"]
    entities: tuple[Entity, ...] = _listed_as_bodies(tuple(
        e for e in stored if e[2] != "NUMBER" or (not any(
            s <= e[0] and e[1] <= t for s, t in phones) and (not _NO_NUMERAL.fullmatch(
                text[e[0]:e[1]]) or e[1] + 1 not in starts))  # the figure it bounds is no
    ), text) + tuple(  # entity: NER cut its span short
        (*m.span(), "PERCENT") for m in RATIO.finditer(text))
    named = tuple((e[0], e[1]) for e in entities if e[2] in {"ORG", "PLACE"})
    return entities, named, " ".join(text[s:e] for s, e in named)


def _listed_as_bodies(entities: tuple[Entity, ...], text: str) -> tuple[Entity, ...]:
    """A "person" NER finds in one list with an organisation is one too: firms built it jointly
    ("jointly built by Jiazhi Huixing, Guoxing Yuhang, and Qianxing Holdings", two of them read as
    persons), and a "who heads …" question is no more answered by them than by the third."""
    bodies = {i for run in _runs(entities, text) if any(entities[j][2] == "ORG" for j in run)
              for i in run if entities[i][2] == "PERSON"}
    return tuple((e[0], e[1], "ORG", *e[3:]) if i in bodies else e for i, e in enumerate(entities))


def _runs(entities: tuple[Entity, ...], text: str) -> list[list[int]]:
    """The indices of ``entities`` in runs, each the members of one list (or one alone)."""
    runs: list[list[int]] = []
    for i in sorted(range(len(entities)), key=lambda i: entities[i][0]):
        if runs and _LISTED.fullmatch(text[entities[runs[-1][-1]][1]:entities[i][0]]):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


@lru_cache(maxsize=4096)
def listed_with(raw: str, text: str) -> dict[int, tuple[str, ...]]:
    """Per entity's start, the names of its list's members, its own among them: the members of
    one list are of one kind ("(Responsible units: Municipal Transportation Bureau, …, Municipal
    Fire Rescue Detachment)" are government's, though the last is not named a bureau)."""
    entities = chunk_entities(raw, text)[0]
    return {entities[i][0]: tuple(text[entities[j][0]:entities[j][1]] for j in run)
            for run in _runs(entities, text) for i in run}
