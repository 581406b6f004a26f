"""A policy text's outline: its numbered headings and measures, with the section path of each
paragraph.

Chinese official documents number their parts in a fixed order (GB/T 9704): 第X章 > 第X节 >
第X条 for regulations, and 一、 > （一） > 1. > （1） for notices and plans; English texts
use ``I. Part`` > ``1. Part`` > ``(13) Measure`` and "The first part is …". Each kind of
marker has its rank in that order, so a ``（三）`` closes the ``（二）`` before it and stays
under the ``一、`` above it.

A text copied from a web page often arrives flattened onto one line, its line breaks turned
into runs of spaces; a Chinese marker after white space (``… 二、加强监管 （一）…``) therefore
starts a paragraph as a line break would. Digit markers (``1.``, ``（1）``) do so only when
Chinese text follows, so that an English sentence's "in 2. …" is left alone. Explicit headings
(a .docx paragraph styled "Heading 2", a Markdown ``##``) come from the loader with their level
and rank above every numbered marker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.text import CJK_CHARS, sentence_spans

_CJK = CJK_CHARS
_ZH_NUM = "一二三四五六七八九十百零〇两"
_ORDINALS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
# (rank, pattern at a paragraph's start), outermost first.
_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = tuple(
    (rank, re.compile(pattern, re.IGNORECASE))
    for rank, pattern in (
        (0, rf"第[{_ZH_NUM}\d]+(?:编|章|部分|部)(?![分门])"),
        (1, rf"第[{_ZH_NUM}\d]+节"),
        (2, rf"第[{_ZH_NUM}\d]+条"),
        (3, rf"[{_ZH_NUM}]+\s?[、.．]"),
        (3, r"[IVX]{1,5}\.(?=\s+[A-Z])"),  # "II. Main tasks"
        (6, rf"The ({_ORDINALS}) part\b"),  # "The first part is …": a measure of its own
        (4, rf"[(（]\s?[{_ZH_NUM}]+\s?[)）]"),
        (5, r"\d{1,2}\s?[.．、](?!\d)(?=\s*\S)"),
        (6, r"[(（]\s?\d{1,3}\s?[)）]"),
    )
)
# Where a flattened line holds a paragraph start: white space, then a marker; for the digit
# markers (ranks 5, 6) Chinese must follow.
_INLINE_START = re.compile(
    rf"\s+(?=第[{_ZH_NUM}\d]+[编章节条部]|[{_ZH_NUM}]+[、．]|[(（][{_ZH_NUM}]+[)）]"
    rf"|\d{{1,2}}[.．、]\s?[{_CJK}“《]|[(（]\d{{1,3}}[)）]\s?[{_CJK}“《])"
)
# A Chinese heading flattened onto its paragraph's line ends at its first white space when that
# comes before any punctuation and within this many characters.
_FLAT_HEADING_MAX = 40
_FLAT_HEADING = re.compile(rf"[^\s，。；：！？,;:!?]{{1,{_FLAT_HEADING_MAX}}}(?=\s+[{_CJK}“《])")
_SENTENCE_END = re.compile(r"[。！？；]|[.!?](?=\s|$)")
HEADING_MAX = 120
LABEL_MAX = 100
EXPLICIT_RANK = -10  # an explicit heading of level n ranks EXPLICIT_RANK + n


@dataclass
class Paragraph:
    """A paragraph of the text, or a heading, with its place in the outline."""

    start: int
    end: int
    index: int  # its line's number in the text
    rank: int | None  # its marker's rank; None for an unnumbered paragraph
    body: int = 0  # where the text after the marker begins
    explicit: bool = False


def split_paragraphs(
    text: str, headings: Sequence[tuple[int, int, int]] = ()
) -> list[Paragraph]:
    """The text's paragraphs: its lines, each cut where a flattened line starts a numbered one.

    ``headings``: (level, start, end) of explicit headings given by the loader.
    """
    explicit = {start: level for level, start, _ in headings}
    found: list[Paragraph] = []
    pos = 0
    for index, line in enumerate(text.split("\n")):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        if not line.strip():
            continue
        if line_start in explicit:
            rank = EXPLICIT_RANK + explicit[line_start]
            found.append(Paragraph(line_start, line_end, index, rank, line_start, explicit=True))
            continue
        cuts = [line_start, *(m.end() for m in _INLINE_START.finditer(text, line_start, line_end))]
        for piece_start, piece_end in zip(cuts, [*cuts[1:], line_end], strict=True):
            found.extend(_pieces(text, _strip(text, piece_start, piece_end), index))
    return found


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pieces(text: str, span: tuple[int, int], index: int) -> list[Paragraph]:
    """One paragraph, or a numbered Chinese heading and the paragraph flattened after it."""
    start, end = span
    if start >= end:
        return []
    rank, marker_end = _marker(text, start, end)
    if rank is not None:
        flat = _FLAT_HEADING.match(text, marker_end, end)
        if flat and re.search(f"[{_CJK}]", text[start : flat.end()]):
            rest_start, rest_end = _strip(text, flat.end(), end)
            return [
                Paragraph(start, flat.end(), index, rank, marker_end),
                Paragraph(rest_start, rest_end, index, None, rest_start),
            ]
    return [Paragraph(start, end, index, rank, marker_end)]


def _marker(text: str, start: int, end: int) -> tuple[int | None, int]:
    """The rank of the marker ``text[start:end]`` begins with and where the marker ends."""
    for rank, pattern in _MARKERS:
        if found := pattern.match(text, start, end):
            after = found.end()
            while after < end and text[after].isspace():
                after += 1
            return rank, after
    return None, start


def is_heading(text: str, paragraphs: Sequence[Paragraph], position: int) -> bool:
    """Whether a numbered paragraph titles what follows rather than saying something itself.

    It does when it is short, is no sentence (no sentence end, at its close either:
    "（二）数据共享情况纳入年度考核。" is a clause), and the next paragraph sits under it (has no
    marker of the same or an outer rank); a short item of a list (``附件：1.… 2.…``) is content.
    """
    para = paragraphs[position]
    if para.explicit:
        return True
    if para.rank is None or para.end - para.start > HEADING_MAX:
        return False
    inner = text[para.body : para.end]
    if _SENTENCE_END.search(inner):
        return False
    following = paragraphs[position + 1] if position + 1 < len(paragraphs) else None
    return following is not None and (following.rank is None or following.rank > para.rank)


def label(text: str, para: Paragraph) -> str:
    """A paragraph's name in a section path: its first sentence, shortened."""
    spans = sentence_spans(text, para.start, para.end)
    first = text[spans[0][0] : spans[0][1]] if spans else text[para.start : para.end]
    first = first.lstrip("#").strip() if para.explicit else first
    # The text keeps its typeset spaces (an indent, "2.\u2002医疗机构…"); a shown path needs none.
    first = " ".join(first.rstrip(".。;；:：").split())
    return first if len(first) <= LABEL_MAX else first[: LABEL_MAX - 1].rstrip() + "…"
