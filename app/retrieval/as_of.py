"""Which documents a question is answered from: those in force on the day it is asked about.

By default that is today, so an expired or superseded plan is not quoted as if it held. A
question that names a past day or year ("the 2023 plan", "2023年", "on 1 June 2024") or a
request's ``as_of`` asks about that time instead: the documents in force at some point in it.
A future year in a question is a target ("到2030年"), not a time asked about, and is ignored.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from llama_index.core.vector_stores.types import FilterOperator, MetadataFilter

from app.numerals import EN_MONTHS
from app.retrieval.catalog import Catalog
from app.retrieval.filters import NO_DOCUMENT

_DAY_ZH = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?")
_DAY_ISO = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{1,2})(?:-(\d{1,2}))?(?!\d)")
_DAY_EN = re.compile(rf"(?<!\d)(\d{{1,2}})?\s*({'|'.join(EN_MONTHS)})\s+((?:19|20)\d{{2}})(?!\d)",
                     re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d-])((?:19|20)\d{2})(?![\d-])")

Period = tuple[date, date]


def _span(year: int, month: int | None = None, day: int | None = None) -> Period | None:
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, day), date(year, month, day)
    except ValueError:  # "2023年13月": not a day
        return None


def _named_periods(question: str) -> list[Period]:
    found: list[Period] = []
    rest = question
    for pattern in (_DAY_ZH, _DAY_ISO):
        for match in pattern.finditer(rest):
            day = int(match.group(3)) if match.group(3) else None
            if span := _span(int(match.group(1)), int(match.group(2)), day):
                found.append(span)
        rest = pattern.sub(" ", rest)
    for match in _DAY_EN.finditer(rest):
        month = EN_MONTHS.index(match.group(2).lower()) + 1
        day = int(match.group(1)) if match.group(1) else None
        if span := _span(int(match.group(3)), month, day):
            found.append(span)
    rest = _DAY_EN.sub(" ", rest)
    found += [span for m in _YEAR.finditer(rest) if (span := _span(int(m.group(1))))]
    return found


def asked_period(question: str, as_of: date | None, today: date | None = None) -> Period:
    """The time a question asks about: ``as_of``, else the past days and years it names (from
    the first to the last), else today."""
    today = today or date.today()
    if as_of is not None:
        return as_of, as_of
    past = [span for span in _named_periods(question) if span[0] <= today]
    if not past:
        return today, today
    return min(s[0] for s in past), min(max(s[1] for s in past), today)


def in_force_documents(question: str, as_of: date | None, catalog: Catalog,
                       today: date | None = None) -> set[str] | None:
    """The documents in force in the time asked about; None when that is every one."""
    first, last = asked_period(question, as_of, today)
    held = {doc_id for doc_id, validity in catalog.validity.items()
            if validity.in_force_during(first, last)}
    return None if len(held) == len(catalog.validity) else held


def in_force_condition(
    question: str, as_of: date | None, catalog: Catalog, today: date | None = None
) -> list[MetadataFilter]:
    """The condition "in a document in force in the time asked about" (none when every stored
    document is)."""
    held = in_force_documents(question, as_of, catalog, today)
    if held is None:
        return []
    return [MetadataFilter(key="doc_id", value=sorted(held) or [NO_DOCUMENT],
                           operator=FilterOperator.IN)]


def about_former(best_doc_id: str | None, catalog: Catalog, today: date | None = None) -> bool:
    """True when the best passage for a question, over every document, is in one no longer
    (or not yet) in force that no other document replaces: the question is about that
    measure, and its answer should say that it expired rather than quote something else. A
    next edition not yet in force is not: the one it will replace still answers today."""
    validity = catalog.validity.get(best_doc_id or "")
    status = validity.status_on(today or date.today()) if validity else "in_force"
    return (validity is not None and validity.superseded_by is None and status != "in_force"
            and not (status == "not_yet_in_force" and validity.supersedes))
