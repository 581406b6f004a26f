"""Read a .docx (python-docx): paragraphs and table rows in document order, headings kept.

A paragraph styled as a heading ("Heading 2", "标题 2", or given an outline level) is recorded
with its level, so its text becomes a section in the chunks' paths; the "Title" paragraph is
the document's first line, not a section. A list paragraph gets the number Word shows before
it ("一、", "（二）": ``ingest.docx_numbering``), so its outline reads as in a text file. A
table row becomes one line, its cells joined by " | ".
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from app.errors import UnreadableFile
from ingest.cleaning import clean_text
from ingest.docx_numbering import Numbering
from ingest.loaders import LoadedText

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_CELL_SEPARATOR = " | "


def load_docx(path: Path) -> LoadedText:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(str(path))
        blocks = list(document.iter_inner_content())
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        # The library's message repeats the path, which the report line already names.
        raise UnreadableFile(
            f"not a readable .docx ({type(exc).__name__}); open and save it again in Word or WPS"
        ) from exc
    numbering = Numbering(document)
    lines: list[tuple[str, int | None]] = []  # (text, heading level)
    for block in blocks:
        if isinstance(block, Table):
            for row in block.rows:
                cells = _unique_cells(row.cells)
                lines.append((_CELL_SEPARATOR.join(clean_text(c, markup=False) for c in cells),
                               None))
        else:
            number, text = numbering.label(block), clean_text(block.text, markup=False)
            lines.append((number + text if text else "", _heading_level(block)))
    parts: list[str] = []
    headings: list[tuple[int, int, int]] = []
    pos = 0
    for text, level in lines:
        if not text.strip(" |"):
            continue
        if parts:
            parts.append("\n")
            pos += 1
        if level is not None:
            headings.append((level, pos, pos + len(text.split("\n", 1)[0])))
        parts.append(text)
        pos += len(text)
    return LoadedText("".join(parts), headings=headings)


def _unique_cells(cells: list[Any]) -> list[str]:
    """A merged cell appears once per grid column it spans in python-docx; keep it once."""
    seen: list[str] = []
    previous = None
    for cell in cells:
        if cell._tc is not previous:
            seen.append(cell.text)
        previous = cell._tc
    return seen


def _heading_level(paragraph: object) -> int | None:
    style = getattr(paragraph, "style", None)
    name = str(getattr(style, "name", "") or "")
    if found := _HEADING_STYLE.match(name.strip()):
        return int(found.group(1))
    element = getattr(paragraph, "_p", None)
    outline = element.xpath("./w:pPr/w:outlineLvl/@w:val") if element is not None else []
    if outline and str(outline[0]).isdigit() and int(outline[0]) < 9:
        return int(outline[0]) + 1
    return None
