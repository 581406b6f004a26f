"""Which stored documents are in force on a given day.

A document's own validity (issued, effective from/until, an open condition) is stored with it by
ingest, from its manifest or its text (``ingest.validity``). Whether it was *superseded* needs
the other documents too: a manifest's ``superseded_by``, or a newer document that repeals it by
title ("原《…》同时废止", "supersedes the …"). ``resolve`` reads both once per catalog load;
``status_on`` says what a document was on any day. One place decides both.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from app.models import ValidityInfo
from app.models import ValidityStatus as Status
from app.text import has_cjk

# Metadata keys ingest writes (text unless noted); app.store.metadata checks their types.
VALIDITY_TEXT_FIELDS = frozenset({
    "issued", "effective_from", "effective_until", "valid_condition", "superseded_by",
    "supersedes", "extends", "validity_text", "validity_source", "version",
})
VALIDITY_FLAG_FIELDS = frozenset({"effective_on_issue"})


@dataclass(frozen=True)
class Validity:
    """One document's validity, with what other documents say of it."""

    doc_id: str
    issued: date | None = None
    effective_from: date | None = None
    effective_until: date | None = None
    condition: str | None = None  # an open end, as written ("有效期至疫情解除")
    on_issue: bool = False
    superseded_by: str | None = None  # doc_id
    superseded_on: date | None = None  # None with superseded_by: the day is not known
    supersedes: tuple[str, ...] = ()
    stated: str | None = None
    source: str | None = None

    def status_on(self, day: date) -> Status:
        if self.effective_from is not None and day < self.effective_from:
            return "not_yet_in_force"
        if self.superseded_by is not None and (
            self.superseded_on is None or self.superseded_on <= day
        ):
            return "superseded"
        if self.effective_until is not None and day > self.effective_until:
            return "expired"
        return "in_force"

    def in_force_during(self, first: date, last: date) -> bool:
        """In force on some day from ``first`` to ``last``; a supersession of unknown date
        counts against it only for today's questions (``last`` is today or later)."""
        if self.effective_from is not None and self.effective_from > last:
            return False
        if self.effective_until is not None and self.effective_until < first:
            return False
        if self.superseded_by is not None:
            if self.superseded_on is None:
                return last < date.today()
            return self.superseded_on > first
        return True


def _day(value: object) -> date | None:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _titles(value: object) -> list[str]:
    try:
        items = json.loads(value) if isinstance(value, str) else []
    except ValueError:
        return []
    return [t for t in items if isinstance(t, str)] if isinstance(items, list) else []


def _key(title: str) -> str:
    """A title (or a document number) compared loosely: no brackets, spaces, quotes or case."""
    return re.sub(r"[\s《》〈〉\"'“”‘’()（）〔〕\[\]［］【】]", "", title).lower()


def resolve(documents: dict[str, dict[str, Any]]) -> dict[str, Validity]:
    """Every document's validity by doc_id; ``documents`` maps doc_id to stored metadata."""
    by_title: dict[str, list[str]] = {}  # also by document number (发文字号)
    for doc_id, meta in documents.items():
        for name in (meta.get("title"), meta.get("doc_number")):
            if isinstance(name, str) and len(_key(name)) >= 4:
                by_title.setdefault(_key(name), []).append(doc_id)
    replaced: dict[str, str] = {}  # old doc_id -> newer doc_id
    extended: dict[str, date] = {}  # doc_id -> the last day another document extends it to
    for doc_id, meta in documents.items():
        for named in _titles(meta.get("supersedes")):
            old = (named if named in documents
                   else _match(by_title, _key(named), doc_id, documents)
                   or _edition_of_year(named, doc_id, documents))
            if old is not None and old != doc_id:
                replaced.setdefault(old, doc_id)
        for title, until in _extensions(meta.get("extends")):
            if (target := _match(by_title, _key(title), doc_id, documents)) and target != doc_id:
                extended[target] = max(until, extended.get(target, until))
        if isinstance(meta.get("superseded_by"), str) and meta["superseded_by"] in documents:
            replaced[doc_id] = meta["superseded_by"]
    for old, new in _later_editions(documents).items():
        replaced.setdefault(old, new)
    found: dict[str, Validity] = {}
    for doc_id, meta in documents.items():
        newer = replaced.get(doc_id)
        newer_meta = documents.get(newer, {}) if newer else {}
        found[doc_id] = Validity(
            doc_id=doc_id,
            issued=_day(meta.get("issued")),
            effective_from=_day(meta.get("effective_from")),
            effective_until=_later(_day(meta.get("effective_until")), extended.get(doc_id)),
            condition=meta.get("valid_condition") if isinstance(
                meta.get("valid_condition"), str) else None,
            on_issue=meta.get("effective_on_issue") is True,
            superseded_by=newer,
            superseded_on=_replacing_day(newer_meta) if newer else None,
            supersedes=tuple(old for old, new in replaced.items() if new == doc_id),
            stated=meta.get("validity_text") if isinstance(meta.get("validity_text"), str)
            else None,
            source=meta.get("validity_source") if isinstance(meta.get("validity_source"), str)
            else None,
        )
    return found


