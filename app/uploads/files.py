"""An uploaded file, checked before it is kept: its name never becomes a path."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import PurePath
from typing import BinaryIO

from app.errors import UploadRefused

SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx")
READ_BLOCK = 1024 * 1024


def checked_name(name: str) -> tuple[str, str]:
    """(stem, suffix) of a plain file name; anything that could act as a path is refused."""
    shown = name.encode("utf-8", "backslashreplace").decode("utf-8")
    if not name or len(name) > 255:
        raise UploadRefused(f"file name {shown!r} must be 1 to 255 characters")
    if "/" in name or "\\" in name or name in (".", "..") or ".." in name.split("."):
        raise UploadRefused(f"file name {shown!r} holds a path; upload a plain file name")
    if name.startswith(".") or any(unicodedata.category(c)[0] == "C" for c in name):
        raise UploadRefused(f"file name {shown!r} is hidden or holds control characters")
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUPPORTED:
        raise UploadRefused(f"{shown}: file type {suffix or '(none)'} is not supported; "
                            f"upload {', '.join(SUPPORTED)}")
    return PurePath(name).stem, suffix


def doc_id_for(collection: str, stem: str) -> str:
    """The document's id: its collection, then the name's letters and digits (so look-alike
    files in two collections stay two documents)."""
    slug = re.sub(r"[^\w.-]+", "-", stem.strip().lower()).strip("-.")[:150] or "document"
    return f"{collection}.{slug}"


def read_limited(stream: BinaryIO, name: str, limit_mb: float) -> bytes:
    """The whole file, refused as soon as it passes ``limit_mb``."""
    limit = int(limit_mb * 1024 * 1024)
    blocks: list[bytes] = []
    size = 0
    while block := stream.read(READ_BLOCK):
        size += len(block)
        if size > limit:
            raise UploadRefused(f"{name} is over the {limit_mb:g} MB upload limit "
                                "(POLICYKB_UPLOAD_MAX_MB); nothing was stored")
        blocks.append(block)
    if size == 0:
        raise UploadRefused(f"{name} is empty")
    return b"".join(blocks)


def check_docx(data: bytes, name: str, max_unpacked_mb: float, path_for: str) -> None:
    """A .docx is a zip archive: refused when it is not one, or when it would unpack past
    ``max_unpacked_mb`` (a zip bomb), judged from its directory before anything is unpacked."""
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile:
        raise UploadRefused(f"{name} is not a .docx (not a zip archive)") from None
    if "word/document.xml" not in {e.filename for e in entries}:
        raise UploadRefused(f"{name} is not a .docx (no word/document.xml)")
    unpacked = sum(e.file_size for e in entries)
    if unpacked > max_unpacked_mb * 1024 * 1024 or len(entries) > 10_000:
        raise UploadRefused(f"{name} would unpack to {unpacked / 1024 / 1024:.0f} MB in "
                            f"{len(entries)} parts, over the {max_unpacked_mb:g} MB limit "
                            f"({path_for}); refused as a zip bomb")
