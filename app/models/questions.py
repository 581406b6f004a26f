"""What a caller sends: questions, searches and their filters."""

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
# The schema states what the service checks (app.services.asking): a question holds a non-space.
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
    answer: Text | None = Field(None, description="The answer given then (its text): a "
                                "follow-up's \"the center\" or 该措施 is sought in it.")


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
