"""What an answer carries: its text, citations, parts and place groups; and search results."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from app.models.documents import ValidityStatus
from app.models.questions import Mode


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
                      "kind_not_stated", "year_not_stated"]


class Message(BaseModel):
    """One message in both languages the service answers in."""

    en: str
    zh: str


def refusal_message(code: RefusalCode, names: list[str] | None = None) -> Message:
    """The message of a refusal of ``code`` in both languages, naming the places or acronyms at
    fault."""
    en_names, zh_names = ", ".join(names or []), "、".join(names or [])
    messages = {
        "no_passage": ("The knowledge base has no passage that answers this question.",
                       "知识库中没有能回答这个问题的段落。"),
        "place_not_stored": (f"The knowledge base holds no documents for {en_names}, so it "
                             "cannot answer this.",
                             f"知识库中没有关于{zh_names}的文件，无法回答这个问题。"),
        "place_not_stated": (f"The documents that would answer this speak of a wider place and "
                             f"never mention {en_names}, so the knowledge base cannot answer it.",
                             f"相关文件说的是更大的地区，没有提到{zh_names}，知识库无法回答这个问题。"),
        "acronym_unmentioned": (f"The passages nearest this question never mention {en_names}, "
                                "so the knowledge base cannot answer it.",
                                f"与这个问题最相关的段落从未提到{zh_names}，知识库无法回答。"),
        "kind_not_stated": ("The passages on this topic do not state what the question asks for "
                            "(such as its date, figure or body), so the knowledge base cannot "
                            "answer it.", "相关段落没有写明问题所问的内容（如日期、数额或机构），"
                            "知识库无法回答。"),
        "year_not_stated": (f"The passages on this topic state it for {en_names} only, not for the "
                            "year asked, so the knowledge base cannot answer it.",
                            f"相关段落只写明了{zh_names}年的情况，没有写明所问年份的，知识库无法回答。"),
    }
    return Message(en=messages[code][0], zh=messages[code][1])


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
        "topic never state the kind of detail asked, such as a date or a sum), year_not_stated "
        "(they state it for another year than the one asked).")
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
