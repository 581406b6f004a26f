"""Find the files to ingest and their metadata (from a directory's manifest.json).

A file of a kind a city's documents often come in but that is not read (.doc, .wps, .ofd)
fails with one line saying how to convert it; other unknown kinds are counted as skipped.

What is not a plain readable file is reported, one line each, never silently passed over:
a name that is not valid UTF-8 (it cannot be stored or printed as given), a named pipe or
device, a symlink loop or a dangling link. A symlink inside an ingested directory that points
to a file *outside* it is refused with a line naming the link: ingesting a directory must not
reach files elsewhere on the machine. (A file named explicitly on the command line is read
wherever its link points: the user chose it.) Each file's ``source`` is its absolute path with
the directory resolved and the name kept, so a link is recorded as itself.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.loaders import NOT_READ, SUPPORTED
from ingest.manifest import MANIFEST, Manifest, read_manifest


@dataclass
class SourceFile:
    path: Path
    doc_id: str
    metadata: dict[str, Any]
    directory: Path | None  # the ingested directory it was found in, for pruning


@dataclass
class Discovery:
    files: list[SourceFile] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    skipped: list[str] = field(default_factory=list)
    directories: list[Path] = field(default_factory=list)


def doc_id_for(path: Path) -> str:
    return re.sub(r"[^\w.-]+", "-", path.stem.strip().lower()).strip("-.") or "document"


def display(path: Path | str) -> str:
    """A path as text that can always be printed and stored (undecodable bytes as \\xNN)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _valid_name(path: Path) -> bool:
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _not_plain_file(path: Path, directory: Path | None) -> str | None:
    """Why ``path`` is not a plain file to ingest, or None when it is one."""
    try:
        mode = path.lstat().st_mode
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if stat.S_ISLNK(mode):
        try:
            target = path.resolve(strict=True)
        except RuntimeError:
            return "symlink loop; skipped"
        except OSError:
            return "dangling symlink (its target does not exist); skipped"
        if directory is not None and not target.is_relative_to(directory):
            return f"symlink to {display(target)}, outside the ingested directory; refused"
        mode = target.stat().st_mode
    if stat.S_ISFIFO(mode):
        return "a named pipe (fifo), not a file; skipped"
    if not stat.S_ISREG(mode):
        return "not a regular file; skipped"
    return None


def discover(paths: list[Path]) -> Discovery:
    found = Discovery()
    seen: dict[str, Path] = {}

    def add(path: Path, manifest: Manifest, directory: Path | None) -> None:
        key = doc_id_for(path)
        if key in manifest.invalid:
            found.failures.append((display(path), manifest.invalid[key]))
            return
        entry = manifest.entries.get(key)
        doc_id = entry.doc_id if entry else key
        if doc_id in seen and seen[doc_id] != path:
            found.failures.append(
                (
                    display(path),
                    f"doc_id {doc_id!r} is already taken by {display(seen[doc_id])} in this run",
                )
            )
            return
        seen[doc_id] = path
        # Not path.resolve(): a link is recorded as itself, in its directory (for pruning).
        source = path.parent.resolve() / path.name
        metadata = entry.metadata() if entry else {"official": False}
        found.files.append(SourceFile(source, doc_id, metadata, directory))

    def manifest_of(directory: Path) -> Manifest | None:
        manifest = read_manifest(directory, doc_id_for)
        for reason in manifest.failures:
            found.failures.append((display(directory / MANIFEST), reason))
        if manifest.unreadable:
            found.failures.append(
                (
                    display(directory / MANIFEST),
                    f"{manifest.unreadable}; none of this directory's files were ingested",
                )
            )
            return None
        return manifest

    for given in paths:
        if not _valid_name(given):
            found.failures.append((display(given), "path is not valid UTF-8; rename it"))
        elif given.is_dir():
            directory = given.resolve()
            found.directories.append(directory)
            manifest = manifest_of(directory)
            if manifest is None:
                continue
            for path in sorted(directory.iterdir()):
                if path.name.startswith(".") or path.name == MANIFEST or path.is_dir():
                    continue
                if not _valid_name(path):
                    found.failures.append(
                        (display(path), "file name is not valid UTF-8; rename the file")
                    )
                    continue
                reason = _not_plain_file(path, directory)
                if reason:
                    found.failures.append((display(path), reason))
                elif path.suffix.lower() in NOT_READ:
                    found.failures.append((display(path), NOT_READ[path.suffix.lower()]))
                elif path.suffix.lower() not in SUPPORTED:
                    found.skipped.append(str(path))
                else:
                    add(path, manifest, directory)
        elif given.exists():
            reason = _not_plain_file(given, None)
            manifest = manifest_of(given.resolve().parent)
            if reason:
                found.failures.append((display(given), reason))
            elif manifest is not None:
                add(given, manifest, None)
        elif given.is_symlink():
            found.failures.append((display(given), _not_plain_file(given, None) or "unreadable"))
        else:
            found.failures.append((display(given), "no such file or directory"))
    return found
