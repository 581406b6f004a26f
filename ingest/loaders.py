"""Read one file into normalized text: .txt, .md, .html/.htm, .pdf, .docx.

Each reader raises ``UnreadableFile`` or ``UnsupportedFormat`` with a reason a person can act
on; ``ingest.isolation`` runs them in a worker process under a time limit. The formats a city's
files often come in but that no maintained Python library reads (.doc, .wps, .ofd) are named
in ``NOT_READ`` with how to convert them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from app.errors import UnreadableFile, UnsupportedFormat
from ingest.cleaning import clean_text

SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx")
_TO_DOCX = "or run `libreoffice --headless --convert-to docx FILE`, then ingest the .docx"
NOT_READ = {
    ".doc": "Word 97-2003 .doc files are not read; save it as .docx (Word or WPS: File > "
    f"Save As) {_TO_DOCX}",
    ".wps": "WPS Writer .wps files are not read; save it as .docx in WPS (文件 > 另存为 > "
    f"Word 文件 *.docx) {_TO_DOCX}",
    ".ofd": "OFD files are not read; export it to PDF with an OFD reader (e.g. 数科OFD阅读器 or "
    "福昕OFD版式办公套件: 文件 > 另存为/导出 PDF), then ingest the PDF",
}
_MD_HEADING = re.compile(r"^(#{1,6})\s+\S", re.MULTILINE)
# Private-use characters marking an HTML heading's level while the text is cleaned; never
# stored (one found in a page's own text is dropped).
_HEADING_MARKS = "\ue001\ue002\ue003\ue004\ue005\ue006"
_HEADING_MARK = re.compile(f"[{_HEADING_MARKS}]")


@dataclass
class LoadedText:
    """A file's normalized text; for a PDF, ``pages`` gives each page's (number, start, end);
    ``headings`` the (level, start, end) of the lines the file marks as headings (a .docx
    heading style, a Markdown ``#``, an HTML ``<h2>``)."""

    text: str
    pages: list[tuple[int, int, int]] = field(default_factory=list)
    headings: list[tuple[int, int, int]] = field(default_factory=list)


def load_file(path: Path) -> LoadedText:
    suffix = path.suffix.lower()
    if suffix in NOT_READ:
        raise UnsupportedFormat(NOT_READ[suffix])
    if suffix not in SUPPORTED:
        raise UnsupportedFormat(
            f"unsupported file type {suffix or '(none)'}; supported: {', '.join(SUPPORTED)}"
        )
    if not path.is_file():
        raise UnreadableFile("no such file")
    if path.stat().st_size == 0:
        raise UnreadableFile("file is empty")
    if suffix == ".pdf":
        loaded = _load_pdf(path)
    elif suffix == ".docx":
        from ingest.docx_loader import load_docx

        loaded = load_docx(path)
    else:
        loaded = _load_text(path, suffix)
    if not loaded.text.strip():
        raise UnreadableFile("no text left after cleaning (file holds only white space or markup)")
    return loaded


def _decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it to UTF-8 first"
        ) from exc


def _load_text(path: Path, suffix: str) -> LoadedText:
    raw = _decode(path)
    if suffix in (".html", ".htm"):
        return _take_heading_marks(clean_text(html_to_text(raw, mark_headings=True),
                                              markup=False))
    text = clean_text(raw)
    if suffix not in (".md", ".markdown"):
        return LoadedText(text)
    headings = [(len(m.group(1)), m.start(), _line_end(text, m.start()))
                for m in _MD_HEADING.finditer(text)]
    return LoadedText(text, headings=headings)


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


class _TextExtractor(HTMLParser):
    _SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg"})
    _BLOCK = frozenset(
        {
            "p",
            "div",
            "br",
            "li",
            "tr",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "section",
            "article",
            "blockquote",
            "title",
            "table",
            "ul",
            "ol",
        }
    )

    def __init__(self, mark_headings: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0
        self._mark_headings = mark_headings

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")
            if self._mark_headings and re.fullmatch(r"h[1-6]", tag):
                self.parts.append(_HEADING_MARKS[int(tag[1]) - 1])

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(_HEADING_MARK.sub("", data) if self._mark_headings else data)


def html_to_text(markup: str, *, mark_headings: bool = False) -> str:
    """Visible text of an HTML page: scripts, styles and tags removed, blocks as lines.

    ``mark_headings``: each ``<h1>``…``<h6>`` line starts with a private-use character naming
    its level, for ``_take_heading_marks`` to read after cleaning.
    """
    parser = _TextExtractor(mark_headings)
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


def _take_heading_marks(text: str) -> LoadedText:
    """``text`` without its heading marks, and the (level, start, end) of the marked lines."""
    lines: list[str] = []
    headings: list[tuple[int, int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line and line[0] in _HEADING_MARKS:
            level = _HEADING_MARKS.index(line[0]) + 1
            line = line[1:].lstrip()
            if line:
                headings.append((level, pos, pos + len(line)))
        lines.append(line)
        pos += len(line) + 1
    return LoadedText("\n".join(lines), headings=headings)


def _load_pdf(path: Path) -> LoadedText:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableFile("encrypted PDF (a password is needed to read it)")
        page_texts = [page.extract_text() or "" for page in reader.pages]
    except UnreadableFile:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError) as exc:
        raise UnreadableFile(f"malformed or truncated PDF ({type(exc).__name__}: {exc})") from exc
    except Exception as exc:  # pypdf raises many internal types on broken files
        if "crypt" in str(exc).lower():
            raise UnreadableFile(f"encrypted PDF that cannot be opened ({exc})") from exc
        raise UnreadableFile(f"malformed or truncated PDF ({type(exc).__name__}: {exc})") from exc
    if not page_texts:
        raise UnreadableFile("PDF has no pages")
    parts: list[str] = []
    pages: list[tuple[int, int, int]] = []
    pos = 0
    for number, raw in enumerate(page_texts, start=1):
        text = clean_text(raw)
        if not text:
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        pages.append((number, pos, pos + len(text)))
        parts.append(text)
        pos += len(text)
    if not parts:
        raise UnreadableFile("PDF has no text layer (scanned images only?); run OCR first")
    return LoadedText("".join(parts), pages)
