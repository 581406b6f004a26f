"""Request and response bodies of the HTTP API (and the CLI's --json output)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic.json_schema import JsonDict

Mode = Literal["extractive", "generate"]


def utf8_text(text: str) -> str:
    """``text`` if UTF-8 can carry it. A lone surrogate (JSON ``"\\ud800"``, or a command-line
    byte the OS could not decode) can be neither embedded, stored nor sent back, so it is the
    caller's error, named at once rather than found by the embedding model."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(text[exc.start])
        byte = f", the undecodable byte 0x{code - 0xDC00:02X}" if 0xDC80 <= code <= 0xDCFF else ""
        raise ValueError(
            f"character {exc.start} is U+{code:04X}{byte}, a lone surrogate that UTF-8 cannot "
            "encode; send valid UTF-8 text"
        ) from None
    return text


# Every string a request carries into retrieval: validated here, once, for every way in.
Text = Annotated[str, AfterValidator(utf8_text)]
# The schema states what the service checks (app.services): a question holds a non-space.
_QUESTION: JsonDict = {"minLength": 1, "pattern": r"\S"}


class Filters(BaseModel):
    """Applied before ranking; all given conditions must hold."""

    model_config = ConfigDict(extra="forbid")

    city: Text | None = Field(None, description="City or district, e.g. 'Zhanjiang', 'Haizhu'.")
    doc_id: Text | None = Field(None, description="One stored document.")
    issuer: Text | None = Field(
        None, description="Documents whose issuer contains this, e.g. '税务局', 'Data Bureau' "
        "(letter case and spaces ignored)."
    )
    language: Text | None = Field(None, description="Documents in this language: 'zh' or 'en'.")
    year_from: int | None = Field(None, ge=1900, le=2100, description="Earliest year.")
    year_to: int | None = Field(None, ge=1900, le=2100, description="Latest year.")


class HistoryTurn(BaseModel):
    """An earlier turn of a conversation the client keeps itself (``AskRequest.history``)."""

    model_config = ConfigDict(extra="forbid")

    question: Text = Field(..., description="The question asked then, as the user wrote it.")
    doc_ids: list[Text] = Field(default_factory=list,
                                description="Documents its answer cited, first cited first.")


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: Text = Field(..., description="The question, in English or Chinese; not empty.",
                           json_schema_extra=_QUESTION)
    filters: Filters | None = None
    top_k: int | None = Field(None, description="Passages to retrieve (1..max_top_k).",
                              json_schema_extra={"minimum": 1})
    mode: Mode | None = Field(None, description="Default: 'generate' when a model is set.")
    include_reasoning: bool = Field(False, description="Return a reasoning model's thinking.")
    as_of: date | None = Field(None, description="Ask as of this day (YYYY-MM-DD): answer from "
                               "the documents in force then. Default: today, or the years the "
                               "question names.")
    conversation_id: Text | None = Field(
        None, description="A conversation the server keeps (POST /api/conversations): the "
        "question may follow up on its earlier turns, and is added to it.")
    history: list[HistoryTurn] | None = Field(
        None, description="Earlier turns, oldest first, for a client that keeps the "
        "conversation itself; not with conversation_id.")


class SearchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: Text = Field(..., description="Words or a question, in English or Chinese; not empty.",
                        json_schema_extra=_QUESTION)
    filters: Filters | None = None
    top_k: int | None = Field(None, description="Passages to return (1..max_top_k).",
                              json_schema_extra={"minimum": 1})
    as_of: date | None = Field(None, description="Search the documents in force on this day.")


class Passage(BaseModel):
    """A retrieved chunk with where it sits in its document."""

    chunk_id: str
    doc_id: str
    title: str
    city: str | None = None
    issuer: str | None = None
    year: int | None = None
    section: str = ""
    paragraph: int | None = None
    page: int | None = None
    text: str
    start: int = Field(..., description="Offset of the passage in the document's stored text.")
    end: int
    score: float = Field(..., description="Cosine similarity of passage and query (0..1).")
    rank: int = Field(..., description="1-based rank after fusion.")


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