def _replacing_day(newer: dict[str, Any]) -> date | None:
    """The day a newer document replaces an older one: its start, else its issue (a document
    that states no start is in force once issued), else its publication."""
    return next((day for key in ("effective_from", "issued", "published")
                 if (day := _day(newer.get(key))) is not None), None)


def _extensions(value: object) -> list[tuple[str, date]]:
    """The [title, last day] pairs of an ``extends`` field."""
    try:
        items = json.loads(value) if isinstance(value, str) else []
    except ValueError:
        return []
    return [(pair[0], day) for pair in items if isinstance(pair, list) and len(pair) == 2
            and isinstance(pair[0], str) and (day := _day(pair[1])) is not None]


def _later(own: date | None, extended: date | None) -> date | None:
    """A document's last day, as another document may have extended it (an open end stays)."""
    return max(own, extended) if own and extended else own


def _edition_of_year(named: str, doc_id: str, documents: dict[str, dict[str, Any]]
                     ) -> str | None:
    """The one earlier edition of ``doc_id``'s own plan dated in the year a repeal names
    ("replaces the 2022 plan")."""
    year = re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", named)
    family = _edition_key(documents[doc_id])
    if year is None or len(family) < 6:
        return None
    near = [other for other, meta in documents.items() if other != doc_id
            and int(year.group(0)) in _years(meta) and len(key := _edition_key(meta)) >= 6
            and (key in family or family in key) and _same_place(meta, documents[doc_id])]
    return near[0] if len(near) == 1 else None


def _years(meta: dict[str, Any]) -> set[int]:
    return {day.year for key in ("effective_from", "issued", "published")
            if (day := _day(meta.get(key))) is not None}


# A title's mark of its edition, in brackets ("（2024年修订）", "(revised 2025)", "（试行）",
# "(2023 edition)"): words of each language for a re-issue, not part of the plan's name.
_EDITION_MARK = re.compile(
    r"[(（][^()（）]{0,20}?(?:(?:19|20)\d{2}|修订|修正|修改|试行|暂行|版|revised|revision|amended"
    r"|edition|update[d]?|consolidated)[^()（）]{0,20}?[)）]", re.IGNORECASE)


def _edition_key(meta: dict[str, Any]) -> str:
    """A title without its years, numbers and edition mark: the same plan re-issued
    ("… (2023–2024)", "… 2025", "…（2024年修订）") has the same key."""
    title = meta.get("title")
    if not isinstance(title, str):
        return ""
    return re.sub(r"[\d\W_年]+", "", _key(_EDITION_MARK.sub("", title)))


def _place(meta: dict[str, Any]) -> str | None:
    """Where a document applies, as stored (its area code, else its city), to tell a plan's
    next edition from a plan of the same name of another place."""
    for key in ("adcode", "county", "city"):
        if isinstance(meta.get(key), str) and meta[key]:
            return f"{key}:{meta[key]}"
    return None


