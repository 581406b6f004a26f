"""Word's automatic paragraph numbers, written out as the page shows them.

A .docx list item ("一、", "（三）", "2.") often holds no number in its text: Word and WPS draw
it from the numbering definitions (numbering.xml). Without it a Chinese notice loses its
outline and its clauses their names, so the number is rendered here from the paragraph's
numbering (its own or its style's): the level's format and text pattern (``%1、``, ``（%2）``),
counters per list that restart deeper levels. Chinese counting formats are written by
``cn2an``; a bullet adds nothing.
"""

from __future__ import annotations

from typing import Any

_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)
_CHINESE = frozenset({
    "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
    "ideographTraditional", "ideographDigital", "japaneseCounting", "taiwaneseCounting",
})
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _formatted(number: int, fmt: str) -> str:
    if fmt in _CHINESE:
        import cn2an

        return str(cn2an.an2cn(number, "up" if fmt == "chineseLegalSimplified" else "low"))
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman, rest = "", number
        for value, digits in _ROMAN:
            while rest >= value:
                roman, rest = roman + digits, rest - value
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalEnclosedCircle" and 0 < number <= len(_CIRCLED):
        return _CIRCLED[number - 1]
    if fmt == "decimalZero":
        return f"{number:02d}"
    return str(number)


class Numbering:
    """The numbers of one document's list paragraphs, in reading order."""

    def __init__(self, document: Any) -> None:
        try:
            self._numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            self._numbering = None
        self._counters: dict[str, list[int]] = {}  # abstract list -> a counter per level

    def label(self, paragraph: Any) -> str:
        """The number ``paragraph`` shows before its text ("一、", "（二）"), or ""."""
        if self._numbering is None:
            return ""
        found = _num_pr(paragraph)
        if found is None:
            return ""
        num_id, level = found
        abstract = self._first(f'./w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')
        if abstract is None or num_id == "0":
            return ""
        definition = f'./w:abstractNum[@w:abstractNumId="{abstract}"]/w:lvl'
        counters = self._counters.setdefault(abstract, [0] * 9)
        level = min(max(level, 0), 8)
        if counters[level] == 0:
            start = self._first(f'{definition}[@w:ilvl="{level}"]/w:start/@w:val')
            counters[level] = int(start) - 1 if start and start.isdigit() else 0
        counters[level] += 1
        counters[level + 1 :] = [0] * (8 - level)
        fmt = self._first(f'{definition}[@w:ilvl="{level}"]/w:numFmt/@w:val') or "decimal"
        pattern = self._first(f'{definition}[@w:ilvl="{level}"]/w:lvlText/@w:val')
        if fmt in ("bullet", "none") or pattern is None:
            return ""
        for depth in range(level + 1):
            depth_fmt = self._first(f'{definition}[@w:ilvl="{depth}"]/w:numFmt/@w:val')
            pattern = pattern.replace(
                f"%{depth + 1}", _formatted(max(counters[depth], 1), depth_fmt or "decimal")
            )
        return pattern

    def _first(self, path: str) -> str | None:
        assert self._numbering is not None
        found = self._numbering.xpath(path)
        return str(found[0]) if found else None


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """(numId, level) of the paragraph's own numbering, else its style's."""
    for element in (paragraph._p, getattr(paragraph.style, "element", None)):
        if element is None:
            continue
        num_id = element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
        if num_id:
            level = element.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
            return str(num_id[0]), int(level[0]) if level and str(level[0]).isdigit() else 0
    return None
