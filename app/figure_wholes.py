"""What a figure is of, read from the words beside it: a part of a named whole ("eight of
which", 其中), a count or measure of it, a share of a total, a rate named by its thing. Moved
from app.numerals (which reads a figure's value) when that module passed 300 lines."""

from __future__ import annotations

import re

from app.text import CLAUSE_END, has_cjk

# Words after a figure that make it a part of what was named before it: "eight of which", 其中.
REFERS_BACK = re.compile(r"\s*(?:of\s+(?:which|them|these|those)\b|其中)", re.I)


def of_whole(text: str, start: int, end: int, whole: re.Pattern[str]) -> bool:
    """Whether the figure at ``start:end`` counts or measures what ``whole`` names: the words
    after it in its clause name it ("one hundred participants", 100亿元的人工智能基金群), or, with
    no word after it there, those before it do ("a fund group with a scale of 100 billion")."""
    after = re.split(r"\d", CLAUSE_END.split(text[end:end + 40], maxsplit=1)[0], maxsplit=1)[0]
    if REFERS_BACK.match(after):
        return False
    if re.search(r"[^\W\d_]", after):
        return bool(whole.search(after[:12] if has_cjk(after) else " ".join(after.split()[:4])))
    before = CLAUSE_END.split(text[max(0, start - 60):start])[-1]
    return bool(whole.search(before[-12:] if has_cjk(before) else " ".join(before.split()[-6:])))


# A rate named by what it is of ("interest rate", 利率, 费率), not by its degree ("minimum rate").
RATE_OF = re.compile(r"\b(?!(?:the|a|an|what|which|its|minimum|maximum|lowest|highest|average"
                     r"|overall)\b)([a-z]+) rates?\b|([\u4e00-\u9fff](?<!比)率)", re.I)


def share_of(text: str, start: int, end: int, whole: re.Pattern[str]) -> bool:
    """Whether the percent at ``start:end`` is a share of what ``whole`` names: "5% of the total
    project investment", 项目总投资的5%; not "利息的50%给予贴息" for 贴息, whose share is of
    the interest, nor a clause merely naming the whole elsewhere."""
    after = re.match(r"\s*of\s+((?:\S+\s+){0,4}\S+)", CLAUSE_END.split(text[end:end + 60])[0])
    before = CLAUSE_END.split(text[max(0, start - 16):start])[-1]
    return bool((after and whole.search(after.group(1)))
                or (before.endswith("的") and whole.search(before[:-1])))
