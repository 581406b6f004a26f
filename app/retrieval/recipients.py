"""Another recipient's detail (issue 23): a holder is not always named with the question's
words. A sentence giving what the question asks with ("a one-off *subsidy*") to another subject
or recipient of its verb ("an industrial *enterprise* … receives") than the question's ("give an
urban *household*"), which it names nowhere, states another recipient's detail (round 26;
spaCy's dependency parse of both).
Round 42 (enrefuse43) reads it where no noun asks: the verb whose object the question word is
("how much do *homestays* receive"), and the noun after "for" of the one asked ("the reward
*for hotels*"). ``holders.other_holder`` asks it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from app.retrieval.dictionary import one_sense
from app.retrieval.glossary import expand_query
from app.retrieval.question_frame import asked_parse
from app.retrieval.stems import content_stems
from app.text import stem

ASKING_TAGS = frozenset({"WDT", "WP", "WP$"})  # "what", "which", "whose" before a noun


# The places of a verb's arguments that hold what it gives ("give *households* a subsidy",
# "*banks* receive a compensation") and of the phrase a question asks with ("what *award*").
_HOLDING = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})
_ASKING = frozenset({"what", "which", "much", "many"})


@lru_cache(maxsize=256)
def recipients(question: str) -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """The stems of the nouns an English ``question`` asks with ("what *subsidy*", "how much is
    the *reward*"), the lemmas of the common nouns holding it as its verb's other arguments
    ("give an urban *household*", "do *students* get") or after its "for" ("the reward *for
    hotels*"), and the lemmas of the verbs a question word is the object of where no noun asks
    ("how much do *homestays* receive": ``_other_recipient`` finds them in a sentence by their
    lemma). By spaCy's parse, not a word list."""
    doc = asked_parse(question)
    asking = [t for t in doc if t.pos_ == "NOUN" and (any(c.lower_ in _ASKING for c in t.children)
                                                     or _equated(t))]
    # The verbs it is an argument of (past an auxiliary the parser made its head: "how many
    # trucks *does* each station keep"), and a clause they take ("what allowance do students
    # get"). "Do" and "be" are no giving verbs: "does" read as the verb of "does Zhangzhou target".
    heads = {t.head.head if t.head.dep_ == "aux" else t.head for t in asking}
    verbs = {v for v in heads | {c for v in heads for c in v.children
                                 if c.dep_ in {"ccomp", "xcomp"}} if v.lemma_ not in {"do", "be"}}
    # Without a noun asking, the verb whose object the question word is ("what do farms get").
    wh = next((t for t in doc if t.dep_ == "dobj" and (t.tag_ in ASKING_TAGS or (
        t.lower_ in {"much", "many"}))), None) if not asking else None
    by_lemma = frozenset({wh.head.lemma_} if wh is not None and wh.head.pos_ == "VERB"
                         and wh.head.lemma_ not in {"do", "be"} else ())
    verbs |= {wh.head} if by_lemma and wh is not None else set()
    holders = tuple(t.lemma_.lower() for t in doc if t.pos_ == "NOUN" and t not in asking
                    and not hyphened(t) and ((t.head if t.dep_ in _HOLDING else t.head.head
                                              if t.head.dep_ == "dative" else None) in verbs or (
                        t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head in asking)))
    return frozenset(stem(t.text) for t in asking), holders, by_lemma


def _equated(token: Any) -> bool:
    """Whether noun ``token`` is what a copula equates with the amount asked ("how much is the
    *reward*", "what is the *subsidy*"): the noun the question asks with."""
    return token.dep_ == "nsubj" and token.head.lemma_ == "be" and any(
        c.dep_ in {"acomp", "attr"} and (c.lower_ in {"much", "many"} or c.tag_ in ASKING_TAGS)
        for c in token.head.children)


def hyphened(token: Any) -> bool:
    """Whether ``token`` is joined to its neighbour by a hyphen: a piece of a word."""
    doc = token.doc
    return any(0 <= i < len(doc) and doc[i].text == "-" for i in (token.i - 1, token.i + 1))


def other_recipient(question: str, doc: Any, said: set[str], asked: set[str]) -> bool:
    """Whether ``doc`` gives what ``question`` asks with ("a one-off construction *subsidy*")
    to another holder, the subject or recipient of its verb ("an industrial *enterprise* …
    receives"), and names the question's own holder ("an urban *household*") nowhere."""
    asking, holders, by_lemma = recipients(question)
    unsaid = [h for h in holders if not {stem(h), *content_stems(expand_query(h))} & said]
    if not unsaid or len(unsaid) < len(holders):  # names one: may be stating its detail
        return False
    verbs = [t.head for t in doc if stem(t.text) in asking and t.dep_ in _HOLDING] + [
        t for t in doc if t.lemma_ in by_lemma]  # the verb asked by, without a noun asking
    for verb in verbs:
        if verb.pos_ != "VERB":
            continue
        for other in verb.children:  # its subject names the holder by a word of its phrase
            # too ("the *municipal* finance" is the city's)
            if other.pos_ == "NOUN" and other.dep_ in {"nsubj", "dative"} \
                    and stem(other.text) not in asking \
                    and stem(other.text) not in asked and not hyphened(other) \
                    and not any(one_sense(h, w.lemma_.lower()) for h in unsaid for w in (
                        other, *(c for c in other.lefts if c.dep_ in {"amod", "compound"}))):
                return True
    return False
