"""Another body's act (issue 23): an English question naming the body whose act it asks a detail
of ("within how many working days does the *municipal civil affairs bureau* review …") is not
answered by a sentence giving that detail of another body's act ("… are reviewed by the
*district* civil affairs bureau within 15 working days"; "the Municipal *Administrative Approval
Service* Bureau completes the filing …" for the *development and reform* commission's). A body
is named by a phrase ending in a body's noun (bureau, commission, office: ``ORG_NOUNS_EN``) with
its modifiers before it and its "of …" after it, read from spaCy's tags; the place it is of
(Huzhou, "Dezhou's") says whose city, not which body. The sentence states another body's
detail when it never says all the question's body's words, and each body it names has a word
the question's does not where the question's has a noun it lacks (no CC-CEDICT sense shared:
"city" is "municipal"; an adjective of the question's may only describe: Haizhu's "new" AI
bureau); a sentence naming a body less precisely ("the bureau") may be of the same one.
A question asking which body ("which bureau …") names none.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from app.retrieval.dictionary import one_sense
from app.retrieval.gazetteer import gazetteer
from app.retrieval.glossary import expand_query
from app.retrieval.taggers import TAGGING, parsed
from app.text import ORG_NOUNS_EN, has_cjk, stem

_BODY_NOUN = re.compile(rf"{ORG_NOUNS_EN}", re.I)
_ASKS_WHICH = re.compile(rf"\b(?:which|what|whose)\s+(?:[\w-]+\s+){{0,3}}?{ORG_NOUNS_EN}\b", re.I)
_JOINING = frozenset({"and", "&"})  # "development and reform", "industry and information"
_WORD_TAGS = frozenset({"ADJ", "NOUN", "PROPN"})  # a body's name is made of these
# English auxiliaries, before a question's subject ("how long does the bureau take").
_AUXILIARY = re.compile(r"does|do|did|is|are|was|were|must|will|would|can|could|shall|should|may")
_INSIDE = frozenset("-()")  # "sub-district office", "county (district) … bureau"


def _bodies(doc: Any, places: frozenset[str], acting: bool = False
            ) -> list[tuple[frozenset[str], frozenset[str]]]:
    """Each body ``doc`` names: the words of its name but its noun (lower case, place names left
    out), and those of them that are nouns (an adjective may only describe it: a "new" bureau);
    ``acting``: only a question's subject, the phrase after its auxiliary ("does the … bureau
    review", "must Dezhou's … commission file") or after "by"."""
    found = []
    for token in doc:
        if token.pos_ not in {"NOUN", "PROPN"} or not _BODY_NOUN.fullmatch(token.lower_):
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].pos_ in {"NOUN", "PROPN"} and \
                _BODY_NOUN.fullmatch(doc[token.i + 1].lower_):
            continue  # "service centre office": the last noun heads it
        words = []
        i = token.i - 1  # its modifiers, back to a determiner, a possessive or a verb
        while i >= 0 and (doc[i].pos_ in _WORD_TAGS or doc[i].text in _INSIDE or (
                doc[i].lower_ in _JOINING and i > 0 and doc[i - 1].pos_ in _WORD_TAGS)):
            words.append(doc[i])
            i -= 1
        while acting and i >= 0 and (doc[i].pos_ in {"DET", "PART"} or doc[i].lower_ in places):
            i -= 1  # "the", "Dezhou's": whose, not which body
        if acting and (i < 0 or not (_AUXILIARY.fullmatch(doc[i].lower_) or (
                doc[i].lower_ == "by"))):
            continue
        j = token.i + 1  # "of Commerce", "of Industry and Information Technology"
        if j + 1 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].pos_ in _WORD_TAGS:
            j += 1
            while j < len(doc) and (doc[j].pos_ in _WORD_TAGS or doc[j].lower_ in _JOINING):
                words.append(doc[j])
                j += 1
        named = [w for w in words if w.is_alpha and w.lower_ not in _JOINING
                 and w.lower_ not in places and not _BODY_NOUN.fullmatch(w.lower_)]
        found.append((frozenset(w.lower_ for w in named),
                      frozenset(w.lower_ for w in named if w.pos_ != "ADJ")))
    return found


@lru_cache(maxsize=256)
def _asked_bodies(question: str) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """The bodies an English ``question`` names with words of their own, unless it asks one."""
    if has_cjk(question) or _ASKS_WHICH.search(question):
        return ()
    with TAGGING:
        doc = parsed(question)
    return tuple(b for b in _bodies(doc, _places(question), acting=True) if b[1])  # a noun


def _places(text: str) -> frozenset[str]:
    """The words of the place names in ``text`` (lower case)."""
    return frozenset(w.lower() for start, end, _ in gazetteer().english_mentions(text)
                     for w in text[start:end].split())


def _stems(words: frozenset[str]) -> set[str]:
    """The stems of ``words`` and of the texts' variants of them ("AI": artificial intelligence)."""
    return {stem(w) for w in re.findall(r"[a-z]+", expand_query(" ".join(sorted(words))).lower())}


def _said(word: str, held: set[str]) -> bool:
    """Whether ``word`` is among the stems ``held``, itself or by its variant's words."""
    variant = _stems(frozenset({word})) - {stem(word)}
    return stem(word) in held or (bool(variant) and variant <= held)


def _differs(mine: frozenset[str], nouns: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether a body named by ``theirs`` is another than one named by ``mine``: each has a word
    the other lacks (of ``mine``, one of its ``nouns``), sharing no sense with the other's."""
    def lacking(a: frozenset[str], b: frozenset[str]) -> set[str]:
        held = _stems(b)
        return {w for w in a if not _said(w, held) and not any(one_sense(w, o) for o in b)}
    return bool(lacking(nouns, theirs)) and bool(lacking(theirs, mine))


def done_by_another(question: str, sentence: str) -> bool:
    """Whether English ``sentence`` gives its detail of another body's act than the one the
    ``question`` names (see the module's note)."""
    if has_cjk(sentence) or not (asked := _asked_bodies(question)) or not _BODY_NOUN.search(
            sentence):
        return False
    said = _stems(frozenset(re.findall(r"[A-Za-z]+", sentence)))
    with TAGGING:
        theirs = _bodies(parsed(sentence), _places(sentence))
    # Naming the question's body (all its words) it may give its detail; a body it names less
    # precisely ("the bureau") may be the question's.
    return bool(theirs) and any(not all(_said(w, said) for w in mine) and all(
        _differs(mine, nouns, t) for t, _ in theirs) for mine, nouns in asked)
