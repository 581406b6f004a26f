"""Another stage's figure (issue 23, round 35): an English question asking a figure at one stage
of a process ("what share is paid *when the household submits its application*", "when
*construction of the elevator starts*") is not answered by a sentence that sets its figures at
other stages of the same thing ("30% *after the application is approved*", "60% *after the
elevator has passed* the inspection"): the sentence tells its stages apart, and says nothing of
the one asked.

A stage is an event in a temporal clause or phrase (after, when, once, upon, before, until), read
from spaCy's dependency parse: its verbs (a deverbal noun's lemma, "after grid *connection*") and
the common nouns of its words. The two stages are one thing's when they share a noun, and other
stages when no verb of the question's is one of the sentence's (a lemma, or its derivation by a
shared start of five letters: "approve" and "approval"). A sentence using the question's verb
anywhere ("grid-connection acceptance" for "after grid connection") is not judged: it may state
that stage in its own way. Words of the same event with another root ("start" and "begin") are
not seen as one; only the two ends of an act are told by their verbs (``_ENDS``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from app.numerals import EN_MONTHS
from app.retrieval.question_frame import asked_parse
from app.retrieval.taggers import TAGGING, parsed
from app.text import has_cjk

# The English words opening a temporal clause or phrase: a general fact of the language.
_TEMPORAL = frozenset({"after", "when", "once", "upon", "before", "until"})
Event = tuple[frozenset[str], frozenset[str]]  # its verbs' lemmas, its common nouns' lemmas
_MONTH_WORDS = frozenset(EN_MONTHS)
_YEAR = re.compile(r"(?:19|20)\d\d")
_PERIODS = frozenset({"year", "month", "quarter", "week", "season"})  # "the end of the year"
_AUXILIARIES = frozenset({"be", "do", "have"})  # the parser may take one for the main verb
_CLAUSES = frozenset({"relcl", "advcl", "conj", "ccomp", "acl"})  # a verb's clauses: own events
# The two ends of an act, English's inceptive and completive verbs (a fact of aspect, round 46):
# a date its start is set for is no date of its completion ("will start in June 2026" for "when
# is it to be completed"), nor the other way round.
_ENDS = (frozenset({"start", "begin", "commence"}), frozenset({"complete", "finish", "end"}))


def _same(one: str, other: str) -> bool:
    """One lemma, or one root's two forms ("approve", "approval"; "pay", "payment")."""
    short, long = sorted((one, other), key=len)
    return long.startswith(short) if len(short) < 4 else short[:4] == long[:4]


def events(doc: Any) -> list[Event]:
    """Each temporal clause's or phrase's event in a parsed English ``doc``: a verb a temporal
    word marks (not the sentence's own verb: "*When* does it open?" asks, it states no stage),
    with the verbs joined to it by "and"; or a preposition's object or clause ("after *passing*
    the inspection", "upon *completion* of the works")."""
    # A temporal word on the second of two verbs joined by "and" marks both ("when the contract
    # has been signed and filed", which the parser hangs on "filed").
    marked = [t.head.head if t.head.dep_ == "conj" and t.i < t.head.head.i else t.head
              for t in doc if t.lower_ in _TEMPORAL and t.dep_ in ("mark", "advmod")
              and t.head.pos_ in ("VERB", "AUX") and t.head.dep_ != "ROOT"]
    marked += [c for t in doc if t.lower_ in _TEMPORAL and t.dep_ == "prep"
               for c in t.children if c.dep_ in ("pobj", "pcomp") and c.pos_ in ("NOUN", "VERB")]
    found = []
    for head in marked:
        # A clause marked inside this one is its own stage ("30% after X is approved, and 70%
        # after Y passes …": the parser joins the second to the first by "and").
        inner = {t.i for other in marked if other is not head and other.i in
                 {t.i for t in head.subtree} for t in other.subtree}
        words = [t for t in head.subtree if t.i not in inner]
        verbs = {head.lemma_.lower()} | {t.lemma_.lower() for t in words if t.dep_ == "conj"
                                         and t.head is head and t.pos_ == "VERB"}
        nouns = {t.lemma_.lower() for t in words if t.pos_ == "NOUN" and t.is_alpha
                 and t is not head}
        found.append((frozenset(verbs), frozenset(nouns)))
    return found


def _cued(text: str, first: int) -> bool:
    return any(w in _TEMPORAL for w in text.lower().split()[first:])


