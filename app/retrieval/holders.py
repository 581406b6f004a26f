"""Another holder's detail (issue 23): an English sentence stating a figure for the thing a
question names, but with another word in one of its modifiers' places ("registered unemployed
persons attending *full-time* training" for those "in *part-time* training", "eligible *rural*
households" for urban ones, a *township* centre for a *community* one), or with the question's
modifiers before another noun ("overseas *warehouses*" for overseas showrooms), states another
holder's detail: the text tells the two apart, and says nothing of the one asked.

Noun phrases are read from spaCy's tags (a run of adjectives, participles and nouns ending in a
common noun, a hyphenated word one unit) and compared from their last noun back: the first place
they differ is the contrast. The question's word must be absent from the sentence (a sentence
naming both holders may state either's detail) and the sentence's from the question, and the
two may share no CC-CEDICT sense (one Chinese word rendering both: "use" and "application").
The phrase a question asks with ("what *living allowance*") is not a holder: its modifiers
("maximum", "one-off") say which figure, and are judged elsewhere.
Another recipient of what is asked is read in ``recipients``.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import Any

from app.retrieval.counted import asked_nouns, counts_another_kind
from app.retrieval.dictionary import one_sense
from app.retrieval.glossary import expand_query
from app.retrieval.modifiers_en import nouns_qualified, other_kind
from app.retrieval.question_frame import asked_parse, carried_verb
from app.retrieval.recipients import ASKING_TAGS, hyphened, other_recipient, recipients
from app.retrieval.sides import other_side
from app.retrieval.stages import other_stage
from app.retrieval.stems import content_stems
from app.retrieval.taggers import NOUNS, TAGGING, parsed
from app.text import has_cjk, stem

Unit = tuple[str, tuple[str, ...], str]  # a word as written, its stems, its part of speech
_MODIFYING = NOUNS | {"ADJ"}
_NOMINAL = {"PROPN": "NOUN"}  # a name modifies as a noun does
# A superlative opening a phrase ("what is the *most* interest subsidy …") says which figure is
# asked, as "maximum" does: the phrase is the one asked with, not a holder ("annual" subsidy).
_DEGREE_TAGS = frozenset({"JJS", "RBS"})
# A grade's mark of digits and letters ("5A-level", "4A"): a word of its phrase, as a name's is.
_MARK = re.compile(r"(?=.*\d)(?=.*[A-Za-z])[A-Za-z\d]{2,3}")


def _units(doc: Any) -> list[tuple[int, Unit]]:
    """Each word of ``doc`` with its index, a hyphenated word ("part-time") as one unit."""
    units: list[tuple[int, Unit]] = []
    i, misread = 0, carried_verb(doc)
    while i < len(doc):
        j = i
        while j + 2 < len(doc) and doc[j + 1].text == "-" and not doc[j + 1].whitespace_ \
                and not doc[j].whitespace_:
            j += 2
        words = [doc[k] for k in range(i, j + 1, 2)]
        # A "noun" with a subject or an auxiliary is a verb misread ("may one lifeguard cover").
        verb = any(c.dep_ in {"nsubj", "aux"} for c in words[-1].children) or j == misread
        units.append((i, ("-".join(t.lemma_.lower() for t in words), tuple(
            stem(t.text) for t in words if t.is_alpha or _MARK.fullmatch(t.text)),
            "VERB" if verb else words[-1].pos_)))
        i = j + 1
    return units


def noun_phrases(doc: Any, skip_asked: bool) -> list[list[Unit]]:
    """The runs of modifiers ending in a common noun of ``doc`` (without the one a question
    asks with, ``skip_asked``)."""
    runs: list[list[Unit]] = []
    run: list[Unit] = []
    asked = False
    for i, (text, stems, pos) in [*_units(doc), (len(doc), ("", (), ""))]:
        token = doc[i] if i < len(doc) else None
        # "registered persons"; a participle opening a phrase the parser made its verb
        # ("Each *renovated* sub-district centre …": no verb follows a determiner).
        joins = token is not None and stems and (pos in _MODIFYING or (
            pos == "VERB" and (token.dep_ in {"amod", "compound"} or (
                not run and i + 1 < len(doc) and doc[i + 1].pos_ in _MODIFYING and (
                    token.tag_ == "VBN" or (i > 0 and doc[i - 1].tag_ == "DT")))))) and not (
            token.lower_ in {"much", "many"} and i > 0 and doc[i - 1].lower_ == "how")
        if joins:
            if not run:
                asked = skip_asked and i > 0 and (doc[i - 1].tag_ in ASKING_TAGS or (
                    doc[i - 1].lower_ in {"much", "many"}) or doc[i].tag_ in _DEGREE_TAGS)
            run.append((text, stems, pos))
            continue
        while run and run[-1][2] != "NOUN":  # a phrase ends in its noun
            run.pop()
        if len(run) > 1 and not asked:
            runs.append(run)
        run = []
    return runs


@lru_cache(maxsize=256)
def _question_phrases(question: str) -> tuple[tuple[Unit, ...], ...]:
    doc = asked_parse(question)
    # Without a question word ("shenzhen AI fund size?") the phrase asked with is unknown; "how
    # many labs" asks of its labs only (the bodies building them hold no figure).
    if asked_nouns(question) or not any(t.tag_ in ASKING_TAGS or t.lower_ == "how" for t in doc):
        return ()
    return tuple(tuple(p) for p in noun_phrases(doc, skip_asked=True))


def other_holder(question: str, sentence: str, found: AbstractSet[str] = frozenset(),
                 texts_say: AbstractSet[str] = frozenset()) -> bool:
    """Whether English ``sentence`` names a noun phrase of ``question`` with another word in one
    of its places, the question's own word appearing nowhere in it (nor among ``found``, the
    stems ranking found it to say, some said otherwise: "no admission fee" for "free"), or
    counts the noun asked only as another kind of it than other passages (``texts_say``) say."""
    if has_cjk(question) or has_cjk(sentence):
        return False
    # "After approval" for "when the application is made"; "6 new stations" for existing ones;
    # visitors "from outside Xinjiang" for those from inside it.
    if other_stage(question, sentence) or counts_another_kind(question, sentence, texts_say) or (
            other_side(question, sentence)):
        return True
    phrases, (asking, holders, by_lemma) = _question_phrases(question), recipients(question)
    lowered, objects = sentence.lower(), _objects(question)
    # Only a sentence saying one of the phrases' nouns, or what a question with a holder asks
    # with (or its verb), or a noun the question qualifies by a preposition's object, is parsed
    # (~15 ms).
    if not any(stem_ in lowered for p in phrases for stem_ in p[-1][1] + p[-2][1]) and not (
            holders and (asking & {stem(w) for w in lowered.split()} or any(
                v in lowered for v in by_lemma))) and not any(
            o[1] in lowered for o in objects) and not any(
            n in lowered for n in nouns_qualified(question)):
        return False
    with TAGGING:
        doc = parsed(sentence)
    own_stems, theirs = _sentence_reading(sentence)
    own = set(own_stems)
    said = own | found
    asked = set(content_stems(expand_query(question))) | {stem(w) for w in question.split()}
    # A sentence naming the question's holder as well ("urban and rural households") may be
    # stating its detail.
    return any(True in (found_ := [_contrast(mine, other, (own, said), asked) for other in theirs])
               and False not in found_ for mine in phrases) or other_recipient(
        question, doc, said, asked) or any(_other_object(doc, o, own, asked) for o in objects) \
        or other_kind(question, doc, said, asked)


@lru_cache(maxsize=1024)  # a sentence's own: ``contrasted`` asks again, other questions too
def _sentence_reading(sentence: str) -> tuple[frozenset[str], tuple[tuple[Unit, ...], ...]]:
    """An English sentence's stems, with the texts' variants of its words ("AI" is "artificial
    intelligence"), and its noun phrases (``noun_phrases``, none skipped)."""
    with TAGGING:
        doc = parsed(sentence)
    own = {stem(t.text) for t in doc if t.is_alpha or _MARK.fullmatch(t.text)} | set(
        content_stems(expand_query(sentence)))
    return frozenset(own), tuple(tuple(p) for p in noun_phrases(doc, skip_asked=False))


# Prepositions of a verb's circumstance (when, where, within what): its time and place are no
# other thing's ("receive *in* Tai'an", "apply *within* 30 days").
_CIRCUMSTANCE = frozenset({"in", "at", "on", "within", "during", "before", "after"})
# The relation, its holder's stem, and the filler's stems, lemma and part of speech.
Slot = tuple[str, str, tuple[str, ...], str, str]


@lru_cache(maxsize=256)
def _objects(question: str) -> tuple[Slot, ...]:
    """The places an English ``question`` fills to say which thing it asks of, each as (the
    relation, its holder's stem, the filler's stems, lemma and part of speech): a
    preposition's object after a noun ("points *for helicopters*", "exports *to Russia*") or
    after the verb of a clause describing one ("greenhouses damaged *by snowstorms*"), or a
    noun's possessor ("a *master's* degree"), by spaCy's parse. Not "per household", which says
    each one, nor "the share of people", the whole measured, which the texts name in their own
    words ("of rural residents"), nor the question's own verb's objects ("pay *for*")."""
    slots: list[Slot] = []
    doc = asked_parse(question)
    misread = carried_verb(doc)
    for t in doc:
        if _graded(t):  # "assessed as *mildly* disabled"
            slots.append(("advmod", stem(t.head.text), (stem(t.text),), t.lemma_.lower(), t.pos_))
        if t.pos_ not in NOUNS or hyphened(t) or t.dep_ not in {"pobj", "poss"} or (
                t.i == misread):  # a verb misread as a noun fills no place
            continue
        holder, relation = (t.head, "'s") if t.dep_ == "poss" else (t.head.head, t.head.lower_)
        # A name's or a verb's place may be a circumstance ("enterprises *in* Tai'an").
        if (t.dep_ == "poss" and t.pos_ == "NOUN" and holder.pos_ == "NOUN") or (
                t.head.dep_ in {"prep", "agent"} and relation not in {"per", "of"} and (
                    holder.pos_ == "NOUN" or (holder.pos_ == "VERB" and holder.dep_ != "ROOT"))
                and (t.pos_ == holder.pos_ == "NOUN" or relation not in _CIRCUMSTANCE)):
            slots.append((relation, _key(holder), _filler(t), t.lemma_.lower(), t.pos_))
    return tuple(slots)


def _graded(token: Any) -> bool:
    """Whether ``token`` is an adverb grading an adjective: the degree a holder is of that kind
    ("*severely* disabled", "*moderately* disabled": another degree is another holder)."""
    return token.tag_ == "RB" and token.dep_ == "advmod" and token.head.pos_ == "ADJ" \
        and token.is_alpha and token.i < token.head.i


def _filler(token: Any) -> tuple[str, ...]:
    """The stems naming what ``token`` is, with the nouns compounded with it: "*Southeast* Asia"
    ("Central Asia" is another place), "*indication* product" (a "green food" is another)."""
    return tuple(stem(w.text) for w in [*(c for c in token.children if c.dep_ == "compound"
                                          and c.pos_ == token.pos_), token])


def _other_object(doc: Any, asked_object: Slot, said: set[str], asked: set[str]) -> bool:
    """Whether ``doc`` fills the question's place (``_objects``) with another thing of the same
    part of speech, and names the question's nowhere (``said``: by its own words, not those the
    embedder credits it with: drones sit 0.6 from helicopters): take-off and landing points "for
    *drones*" for points "for *helicopters*", exports "to *Japan*" for exports "to Russia", a
    *bachelor's* degree for a master's, greenhouses damaged "by *floods*" for "by snowstorms"."""
    relation, head, mine, lemma, tag = asked_object
    filling = [t for t in doc if t.pos_ == tag and (t.dep_ in {"pobj", "poss"} or _graded(t))
               and _place(t) == (relation, head) and t.is_alpha]
    # Naming the question's thing it may state its detail, but not where it fills that place
    # with another and names the question's only in a sibling's (a coordination: "factories
    # *for footwear* and workshops *for textile dyeing*" gives no workshops for footwear).
    if set(mine) <= said and not (filling and not any(
            set(mine) <= set(_filler(c)) for t in filling for c in (t, *t.conjuncts)) and any(
            set(mine) <= set(_filler(m)) and m.head.lower_ == relation and _coordinated(
                t.head.head, m) for t in filling for m in doc)):
        return False
    return any(not set(_filler(t)) <= asked and not (
        tag in {"NOUN", "ADV"} and one_sense(lemma, t.lemma_.lower())) for t in filling)


def _coordinated(holder: Any, filler: Any) -> bool:
    """Whether ``holder`` is coordinated with ``filler`` or with the noun ``filler`` fills a
    place of (its own phrase's: "factories for footwear *and* workshops for …")."""
    return holder in filler.conjuncts or holder in filler.head.head.conjuncts


def _place(token: Any) -> tuple[str, str]:
    """The relation and the holder's stem of the place ``token`` fills (as ``_objects``)."""
    holder, by = (token.head, "'s") if token.dep_ == "poss" else (
        token.head, "advmod") if _graded(token) else (token.head.head, token.head.lower_)
    return by, _key(holder)


def _key(holder: Any) -> str:
    """The stem a place's holder is compared by: a verb's lemma's (a question's "*built* over"
    is a sentence's "*builds* … over"), a noun's own."""
    return stem(holder.lemma_ if holder.pos_ == "VERB" else holder.text)


def _contrast(mine: tuple[Unit, ...], theirs: tuple[Unit, ...], said: tuple[set[str], set[str]],
              asked: set[str]) -> bool | None:
    """Whether ``theirs`` differs from ``mine`` in its first differing place from the end, with a
    word the question does not say for one the sentence does not, after at least one shared
    word (the head, or the modifiers before another head); False when it is ``mine`` (all its
    places that both fill agree), None when it is neither. The sentence's phrase may hold more
    modifiers: those before the question's next word are passed ("facility vegetable
    *greenhouse* insurance" for "open-field vegetable insurance"), and the question's word is
    compared with the sentence's nearest of its part of speech ("*intermediate* vocational
    skill certificate" for a "senior certificate"). ``said``: the sentence's own stems, and
    those with the words the embedder credits it with, which a modifier is not read by: it
    finds a sibling in the shared head's place close ("gold" award for "silver", round 33),
    while a head it credits is said otherwise ("people" for "person")."""
    shared, j, theirs = 0, 0, theirs[::-1]
    for word, stems, pos in reversed(mine):
        if j >= len(theirs):
            break
        rest = [u[1] for u in theirs[j:]]
        if stems == rest[0] or (shared and stems in rest):
            j += rest.index(stems) + 1
            shared += 1
            continue
        kind = _NOMINAL.get(pos, pos)
        at = next((k for k in range(j, len(theirs))
                   if _NOMINAL.get(theirs[k][2], theirs[k][2]) == kind), j) if shared else j
        other, other_stems, their_pos = theirs[at]
        # Words of one kind contrast ("urban", "rural"); "new" and "built" do not.
        return (bool(shared or (len(mine) > 1 and len(theirs) > 1 and mine[-2][1] == theirs[1][1]))
                and kind == _NOMINAL.get(their_pos, their_pos)
                and _unsaid(word, [s for s in stems if s not in other_stems], said[not shared])
                and bool(other_stems) and not set(other_stems) <= asked
                and not one_sense(word, other)) or None
    return False if shared else None


def _unsaid(word: str, stems: list[str], said: set[str]) -> bool:
    """Whether the sentence (its stems ``said``) says none of ``stems`` of the question's
    ``word`` (as a word's start: "newly" says "new"), nor ``word`` by its variant ("AI")."""
    variant = set(content_stems(expand_query(word))) - set(content_stems(word))
    return any(not any(w.startswith(s) for w in said) for s in stems) \
        and not (variant and variant <= said)
