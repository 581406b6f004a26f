"""A directory's ``manifest.json``: each file's metadata, checked before anything is stored.

Wrong-typed fields used to be stored as given (``"year": "abc"``, ``"covers": 5``) and then
broke every API call that read them. Each entry is now validated by ``ManifestEntry`` with
strict types: a bad entry fails the file it describes with one line naming the field; a
manifest that cannot be read at all (not JSON, nested too deep, wrong shape, too big) fails
with one line and holds back that directory's files, so their stored metadata is not lost.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

MANIFEST = "manifest.json"
MAX_MANIFEST_BYTES = 20 * 1024 * 1024
DOC_ID_PATTERN = r"^\w[\w.-]{0,199}$"


class ManifestEntry(BaseModel):
    """One document's metadata as a manifest gives it (other keys, like ``_about``, ignored)."""

    model_config = ConfigDict(strict=True, extra="ignore")

    doc_id: str = Field(pattern=DOC_ID_PATTERN, description="letters, digits, '.', '-', '_'")
    file: str | None = Field(None, min_length=1, max_length=1000)
    title: str | None = Field(None, max_length=1000)
    city: str | None = Field(None, max_length=200)
    district: str | None = Field(None, max_length=200)
    province: str | None = Field(None, max_length=200)
    issuer: str | None = Field(None, max_length=1000)
    doc_number: str | None = Field(None, max_length=200, description="发文字号")
    kind: str | None = Field(None, max_length=200)
    published: str | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    year: int | None = Field(None, ge=1900, le=2100)
    language: str | None = Field(None, max_length=20)
    covers: list[str] | None = Field(None, max_length=200)
    collection: str | None = Field(None, pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$",
                                   description="the collection (knowledge base) it belongs to")
    # Whether the manifest vouches for the text; files with no entry are stored as unofficial,
    # and answers prefer official documents when two disagree.
    official: bool = True
    # Validity: when given, the text's own statements are not read (ingest.validity).
    issued: str | None = Field(None, description="YYYY-MM-DD")
    effective_from: str | None = Field(None, description="YYYY-MM-DD")
    effective_until: str | None = Field(None, description="YYYY-MM-DD, the last day in force")
    valid_condition: str | None = Field(None, max_length=300,
                                        description="an open end, as the document writes it")
    superseded_by: str | None = Field(None, pattern=DOC_ID_PATTERN)
    supersedes: list[str] | None = Field(None, max_length=50,
                                         description="doc_ids or titles this one replaces")

    @field_validator("issued", "effective_from", "effective_until")
    @classmethod
    def _day(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError("must be a date written YYYY-MM-DD")
        if value is not None:
            date.fromisoformat(value)  # a day that does not exist raises ValueError
        return value

    @field_validator("published")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            raise ValueError("must be a date written YYYY, YYYY-MM or YYYY-MM-DD")
        parts = [int(p) for p in value.split("-")]
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        return value

    def metadata(self) -> dict[str, Any]:
        """What is stored with the document (Chroma metadata is flat: ``covers`` as JSON)."""
        meta = self.model_dump(exclude={"doc_id", "file"}, exclude_none=True)
        if self.year is None and self.published:
            meta["year"] = int(self.published[:4])
        if self.covers is not None:
            meta["covers"] = json.dumps(self.covers, ensure_ascii=False)
        if self.supersedes is not None:
            meta["supersedes"] = json.dumps(self.supersedes, ensure_ascii=False)
        if VALIDITY_KEYS & meta.keys():
            meta["validity_source"] = "manifest"
        return meta


VALIDITY_KEYS = frozenset(
    {"issued", "effective_from", "effective_until", "valid_condition", "superseded_by",
     "supersedes"}
)


@dataclass
class Manifest:
    """Entries by the doc_id of the file they describe, and the reasons bad ones were refused."""

    entries: dict[str, ManifestEntry] = field(default_factory=dict)
    invalid: dict[str, str] = field(default_factory=dict)  # key -> reason
    failures: list[str] = field(default_factory=list)  # reasons not tied to one file
    unreadable: str | None = None  # the whole manifest failed: hold the directory back


def _field_error(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "entry"
    return f"field {where!r}: {first['msg']}"


def read_manifest(directory: Path, key_for: Any) -> Manifest:
    """Read ``directory/manifest.json``; ``key_for(Path)`` maps a file name to its doc_id key."""
    path = directory / MANIFEST
    found = Manifest()
    entries: list[Any] = []
    if not path.exists():
        return found
    try:
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            raise ValueError(f"over {MAX_MANIFEST_BYTES // (1024 * 1024)} MB")
        data = json.loads(path.read_text(encoding="utf-8"))
    except RecursionError:
        found.unreadable = "nested too deep to be a manifest"
    except (OSError, ValueError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        found.unreadable = f"not valid JSON ({exc})"
    else:
        listed = data.get("documents") if isinstance(data, dict) else data
        if isinstance(listed, list):
            entries = listed
        else:
            found.unreadable = 'must be a list of entries or an object with a "documents" list'
    if found.unreadable:
        return found
    for number, raw in enumerate(entries, start=1):
        key = _key(raw, key_for)
        try:
            if not isinstance(raw, dict):
                raise ValueError("is not an object")
            entry = ManifestEntry.model_validate(raw)
        except ValidationError as exc:
            reason = f"manifest entry {number}: {_field_error(exc)}"
        except ValueError as exc:
            reason = f"manifest entry {number} {exc}"
        else:
            found.entries[key or entry.doc_id] = entry
            continue
        if key:
            found.invalid[key] = reason
        else:
            found.failures.append(f"{reason} (names no file or doc_id, so no file was matched)")
    return found


def _key(raw: object, key_for: Any) -> str | None:
    """The doc_id key of the file an entry describes, read from the raw (unvalidated) entry."""
    if not isinstance(raw, dict):
        return None
    name, doc_id = raw.get("file"), raw.get("doc_id")
    if isinstance(name, str) and name:
        return str(key_for(Path(name)))
    return doc_id if isinstance(doc_id, str) and doc_id else None