def other_stage(question: str, sentence: str) -> bool:
    """Whether English ``sentence`` sets its figures at other stages of the thing whose stage
    ``question`` asks of, and never uses the question's verb of that stage."""
    if has_cjk(question) or has_cjk(sentence) or not _cued(question, 1) or not _cued(sentence, 0):
        return False  # a question opening "When" asks a date; it names no stage by that word
    with TAGGING:
        doc = parsed(sentence)
    asked, theirs = events(asked_parse(question)), events(doc)
    if not asked or not theirs:
        return False
    lemmas = [t.lemma_.lower() for t in doc if t.is_alpha]
    if any(_same(verb, lemma) for verbs, _ in asked for verb in verbs for lemma in lemmas):
        return False
    return any(nouns & their_nouns and not any(_same(v, w) for v in verbs for w in their_verbs)
               for verbs, nouns in asked for their_verbs, their_nouns in theirs)


def _dated(doc: Any) -> list[Event]:
    """The event each date of a parsed English sentence is set for: the verb a month or a year
    hangs from ("paid *by 31 December*"), with the common nouns of its own words (a clause on one
    of them is its own event: "to households whose systems *passed* acceptance by 31 October")."""
    found = []
    for date in (t for t in doc if t.lower_ in _MONTH_WORDS or (t.like_num and _YEAR.fullmatch(
            t.text))):
        verb = next((a for a in date.ancestors if a.pos_ == "VERB"), None)
        if verb is None:
            continue
        clauses = {t.i for c in verb.children if c.dep_ in _CLAUSES for t in c.subtree}
        nouns = {t.lemma_.lower() for t in verb.subtree if t.pos_ == "NOUN" and t.is_alpha
                 and t.i not in clauses}
        found.append((frozenset({verb.lemma_.lower()}), frozenset(nouns)))
    return found


def _dates(text: str) -> bool:
    return any(w in _MONTH_WORDS or _YEAR.fullmatch(w) for w in re.findall(r"\w+", text.lower()))


def other_event(question: str, sentence: str, candidates: Sequence[str]) -> bool:
    """Whether English ``sentence`` dates only other events of what a "when" ``question`` asks
    of ("paid by 31 December to households …" for "when will it publish the list of households
    …"): its dates hang from verbs sharing a noun with the question's, it never uses the
    question's verb, and another of the ``candidates`` dates that verb's event — so the texts
    tell the events apart (a verb no other sentence dates may be this one's in other words:
    "begin" for "start", "hand in" for "submit")."""
    if has_cjk(question) or has_cjk(sentence):
        return False
    asked = list(asked_parse(question).sents)[-1]  # the question, not a frame before it
    if _other_end(asked, sentence):
        return True
    root = asked.root
    # "when is …", "when does …": the event is not named by its verb; nor by a capitalised word
    # the parser took for one (a city's name: "must *Zhaoqing* finish …").
    if root.pos_ != "VERB" or root.lemma_.lower() in _AUXILIARIES or root.text[:1].isupper():
        return False
    verbs = {root.lemma_.lower()} | {c.lemma_.lower() for c in root.children
                                     if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"}
    if not any(_dates(other) and any(_same(verb, w) for verb in verbs for w in re.findall(
            r"[a-z]+", other.lower())) for other in candidates if other != sentence):
        return False
    with TAGGING:
        doc = parsed(sentence)
    if any(_same(verb, t.lemma_.lower()) for verb in verbs for t in doc if t.is_alpha):
        return False
    nouns = {t.lemma_.lower() for t in asked if t.pos_ == "NOUN" and t.is_alpha}
    return any(nouns & theirs for _, theirs in _dated(doc))


def _other_end(asked: Any, sentence: str) -> bool:
    """Whether ``sentence`` dates only the other end (``_ENDS``) of the act whose one end the
    question ``asked`` names (by its word, the parser's part of speech aside: it reads "By when
    must … start?" as a noun), and a noun or a name of the question."""
    named = [e for e in _ENDS if any(t.lemma_.lower() in e and not _of_a_time(t) for t in asked)]
    if len(named) != 1 or not _dates(sentence):
        return False
    with TAGGING:
        doc = parsed(sentence)
    if any(t.lemma_.lower() in named[0] and not _of_a_time(t) for t in doc):
        return False  # it names the asked end too: it may date it
    # Of the same thing: a noun or name of the question's among the sentence's words.
    nouns = {t.lemma_.lower() for t in asked if t.pos_ in {"NOUN", "PROPN"} and t.is_alpha}
    said = {t.lemma_.lower() for t in doc}
    return bool((nouns - named[0]) & said) and any(their & (_ENDS[0] | _ENDS[1])
                                                 for their, _ in _dated(doc))


def _of_a_time(token: Any) -> bool:
    """Whether ``token`` ("end", "start") is the part of a period its "of" names: "before the
    *end* of 2023", "at the *start* of June" date an act; they name no end of it."""
    return any(c.lower_ == "of" and any(o.lower_ in _MONTH_WORDS or _YEAR.fullmatch(o.text) or (
        o.lower_ in _PERIODS) for o in c.children) for c in token.children)
