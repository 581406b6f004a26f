"""The bodies of a brief and a topic comparison (API responses and ``policykb brief --json``)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from app.briefing.detect import Kind
from app.models import Citation, DocumentInfo

SECTION_LABELS: dict[Kind, str] = {
    "requirement": "Requirements and obligations",
    "figure": "Figures and targets",
    "date": "Dates and deadlines",
    "responsibility": "Responsible units: who does what",
    "procedure": "Procedures",
}


class BriefItem(BaseModel):
    """A verbatim sentence or clause of the document, with where it is."""

    n: int = Field(..., description="Number of the item in the brief, in document order.")
    kinds: list[Kind] = Field(..., description="Every kind of statement the item is.")
    citation: Citation = Field(..., description="The clause: document_text[start:end] == quote.")


class BriefSection(BaseModel):
    kind: Kind
    label: str
    items: list[BriefItem] = Field(default_factory=list, description="In document order.")


class Overview(BaseModel):
    """A paragraph written by the model, kept only when it passed the citation check."""

    text: str
    citations: list[Citation]


class QuizQuestion(BaseModel):
    n: int
    question: str = Field(..., description="Asked, word for word, through /api/ask.")
    hint: str = Field(..., description="What the blank holds, e.g. 'a minimum share'.")
    answer: str = Field(..., description="The expected answer, verbatim from the cited item.")
    item: int = Field(..., description="The brief item (n) the question is built from.")
    citation: Citation
    checked_answer: str = Field(..., description="What /api/ask answered when the question was "
                                                 "put to it; it holds the expected answer.")


class Brief(BaseModel):
    document: DocumentInfo
    model: bool = Field(False, description="A model is configured (an overview was asked for).")
    overview: Overview | None = None
    overview_note: str | None = Field(None, description="Why there is no overview.")
    sections: list[BriefSection]
    empty_sections: list[Kind] = Field(default_factory=list,
                                       description="Sections for which the document has no item.")
    quiz: list[QuizQuestion]
    quiz_note: str | None = None


class TopicRow(BaseModel):
    """One document's items on the topic."""

    city: str | None = None
    district: str | None = None
    doc_id: str
    title: str
    items: list[BriefItem]


class TopicComparison(BaseModel):
    topic: str
    rows: list[TopicRow] = Field(..., description="Per city and document, cities in order.")
    without: list[str] = Field(default_factory=list,
                               description="Stored documents with nothing on the topic.")
    not_in_force: list[str] = Field(default_factory=list, description="Documents no longer (or "
                                    "not yet) in force, left out unless asked for.")
