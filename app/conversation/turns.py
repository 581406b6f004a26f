"""What a conversation's resolution reads and gives: an earlier turn as the server kept it (the
last as a follow-up reads it: ``last_cited``), and the question a follow-up resolves to
(``resolve``), with where its answer is sought."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from app.conversation.nearby import Cited
from app.retrieval.places import PlaceIndex


@dataclass(frozen=True)
class Turn:
    """What resolution reads of an earlier turn."""

    question: str  # as asked
    resolved: str  # as answered (the question itself when it needed nothing)
    doc_ids: tuple[str, ...] = ()  # documents its answer cited, first cited first
    answer: str = ""  # the text its answer cited (or the answer, as a client kept it)
    cited: tuple[Cited, ...] = ()  # where its answer's quotes stand (``nearby``)

    @property
    def doc_id(self) -> str | None:
        """The document its answer cited first: where a follow-up carried over is sought."""
        return self.doc_ids[0] if self.doc_ids else None


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


def last_cited(earlier: Sequence[Turn], index: PlaceIndex) -> Turn:
    """The last turn, as a follow-up reads it: one whose answer cited nothing (refused) and
    named no other place leaves the conversation in the document, and with the cited text, of
    the latest turn that cited one."""
    last = earlier[-1]
    cited = next((t for t in reversed(earlier) if t.doc_ids), None)
    if last.doc_ids or cited is None:
        return last
    now, then = index.infer(last.resolved), index.infer(cited.resolved)
    if {*now.held, *now.missing} - {*then.held, *then.missing}:
        return last  # it moved to another place, which answered nothing
    return replace(last, doc_ids=cited.doc_ids, answer=cited.answer, cited=cited.cited)
