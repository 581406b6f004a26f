"""The ask path: validate, complete a follow-up from its conversation, retrieve, answer, finish."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, replace

from app.answering.generation.answerer import (
    Done,
    Event,
    Reasoning,
    Token,
    answer_events,
    without_model,
)
from app.answering.validity import with_validity
from app.briefing.across import asks_across
from app.conversation import Resolution
from app.models import Answer, AskRequest, Timings
from app.one_question import one_question
from app.retrieval.catalog import Collections
from app.retrieval.continuation import with_continuations
from app.retrieval.hybrid import RetrievalMode, RetrievalResult
from app.retrieval.in_force import left_out
from app.services.components import Asked, milliseconds
from app.services.composite import Composite


@dataclass(frozen=True)
class AnswerStream:
    resolved_question: str | None  # a follow-up's completed question, known before the answer
    events: Iterator[Event]


class Asking(Composite):
    """Questions asked and answered, whole or streamed; a question of several parts or asked
    across documents is answered by the composite layer (app.services.composite)."""

    def ask(self, request: AskRequest, retrieval_mode: RetrievalMode | None = None,
            scope: Collections = None, owner: str | None = None) -> Answer:
        return self.ask_with_retrieval(request, retrieval_mode, scope=scope, owner=owner)[0]

    def ask_with_retrieval(self, request: AskRequest, retrieval_mode: RetrievalMode | None = None,
                           depth: int = 0, scope: Collections = None, owner: str | None = None,
                           ) -> tuple[Answer, RetrievalResult]:
        """`ask`, also returning the ranking it used, at least ``depth`` passages deep (for
        eval/). Fused ranks do not depend on the cut, so the answer still reads exactly the
        top_k passages `ask` alone would give it."""
        with one_question():  # its fallbacks retrieve and answer as it did: done once
            return self._ask_with_retrieval(request, retrieval_mode, depth, scope, owner)

    def _ask_with_retrieval(self, request: AskRequest, retrieval_mode: RetrievalMode | None,
                            depth: int, scope: Collections, owner: str | None,
                            ) -> tuple[Answer, RetrievalResult]:
        asked = self._retrieve(request, retrieval_mode, depth, scope, owner)
        answer = self._composite(asked, request) or self.answer_with(asked.mode, asked.question,
                                                                      asked.retrieval)
        if answer.refused and asked.resolution.fallback is not None \
                and (fallback := asked.resolution.fallback()) is not None:
            # A follow-up's rewrite the documents do not answer: its fallback (app.conversation)
            other = self._retrieve(request, retrieval_mode, depth, scope, owner, resolved=fallback)
            second = self.answer_with(other.mode, other.question, other.retrieval)
            if not second.refused:
                asked, answer = replace(other, began=asked.began), second
        if answer.refused and request.as_of is None and left_out(self.retriever, asked.question):
            # Nothing in force answers: from the rest, saying their status (answering.validity)
            former = self._retrieve(request, retrieval_mode, depth, scope, owner, in_force=False)
            old = self._about_document(former.question, former.retrieval) \
                or self.answer_with(former.mode, former.question, former.retrieval)
            if not old.refused:
                asked, answer = replace(former, began=asked.began), old
        return self._finish(answer, request, asked), asked.full

    def _retrieve(self, request: AskRequest, retrieval_mode: RetrievalMode | None = None,
                  depth: int = 0, scope: Collections = None, owner: str | None = None,
                  in_force: bool = True, resolved: Resolution | None = None) -> Asked:
        """Validate the request, complete a follow-up from its conversation, and retrieve for
        it: everything before the answer."""
        began = time.perf_counter()
        question = self.check_question(request.question)
        top_k = self.check_top_k(request.top_k)
        mode = self.mode_for(request.mode)
        # A question asked across documents ("which cities …") is about places in its own
        # right: the conversation's place is never added to it.
        earlier = self.conversations.earlier(request, owner)
        with self.watch.reading():
            resolution = resolved or self.conversations.resolve(
                question, [] if asks_across(question) else earlier, mode)
        filters = self.conversations.filters(resolution, request.filters)
        within = self._within_filters(filters, scope)
        full = self._retrieval_of(resolution.question, filters, max(top_k, depth),
                                  retrieval_mode, request.as_of, in_force, within)
        read = self._with_fields(resolution.question, with_continuations(
            replace(full, hits=full.hits[:top_k]), self.store))
        # Where the last answer stood answers the follow-up as asked: the question it is resolved
        # to restates the cited clause's subject, which that clause then matches best.
        reads, read = self._answered_near(question, resolution, read) \
            or (resolution.question, read)
        return Asked(reads, mode, read, full,
                      began, time.perf_counter(), resolution, owner, filters, within, scope)

    def _finish(self, answer: Answer, request: AskRequest, asked: Asked) -> Answer:
        answer = with_validity(answer, self.catalog, asked.question)
        if not request.include_reasoning:
            answer.reasoning = None
        if asked.resolution.rewritten:
            answer.resolved_question = asked.resolution.question
        done = time.perf_counter()
        answer.timings_ms = Timings(retrieve=milliseconds(asked.retrieved - asked.began),
                                    answer=milliseconds(done - asked.retrieved),
                                    total=milliseconds(done - asked.began))
        self.conversations.record(request, asked.owner, answer)
        return answer

    def ask_events(self, request: AskRequest, scope: Collections = None,
                   owner: str | None = None) -> AnswerStream:
        """`ask` as stream events (app.answering.generation.answerer). Validation and retrieval run
        now, so input errors raise before the first event; the answer streams when iterated."""
        asked = self._retrieve(request, scope=scope, owner=owner)
        answerer = self.answerers.get(asked.mode)

        def events() -> Iterator[Event]:
            composite = self._composite(asked, request)
            if composite is not None:  # answered whole: its parts are not streamed
                answer = self._finish(composite, request, asked)
                yield Token(answer.answer)
                yield Done(answer)
                return
            retrieval = self._readable(asked.mode, asked.retrieval) if answerer else asked.retrieval
            for event in answer_events(answerer or self.answerers["extractive"], asked.question,
                                       retrieval):
                if isinstance(event, Reasoning) and not request.include_reasoning:
                    continue
                if isinstance(event, Done):
                    answer = event.answer if answerer else without_model(event.answer)
                    self._finish(answer, request, asked)
                yield event

        return AnswerStream(asked.resolution.question if asked.resolution.rewritten else None,
                            events())
