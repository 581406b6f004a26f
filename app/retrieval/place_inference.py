"""What ``places.PlaceIndex.infer`` finds a text names: the places the store holds, those it
lacks, and the places named below their documents' level, with the rule by which a passage
of such a document may answer at the level asked (``at_level``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from app.numerals import NUMBER_WORD, figures
from app.retrieval.gazetteer import gazetteer
from app.text import CJK_CHARS, has_cjk


@dataclass
class PlaceInference:
    """Places a text names: those the store holds (with their documents) and those it lacks."""

    held: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    doc_ids: set[str] = field(default_factory=set)
    by_place: dict[str, set[str]] = field(default_factory=dict)  # the most specific places
    # Places named that only documents with no place of their own speak of (辽宁 in a store of
    # national notices and other provinces'): those documents are the scope, not another place's.
    spoken_of: list[str] = field(default_factory=list)

    # Places named below the place of the documents that stand for them (a street of a held
    # district; a district or city no document is about, in a division that has documents
    # about all of it).
    narrower: list[Narrower] = field(default_factory=list)

    @property
    def label(self) -> str | None:
        return ", ".join(self.held) or None

    def copied(self) -> PlaceInference:
        """A copy its holder may change, leaving the one ``PlaceIndex.infer`` keeps as it was."""
        return replace(self, held=list(self.held), missing=list(self.missing),
                       doc_ids=set(self.doc_ids), by_place=dict(self.by_place),
                       spoken_of=list(self.spoken_of), narrower=list(self.narrower))

    def at_level(self, doc_id: str, text: str, before: str = "") -> bool:
        """Whether a passage of ``doc_id`` reading ``text`` may answer at the level the question
        asks: a question about a street is not answered by what its district does as a whole,
        so a document standing for a narrower place answers only where it names that place, as
        does a document outside the question's places (found because it names one of them). A
        sentence naming no place at all ("the center will …") speaks of what the sentences
        ``before`` it in its paragraph name; one naming a place speaks of that place."""
        wanted = [n for n in self.narrower if doc_id in n.docs]
        if not wanted and self.doc_ids and doc_id not in self.doc_ids:
            wanted = self.narrower
        if not wanted or any(n.pattern.search(text) for n in wanted):
            return True
        if any(doc_id in n.docs for n in wanted) and covers_each(text):
            return True  # 各县（市、区）…: said of every county of the document's place, this one's
        return (bool(before) and not gazetteer().mentions(text)
                and any(n.pattern.search(before) for n in wanted))


# A clause said of every division below a document's place: a distributive or "the other"
# determiner before a county's or district's level noun (各县（市、区）, 每个县, 其余各旗, 各区县;
# "each banner and county", "every other county or city", "all districts"), or the county level
# itself (县级: each county's own body); not 各区域 (each area) nor 县级市 (a kind of city). Its
# ``Narrower`` lies inside that place (the gazetteer's chain of adcodes), so what the clause says
# holds there; a county of another prefecture is never covered.
_EACH_DIVISION = (re.compile(r"(?:[各每]个?|其[余他]各?)(?:县|区|旗)(?![域间块帜])|县级(?!市)"),
                  re.compile(r"\b(?:(?:each|every|all)\s+(?:other\s+)?(?:of\s+the\s+)?"
                             r"(?:banners?|count(?:y|ies)|districts?)|(?:the\s+)?other\s+"
                             r"(?:banners|counties|districts)|county-level)\b", re.IGNORECASE))
# Where a clause ends: a comma, a semicolon, a full stop (either script's), a colon.
_CLAUSE_END = re.compile(r"[，,；;。：:]|\.(?:\s|$)")
_NUMBER_WORD = re.compile(rf"\b(?:{NUMBER_WORD})\b", re.IGNORECASE)


def says_each(text: str) -> re.Match[str] | None:
    """Where ``text`` first says a thing of each division of a level (a regular expression only:
    cheap enough for every passage retrieved)."""
    return _EACH_DIVISION[0].search(text) or _EACH_DIVISION[1].search(text)


def covers_each(text: str) -> bool:
    """Whether ``text`` says something of each division below its document's place. Beside
    places named by name ("黄州区不少于600张，其余各县按照分解任务完成"; "Jining District forms two
    teams and every other banner or county forms four"), only a covering clause stating a figure
    of its own does: one deferring to an allotment says nothing of the others' figures."""
    found = says_each(text)
    if found is None:
        return False
    starts = [m.end() for m in _CLAUSE_END.finditer(text, 0, found.start())]
    end = _CLAUSE_END.search(text, found.end())
    clause = text[starts[-1] if starts else 0:end.start() if end else len(text)]
    # the gazetteer (slow) only when the clause states no figure of its own
    return bool(figures(clause) or _NUMBER_WORD.search(clause)) or not gazetteer().mentions(text)


@dataclass(frozen=True)
class Narrower:
    """A place a question names below the place its documents are about."""

    name: str  # as the question names it: 琶洲, Tianhe District
    pattern: re.Pattern[str]  # its names, to find it in a passage
    docs: frozenset[str]  # the documents whose passages must name it to answer


# What may follow a place's name inside a longer name: a capitalised Latin word, as English names
# are written (also after a hyphen: "Digital Shenzhen-Digital Zhanjiang …"; not "and": "Compare
# Pingxiang and Xinyu" is no name, though a text writes "back to Pingxiang and start"), or two
# Chinese characters.
_NAME_GOES_ON = re.compile(rf"[\s-]*[A-Z][A-Za-z]*|[{CJK_CHARS}]{{2}}")


def part_of_a_name(question: str, place: str, texts: list[str]) -> bool:
    """Whether the question names ``place`` only to begin a longer name the passages write:
    太湖智算中心 (Wuxi's centre, named after the lake) asks nothing of 太湖县."""
    name, written = place.split(" (")[0], " ".join(texts).lower()
    spans = [(s, e) for s, e, divisions in gazetteer().mentions(question)
             if any(d.label(not has_cjk(name)) == name for d in divisions)]
    return bool(spans) and all((goes_on := _NAME_GOES_ON.match(question, end)) is not None
                               and question[start:goes_on.end()].lower() in written
                               for start, end in spans)
