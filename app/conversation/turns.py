"""What a conversation's resolution reads and gives: an earlier turn as the server kept it, and
the question a follow-up resolves to (``resolve``), with where its answer is sought."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.conversation.nearby import Cited


@dataclass(frozen=True)
class Turn:
    """What resolution reads of an earlier turn."""

    question: str  # as asked
    resolved: str  # as answered (the question itself when it needed nothing)
    doc_ids: tuple[str, ...] = ()  # documents its answer cited, first cited first
    answer: str = ""  # the text its answer cited (or the answer, as a client kept it)
    cited: tuple[Cited, ...] = ()  # where its answer's quotes stand (``nearby``)


@dataclass(frozen=True)
class Resolution:
    question: str  # what retrieval and the answerer read
    doc_id: str | None = None  # the document the answer is sought in, carried over
    rewritten: bool = False
    # Where the last answer stood in ``doc_id``: the follow-up is answered first from there
    near: tuple[Cited, ...] = ()
    wide: bool = False  # a part of what it named (其中): read in its document too (``service``)
    asked: str = ""  # the follow-up in its own words, a count's left-out noun written back
    # What to ask instead when the documents answer ``question`` with nothing (read by
    # app.services.asking only then: it tags the last answer)
    fallback: Callable[[], Resolution | None] | None = None

    @classmethod
    def as_asked(cls, question: str) -> Resolution:
        return cls(question)
