"""A document's validity as its own text states it: when it takes effect and until when (what
it repeals or extends of other documents: ``ingest.amendments``).

Only sentences about the document itself are read ("本通知自印发之日起施行", "This plan takes
effect on 1 March 2024"), or a dated start of what its title announces ("关于暂停……的通知":
"2020年2月3日起暂停……"): a policy on licences says "有效期顺延至疫情结束" of the licences, not of
itself. An end that is a condition rather than a date ("有效期至疫情解除", "until the epidemic
response ends") is kept as written and never turned into a guessed date. The forms of each
language are in ``ingest.validity_forms``; the end (a date, one referred back to, a term, an
open condition) is read by ``ingest.validity_end``; dates by ``ingest.dates`` (jionlp).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from app.text import has_cjk
from ingest import validity_forms as forms
from ingest.amendments import amendment_fields
from ingest.document_facts import official_title
from ingest.lac import fast_lac
from ingest.validity_end import date_in, plus, read_end, read_when


def _issued(published: str | None) -> date | None:
    if published and re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        return date.fromisoformat(published)
    return None


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。；;！!])|\n|(?<=\.)\s", text) if s.strip()]


def detect(text: str, title: str = "", published: str | None = None) -> dict[str, Any]:
    """The validity ``text`` states of itself, as metadata fields (absent when not stated):
    ``effective_from`` and ``effective_until`` (ISO dates), ``valid_condition`` (an open end
    as written), ``effective_on_issue`` (takes effect the day it is issued), ``supersedes``
    (a JSON list of the titles it repeals) and ``validity_text`` (the sentence read)."""
    found: dict[str, Any] = {}
    issued = _issued(published)
    basis: list[str] = []
    sentences = _sentences(text)
    for sentence in sentences:
        if _read_span(sentence, found, issued) or _read_start(sentence, found, issued):
            basis.append(sentence.strip())
            if "effective_until" not in found:
                read_end(sentence, found)
            break
    if not found:
        _read_policy_start(sentences, found, issued, basis)
    headline = _headline(text, title)
    if not found:
        _read_title_start(sentences, headline, found, _own_year(text, issued), basis)
    if not found:
        _read_title_end(sentences, headline, found, _own_year(text, issued), basis)
    if not found and (first := forms.FIRST_ITEM_START_ZH.search(text)):
        _read_first_item(first, found, basis)
    if "effective_until" not in found and "valid_condition" not in found:
        for before, sentence in zip(["", *sentences], sentences, strict=False):
            about_itself = re.search(forms.SELF_ZH, sentence) or re.search(
                r"\b(?:this|these|the|it|they)\b", sentence, re.I)
            if about_itself and read_end(sentence, found, issued, before):
                if sentence.strip() not in basis:
                    basis.append(sentence.strip())
                break
    _read_period(title or text[:200], found)
    found.update(amendment_fields(text, date_in))
    if basis:
        found["validity_text"] = " ".join(basis)[:300]
    return found


def _read_policy_start(sentences: list[str], found: dict[str, Any], issued: date | None,
                       basis: list[str]) -> None:
    """A start (and open end) stated of a document's measures rather than of the document."""
    for sentence in sentences:
        match = forms.TEMPORARY_ZH.search(sentence)
        if match and (day := date_in(match.group("when"))):
            found["effective_from"] = day.isoformat()
            found["valid_condition"] = match.group("until").strip("，, ")
        elif match := forms.POLICY_START_ZH.search(sentence):
            if match.group("issue"):
                found["effective_on_issue"] = True
                if issued:
                    found["effective_from"] = issued.isoformat()
            elif day := date_in(match.group("when")):
                found["effective_from"] = day.isoformat()
        else:
            continue
        basis.append(sentence.strip())
        if "valid_condition" not in found:
            read_end(sentence, found)
        return


