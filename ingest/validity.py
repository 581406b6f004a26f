"""A document's validity as its own text states it: when it takes effect, until when, and what it
repeals.

Only sentences about the document itself are read ("本通知自印发之日起施行", "This plan takes
effect on 1 March 2024"): a policy on licences says "有效期顺延至疫情结束" of the licences, not of
itself. An end that is a condition rather than a date ("有效期至疫情解除", "until the epidemic
response ends") is kept as written and never turned into a guessed date. Chinese dates are read
with jionlp, Chinese numerals with cn2an.
"""

from __future__ import annotations

import calendar
import json
import re
from datetime import date, datetime, timedelta
from typing import Any

import cn2an

# What a document calls itself when it states its own validity (general forms of Chinese
# official writing: 本 + the kind of document, or 以上/上述 + measures).
_SELF_ZH = (
    r"(?:本|以上|上述|此)(?!一些|部分|个别)(?:[\u4e00-\u9fff]{0,8}?)"
    r"(?:通知|意见|办法|措施|规定|公告|通告|方案|细则|决定|政策|条例|规划|计划|指引|指南|"
    r"实施意见|若干措施|条款|规则|标准|批复|函|要求|制度)"
)
# A day, with the hour a notice may add ("2020年2月21日零时", "2020年2月17日00：00").
_ZH_DATE = (r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:[（(][^）)]{1,8}[）)])?"
            r"(?:\s*(?:零时|\d{1,2}\s*[时:：](?:\d{2})?))?")
_ON_ISSUE_ZH = r"(?:印发|发布|公布|颁布|下发|签发|印发之|发布之)"
_START_ZH = re.compile(
    rf"{_SELF_ZH}[^。；;]{{0,30}}?(?:自|从|于)\s*(?P<when>{_ZH_DATE}|{_ON_ISSUE_ZH}之?日|即日)"
    r"\s*(?:起|开始)?\s*暂?(?:施行|实施|执行|生效)"
)
_ANY_START_ZH = re.compile(
    rf"(?:自|从)\s*(?P<when>{_ZH_DATE}|{_ON_ISSUE_ZH}之?日|即日)\s*起\s*(?:施行|实施|执行|生效)"
)
# A policy's start said of its measures ("明确自2020年1月1日起实施一系列…优惠政策"), or a term
# that starts on issue ("执行期限为发布之日起至…").
_POLICY_START_ZH = re.compile(
    rf"(?:自|从)\s*(?P<when>{_ZH_DATE})\s*起\s*(?:施行|实施|执行)[^。；;]{{0,30}}?(?:政策|措施)|"
    rf"期限为\s*(?P<issue>{_ON_ISSUE_ZH}之?日)\s*起"
)
# A temporary measure from a day until further notice or until an event ("自2020年2月3日起暂时
#关闭……恢复时间视疫情形势变化另行通知"): its start and its open end in one sentence.
_TEMPORARY_ZH = re.compile(
    rf"(?:自|从)\s*(?P<when>{_ZH_DATE})\s*起[^。]{{0,120}}?"
    r"(?P<until>(?:至[^。；;，,]{2,20}?结束|(?<=[，,])[^。；;，,]{0,30}?另行(?:通知|公告|通告)))"
)
# 有效期至2022年12月31日 / 有效期至疫情解除 / 有效期为… / 执行至… / 截止日期视…另行公告
_UNTIL_ZH = re.compile(
    r"(?:有效期(?:限)?(?:为|是)?(?:至|到|截至|截止(?:到|至)?)|(?:执行|实施|施行)(?:期限)?(?:至|到)|"
    r"(?:执行|实施|施行)期限(?:为|是)?(?:[^。；;，,]{0,20}?至))"
    r"\s*(?P<until>[^。；;，,（(]{1,60})"
)
_TERM_ZH = re.compile(
    r"有效期(?:限)?(?:为|是)?\s*(?P<n>[0-9零〇一二两三四五六七八九十]{1,3})\s*(?P<unit>年|个月)"
)
_PERIOD_ZH = re.compile(r"有效期(?:限)?(?:为|是)\s*(?P<until>[^。；;，,（(]{2,40}?期间)")
_OPEN_END_ZH = re.compile(
    r"(?P<until>(?:(?:实施|执行|适用)?期限|截止|截至|终止|停止时间)(?:日期|时间)?[^。；;]{0,60}?"
    r"另行(?:公告|通知|通告|发布|明确)|"
    r"适用于[^。；;，,的]{1,30}?期间(?=[。；;，,（(]|$))"
)
# 自疫情防控工作结束之日起停止执行: an end that is an event, unless the event is a date.
_STOP_ZH = re.compile(
    r"(?:自|从|至|到)\s*(?P<until>[^。；;，,自从]{2,60}?)(?:之日)?起?\s*(?:停止执行|停止实施|废止|失效|终止)"
)
_REPEALS_ZH = re.compile(
    r"(?:原|此前印发的|同时)?(?P<titles>(?:《[^》]{2,80}》[、和及与，,]?){1,6})"
    r"[^。；;]{0,20}?(?:同时|一并)?(?:废止|停止执行|不再执行|失效)"
)
_TITLE = re.compile(r"《([^》]{2,80})》")
# A plan's period in its title or opening: "（2023—2025年）", "2023-2024", "the 2023–2024 plan".
_PERIOD_YEARS = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:年)?\s*[-—–~至到]\s*((?:19|20)\d{2})(?!\d)"
)

