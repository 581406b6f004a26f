"""Whether a sentence says where: the named place a question asks for ("which district",
"located", 选址), or, for an everyday "where" (哪里), any setting the question does not name
already ("on the government cloud", "in the fields of civil affairs and health").

A place the question names itself, or one around the places it is about, says nothing new;
nor does a setting of time ("in November", "in 2025") or of manner ("in terms of").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import Stemmer

from app.retrieval.dictionary import english_terms
from app.retrieval.gazetteer import ancestors
from app.retrieval.glossary import english_part
from app.text import IRREGULAR, STOPWORDS

__all__ = ["NAMED_PLACE", "QUOTED", "says_where"]

# A named place: "in Nansha", "Pazhou Park", "Haizhu District" (not "a site" or "the zone").
NAMED_PLACE = re.compile(
    r"\b(?:in|at|near) (?:the )?[A-Z][a-z]+"
    r"|\b[A-Z][a-z]+ (?:District|County|Park|Zone|Street|Road|Avenue|Town|Island|Port|Province"
    r"|Building|Campus|Area|Village|Bay|New Area)\b",
)
# A quoted title names a document, not where anything is.
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|《[^》]*》|‘[^’]*’")
_NAME_WORD = re.compile(r"[A-Za-z]+")
_CAPITALIZED = re.compile(r"[A-Z][a-z]+")
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"}
_PLACE_WORDS = {"district", "county", "park", "zone", "street", "road", "avenue", "town",
                "island", "port", "province", "building", "campus", "area", "village", "bay",
                "new", "the"}

def says_where(sentence: str, question: str, places: Iterable[str], everyday: bool) -> bool:
    """A named place beyond those the question names and those around them; or a spot the
    question's own verb of placing leads to; or, for an everyday "where", any setting the
    question does not name already ("on the “Shenzhen i Enterprise” platform", "at airports",
    "in the fields of civil affairs and health")."""
    known = {w.lower() for w in _NAME_WORD.findall(english_part(question))} | _PLACE_WORDS
    known |= {w.lower() for place in places for around in ancestors(place)
              for w in _NAME_WORD.findall(around)}
    unquoted = QUOTED.sub(" ", sentence)
    # "in November" is a time, not a place.
    if any(_names(m.group(0)) - known - _MONTHS for m in NAMED_PLACE.finditer(unquoted)):
        return True
    if _placed_as_asked(unquoted, question):
        return True
    if everyday:
        asked = _asked_stems(question)
        return any(set(_stems(_content(m.group(1)))) - asked - _SETTING_WORDS
                   for m in _SETTING.finditer(sentence))
    return False


# "deployed on the government cloud", "built in the core area": where something is, said by
# the verb of placing and what follows it, with or without a name.
_PLACED = re.compile(r"\b([a-z]+(?:ed|en)|built|held|set|put|laid|kept|run)\s+(?:up\s+)?"
                     r"(?:in|on|at|inside|within|into|onto|across)\s+(?:the\s+|a\s+|an\s+)?[a-z]",
                     re.IGNORECASE)
_STEMMER = Stemmer.Stemmer("english")


def _placed_as_asked(sentence: str, question: str) -> bool:
    """Whether the sentence places something with the verb the question asks where of
    ("where is the test zone deployed": "deployed on the government cloud"). Another verb
    ("where will it be located": "deployed on …") says where something else is."""
    verbs = {m.group(1).lower() for m in _PLACED.finditer(sentence)}
    return bool(verbs) and bool(set(_stems(" ".join(verbs))) & _asked_stems(question))


# A setting: a preposition of place and the first words of what follows ("on the government
# cloud", "at airports", "relying on Pengcheng Cloud Brain"), not a time ("in 2025") or a
# manner ("in terms of", "in order to").
_SETTING = re.compile(
    r"\b(?:in|on|at|inside|within|across|throughout|via|into|onto|relying on|based on"
    r"|during)\s+(?!terms\b|order\b|accordance\b|line\b|addition\b|particular\b|time\b"
    r"|least\b|the same\b)(?:the\s+|a\s+|an\s+|fields? of\s+|areas? of\s+)?[“\"‘]?"
    r"((?:[A-Za-z][\w-]*\s*){1,3})",
)
# Words after such a preposition that place nothing ("in the first stage", "in this way").
_SETTING_WORDS = set(_STEMMER.stemWords(
    "year month day end first second process way form this that these those which such future"
    " recent stage phase period means basis side all each other more new".split()))


def _asked_stems(question: str) -> set[str]:
    """Stems of the question's words, and of every English rendering of its Chinese words."""
    asked = set(_stems(english_part(question)))
    return asked | {s for term in english_terms(question) for s in _stems(" ".join(term.english))}


def _content(text: str) -> str:
    return " ".join(w for w in text.split() if w.lower() not in STOPWORDS)


def _stems(text: str) -> list[str]:
    words = [IRREGULAR.get(w, w) for w in _NAME_WORD.findall(text.lower())]
    return list(_STEMMER.stemWords(words))


def _names(place: str) -> set[str]:
    return {w.lower() for w in _CAPITALIZED.findall(place)}
