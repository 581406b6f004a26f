"""Whether an English passage speaks of the things a Chinese question names (issue 22).

A Chinese question's characters cannot be matched with an English sentence's words, so a
question about a thing no document names ("广州人工智能公共算力中心") was answered with a
sentence on another thing of its field (the Pazhou space computing centre's 500P): the
cross-lingual cosine of the two whole texts is high, and the words the sentence lacks are few
among the question's. A thing's name is another matter: each of its words says which thing it
is. The names come from Baidu LAC (an organisation, a proper noun); a word of one that the
dictionary renders (公共 "public") and that neither the sentence nor the sentences just before it
(where "the center" was named) holds, with another such word, says the sentence is about another
thing. The multilingual
embedder, compared name to name, did not tell them apart (0.56 for the other centre, 0.67 for
the same one): a name's words differ where the whole's meaning does not.

A sentence whose subject refers back (a pronoun, "It has become …"; a definite common noun with
no name in it, "The base covers …", by spaCy's parse) speaks of what its paragraph's first
sentence or its section heading named, however far before: their words count as said.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from app.retrieval.glossary import expand_query
from app.retrieval.stems import content_stems
from app.retrieval.taggers import TAGGING, lac, parsed
from app.store.records import Chunk
from app.text import has_cjk, paragraph_before, sentence_spans

# LAC's tags of a name a question gives: an organisation's or a thing's own (nz: "穗表通").
_NAME_TAGS = frozenset({"ORG", "nz"})
# Words of a name a sentence must lack for it to be another thing's: one alone may be rendered
# otherwise (管理局 as "management bureau" for an "Administration"), or be a place the thing is
# in that a sentence opening its chunk leaves to the one before ("This Space … Center" of 琶洲).
UNHELD = 2
ROOT = 6  # letters of a root two English words derived from it share (strategy, strategic)


@lru_cache(maxsize=512)
def question_names(question: str) -> tuple[str, ...]:
    """The names a Chinese question gives of organisations and things, as LAC tags them."""
    return tuple(dict.fromkeys(w for w, tag in question_tags(question)
                               if tag in _NAME_TAGS and has_cjk(w)))


@lru_cache(maxsize=512)
def question_tags(question: str) -> tuple[tuple[str, str], ...]:
    """A Chinese question's words with LAC's tags (read once for its names and its bodies)."""
    if not has_cjk(question):  # its names would hold no Chinese: LAC (~3 ms) is not run
        return ()
    with TAGGING:
        return tuple((w, t) for w, t in lac().run(question))


def name_terms(question: str, terms: list[frozenset[str]]) -> list[frozenset[str]]:
    """The question's words (each a Chinese word and the stems rendering it) that are part of a
    name it gives, when the dictionary renders them (an unrendered one cannot be sought)."""
    names = question_names(question)
    return [t for t in terms if any(not has_cjk(s) for s in t)
            and any(w in name for w in t if has_cjk(w) for name in names)]


def names_another(terms: list[frozenset[str]], found: set[str], chunk: Chunk, start: int) -> bool:
    """Whether a sentence (its stems ``found``; at ``start`` of the document, in ``chunk``) lacks
    ``UNHELD`` words of the names the question gives (``name_terms``), it and the sentences just
    before it."""
    said = found | _said_before(chunk.text, start - chunk.start)
    if sum(not _holds(said, t) for t in terms) < UNHELD:
        return False
    said |= _referred(chunk.text, chunk.section, start - chunk.start)  # parsed only if needed
    return sum(not _holds(said, t) for t in terms) >= UNHELD


def _holds(said: set[str] | frozenset[str], term: frozenset[str]) -> bool:
    """Whether ``said`` holds a stem of ``term`` or a word of the same root: a rendering's stem
    and the text's share a root of ``ROOT`` letters ("strategi" of strategy, "strateg" of
    strategic)."""
    return bool(term & said) or bool({s[:ROOT] for s in term if len(s) >= ROOT}
                                     & {s[:ROOT] for s in said if len(s) >= ROOT})


@lru_cache(maxsize=4096)
def _said_before(text: str, offset: int) -> frozenset[str]:
    """The stems of the sentences of ``text`` just before ``offset``, where the thing a sentence
    calls "the center" was named."""
    return frozenset(content_stems(expand_query(paragraph_before(text[:max(0, offset)]))))


@lru_cache(maxsize=4096)
def _referred(text: str, section: str, offset: int) -> frozenset[str]:
    """The stems of what the sentence of ``text`` at ``offset`` refers back to (its section's
    heading and its paragraph's first sentence), or none when its subject names a thing itself."""
    if not _subject_refers_back(text, offset):
        return frozenset()
    paragraph = text[text.rfind("\n", 0, offset) + 1:offset]
    opening = paragraph[:first[1]] if (first := next(iter(sentence_spans(paragraph)), None)) else ""
    return frozenset(content_stems(expand_query(f"{section} {opening}")))


def referred_back(chunk: Chunk, start: int, question: str = "") -> frozenset[str]:
    """The stems of the sentences of its paragraph just before the English sentence of ``chunk``
    at ``start`` (of the document) when its subject refers back to them ("The subsidy standard is
    up to 6,000 yuan per household." after the sentence naming the home adaptation it is of):
    what it is about is said there, in the words a question asking its figure uses. A Chinese
    ``question``'s words are renderings, which the sentences before find in any of their terms."""
    if has_cjk(question):
        return frozenset()
    before = _said_before(chunk.text, offset := start - chunk.start)
    return before if before and _subject_refers_back(chunk.text, offset) else frozenset()


def _subject_refers_back(text: str, offset: int) -> bool:
    """Whether the subject of the English sentence of ``text`` at ``offset`` refers back."""
    spans = sentence_spans(text[offset:])
    if not spans or has_cjk(sentence := text[offset:offset + spans[0][1]]):
        return False
    with TAGGING:
        doc = parsed(sentence)
    subject = next((t for t in doc if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT"),
                   None)
    return subject is not None and _refers_back(subject)


def _refers_back(subject: Any) -> bool:
    """A third-person or demonstrative pronoun ("It", "This"), or a common noun a definite,
    demonstrative or possessive determiner opens and no proper noun names ("the office")."""
    kind = subject.morph.get("PronType")
    if subject.pos_ == "PRON":
        return "Dem" in kind or ("Prs" in kind and "3" in subject.morph.get("Person"))
    return subject.pos_ == "NOUN" and all(t.pos_ != "PROPN" for t in subject.subtree) and any(
        "Def" in d.morph.get("Definite") or "Dem" in d.morph.get("PronType")
        or "Yes" in d.morph.get("Poss") for d in subject.children if d.dep_ in {"det", "poss"})