_EN_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_EN_DATE = (
    rf"(?:\d{{1,2}}\s+(?:{_EN_MONTHS})\s+\d{{4}}|(?:{_EN_MONTHS})\s+\d{{1,2}},?\s+\d{{4}}|"
    r"\d{4}-\d{2}-\d{2})"
)
_START_EN = re.compile(
    rf"(?:effective|takes? effect|comes? into (?:force|effect)|in force|shall apply|applies|"
    rf"runs?|(?:is|are) in place|starts?|begins?)"
    rf"\s+(?:from|on|as of|as from|starting)\s+(?P<when>{_EN_DATE}|the date of (?:issue|"
    r"issuance|publication)|its (?:issue|issuance|publication))",
    re.IGNORECASE,
)
_UNTIL_EN = re.compile(
    r"(?:valid|effective|in force|remains? in (?:force|effect)|shall (?:apply|remain in force)|"
    r"applies|expires?|ends?)\s+(?:until|through|till|on)\s+(?P<until>[^.;\n]{2,80})",
    re.IGNORECASE,
)
# "applies from 15 May 2021 until 31 August 2021", "runs from 1 February 2022 to 31 December
# 2023": a start and an end in one phrase.
_SPAN_EN = re.compile(
    rf"\bfrom\s+{_EN_DATE}\s+(?:until|till|to|through)\s+(?P<until>{_EN_DATE})", re.IGNORECASE
)
_REPEALS_EN = re.compile(
    r"(?:supersedes|replaces|repeals)\s+(?:the\s+)?(?P<title>[^.;\n]{4,120})"
    r"|(?P<title2>[^.;\n]{4,120}?)\s+(?:is|are)\s+(?:hereby\s+)?(?:repealed|superseded|revoked)",
    re.IGNORECASE,
)
_EN_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10, "eighteen": 18, "twelve": 12, "twenty-four": 24}
_TERM_EN = re.compile(
    r"(?:valid|in force|in effect|effective|apply|applies)\s+for\s+"
    rf"(?:a\s+(?:term|period)\s+of\s+)?(?P<n>\d{{1,2}}|{'|'.join(_EN_NUMBERS)}|an?)\s+(?P<unit>years?|months?)",
    re.IGNORECASE,
)
_ISSUE_WORDS = re.compile(r"印发|发布|公布|颁布|下发|签发|即日|issue|publication", re.IGNORECASE)


def _zh_date(text: str) -> date | None:
    """A Chinese written date (2020年1月1日) as a date, read with jionlp."""
    import jionlp  # imported here: loading its dictionaries takes seconds

    try:
        parsed = jionlp.parse_time(text.replace(" ", ""))
    except (ValueError, TypeError, KeyError, IndexError):
        return None
    times = parsed.get("time") if isinstance(parsed, dict) else None
    if not times or parsed.get("type") not in ("time_point", "time_span"):
        return None
    try:
        return datetime.strptime(str(times[0])[:10], "%Y-%m-%d").date()
    except ValueError:
        return None


