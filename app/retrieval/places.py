"""Which places a question names, and which stored documents are about those places.

Many cities issue near-identical plans with different figures, so the wrong city's figure is
a wrong answer. Places are China's administrative divisions (``gazetteer``), named in Chinese
or in pinyin: a stored document is about the division its metadata names (a manifest's city,
district and province, or the place ingest read from its issuer, ``placing``) and about every
division around it (a Haizhu report is about Guangzhou and Guangdong too). A question naming
a division no stored document is about names a missing place, which the answerer refuses by
name. A place the store names that no gazetteer knows is matched by its stored name.

A place named below the place of every document about it (a street, a town; a district or a
city no document is about, in a city or province that has documents about all of it) is held
through those documents (Tianhe: the documents about all of Guangzhou, not Haizhu's), but their
passages answer it only where they name it or say a thing of each of its level (各县（市）…,
``PlaceInference.at_level``): what a city does as a whole is no answer about one of its streets.
A district or city with none around it is missing; an unplaced document is never out of scope.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.one_question import once
from app.retrieval.document_place import PLACE_FIELDS, document_division
from app.retrieval.gazetteer import LEVEL_AFTER, Division, broadest, gazetteer
from app.retrieval.names import unknown_place_pattern
from app.retrieval.place_inference import Narrower, PlaceInference
from app.retrieval.towns import TownIndex, town_pattern
from app.store.records import StoredDocument
from app.text import has_cjk

# What joins two coordinated noun phrases: a conjunction, after the first phrase's head when the
# place is its possessor ("Guangzhou's plan and", "广州的方案和").
_COORDINATED = re.compile(r"(?:['’]s\b[^,;:.?!]*?|的[^，。；？！]*?)?"
                          r"(?:\s*,?\s+(?:and|or|with|versus|vs\.?)\s+|以及|和|与|及|跟|同|、)",
                          re.IGNORECASE)
_LISTED = re.compile(r"(?:['’]s\b|的)?\s*[,，、]\s*")  # a comma between members of a list


class PlaceIndex:
    """The stored documents by the places they are about, rebuilt when the document list
    changes."""

    def __init__(self, documents: Iterable[StoredDocument]) -> None:
        g = gazetteer()
        self.docs_by_place: dict[str, set[str]] = {}  # stored place names (filters, scopes)
        self.docs_by_adcode: dict[str, set[str]] = {}  # each division and all inside it
        self.unplaced: set[str] = set()
        # Places that documents with no place of their own name: not missing.
        self.named_unplaced: set[str] = set()
        self._label: dict[str, str] = {}  # adcode -> the name the store gives it
        self.docs_at: dict[str, set[str]] = {}  # each division and nothing inside it
        self._heading: dict[str, str] = {}  # doc_id -> its title and issuer
        unresolved: set[str] = set()
        for doc in documents:
            self._heading[doc.doc_id] = " ".join(
                str(doc.metadata.get(k) or "") for k in ("title", "issuer"))
            names = {k: v.strip() for k in PLACE_FIELDS
                     if isinstance(v := doc.metadata.get(k), str) and v.strip()}
            for name in names.values():
                self.docs_by_place.setdefault(name, set()).add(doc.doc_id)
            division = document_division(doc.metadata)
            if division is None:
                unresolved.update(names.values())
                if not names:
                    self.unplaced.add(doc.doc_id)
                    named = doc.metadata.get("places_named")
                    for code in named.split() if isinstance(named, str) else ():
                        self.named_unplaced.update(d.adcode for d in g.chain(code))
                continue
            self.docs_at.setdefault(division.adcode, set()).add(doc.doc_id)
            for around in g.chain(division.adcode):
                self.docs_by_adcode.setdefault(around.adcode, set()).add(doc.doc_id)
                stored = next((n for n in names.values() if around in g.named(n)), None)
                if stored is not None:
                    self._label.setdefault(around.adcode, stored)
        # Names no gazetteer knows (a manifest's foreign city, a town ingest read from an
        # issuer) are matched as written.
        self._unknown = {name: unknown_place_pattern(name) for name in unresolved}
        # Each held place's names, for ``mentions`` (filled as questions name places).
        self._patterns: dict[str, re.Pattern[str]] = dict(self._unknown)
        self._towns = TownIndex(self.docs_by_adcode)

    def label(self, division: Division, english: bool) -> str:
        return self._label.get(division.adcode) or division.label(english)

    def docs_named(self, name: str) -> set[str]:
        """The documents about the place a filter names (its stored name, or any name of the
        division: 广州, Guangzhou, 广州市); empty when none is."""
        wanted = name.strip().lower()
        for place, docs in self.docs_by_place.items():
            if place.lower() == wanted:
                return docs
        found: set[str] = set()
        for division in gazetteer().named(name):
            found |= self.docs_by_adcode.get(division.adcode, set())
        return found

    def infer(self, text: str) -> PlaceInference:
        """Once per question (its retrieval and its answer across places both ask), a copy each."""
        return once("places named", (self, text), lambda: self._infer(text),
                    PlaceInference.copied)

    def _infer(self, text: str) -> PlaceInference:
        found = PlaceInference()
        stand_ins: set[str] = set()  # held places named only through a place inside them
        named = self._named(text)
        codes = {division.adcode for division, _ in named}
        context: set[str] = set()  # named only to say where a missing place lies
        for division, surface in named:
            english = not has_cjk(surface)
            if self.docs_by_adcode.get(division.adcode):
                stand_ins.discard(self._hold(found, division, english))
                continue
            around = self._held_around(division)
            if around is not None:  # "Tianhe": the documents about all of Guangzhou stand for it
                if self.label(around, english) not in found.held:
                    stand_ins.add(self._hold(found, around, english, self.docs_at[around.adcode]))
                found.narrower.append(self._narrower(surface, _pattern(division),
                                                     self.docs_at[around.adcode]))
            elif (division.adcode in self.named_unplaced or (
                    division.level == "province" and self.unplaced)) and not any(
                    gazetteer().contains(division.adcode, c) for c in codes - {division.adcode}):
                # national notices are addressed to every province (各省、自治区、直辖市): they
                # speak of one unnamed too; one named to say where a place in it lies is no scope
                found.spoken_of.append(name := division.label(english))
                self._patterns.setdefault(name, _pattern(division))
            elif division.parent not in codes or division.parent in self.docs_by_adcode:
                # In "Futian, Shenzhen" Shenzhen is the missing one, unless held: then Futian
                # is, and Shenzhen only says where Futian lies.
                context |= {d.adcode for d in gazetteer().chain(division.adcode)[1:]}
                missing = division.label(english)
                parent = gazetteer().by_adcode.get(division.parent or "")
                if division.level == "district" and parent is not None:
                    missing = f"{missing} ({parent.label(english)})"
                if missing not in found.missing:
                    found.missing.append(missing)
        for town, surface, full in self._towns.named(text, self._spans(text)):
            # A town or street narrows the question to its district, or to the documents about
            # all of its city or province. Named with its level (琶洲街道, Liuxia Subdistrict) it
            # is asked about as a place, and their passages answer only where they name it; a
            # bare name is also how zones and sites there are called (琶洲空间智算中心).
            english = not has_cjk(surface)
            district = town.district
            if self.docs_by_adcode.get(district.adcode):
                docs = self.docs_by_adcode[district.adcode]
                self._hold(found, district, english)
            elif (around := self._held_around(district)) is not None:
                docs = self.docs_at[around.adcode]
                if self.label(around, english) not in found.held:
                    stand_ins.add(self._hold(found, around, english, docs))
            else:
                continue
            if full:
                found.narrower.append(self._narrower(surface, town_pattern(town), docs))
        for division, surface in named:
            if division.adcode in context:
                name = self.label(division, not has_cjk(surface))
                found.by_place.pop(name, None)
                if name in found.held:
                    found.held.remove(name)
        for name, pattern in self._unknown.items():
            if pattern.search(text) and name not in found.held:
                found.held.append(name)
                found.by_place[name] = self.docs_by_place[name]
        # "Haizhu district, Guangzhou" means Haizhu: a place whose documents include all of
        # another named place's documents is the broader one and gives way. A place standing
        # for a place inside it does not ("Tianhe and Haizhu": Guangzhou stands for Tianhe).
        # So does a division holding another named one with the same documents (广西柳州 when
        # the store holds nothing else of Guangxi): it only says where the other lies.
        sets = list(found.by_place.values())
        at = {n: d.adcode for d, s in named if (n := self.label(d, not has_cjk(s))) in found.held}
        for name, docs in list(found.by_place.items()):
            inner = any(gazetteer().contains(at[name], c) for c in at.values() if c != at[name]) \
                if name in at else False
            if name not in stand_ins and (inner or any(other < docs for other in sets)):
                # Coordinated with a place inside it ("广州和海珠", "Guangzhou's plan and Haizhu's")
                # it is compared with that place, not placing it: it keeps its other documents.
                beside = {d for n, o in found.by_place.items() if n != name and o < docs
                          and self._coordinated(text, name, n, found.held) for d in o}
                if docs - beside and beside:
                    found.by_place[name] = docs - beside
                else:
                    del found.by_place[name]
        for docs in found.by_place.values():
            found.doc_ids |= docs
        if found.doc_ids or (found.spoken_of and not found.missing):
            found.doc_ids |= self.unplaced  # never excluded by place scoping
            # A province's notice holds in its cities (福建's 健康码 in 莆田): the documents about
            # all of a held city's province answer too. Not a city's in a held district: what a
            # district asks is its own (the city's stand in only for a district holding none).
            found.doc_ids |= {d for division, _ in named if division.adcode in self.docs_by_adcode
                              and division.level == "city"
                              for around in gazetteer().chain(division.adcode)[1:]
                              for d in self.docs_at.get(around.adcode, ())}
        return found

    def _hold(self, found: PlaceInference, division: Division, english: bool,
              docs: set[str] | None = None) -> str:
        """Record ``division`` as a held place of ``found`` (with ``docs``, by default every
        document about it); its name."""
        name = self.label(division, english)
        self._patterns.setdefault(name, _pattern(division))
        if name not in found.held:
            found.held.append(name)
            found.by_place[name] = docs if docs is not None else self.docs_by_adcode[
                division.adcode]
        return name

    def _narrower(self, surface: str, pattern: re.Pattern[str], docs: set[str]) -> Narrower:
        """A place named below its documents' place; a document whose title or issuer names
        it is about it as a whole."""
        about = {d for d in docs if pattern.search(self._heading.get(d, ""))}
        return Narrower(surface, pattern, frozenset(docs - about))

    def _spans(self, text: str) -> list[tuple[int, int]]:
        return [(start, end) for start, end, _ in gazetteer().mentions(text, loose=True)]

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where ``text`` names a division, or a place the store names that no gazetteer
        knows."""
        return self._spans(text) + [(m.start(), m.end()) for p in self._unknown.values()
                                    for m in p.finditer(text)]

    def _named(self, text: str) -> list[tuple[Division, str]]:
        """The divisions ``text`` names, each name read in the light of the others (贵阳市白云区
        is Guiyang's Baiyun, not Guangzhou's) and then of the store (a Baiyun district alone is
        the one the store holds), else as the broadest division of that name (Nanjing: the
        city, not Nanjing County)."""
        g = gazetteer()
        mentions = g.mentions(text, loose=True, held=self.docs_at)
        chosen: list[tuple[Division, str]] = []
        for i, (start, end, candidates) in enumerate(mentions):
            others = [d for j, (_, _, c) in enumerate(mentions) if j != i for d in c]
            fitting = [d for d in candidates
                       if any(g.contains(o.adcode, d.adcode) or g.contains(d.adcode, o.adcode)
                              for o in others)]
            # An ambiguous district placed elsewhere by the text: none of these; nor a Chinese
            # district's bare name (新建, also "newly built") where the text names only other
            # provinces. English capitalises names: "Compare Haizhu and Zhangzhou" names Haizhu.
            if others and not fitting and all(d.level == "district" for d in candidates) and (
                    len(candidates) > 1 or (has_cjk(text[start:end]) and text[start:end]
                                            != candidates[0].name and not any(
                        g.contains(g.chain(candidates[0].adcode)[-1].adcode, o.adcode)
                        for o in others))):
                continue
            pool = fitting or [d for d in candidates if d.adcode in self.docs_by_adcode] \
                or candidates
            chosen.append((broadest(pool), text[start:end]))
        return chosen

    def _held_around(self, division: Division) -> Division | None:
        """The narrowest division around ``division`` that documents are about as a whole (a
        district's city, a city's province), whose passages may speak of it."""
        for around in gazetteer().chain(division.adcode)[1:]:
            if self.docs_at.get(around.adcode):
                return around
        return None

    def where(self, text: str, place: str) -> tuple[int, int] | None:
        """Where ``text`` first names the held ``place`` (``infer``'s name), level word and all
        ("Haizhu District"), as the gazetteer reads it."""
        pattern = self._patterns.get(place)  # an unknown place's too (it starts as _unknown)
        found = pattern.search(text) if pattern else None
        level = found and LEVEL_AFTER.match(text, found.end())
        return None if found is None else (found.start(), (level or found).end())

    def _coordinated(self, text: str, one: str, other: str, held: list[str]) -> bool:
        """Whether ``text`` joins the held places ``one`` and ``other`` by a conjunction, each
        alone or as its noun phrase's possessor (a comma alone is apposition: "Haizhu,
        Guangzhou"), or lists them with other ``held`` places between, commas joining all but
        the last ("广州、漳州和海珠", "Guangzhou, Zhangzhou and Haizhu": each a member)."""
        spans = sorted(s for s in (self.where(text, one), self.where(text, other)) if s)
        between = text[spans[0][1]:spans[1][0]] if len(spans) == 2 else ""
        for name in set(held) - {one, other}:
            between = self._patterns[name].sub("\0", between)
        *listed, last = between.split("\0")
        return len(spans) == 2 and bool(_COORDINATED.fullmatch(last)) and all(
            _LISTED.fullmatch(joint) or _COORDINATED.fullmatch(joint) for joint in listed)

    def mentions(self, text: str, places: Iterable[str]) -> bool:
        """Whether ``text`` names one of the held ``places`` (names ``infer`` gave)."""
        return any(self._patterns[p].search(text) for p in places if p in self._patterns)


def _pattern(division: Division) -> re.Pattern[str]:
    """A division's names: Chinese with or without its suffix, and its English names (pinyin
    and any other) as words."""
    english = "|".join(re.escape(n).replace("'", "['’]?")
                       for n in (division.english, *division.aliases))
    chinese = "|".join(map(re.escape, sorted({division.name, division.short}, key=len,
                                             reverse=True)))
    return re.compile(rf"\b(?:{english})\b|{chinese}", re.IGNORECASE)
