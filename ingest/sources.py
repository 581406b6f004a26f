"""Find the files to ingest and their metadata (from a directory's manifest.json)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.store.chroma import DOCUMENT_FIELDS
from ingest.loaders import SUPPORTED

MANIFEST = "manifest.json"
# Metadata a manifest entry may give (what documents list, less where the file was found);
# anything else in an entry is ignored.
MANIFEST_FIELDS = tuple(f for f in DOCUMENT_FIELDS if f != "source")


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


def _read_manifest(directory: Path, found: Discovery) -> dict[str, dict[str, Any]]:
    path = directory / MANIFEST
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["documents"] if isinstance(data, dict) else data
        by_id: dict[str, dict[str, Any]] = {}
        for number, entry in enumerate(entries, start=1):
            if not isinstance(entry, dict) or not isinstance(entry.get("doc_id"), str):
                raise ValueError(f"entry {number} has no string doc_id")
            key = doc_id_for(Path(entry["file"])) if "file" in entry else entry["doc_id"]
            by_id[key] = entry
        return by_id
    except (OSError, ValueError, KeyError, TypeError) as exc:
        found.failures.append((str(path), f"manifest ignored: {exc}"))
        return {}


def _metadata(entry: dict[str, Any]) -> dict[str, Any]:
    meta = {k: entry[k] for k in MANIFEST_FIELDS if entry.get(k) is not None}
    if "year" not in meta and isinstance(entry.get("published"), str):
        match = re.match(r"(\d{4})", entry["published"])
        if match:
            meta["year"] = int(match.group(1))
    if "covers" in meta:
        meta["covers"] = json.dumps(meta["covers"], ensure_ascii=False)
    meta["official"] = bool(entry)  # described by a manifest entry (see app.store.metadata)
    return meta


def discover(paths: list[Path]) -> Discovery:
    found = Discovery()
    seen: dict[str, Path] = {}

    def add(path: Path, entry: dict[str, Any], directory: Path | None) -> None:
        doc_id = str(entry.get("doc_id") or doc_id_for(path))
        if doc_id in seen and seen[doc_id] != path:
            found.failures.append(
                (str(path), f"doc_id {doc_id!r} is already taken by {seen[doc_id]} in this run")
            )
            return
        seen[doc_id] = path
        found.files.append(SourceFile(path.resolve(), doc_id, _metadata(entry), directory))

    for given in paths:
        if given.is_dir():
            directory = given.resolve()
            found.directories.append(directory)
            manifest = _read_manifest(directory, found)
            for path in sorted(directory.iterdir()):
                if path.name.startswith(".") or path.name == MANIFEST or not path.is_file():
                    continue
                if path.suffix.lower() not in SUPPORTED:
                    found.skipped.append(str(path))
                    continue
                add(path, manifest.get(doc_id_for(path), {}), directory)
        elif given.exists():
            manifest = _read_manifest(given.resolve().parent, found)
            add(given, manifest.get(doc_id_for(given), {}), None)
        else:
            found.failures.append((str(given), "no such file or directory"))
    return found