def _en_date(text: str) -> date | None:
    cleaned = re.sub(r"\s+", " ", text.replace(",", "")).strip()
    for pattern in ("%d %B %Y", "%B %d %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    return None


def _date_in(text: str) -> date | None:
    """The first written date in ``text``, Chinese or English."""
    if found := re.search(_ZH_DATE, text):
        return _zh_date(found.group(0))
    if found := re.search(_EN_DATE, text, re.IGNORECASE):
        return _en_date(found.group(0))
    return None


def _plus(start: date, years: int = 0, months: int = 0) -> date:
    """The last day of a term of ``years`` and ``months`` that begins on ``start``."""
    index = start.month - 1 + months + 12 * years
    year, month = start.year + index // 12, index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) - timedelta(days=1)


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
        if _read_start(sentence, found, issued):
            basis.append(sentence.strip())
            _read_end(sentence, found)
            break
    if not found:
        _read_policy_start(sentences, found, issued, basis)
    if "effective_until" not in found and "valid_condition" not in found:
        for sentence in sentences:
            about_itself = re.search(_SELF_ZH, sentence) or re.search(
                r"\b(?:this|these|the)\b", sentence, re.I)
            if about_itself and _read_end(sentence, found):
                if sentence.strip() not in basis:
                    basis.append(sentence.strip())
                break
    _read_period(title or text[:200], found)
    repealed = _repealed(text)
    if repealed:
        found["supersedes"] = json.dumps(repealed, ensure_ascii=False)
    if basis:
        found["validity_text"] = " ".join(basis)[:300]
    return found


def _read_policy_start(sentences: list[str], found: dict[str, Any], issued: date | None,
                       basis: list[str]) -> None:
    """A start (and open end) stated of a document's measures rather than of the document."""
    for sentence in sentences:
        if (match := _TEMPORARY_ZH.search(sentence)) and (day := _date_in(match.group("when"))):
            found["effective_from"] = day.isoformat()
            found["valid_condition"] = match.group("until").strip("，, ")
        elif match := _POLICY_START_ZH.search(sentence):
            if match.group("issue"):
                found["effective_on_issue"] = True
                if issued:
                    found["effective_from"] = issued.isoformat()
            elif day := _date_in(match.group("when")):
                found["effective_from"] = day.isoformat()
        else:
            continue
        basis.append(sentence.strip())
        if "valid_condition" not in found:
            _read_end(sentence, found)
        return


def _read_start(sentence: str, found: dict[str, Any], issued: date | None) -> bool:
    match = _START_ZH.search(sentence) or _START_EN.search(sentence)
    if match is None and re.search(_SELF_ZH, sentence):
        match = _ANY_START_ZH.search(sentence)
    if match is None:
        return False
    when = match.group("when")
    if _ISSUE_WORDS.search(when) and not re.search(r"\d", when):
        found["effective_on_issue"] = True
        if issued:
            found["effective_from"] = issued.isoformat()
    elif (day := _date_in(when)) is not None:
        found["effective_from"] = day.isoformat()
    return True


def _read_end(sentence: str, found: dict[str, Any]) -> bool:
    """The end of validity stated in ``sentence``: a date, a term, or an open condition."""
    if term := _TERM_ZH.search(sentence) or _TERM_EN.search(sentence):
        written = term.group("n").lower()
        number = (_EN_NUMBERS.get(written) or (1 if written in ("a", "an") else 0)
                  or int(cn2an.cn2an(written, "smart")))
        years, months = (number, 0) if term.group("unit").lower() in ("年", "year", "years") \
            else (0, number)
        start = found.get("effective_from")
        if start:
            found["effective_until"] = _plus(date.fromisoformat(start), years, months).isoformat()
        else:  # the start is the issue day, not known: keep the term as written
            found["valid_condition"] = term.group(0)
        return True
    match = _UNTIL_ZH.search(sentence) or _UNTIL_EN.search(sentence) or _SPAN_EN.search(sentence)
    if match is not None:
        until = match.group("until").strip()
        day = _date_in(until)
        if day is not None and re.match(rf"\s*(?:{_ZH_DATE}|{_EN_DATE})", until, re.I):
            found["effective_until"] = day.isoformat()
        else:
            found["valid_condition"] = match.group(0).strip()
        return True
    if (period := _PERIOD_ZH.search(sentence)) or (period := _OPEN_END_ZH.search(sentence)):
        found["valid_condition"] = period.group(0).strip()
        return True
    if stop := _STOP_ZH.search(sentence):
        day = _date_in(stop.group("until"))
        if day is not None and re.fullmatch(rf"\s*{_ZH_DATE}\s*", stop.group("until")):
            found["effective_until"] = (day - timedelta(days=1)).isoformat()
        else:
            found["valid_condition"] = stop.group(0).strip()
        return True
    return False


def _read_period(head: str, found: dict[str, Any]) -> None:
    """A plan's years in its title ("2023—2025年", "the 2023–2024 plan") bound its validity
    where the text gives no date of its own."""
    period = _PERIOD_YEARS.search(head)
    if period is None:
        return
    first, last = int(period.group(1)), int(period.group(2))
    if last < first:
        return
    found.setdefault("effective_from", date(first, 1, 1).isoformat())
    if "valid_condition" not in found:
        found.setdefault("effective_until", date(last, 12, 31).isoformat())


def _repealed(text: str) -> list[str]:
    titles: list[str] = []
    for match in _REPEALS_ZH.finditer(text):
        titles += _TITLE.findall(match.group("titles"))
    for match in _REPEALS_EN.finditer(text):
        title = (match.group("title") or match.group("title2") or "").strip()
        title = re.sub(r"^(?:the|this)\s+", "", title, flags=re.IGNORECASE)
        if title and not re.match(r"(?:this|these)\b", title, re.IGNORECASE):
            titles.append(title.strip(" \"'“”"))
    return list(dict.fromkeys(titles))