def _same_place(one: dict[str, Any], other: dict[str, Any]) -> bool:
    """Not known to be of different places (a document without a place may be either)."""
    first, second = _place(one), _place(other)
    return first is None or second is None or first == second


def _edition_day(meta: dict[str, Any]) -> date | None:
    if (day := _replacing_day(meta)) is not None:
        return day
    year = meta.get("year")
    return date(year, 1, 1) if isinstance(year, int) and 1000 <= year <= 9999 else None


def _later_editions(documents: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Each dated document replaced by the next later edition of the same title (a city
    re-issues a plan under its name every year or two)."""
    editions: dict[tuple[str, str | None], list[tuple[date, str]]] = {}
    for doc_id, meta in documents.items():
        key, day = _edition_key(meta), _edition_day(meta)
        if len(key) >= 6 and day is not None:
            editions.setdefault((key, _place(meta)), []).append((day, doc_id))
    replaced: dict[str, str] = {}
    for dated in editions.values():
        dated.sort()
        for (day, old), (later, new) in pairwise(dated):
            if later > day:
                replaced[old] = new
    return replaced


def _match(by_title: dict[str, list[str]], named: str, by: str,
           documents: dict[str, dict[str, Any]]) -> str | None:
    """The document a repeal (or an extension) in ``by`` names: its title, or the one title
    that contains the name (a repeal may drop the issuer's prefix) or is contained in it;
    never one of another place than ``by``'s (two places may issue plans of one name)."""
    def of_place(ids: list[str]) -> list[str]:
        return [d for d in ids if d != by and _same_place(documents[d], documents[by])]

    if named in by_title:
        exact = of_place(by_title[named])
        return exact[0] if exact else None
    if len(named) < 6:
        return None
    near = of_place([d for t, ids in by_title.items() if named in t or (len(t) >= 6 and t in named)
                     for d in ids])
    return near[0] if len(near) == 1 else None


def status_note(validity: Validity, day: date, titles: dict[str, str], chinese: bool) -> str:
    """The status of a document on ``day`` in words, empty when it is in force."""
    status = validity.status_on(day)
    if status == "in_force":
        return ""
    if status == "superseded":
        newer = titles.get(validity.superseded_by or "", validity.superseded_by or "")
        since = validity.superseded_on.isoformat() if validity.superseded_on else ""
        # A plan re-issued under the same title: "the new edition" tells the two apart.
        edition = newer == titles.get(validity.doc_id)
        if chinese:
            return (f"已被{'新版' if edition else ''}《{newer}》取代"
                    + (f"（自{since}起）" if since else ""))
        return (f"has been superseded by {'a new edition of ' if edition else ''}“{newer}”"
                + (f" (from {since})" if since else ""))
    if status == "expired":
        until = validity.effective_until.isoformat() if validity.effective_until else ""
        return f"已于{until}失效" if chinese else f"expired on {until}"
    start = validity.effective_from.isoformat() if validity.effective_from else ""
    return f"尚未施行（自{start}起施行）" if chinese else f"is not yet in force (from {start})"


def validity_info(validity: Validity | None, titles: dict[str, str],
                  day: date | None = None) -> ValidityInfo:
    """What the API shows of a document's validity on ``day`` (default: today)."""
    if validity is None:
        return ValidityInfo()
    day = day or date.today()
    chinese = has_cjk(titles.get(validity.doc_id, ""))

    def iso(value: date | None) -> str | None:
        return value.isoformat() if value else None

    return ValidityInfo(
        status=validity.status_on(day), note=status_note(validity, day, titles, chinese),
        issued=iso(validity.issued), effective_from=iso(validity.effective_from),
        effective_until=iso(validity.effective_until), condition=validity.condition,
        on_issue=validity.on_issue, superseded_by=validity.superseded_by,
        superseded_on=iso(validity.superseded_on), supersedes=list(validity.supersedes),
        stated=validity.stated,
        source=validity.source if validity.source in ("manifest", "text") else None,
    )
