"""Another kind's detail, read from the parse (issue 23): an English sentence that states a figure
for the noun a question qualifies, but only of other kinds of it, says nothing of the one asked.
"graduates with a *junior college* degree" over "500 yuan for *bachelor's* degree holders, 1,000
yuan for *master's* degree holders": the text splits degrees into kinds and names the asker's
among none; "a *semi-disabled* elderly resident" over "100 yuan for a *self-care* elderly resident
and 200 yuan for a *fully disabled* one".

A noun's qualifiers are the words spaCy attaches before it (amod, compound, nummod, nmod, a
possessive's "bachelor's"), each with its own modifiers ("fully disabled", "junior college"), a
hyphenated word one qualifier. A name (a capitalised proper noun: "Dezhou's stations") says
whose, which the place modules judge. The noun a question asks with ("what *monthly* allowance")
says which figure, not whose, and is left out, as in ``holders``.

The question's qualifier must be said nowhere in the sentence nor its context (``said``: a
heading may name the kind its lines are of), and none of its words may be among the sentence's
qualifiers of that noun, nor share a CC-CEDICT sense with one (said in other words). The
sentence must then name the noun with qualifiers of another kind: in two places with different
ones in the asked one's slot (a split into kinds the text enumerates: each place's qualifier
nearest the noun that the question does not say), or, in one place, with another plain number
(*two* children for one; not a band: "three or more children" may hold the asker's four). One
adjective for another in one place is not judged: "unspent" credit is "unused" credit, "broad"
areas "major" ones. MiniLM's word cosines were measured for a paraphrase credit and tell the
wrong way: siblings lie close (private/public 0.68, partially/fully 0.64, third/second 0.74)
and paraphrases far (headline/key 0.31, unused/unspent 0.34), so they are not read here.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from app.measures import measure_of
from app.retrieval.acronyms import spelled_out
from app.retrieval.dictionary import one_sense
from app.retrieval.partitives import partitive
from app.retrieval.question_frame import asked_head, asked_parse
from app.retrieval.taggers import NOUNS
from app.text import stem

# The dependencies of a word qualifying the noun after it.
_QUALIFYING = frozenset({"amod", "compound", "nummod", "nmod", "poss"})
# Words inside a qualifier that say nothing of its kind: articles, the possessive's "'s".
_BARE = frozenset({"det", "case", "punct", "cc", "prep"})
# "How *many* buses", "*its* costs": words asking or pointing, which say no kind.
_ASKING = frozenset({"much", "many", "what", "which", "whose"})
# The words of a band's bound (English "or more", "at least", "below", "up to").
_BAND = frozenset({"more", "less", "above", "below", "least", "most", "over", "under", "up"})
# English nouns meaning "kind" itself: "information-*type*", "a new *kind* of" name the kind by
# the word they follow, and say none of their own.
_KIND_NOUNS = frozenset({"type", "kind", "sort", "category"})
Qualifier = tuple[frozenset[str], str, str]  # its stems, its deciding word, its part of speech


def _kind(token: Any) -> str:
    """The part of speech a qualifier is compared by: a name's as a noun's, a participle's
    ("privately *run*") as an adjective's."""
    return {"PROPN": "NOUN", "VERB": "ADJ"}.get(token.pos_, token.pos_)


def qualifiers_of(noun: Any) -> list[Qualifier]:
    """The qualifiers spaCy attaches before ``noun``, hyphen-joined pieces ("semi", "-",
    "disabled") as one; a name is none."""
    found: list[list[Any]] = []
    for child in noun.children:
        if child.i > noun.i or child.dep_ not in _QUALIFYING or child.pos_ in {"PRON", "DET"} or (
                child.pos_ == "PROPN" and child.text[:1].isupper()) or child.lower_ in _ASKING:
            continue
        words = [t for t in child.subtree if t.dep_ not in _BARE and (t.is_alpha or t.like_num)
                 and t.lemma_.lower() not in _KIND_NOUNS]
        # A stop word says no kind ("two *such* teams"), a number aside; a "qualifier" with a
        # subject is a clause the parser misattached ("each county *forms* patrol teams").
        if (child.is_stop and not child.like_num) or any(t.dep_.startswith("nsubj") for t in words):
            continue
        joined = found and found[-1] and child.i > 0 and child.doc[child.i - 1].text == "-" \
            and not child.doc[child.i - 2].whitespace_
        if joined:
            found[-1].extend(words)
        elif words:
            found.append(words)
    return [(frozenset(stem(t.text) for t in words), words[-1].lemma_.lower(), _kind(words[-1]))
            for words in found]


