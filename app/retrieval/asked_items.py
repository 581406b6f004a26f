"""The item a question asks a figure for (issue 23): "what subsidy … for *straw briquettes*", "pay
towards a household's *central heating fee*", "a household that installs *a ground-source heat
pump*". A document subsidising several items of one kind (pellets, stoves, boilers) answers the
neighbour it names when asked of one it does not: the sentence on biomass *pellets* is no answer
for straw *briquettes*, nor wall insulation for *windows*. The item is read from spaCy's parse,
not from words: the object of "for"/"towards" after the verb or the noun asked with, or the
direct object of a clause inside such a phrase or describing a noun there ("for *installing*
X", "a household *that installs* X", "a household *replacing* X"). Its head noun must be named
where the answer stands (the sentence, what it refers back to, its heading, its documents'
titles), as written or said otherwise (``kindred``: the embedder's close word, sought even when
another candidate holds the question's word: "waste" for "rubbish"), else the sentence states
another item's figure. Not an item: a noun of time or quantity ("for three years"), a person
(who is paid is a holder, judged in ``holders``), a definite bare noun, which refers back ("pay
towards *the work*"), nor a fronted "For …," (the asker's frame: "For each new place built, …").
The noun a question asks with, where no question word reads a kind ("what *risk compensation*"),
is judged too: a figure of it is a holder's (``states_asked_head``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from app.retrieval.counted import names_persons
from app.retrieval.document_questions import DOCUMENT
from app.retrieval.kindred import kindred
from app.retrieval.question_frame import asked_head, asked_parse
from app.retrieval.recipients import hyphened
from app.retrieval.stems import content_stems
from app.store.vectors import TextVectors
from app.text import content_tokens, has_cjk, stem

# Prepositions saying what a payment is for; and the clauses whose object is that item.
_FOR = frozenset({"for", "towards", "toward"})
_CLAUSES = frozenset({"pcomp", "relcl", "acl"})
# Entities that measure or date rather than name a thing ("for three years", "per tonne").
_MEASURES = frozenset({"DATE", "TIME", "QUANTITY", "CARDINAL", "MONEY", "PERCENT", "ORDINAL"})
_WH = frozenset({"WDT", "WP", "WP$", "WRB"})
_DESCRIBING = frozenset({"compound", "amod", "poss", "nmod"})


@lru_cache(maxsize=256)
def asked_items(question: str) -> tuple[str, ...]:
    """The head nouns (lemmas) of the items an English ``question`` asks a figure for."""
    if has_cjk(question):
        return ()
    doc = asked_parse(question)
    return tuple(dict.fromkeys(t.lemma_.lower() for t in doc if _item(t) and any(
        w.tag_ in _WH for w in t.sent)))  # the sentence asking: "We bought heaters for our house."


def unnamed_item(vectors: TextVectors, floor: float, question: str, said: set[str],
                 text: str) -> bool:
    """Whether an item ``question`` asks a figure for is named neither among ``said`` (the stems
    of a sentence, what it refers back to and the titles) nor by a close word of ``text`` (the
    sentence with its heading)."""
    unsaid = {stem(i): i for i in asked_items(question) if stem(i) not in said}
    if not unsaid:
        return False
    close = kindred(vectors, floor, unsaid, [content_tokens(text)])[0]
    return bool(unsaid.keys() - close)


def states_asked_head(question: str, found: set[str], text: str, kind_asked: bool) -> bool:
    """Whether ``text`` (a sentence, ``found`` its stems) gives a figure of the noun an English
    ``question`` asks with where no question word reads a kind (else ``kind_asked``: its own
    readers judge it): "what *risk compensation* do guarantee companies receive", "what home
    care *vouchers* do the severely disabled receive". A sentence naming the noun and holding a
    figure gives it to someone, who must be the question's holder, as for a sum asked ("*banks*
    receive a risk compensation of up to 20%" is another's). A document as the asking clause's
    subject ("what coverage does *the plan* target") names no holder: it asks what it says."""
    head = content_stems("" if kind_asked else asked_head(question))
    return bool(head) and set(head) <= found and any(c.isdigit() for c in text) and not any(
        t.dep_ == "nsubj" and DOCUMENT.fullmatch(t.text) for t in asked_parse(question))


def _item(token: Any) -> bool:
    # Not a count or a measure ("600 tonnes", "how many kWh"), nor a holder its clause describes
    # ("a household *that installs* X": X is the item; "the helpers *who* stand …").
    if token.pos_ != "NOUN" or hyphened(token) or token.ent_type_ in _MEASURES \
            or not token.is_alpha or names_persons(token.lemma_.lower()) or any(
                c.dep_ == "nummod" or c.lower_ in {"many", "much"} or (
                    c.dep_ in {"relcl", "acl"} and any(o.dep_ == "dobj" or o.lower_ == "who"
                                                       for o in c.children))
                for c in token.children):
        return False
    if any(c.lower_ == "the" for c in token.children) and not any(
            c.dep_ in _DESCRIBING for c in token.children):
        return False  # "the work": what the question said before
    head = token.head
    if token.dep_ == "pobj":  # not a stranded "for" ("what share … must X account *for*")
        return head.lower_ in _FOR and head.i < token.i and _for_payment(head) and not any(
            c.tag_ in _WH for c in token.children)
    if token.dep_ != "dobj" or head.pos_ != "VERB" or head.dep_ not in _CLAUSES:
        return False
    if head.dep_ == "pcomp":  # "for installing X"
        return head.head.lower_ in _FOR and _for_payment(head.head)
    holder = head.head  # "a household that installs X": the holder within a "for" phrase
    return holder.dep_ in {"pobj", "dobj", "dative"} and holder.pos_ == "NOUN"


def _for_payment(preposition: Any) -> bool:
    """Whether a "for" phrase is said of the question's verb or of a noun it asks with, after
    it (not of a word inside the item: "buying a gas cooker *for* the kitchen", "gas used *for*
    heating"; nor fronted: "*For* each new place built, how much …")."""
    owner = preposition.head
    if preposition.i < owner.i:
        return False
    if owner.pos_ == "VERB":
        return owner.dep_ not in {"pcomp", "acl", "advcl"}
    return owner.dep_ == "ROOT" or (owner.head.dep_ == "ROOT" and owner.pos_ == "NOUN"
                                    and owner.dep_ in {"dobj", "nsubj", "nsubjpass", "attr"})