class Citation(BaseModel):
    """The exact clause a sentence of the answer rests on."""

    n: int
    doc_id: str
    title: str
    city: str | None = None
    section: str = ""
    page: int | None = None
    quote: str = Field(..., description="The cited text, verbatim.")
    start: int = Field(..., description="Offset of the quote in the document's stored text.")
    end: int
    score: float = Field(..., description="How well the quote supports the answer (0..1).")
    version: str | None = Field(None, description="The document version quoted (its offsets "
                                "open GET /api/documents/{doc_id}/versions/{version}).")
    status: ValidityStatus = Field("in_force", description="The document's status today.")
    status_note: str = Field("", description="The status in words when not in force, e.g. "
                             "'expired on 2024-12-31'.")


class Conflict(BaseModel):
    """A sentence of a document the manifest does not mark official that disagrees with the
    official document the answer follows."""

    doc_id: str
    title: str
    quote: str = Field(..., description="The disagreeing text, verbatim.")
    start: int
    end: int
    followed: str = Field(..., description="doc_id of the official document the answer follows.")


class Timings(BaseModel):
    retrieve: float
    answer: float
    total: float


RefusalCode = Literal["no_passage", "place_not_stored", "place_not_stated", "acronym_unmentioned",
                      "kind_not_stated"]


class Message(BaseModel):
    """One message in both languages the service answers in."""

    en: str
    zh: str

class AnswerPart(BaseModel):
    """One part of a question that asks several things, and its own answer."""

    question: str = Field(..., description="The part as asked.")
    answer: str = Field(..., description="Its answer; markers [n] name the answer's citations.")
    refused: bool = Field(False, description="true: the documents do not answer this part.")
    citations: list[int] = Field(default_factory=list, description="n of its citations.")


class PlaceGroup(BaseModel):
    """The documents of one place that answer a question asked across documents."""

    place: str = Field(..., description="The documents' city, with its district if any ("
                       "or their province, or title).")
    city: str | None = None
    district: str | None = None
    province: str | None = None
    doc_ids: list[str] = Field(default_factory=list)
    citations: list[int] = Field(default_factory=list, description="n of its citations.")


class Answer(BaseModel):
    answer: str = Field(..., description="The answer, or a refusal in the question's language.")
    citations: list[Citation] = []
    refused: bool = False
    refusal_code: RefusalCode | None = Field(
        None, description="Why the question was refused: no_passage (no sentence answers it), "
        "place_not_stored (no stored document is about the place it names), place_not_stated (it "
        "names a place below its documents' place, a street or town, and no passage names it), "
        "acronym_unmentioned "
        "(the passages never mention an acronym it uses), kind_not_stated (the passages on its "
        "topic never state the kind of detail asked, such as a date or a sum).")
    message: Message | None = Field(
        None, description="A refusal's message in English and Chinese (`answer` holds the one "
        "in the question's language).")
    related: list[Passage] = []
    mode: Mode = "extractive"
    city_inferred: str | None = None
    unsupported: list[str] = Field(default_factory=list,
                                   description="Generated sentences the passages do not back.")
    conflicts: list[Conflict] = Field(
        default_factory=list,
        description="Passages of unofficial documents that say otherwise than the answer's "
        "official source; the answer text mentions them.")
    parts: list[AnswerPart] = Field(
        default_factory=list,
        description="For a question that asks several things: each part with its own answer.")
    groups: list[PlaceGroup] = Field(
        default_factory=list,
        description="For a question across documents: the answering citations per place.")
    fallback: Literal["ungrounded", "llm_unavailable"] | None = None
    reasoning: str | None = None
    timings_ms: Timings | None = None
    answer_id: str | None = Field(
        None, description="This answer's entry in the audit log; send feedback to "
        "POST /api/answers/{answer_id}/feedback.")
    resolved_question: str | None = Field(
        None, description="The question answered, when a follow-up was completed from the "
        "conversation (shown as 'Answering: …'); null when answered as asked.")
    conversation_id: str | None = Field(None, description="The conversation the turn was "
                                        "added to, when the request named one.")


class SearchResponse(BaseModel):
    query: str
    passages: list[Passage]
    city_inferred: str | None = None
    timings_ms: Timings | None = None


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


class Health(BaseModel):
    ready: bool
    documents: int
    chunks: int
    embedding_model: str
    llm: str | None = None
    default_mode: Mode


class ErrorBody(BaseModel):
    code: str = Field(description="Stable machine-readable name of the error.")
    message: str = Field(description="The message in the asker's language.")
    messages: dict[str, str] = Field(description="The message in English (en) and Chinese (zh).")


class ErrorResponse(BaseModel):
    error: ErrorBody
