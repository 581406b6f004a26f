"""A passage stated word for word by several documents: which copy answers the question.

Notices are reprinted (a province's tax bureau republishes the ministry's guide, a district's
news site the city's report), so the first passage found is often stated by another document
too, and the rankings, reading the same words, place the copies side by side by chance. The
question's place tells them apart: a question naming a place is answered by that place's own
copy (then a broader place's, a national one's, a narrower place's last: a district's reprint
does not speak for its city), a question naming none by the national copy, not a province's
reprint (round 26: a 国家 question answered from 山东's reprint of the ministry's guide).
A question naming a place also takes its place's report restating only the first passage's
answering sentence amid other news (round 35: "重庆…亏损最长结转年限" answered from the ministry's
notice, above 重庆's report of the same clause).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache

from app.retrieval.gazetteer import gazetteer
from app.retrieval.place_inference import PlaceInference
from app.retrieval.places import PlaceIndex
from app.text import bigram_units, sentence_spans

# Two passages are copies when most of the shorter one's runs of this many characters (white
# space aside) are in the other: 8 characters are a phrase, rarely shared by two different
# clauses, and a copy laid out with other line breaks or a word changed still shares most.
SHINGLE = 8
COPIED = 0.6
# How far down the fused passages a copy of the first is looked for.
LOOKED_AT = 10
# A sentence shorter than this (white space aside) is too common a phrase to call restated.
RESTATED_LENGTH = 24
# ``place_fit`` of a document with no place (a national notice) for a question naming places.
NO_PLACE = 2


# Kept per text: a chunk's shingles were cut again by each question finding it among its first
# passages (a quarter of the cuts repeated an earlier question's); a few hundred chunks' sets,
# ~50 KB each, are kept.
@lru_cache(maxsize=256)
def shingles(text: str) -> frozenset[str]:
    plain = "".join(text.split())
    return frozenset({plain[i:i + SHINGLE] for i in range(max(1, len(plain) - SHINGLE + 1))})


def are_copies(one: str, other: str) -> bool:
    """Whether two passages state the same text (most of the shorter one's shingles shared)."""
    return shares_most(shingles(one), shingles(other))


def shares_most(a: AbstractSet[str], b: AbstractSet[str]) -> bool:
    """Whether two passages' shingles are most of the shorter one's (``COPIED``)."""
    return len(a & b) >= COPIED * min(len(a), len(b))


def answering_sentence(passage: str, question: str) -> frozenset[str]:
    """The shingles of the passage's sentence sharing most character pairs with the question
    (the clause a report restates amid its other news), none when it is a short phrase."""
    asked = bigram_units(question)
    sentences = ["".join(passage[s:e].split()) for s, e in sentence_spans(passage)]
    best = max(sentences, key=lambda s: len(bigram_units(s) & asked), default="")
    return shingles(best) if len(best) >= RESTATED_LENGTH else frozenset()


def place_fit(doc_id: str, places: PlaceInference, index: PlaceIndex,
              division_of: Callable[[str], str | None]) -> int:
    """How well a document's place fits the question's, lower is better: for a question
    naming places, the place itself (0), a place around it (1), no place (2), a place inside
    it (3); for a question naming none, no place (0), any place (1)."""
    own = division_of(doc_id)
    if not places.held:
        return 0 if doc_id in index.unplaced else 1
    if own is None:
        return NO_PLACE
    g = gazetteer()
    named = {d.adcode for name in places.held for d in g.named(name)}
    if own in named:
        return 0
    if any(g.contains(own, code) for code in named):
        return 1
    return 3


def copy_first(ids: list[str], text: Callable[[str], str], doc: Callable[[str], str],
               fit: Callable[[str], int], placed_question: str = "") -> list[str]:
    """``ids`` (passages, best first) with the first passage's best-placed copy first: among
    the first passage and its copies in other documents (within ``LOOKED_AT``), the one whose
    document fits the question's place strictly best; ties keep the fused order. A question
    naming a place (``placed_question``) counts a passage stating most of the first passage's
    answering sentence as a copy too."""
    if len(ids) < 2:
        return ids
    head = ids[0]
    own = shingles(text(head))  # once, not again for each passage it is compared with
    said = answering_sentence(text(head), placed_question) if placed_question else frozenset()

    def copied(other: frozenset[str]) -> bool:
        return shares_most(own, other) or (bool(said) and shares_most(said, other))

    copies: Sequence[str] = [cid for cid in ids[1:LOOKED_AT]
                             if doc(cid) != doc(head) and copied(shingles(text(cid)))]
    if not copies:  # most questions: no place to weigh (each weighing reads the gazetteer)
        return ids
    best = min([head, *copies], key=lambda cid: fit(doc(cid)))
    if best == head or fit(doc(best)) == fit(doc(head)):
        return ids
    return [best, *[cid for cid in ids if cid != best]]
