"""Dates as documents write them, normalized to ``YYYY-MM-DD``.

Chinese dates (``2020年2月4日``, ``二〇二〇年二月四日``) are normalized by ``jionlp``; English ones
(``2023-05-31``, ``May 31, 2023``, ``31 May 2023``, ``March 2025`` as ``2025-03``) by the standard
library.
"""

from __future__ import annotations

import contextlib
import io
import re
from datetime import date
from functools import lru_cache
from typing import Any

from app.numerals import EN_MONTHS

_ZH_DIGIT = "〇零一二三四五六七八九十"
ZH_DATE = re.compile(
    rf"(?:(?:19|20)\d\d|[一二][{_ZH_DIGIT}]{{3}})\s?年\s?(?:\d{{1,2}}|[{_ZH_DIGIT}]{{1,3}})\s?月"
    rf"\s?(?:\d{{1,2}}|[{_ZH_DIGIT}]{{1,3}})\s?日"
)
_MONTHS = "|".join(EN_MONTHS)
EN_DATE = re.compile(
    rf"\b(?:(?P<iso>(?:19|20)\d\d-\d\d-\d\d)"
    rf"|(?P<mdy>(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d)"
    rf"|(?P<dmy>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS}),?\s+(?:19|20)\d\d)"
    rf"|(?P<my>(?:{_MONTHS})\.?,?\s+(?:19|20)\d\d))\b",
    re.IGNORECASE,
)


def stands_alone(text: str, found: re.Match[str]) -> bool:
    """Whether a date is set apart (white space, a bracket or a label colon on either side)
    rather than written inside a sentence; or dates the printing line (版记, "…办公厅
    2020年2月12日印发")."""
    if text.startswith("印发", found.end()):
        return True
    before = text[found.start() - 1] if found.start() > 0 else " "
    after = text[found.end()] if found.end() < len(text) else " "
    return (before.isspace() or before in "（([【：:") and (after.isspace() or after in "）)]】")


@lru_cache(maxsize=1)
def _jionlp() -> Any:
    """jionlp, imported quietly: it prints a banner to stdout, which would corrupt the output
    of ``policykb ingest --json``."""
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp
    return jionlp


@lru_cache(maxsize=4096)
def normalized_date(written: str) -> str | None:
    """``2020年2月4日`` or ``二〇二〇年二月四日`` as ``2020-02-04`` (None when no real date)."""
    compact = re.sub(r"\s", "", written)
    try:
        parsed = _jionlp().parse_time(compact)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None
    moment = str((parsed.get("time") or [""])[0])
    return moment[:10] if re.match(r"\d{4}-\d\d-\d\d", moment) else None


def english_date(match: re.Match[str]) -> str | None:
    from email.utils import parsedate_to_datetime

    if match.group("iso"):
        written = match.group("iso")
        try:
            return date.fromisoformat(written).isoformat()
        except ValueError:
            return None
    words = re.sub(r"(\d)(?:st|nd|rd|th)\b|[.,]", r"\1", match.group(0), flags=re.I).split()
    if match.group("my"):  # "March 2025": the month is all the text says
        words = ["1", *words]
    elif match.group("mdy"):
        words = [words[1], words[0], words[2]]
    try:
        parsed = parsedate_to_datetime(f"Mon, {words[0]} {words[1][:3].title()} {words[2]} 0:0:0")
    except (ValueError, TypeError, IndexError):
        return None
    return parsed.date().isoformat()[:7] if match.group("my") else parsed.date().isoformat()