@lru_cache(maxsize=256)
def _question_nouns(question: str) -> tuple[tuple[str, tuple[Qualifier, ...], bool], ...]:
    """Each noun of an English ``question`` with its qualifiers (nouns without any left out),
    not the noun it asks with. A partitive's whole ("how many of the *29* tasks") is sized by
    its number, not sorted into a kind: its part's count is another number by nature."""
    asked, whole = asked_head(question).lower(), partitive(question)[1]
    return tuple((stem(t.lemma_), tuple(q), t.dep_ == "compound") for t in asked_parse(question)
                 if (t.pos_ in NOUNS or t.dep_ in {"pobj", "dobj", "nsubj"})
                 and t.pos_ not in {"PROPN", "PRON", "NUM"} and t.lower_ != asked
                 and not any(c.tag_ in {"WDT", "WP"} for c in t.children)
                 and not _unit_of_its_number(question, t) and (q := [
                     k for k in qualifiers_of(t) if k[2] != "NUM" or t.lemma_.lower() != whole]))


def _unit_of_its_number(question: str, noun: Any) -> bool:
    """Whether ``noun`` is the unit its number is measured in ("earning 24,000 *dollars*"): an
    amount, which bands and holders judge, not a kind of thing ("two *children*"); one modifying
    another noun ("a 500,000 *yuan* award") says which of them, and is compared."""
    return noun.dep_ != "compound" and any(
        c.dep_ == "nummod" and measure_of(question, c.idx, c.idx + len(c.text))[0]
        for c in noun.children)


def nouns_qualified(question: str) -> tuple[str, ...]:
    """The stems of the nouns an English ``question`` qualifies: a sentence naming none is not
    parsed for them."""
    return tuple(noun for noun, _, _ in _question_nouns(question))


def other_kind(question: str, doc: Any, said: set[str], asked: set[str]) -> bool:
    """Whether the parsed sentence ``doc`` names a noun ``question`` qualifies only with
    qualifiers of other kinds (its stems and its context's: ``said``; the question's: ``asked``)."""
    for noun, mine, modifying in _question_nouns(question):
        # A number of a noun inside a band ("50 horsepower *or more*") is a bound, not a kind.
        places = [[q for q in qualifiers_of(t) if q[2] != "NUM" or not _BAND.intersection(
            w.lower_ for w in doc[max(0, t.i - 4):t.i + 4])]
                  for t in doc if stem(t.lemma_) == noun and t.pos_ in NOUNS
                  # A noun the question names as a thing, modifying another here ("a fund
                  # *group*"), names the other; one modifying in both ("6G stations") is compared.
                  and (t.dep_ != "compound" or modifying)]
        if not places:
            continue
        theirs = [q for place in places for q in place]
        # An acronym the sentence spells out ("AI": "artificial intelligence") is said there.
        said = said | {stem(w) for w in (w.strip("?,.;:'") for w in question.split())
                       if spelled_out(w, doc.text.lower())}
        for stems, word, kind in mine:
            # Said as a word's start ("new" of "newly"), or as one of the noun's qualifiers here.
            if all(any(w.startswith(s) for w in said) for s in stems) or any(
                    stems <= q[0] for q in theirs):
                continue
            # Said in other words: a qualifier of the noun sharing a CC-CEDICT sense with it.
            if any(q[1] != word and one_sense(word, q[1]) for q in theirs):
                continue
            others = [q for q in theirs if not q[0] <= asked]
            # A split: two places naming the noun with other qualifiers in the asked one's slot,
            # each place's nearest the noun the question does not say ("11 key *evaluation*
            # indicators", "provincial *evaluation* indicators" split evaluation indicators, not
            # the asker's "headline" ones); not by a number ("the 30 cases" counts them).
            split = {_slot(place, asked) for place in places} - {None}
            # One place: its number nearest the noun, as the asked one; adjectives and nouns
            # paraphrase freely ("unspent" credit, "unused" credit; "broad" areas, "major" ones).
            if len(split) > 1 or (kind == "NUM" and any(
                    place and place[-1] in others and place[-1][2] == kind
                    and _plain(place[-1], kind) for place in places)):
                return True
    return False


def _slot(place: list[Qualifier], asked: set[str]) -> frozenset[str] | None:
    """The stems of a place's qualifier nearest its noun that is no number and that the question
    (its stems ``asked``) does not say: the kind the place names the noun of."""
    return next((q[0] for q in reversed(place) if q[2] != "NUM" and not q[0] <= asked), None)


def _plain(qualifier: Qualifier, kind: str) -> bool:
    """Whether a number qualifier is a plain one ("*two* children"), not a band's start ("three
    or more"): a band's words are among its stems."""
    return kind != "NUM" or len(qualifier[0]) == 1
