"""Where an English sentence says a thing is or is done, by spaCy's parse: the English
counterpart of ``app.chinese_words.locates`` (在 + a facility). NER tags named places only, and
a "where" is as often answered by a platform, a window, a board or a level ("deploying an AI
testing zone on the government cloud", "posted on the bulletin board of the village").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from app.chinese_words import TAGGING
from app.retrieval.taggers import NOUNS, parsed
from app.text import has_cjk

# English grammar's prepositions of place and of the way a thing is reached ("by", "for", "of",
# "with" say who or what, not where).
_LOCATIVE = frozenset({"at", "on", "in", "into", "onto", "through", "via", "within", "inside",
                       "across", "throughout"})
# An object's words that make it one thing, not an idiom ("in principle", "in detail").
_SPECIFYING = frozenset({"det", "compound", "amod", "poss", "nmod"})
_CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})  # a question's words that say what it is of
_COMMON = _CONTENT - {"PROPN"}  # a name (a city's, "AI") is what every passage is about
_MODIFIERS = frozenset({"compound", "amod"})  # the words telling one zone from another
_WHERE = re.compile(r"\bwhere\b", re.I)


@dataclass(frozen=True)
class _Where:
    """What a "where" question asks of: its words, those of them no name (what it says is done
    to what: "extend", "approach"), and the head of the thing it locates with the modifier
    next to it ("cluster" of "AI cluster zone")."""

    words: frozenset[str]
    common: frozenset[str]
    thing: str
    kind_of_thing: str


def says_where(sentence: str, question: str) -> bool:
    """Whether an English ``sentence`` has a locative phrase that may answer the "where" of
    ``question``: a locative preposition and its object, a noun made one thing by a determiner or
    modifier, with no figure in it (a date: "on the 8th of each month") and not named by the
    question's own words (the thing it asks of, a place it names). The phrase must locate what
    is asked: when the sentence names the thing, hang on a word whose phrase holds it ("the list
    … is posted on the board", not another clause's "deploying a zone on the cloud" for the
    center it also names); else hang on or hold the question's verb ("extending the policy at
    the grassroots level"). A thing of another kind ("an AI testing zone" for "the AI cluster
    zone") is located by no sentence naming only it."""
    if has_cjk(sentence) or not (asked := _where_asked(question)):
        return False
    with TAGGING:
        doc = parsed(sentence)
    things = [t for t in doc if t.lemma_.lower() == asked.thing]
    same = [t for t in things if not _other_kind(t, asked)]
    if things and not same:
        return False
    return any(_locative(prep, asked.words) and (any(
        _governs(prep.head, t) and t not in prep.subtree for t in same) if same else bool(
            asked.common & _located(prep))) for prep in doc)


def _other_kind(token: Any, asked: _Where) -> bool:
    """Whether the sentence's ``token`` names another thing of the asked thing's noun: the
    modifier next to each is not among the other's words ("AI testing zone", "AI cluster zone";
    not "artificial intelligence service area" for "AI service area")."""
    own = {c.lemma_.lower() for c in token.children if c.dep_ in _MODIFIERS}
    kind = _kind(token)
    return bool(kind and asked.kind_of_thing and kind not in asked.words
                and asked.kind_of_thing not in own)


def _kind(token: Any) -> str:
    """The modifier right before a noun ("cluster" of "AI cluster zone"), if any."""
    before = token.doc[token.i - 1] if token.i else None
    return before.lemma_.lower() if before is not None and before.head.i == token.i \
        and before.dep_ in _MODIFIERS else ""


def _locative(prep: Any, words: frozenset[str]) -> bool:
    if prep.dep_ != "prep" or prep.lower_ not in _LOCATIVE:
        return False
    return any(obj.dep_ == "pobj" and obj.pos_ in NOUNS and not _named(obj) <= words
               and any(c.dep_ in _SPECIFYING for c in obj.children)
               and not any(t.like_num or any(map(str.isdigit, t.text)) for t in obj.subtree)
               for obj in prep.children)


def _named(obj: Any) -> set[str]:
    """The words of an object's name: its noun and the nouns compounding it (not "the new")."""
    return {t.lemma_.lower() for t in [obj, *obj.children] if t is obj or t.dep_ == "compound"}


def _governs(head: Any, token: Any) -> bool:
    """Whether ``token`` is in the phrase of ``head``, or of the verb an adverbial clause
    ``head`` opens modifies ("Relying on public places …, build … scenes"), not in a clause
    joined to it ("carry out financing in markets …, and set up a session in the … event": the
    first verb does not locate the event; "rely on the hall to plan and build a platform" does)."""
    heads = {head.i, head.head.i} if head.dep_ == "advcl" else {head.i}
    while token.i not in heads:
        if (_joined(token) and token.head.i in heads) or token.head.i == token.i:
            return False
        token = token.head
    return True


def _located(prep: Any) -> set[str]:
    """The lemmas a locative phrase may say where of: its head's phrase but itself ("deploying
    an AI testing zone" of "on the government cloud") and the words its head hangs on
    ("extending the … policy" of "at the grassroots level"), up to a joined clause."""
    lemmas = {t.lemma_.lower() for t in prep.head.subtree if t not in prep.subtree}
    token = prep.head
    while token.head.i != token.i and not _joined(token):
        token = token.head
        lemmas.add(token.lemma_.lower())
    return lemmas


def _joined(token: Any) -> bool:
    return bool(token.dep_ == "conj" and token.pos_ == "VERB")


@lru_cache(maxsize=256)
def _where_asked(question: str) -> _Where | None:
    """What a question asking "where" asks of (None if it asks no "where"). The thing is its
    verb's object, else a passive's or a copula's subject, else any subject ("where is Zhanjiang
    deploying its zone", "where is the list put up"); the parse may hang "where" on the
    auxiliary, so the whole question is read."""
    if not _WHERE.search(question):  # most questions: no parse
        return None
    with TAGGING:
        doc = parsed(question)
    if not any(t.lower_ == "where" and t.tag_ == "WRB" for t in doc):
        return None
    nouns = [t for t in doc if t.pos_ in NOUNS and t.dep_ in {"dobj", "nsubjpass", "nsubj"}]
    thing = min(nouns, key=_located_first, default=None)
    return _Where(words=frozenset(t.lemma_.lower() for t in doc if t.pos_ in _CONTENT),
                  common=frozenset(t.lemma_.lower() for t in doc if t.pos_ in _COMMON),
                  thing=thing.lemma_.lower() if thing else "",
                  kind_of_thing=_kind(thing) if thing else "")


def _located_first(noun: Any) -> tuple[bool, bool]:
    """An object first, then a passive's or a copula's subject, then any subject."""
    passive = noun.dep_ == "nsubjpass" or noun.head.pos_ == "AUX" or any(
        c.dep_ == "auxpass" for c in noun.head.children)
    return noun.dep_ != "dobj", not passive
