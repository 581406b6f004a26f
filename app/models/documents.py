"""What is stored: documents, their validity and versions."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

ValidityStatus = Literal["in_force", "expired", "superseded", "not_yet_in_force"]


class ValidityInfo(BaseModel):
    """When a document holds, from its manifest or as its text states it."""

    status: ValidityStatus = Field("in_force", description="Today; in force unless a date, "
                                   "a newer document or the manifest says otherwise.")
    note: str = Field("", description="The status in words when not in force.")
    issued: str | None = Field(None, description="Date issued (YYYY-MM-DD).")
    effective_from: str | None = Field(None, description="In force from (YYYY-MM-DD).")
    effective_until: str | None = Field(None, description="Last day in force (YYYY-MM-DD).")
    condition: str | None = Field(None, description="An open end as the text writes it "
                                  "('有效期至疫情解除'), never turned into a date.")
    on_issue: bool = Field(False, description="Takes effect the day it is issued.")
    superseded_by: str | None = Field(None, description="doc_id of the document replacing it.")
    superseded_on: str | None = Field(None, description="From when it is replaced.")
    supersedes: list[str] = Field(default_factory=list, description="doc_ids it replaces.")
    stated: str | None = Field(None, description="The sentence the validity was read from.")
    source: Literal["manifest", "text"] | None = Field(
        None, description="Where the dates came from; null when nothing states them.")


class DocumentInfo(BaseModel):
    doc_id: str
    title: str | None = None
    city: str | None = None
    district: str | None = None
    province: str | None = None
    adcode: str | None = Field(
        None, description="The place's six-digit Chinese administrative division code, when known"
    )
    issuer: str | None = Field(None, description="Who issued it: the manifest's, else read "
                               "from the text (the closing signature 落款, or the head).")
    doc_number: str | None = Field(None, description="Its document number (发文字号), e.g. "
                                   "'川疫指发〔2020〕17号', as the text states it.")
    kind: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD (or YYYY, YYYY-MM): the "
                                  "manifest's, else the date the text is signed or dated.")
    year: int | None = None
    language: str | None = Field(None, description="'zh' or 'en': the manifest's, else the "
                                 "text's main language (each passage also carries its own).")
    covers: list[str] | None = None
    source: str | None = None
    official: bool | None = Field(
        None, description="true when a manifest entry describes the document; false otherwise"
    )
    collection: str = Field("default", description="The collection (knowledge base) it is in.")
    chunks: int = 0
    version: str | None = Field(None, description="Id of the stored version (a hash of its text).")
    validity: ValidityInfo = Field(default_factory=ValidityInfo)


class DocumentList(BaseModel):
    documents: list[DocumentInfo]


class DocumentDetail(DocumentInfo):
    text: str = Field(..., description="The normalized text that citation offsets point into.")


class DocumentVersion(BaseModel):
    """One stored version of a document's text."""

    version: str
    current: bool
    ingested: str | None = Field(None, description="When ingest stored it (UTC, ISO 8601).")
    title: str | None = None
    chars: int
    validity: ValidityInfo | None = None


class VersionList(BaseModel):
    doc_id: str
    versions: list[DocumentVersion] = Field(..., description="Newest first.")


class VersionText(DocumentVersion):
    doc_id: str
    text: str = Field(..., description="That version's text; old citations' offsets open it.")


class DiffLine(BaseModel):
    kind: Literal["same", "added", "removed", "changed"]
    old: str | None = None
    new: str | None = None
    old_spans: list[tuple[int, int]] = Field(default_factory=list,
                                             description="Changed character spans in old.")
    new_spans: list[tuple[int, int]] = Field(default_factory=list,
                                             description="Changed character spans in new.")


class VersionDiff(BaseModel):
    doc_id: str
    old: str
    new: str
    lines: list[DiffLine] = Field(..., description="Clause by clause, in document order.")
    changed: int = Field(..., description="Clauses added, removed or changed.")
