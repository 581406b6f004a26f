"""A numbered list's items: a marker's form and number, and the items that follow one.

A notice lists the steps of a procedure or the parts of a measure as numbered paragraphs
("1、…。 2、…。", "（一）…； （二）…。", "一、…。 二、…。"), and ingest starts a chunk at each, so
a quote of the first says one item of several. Items of one list share their marker's form and
count on by one (a "1." under "一、" is another list's); an item runs to its paragraph's end (a
flat page parts paragraphs by white space after a sentence's end, while an item's own sentences
run on without it: "…落实“四方责任”。施工总承包单位…"), or to the next item's marker.
"""

from __future__ import annotations

import re

from app.numerals import chinese_number
from app.text import ITEM, ZH_SENTENCE_END

_NUMBER = re.compile(r"\d+|[一二三四五六七八九十]+")


def marker(text: str) -> tuple[str, int] | None:
    """The form and number of the item ``text`` opens on: "（三）…" -> ("（C）", 3), "2. …" ->
    ("D.", 2) (digits and Chinese numerals are two forms); None when it opens on no item."""
    found = ITEM.match(text)
    number = _NUMBER.search(found.group()) if found else None
    if found is None or number is None:
        return None
    mark, digits = found.group().strip(), number.group()
    value = int(digits) if digits.isdigit() else chinese_number(digits)
    return None if value is None else (re.sub(_NUMBER, "D" if digits.isdigit() else "C", mark),
                                       value)


def item_end(text: str, start: int, following: tuple[str, int] | None = None) -> int:
    """Where the item opening at ``start`` ends: the first sentence's end followed by white space,
    by the text's end or by the marker ``following`` (the next item's: a list on one line)."""
    for found in ZH_SENTENCE_END.finditer(text, start):  # with its closing quotes
        rest = text[found.end():]
        if not rest or rest[0].isspace() or (following and marker(rest) == following):
            return found.end()
    return len(text)


def items_on(text: str, start: int, end: int, limit: int) -> int:
    """Where the items following the one opening at ``start`` and ending at ``end`` in ``text``
    (the next numbers of its form, each whole) end, none past ``limit``; ``end`` if none does."""
    mark = marker(text[start:])
    while mark is not None:
        at = end + len(text[end:]) - len(text[end:].lstrip())
        nxt = (mark[0], mark[1] + 1)
        if marker(text[at:]) != nxt or (close := item_end(text, at, (nxt[0], nxt[1] + 1))) > limit:
            break
        end, mark = close, nxt
    return end
