"""When a document's validity ends, as its own text states it: a date ("有效期至2024年12月31日",
"the voucher programme lapses on 30 June 2026"), a date referred back to ("the scheme ends on
that date", "本政策于该日终止"), a term from a start ("valid for two years from 1 March 2024",
"试行期18个月", "自发布之日起两年内有效"), or an open condition kept as written ("until the
flood emergency … is lifted", "疫情结束后自行解除"). The forms are in ``ingest.validity_forms``;
the ending verbs there are a small table per language, and dates are read by ``ingest.dates``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

import cn2an

from app.numerals import NUMBER_WORDS
from ingest import validity_forms as forms
from ingest.dates import EN_DATE, ZH_DATE, english_date, normalized_date


def date_in(text: str, year: int | None = None) -> date | None:
    """The first written date in ``text``, Chinese or English; a Chinese day written without
    its year ("自2月5日起") is of ``year``, the document's own."""
    written = re.search(forms.ZH_DATE, text)
    if written is None and year is not None and (day := forms.DAY_ZH.search(text)):
        return _valid(year, int(day.group(1)), int(day.group(2)))
    iso = normalized_date(written.group(0)) if written else (
        english_date(found) if (found := EN_DATE.search(text)) else None)
    return date.fromisoformat(iso) if iso and len(iso) == 10 else None


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def plus(start: date, years: int = 0, months: int = 0, days: int = 0) -> date:
    """The last day of a term of ``years``, ``months`` and ``days`` that begins on ``start``."""
    index = start.month - 1 + months + 12 * years
    year, month = start.year + index // 12, index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) + timedelta(days=days - 1)


def read_when(when: str, found: dict[str, Any], issued: date | None) -> None:
    """A start: the issue day ("自印发之日起", "with immediate effect") or a written date."""
    if forms.ISSUE_WORDS.search(when) and not re.search(r"\d", when):
        found["effective_on_issue"] = True
        if issued:
            found["effective_from"] = issued.isoformat()
    elif (day := date_in(when)) is not None:
        found["effective_from"] = day.isoformat()


def _number(written: str) -> int:
    """"18", "eighteen", "twenty-four", "a", "两" as a number."""
    written = written.lower()
    if written in ("a", "an"):
        return 1
    if all(part in NUMBER_WORDS for part in written.split("-")):
        return sum(NUMBER_WORDS[part] for part in written.split("-"))
    return int(cn2an.cn2an(written, "smart"))


def _read_term(term: re.Match[str], found: dict[str, Any], issued: date | None) -> None:
    if since := term.groupdict().get("since") or term.groupdict().get("since2"):
        read_when(since, found, issued)
    number = _number(term.groupdict().get("n") or term.group("n2"))
    unit = (term.groupdict().get("unit") or term.group("unit2")).lower().rstrip("s")
    size = {"年": (number, 0, 0), "year": (number, 0, 0), "周": (0, 0, 7 * number),
            "week": (0, 0, 7 * number), "天": (0, 0, number), "日": (0, 0, number),
            "day": (0, 0, number)}.get(unit, (0, number, 0))
    if start := found.get("effective_from"):
        found["effective_until"] = plus(date.fromisoformat(start), *size).isoformat()
    else:  # the start is the issue day, not known: keep the term as written
        found["valid_condition"] = term.group(0)


def read_end(sentence: str, found: dict[str, Any], issued: date | None = None,
             before: str = "") -> bool:
    """The end of validity stated in ``sentence`` (``before`` is the sentence ahead of it, for
    a date referred back to): a date, a term (from the day it names, if any), or an open
    condition."""
    if term := forms.TERM_ZH.search(sentence) or forms.TERM_EN.search(sentence):
        _read_term(term, found, issued)
        return True
    match = (forms.UNTIL_ZH.search(sentence) or forms.UNTIL_EN.search(sentence)
             or forms.SPAN_EN.search(sentence))
    if match is not None:
        until = (match.groupdict().get("until") or match.group("until2")).strip()
        day = date_in(until)
        if forms.BACK_REFERENCE.match(until):  # "ends on that date"
            day = _last_end_date(sentence[:match.start()]) or _last_end_date(before)
            until = day.isoformat() if day else until
        if day is not None and re.match(rf"\s*(?:{forms.ZH_DATE}|{forms.EN_DATE})", until, re.I):
            found["effective_until"] = day.isoformat()
        else:
            found["valid_condition"] = match.group(0).strip()
        return True
    period = forms.PERIOD_ZH.search(sentence) or forms.OPEN_END_ZH.search(sentence)
    if period:
        found["valid_condition"] = period.group(0).strip()
        return True
    if stop := forms.STOP_ZH.search(sentence):
        day = date_in(stop.group("until"))
        if day is not None and re.fullmatch(rf"\s*{forms.ZH_DATE}\s*", stop.group("until")):
            found["effective_until"] = (day - timedelta(days=1)).isoformat()
        else:
            found["valid_condition"] = stop.group(0).strip()
        return True
    return _read_ending_verb(sentence, found, before)


def _read_ending_verb(sentence: str, found: dict[str, Any], before: str) -> bool:
    """An end stated with an ending verb of the language ("lapses on 30 June 2026", "至2026年
    2月28日届满", "ends on that date", "于该日终止"); without a date, an open condition."""
    verb = forms.END_EN.search(sentence)
    if verb is None and re.search(forms.SELF_ZH, sentence):
        verb = forms.END_ZH.search(sentence)
    if verb is None:
        return False
    start, end = _clause(sentence, verb.start("verb"))
    clause = sentence[start:end]
    if "《" in clause or "〔" in clause:  # it ends another, named document
        return False
    if forms.BACK_REFERENCE.search(sentence[:end]):  # its clause or one ahead ("After that, …")
        day = _last_end_date(sentence[:verb.start("verb")]) or _last_end_date(before)
    else:
        day = _last_end_date(clause)
    if day is not None:
        found["effective_until"] = day.isoformat()
        return True
    if re.search(r"\d", clause):  # a date the reader cannot place: better none than a guess
        return False
    found["valid_condition"] = clause.strip(" ，,")
    return True


def _clause(sentence: str, at: int) -> tuple[int, int]:
    """The clause of ``sentence`` around position ``at`` (between commas or semicolons)."""
    starts = [m.end() for m in re.finditer(r"[，,；;：:]", sentence[:at])]
    stop = re.search(r"[，,；;。.](?:\s|$)|[，；。]", sentence[at:])
    return (starts[-1] if starts else 0), (at + stop.start() if stop else len(sentence))


def _last_end_date(text: str) -> date | None:
    """The last date written in ``text`` that is not a start ("自…起", "from …"); a month
    alone ("at the end of February 2027") ends on its last day."""
    days: list[tuple[int, date]] = []
    for match in ZH_DATE.finditer(text):
        iso = normalized_date(match.group(0))
        if iso and not forms.START_MARK_ZH.match(text[match.end():]):
            days.append((match.start(), date.fromisoformat(iso)))
    for match in EN_DATE.finditer(text):
        iso = english_date(match)
        if iso is None or forms.START_MARK_EN.search(text[:match.start()]):
            continue
        if len(iso) == 7:
            year, month = int(iso[:4]), int(iso[5:])
            iso = date(year, month, calendar.monthrange(year, month)[1]).isoformat()
        days.append((match.start(), date.fromisoformat(iso)))
    return max(days)[1] if days else None