def _own_year(text: str, issued: date | None) -> int | None:
    """The year of the document: its issue date's, else its last full date's (the dateline)."""
    years = re.findall(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", text)
    return issued.year if issued else (int(years[-1]) if years else None)


def _headline(text: str, title: str) -> str:
    """A report's title with its sub-headlines: a news page heads its story with the headline
    and, after a space, the measure it leads with ("北京市出台政策鼓励用工 为重点企业招人给予最高
    9万元补助"), whose verbs are the report's acts too. The parts stop at the first that is a
    sentence (a clause mark: the story's lead) or a dateline (a day); an official title has
    none (what follows it is its number or addressees)."""
    head = title.split()[0] if title.split() else ""  # not a dateline or text run on
    segments = text.split()
    if official_title(head) or not segments or segments[0] != head:
        return head
    parts = [head]
    for segment in segments[1:4]:
        if re.search(r"[，。；：,;:！？!?]", segment) or forms.DAY_ZH.search(segment):
            break
        parts.append(segment)
    return " ".join(parts)


@lru_cache(maxsize=64)  # read by both title readers of a document: LAC once per title
def _title_acts(title: str) -> frozenset[str]:
    """What a Chinese title says the document does (its verbs: 停征, 实行 …), by Baidu LAC's
    part-of-speech tags (jieba's took the nouns of "支持春耕备耕贷款" for verbs, and a later
    "春耕备耕企业" for the measure the title announced)."""
    return frozenset(verb for verb in _verbs(title) if verb not in forms.ANNOUNCING)


def _verbs(text: str) -> set[str]:
    """The verbs of ``text`` by LAC's tags; a one-character verb with the word after it (免 +
    门票, 停 + 征)."""
    words = fast_lac().run([text])[0]
    verbs = set()
    for (word, tag), after in zip(words, [*words[1:], None], strict=True):
        if tag != "v":
            continue
        if len(word) >= 2:
            verbs.add(word)
        elif after is not None and after[1][0] in "nv":
            verbs.add(word + after[0])
    return verbs


def _read_title_start(sentences: list[str], title: str, found: dict[str, Any],
                      year: int | None, basis: list[str]) -> None:
    """A dated start of what the title announces, with its open end: one the text states
    ("停止时间……另行通告") or the title's period ("关于疫情期间……")."""
    acts = _title_acts(title) if has_cjk(title) else frozenset()
    for sentence in sentences if acts else []:
        match = forms.DATED_START_ZH.search(sentence)
        if match is None or not any(act in sentence[match.end():] for act in acts):
            continue
        if (day := date_in(match.group("when"), year)) is None:
            continue
        found["effective_from"] = day.isoformat()
        basis.append(sentence.strip())
        if not read_end(sentence, found):
            stated = (m for s in sentences if (m := forms.OPEN_END_ZH.search(s)))
            if end := next(stated, None) or forms.TITLE_PERIOD_ZH.search(title):
                found["valid_condition"] = end.group("until")
        return


def _read_title_end(sentences: list[str], title: str, found: dict[str, Any],
                    year: int | None, basis: list[str]) -> None:
    """What the title announces, done until a day ("…至2020年12月31日，对…实行免门票") or for a
    period ("疫情防控期间，内蒙古对…免收通行费"): a report's account of the one measure it
    reports. A span with its own start ("从今年1月1日至2月10日，发放…") is when something was
    done, not how long a measure holds."""
    acts = _title_acts(title) if has_cjk(title) else frozenset()
    for index, sentence in enumerate(sentences if acts else []):
        # An official notice names a period of each measure it gives; a report's headline
        # names the one measure its lead (the first sentence after it) gives the period of.
        lead = [] if official_title(title) or index > 1 else [
            *forms.PERIOD_OPEN_ZH.finditer(sentence), *forms.MONTH_SPAN_ZH.finditer(sentence)]
        for match in [*forms.TITLE_END_ZH.finditer(sentence), *lead]:
            if not any(act in sentence[match.end():] for act in acts) \
                    or forms.SPAN_START_ZH.search(sentence[:match.start()]):
                continue
            if "day" not in match.groupdict():
                # Of the clause right after it, where the title's act is done (a verb there).
                clause = re.split(r"[，,。；;]", sentence[match.end():], maxsplit=1)[0]
                if not acts & _verbs(clause):
                    continue
                if "until" in match.groupdict():
                    found["valid_condition"] = match.group("until")
                elif forms.TALLY_ZH.search(clause) or not _read_month_span(match, found):
                    continue
            elif (day := date_in(match.group("day"), year)) is not None:
                found["effective_until"] = day.isoformat()
            else:
                continue
            basis.append(sentence.strip())
            return


def _read_month_span(span: re.Match[str], found: dict[str, Any]) -> bool:
    """"2020年2月至12月": from 2020-02-01 to 2020-12-31 (the last month in the first's year
    unless it names its own); not a span that ends before it starts or names no month."""
    first_year, first = int(span.group("year")), int(span.group("first"))
    last_year, last = int(span.group("year2") or first_year), int(span.group("last"))
    months = 12 * (last_year - first_year) + last - first + 1
    if months < 1 or not 1 <= first <= 12 or not 1 <= last <= 12:
        return False
    start = date(first_year, first, 1)
    found["effective_from"] = start.isoformat()
    found["effective_until"] = plus(start, months=months).isoformat()
    return True


def _read_first_item(first: re.Match[str], found: dict[str, Any], basis: list[str]) -> None:
    """A notice whose first numbered provision opens with a dated start ("一、自2020年2月起，…")
    starts then: its first provision is what it does (a month alone starts on its first day)."""
    when = first.group("when")
    day = date_in(when) or date_in(when.replace("月", "月1日", 1))
    if day is not None:
        found["effective_from"] = day.isoformat()
        basis.append(first.group(0).strip())


def _read_span(sentence: str, found: dict[str, Any], issued: date | None) -> bool:
    """A start and an end in one phrase, said of the document itself or of what it announces
    ("本通知执行期限为…至…", "自2020年1月1日至3月31日，实行…，现公告如下")."""
    span = forms.SPAN_ZH.search(sentence)
    if span is None or not (re.search(forms.SELF_ZH, sentence[:span.start()])
                            or forms.ANNOUNCES_ZH.search(sentence)):
        return False
    read_when(span.group("when"), found, issued)
    start = found.get("effective_from")
    if until := date_in(span.group("until"), int(start[:4]) if start else None):
        found["effective_until"] = until.isoformat()
    return True


def _read_start(sentence: str, found: dict[str, Any], issued: date | None) -> bool:
    match = forms.START_ZH.search(sentence) or forms.START_EN.search(sentence)
    if match is None and re.search(forms.SELF_ZH, sentence):
        match = forms.ANY_START_ZH.search(sentence)
    if match is None:
        return False
    read_when(match.group("when") or "issue", found, issued)  # or "with immediate effect"
    return True


def _read_period(head: str, found: dict[str, Any]) -> None:
    """A plan's years in its title ("2023—2025年", "the 2023–2024 plan") bound its validity
    where the text gives no date of its own."""
    period = forms.PERIOD_YEARS.search(head)
    if period is None:
        return
    first, last = int(period.group(1)), int(period.group(2))
    if last < first:
        return
    found.setdefault("effective_from", date(first, 1, 1).isoformat())
    if "valid_condition" not in found:
        found.setdefault("effective_until", date(last, 12, 31).isoformat())

