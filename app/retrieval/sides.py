"""The complement's detail (issue 22): an English sentence stating a figure for the ones *outside*
a place or period says nothing of those *inside* it, and the other way round. "visitors *from
outside* Xinjiang" for a question about visitors "from inside Xinjiang", an allowance "*during*
the fire seasons" for one "*outside* the fire seasons", the subsidy "*with* an elevator" for
buildings "*without* one": the text sets its condition on one side of the line, and the asker
stands on the other.

A side is read from the preposition that relates a thing to its object, by spaCy's parse: the
prepositions of exclusion (outside, without, except, beyond, excluding) and of inclusion (inside,
within, in, during, with, including) are a closed class, a general fact of English. Its object
is the preposition's own (``pobj``), or the noun it modifies where the parser reads it as an
adjective ("from *outside* Xinjiang" as amod of Xinjiang). The sentence must relate the same
object (by its stem) only from the other side: one naming both sides may state either's detail.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from app.retrieval.question_frame import asked_parse
from app.retrieval.taggers import NOUNS, TAGGING, parsed
from app.text import has_cjk, stem

_EXCLUDING = frozenset({"outside", "without", "except", "beyond", "excluding"})
_INCLUDING = frozenset({"inside", "within", "in", "during", "with", "including"})
Side = tuple[str, bool, str]  # the preposition, excluding or not, the object's stem


def _sides(doc: Any) -> set[Side]:
    """The sides of a parsed English ``doc``: (preposition, excluding, object stem)."""
    found: set[Side] = set()
    for word in doc:
        if (lowered := word.lower_) not in _EXCLUDING | _INCLUDING:
            continue
        objects = [c for c in word.children if c.dep_ in {"pobj", "pcomp"} and c.pos_ in NOUNS]
        if not objects and word.dep_ in {"amod", "advmod"} and word.head.pos_ in NOUNS \
                and word.i < word.head.i:
            objects = [word.head]
        found |= {(lowered, lowered in _EXCLUDING, stem(o.lemma_)) for o in objects}
    return found


@lru_cache(maxsize=256)
def _question_sides(question: str) -> frozenset[Side]:
    return frozenset(_sides(asked_parse(question)))


def other_side(question: str, sentence: str) -> bool:
    """Whether English ``sentence`` relates a thing the question relates to an object by
    exclusion (or inclusion) to that object only from the other side, and never uses the
    question's preposition."""
    words = {w.strip("?,.;:()") for w in f"{question} {sentence}".lower().split()}
    if has_cjk(question) or has_cjk(sentence) or not words & _EXCLUDING:
        return False  # without a word of exclusion on either side, no side is contrasted
    asked = _question_sides(question)
    if len({excluded for _, excluded, _ in asked}) != 1:
        return False  # placing its thing by both sides ("in a township outside Qiqihar") it
        # may mean the outskirts within a city's bounds
    with TAGGING:
        theirs = _sides(parsed(sentence))
    # Naming the question's side by its own word, of any object, it may state that side too
    # ("outside Meizhou …; those working *inside* the city receive …").
    return any(any(their[1:] == (not excluded, thing) for their in theirs) and not any(
        their[0] == word or their[1:] == (excluded, thing) for their in theirs)
        for word, excluded, thing in asked)
