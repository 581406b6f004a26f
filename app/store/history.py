"""A document's version history, any version's text, and a clause-by-clause diff of two.

The current version is the document's record; earlier ones are in ``app.store.versions``.
Two versions are compared clause by clause (a clause ends at 。；; or a line end, so a changed
figure marks its clause, not the whole paragraph) with difflib, and within a changed clause the
changed characters are given as spans, for the page to highlight.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import Any

from app.errors import DocumentNotFound
from app.models import (
    DiffLine,
    DocumentVersion,
    ValidityInfo,
    VersionDiff,
    VersionList,
    VersionText,
)
from app.store.records import StoredDocument, version_id
from app.store.validity import resolve, validity_info
from app.store.versions import VersionArchive

_CLAUSE_END = re.compile(r"(?<=[。；;！？!?])|(?<=\D\.)\s+|\n+")


def _own_validity(doc_id: str, metadata: dict[str, Any]) -> ValidityInfo:
    """A version's validity as it alone states it (what replaced it is the current story)."""
    return validity_info(resolve({doc_id: metadata}).get(doc_id), {})


def _entry(doc_id: str, metadata: dict[str, Any], text_chars: int, current: bool,
           validity: ValidityInfo | None) -> DocumentVersion:
    return DocumentVersion(
        version=version_id(metadata) or "", current=current,
        ingested=metadata.get("ingested") if isinstance(metadata.get("ingested"), str) else None,
        title=metadata.get("title") if isinstance(metadata.get("title"), str) else None,
        chars=text_chars, validity=validity or _own_validity(doc_id, metadata),
    )


def history(doc_id: str, current: StoredDocument | None, current_text: str,
            current_validity: ValidityInfo | None, archive: VersionArchive) -> VersionList:
    """Every stored version of ``doc_id``, newest first."""
    versions = [_entry(doc_id, current.metadata, len(current_text), True, current_validity)
                ] if current is not None else []
    for old in archive.list(doc_id):
        chars = int(old.metadata.get("chars") or 0)
        versions.append(_entry(doc_id, old.metadata, chars, False, None))
    if not versions:
        raise DocumentNotFound(f"no document {doc_id!r} is stored, now or in earlier versions")
    return VersionList(doc_id=doc_id, versions=versions)


def version_text(doc_id: str, version: str, current: StoredDocument | None, current_text: str,
                 archive: VersionArchive) -> VersionText:
    """One version's text: the offsets of a citation that named it open what it quoted."""
    if current is not None and version_id(current.metadata) == version:
        entry = _entry(doc_id, current.metadata, len(current_text), True, None)
        return VersionText(**entry.model_dump(), doc_id=doc_id, text=current_text)
    old = archive.get(doc_id, version)
    if old is None:
        raise DocumentNotFound(f"document {doc_id!r} has no version {version!r}; GET "
                               f"/api/documents/{doc_id}/versions lists them")
    entry = _entry(doc_id, old.metadata, len(old.text), False, None)
    return VersionText(**entry.model_dump(), doc_id=doc_id, text=old.text)


def clauses(text: str) -> list[str]:
    return [c.strip() for c in _CLAUSE_END.split(text) if c and c.strip()]


def _spans(opcodes: Sequence[tuple[str, int, int, int, int]], old: bool) -> list[tuple[int, int]]:
    return [(i1, i2) if old else (j1, j2) for tag, i1, i2, j1, j2 in opcodes
            if tag != "equal" and ((i2 > i1) if old else (j2 > j1))]


def diff(doc_id: str, old: VersionText, new: VersionText) -> VersionDiff:
    """``old`` against ``new``, clause by clause; a replaced clause is paired with the one
    that took its place, with the changed characters marked."""
    before, after = clauses(old.text), clauses(new.text)
    lines: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            lines += [DiffLine(kind="same", old=c, new=c) for c in before[i1:i2]]
            continue
        removed, added = before[i1:i2], after[j1:j2]
        for k in range(max(len(removed), len(added))):
            a = removed[k] if k < len(removed) else None
            b = added[k] if k < len(added) else None
            if a is not None and b is not None:
                codes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
                lines.append(DiffLine(kind="changed", old=a, new=b, old_spans=_spans(codes, True),
                                      new_spans=_spans(codes, False)))
            else:
                lines.append(DiffLine(kind="removed" if b is None else "added", old=a, new=b))
    changed = sum(line.kind != "same" for line in lines)
    return VersionDiff(doc_id=doc_id, old=old.version, new=new.version, lines=lines,
                       changed=changed)
