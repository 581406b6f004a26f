"""POST /api/ask/stream: an answer as Server-Sent Events.

    event: question   data: {"resolved_question": "..."}   first, when a follow-up was completed
                                              from its conversation (the question answered)
    event: extractive data: <Answer>          generate mode: the verbatim extractive answer, at
                                              once, before the model writes (not for refusals)
    event: token      data: {"text": "..."}   answer text as the model writes it
    event: reasoning  data: {"text": "..."}   a reasoning model's thinking (include_reasoning)
    event: done       data: <Answer>          the final answer, after the citation check
    event: error      data: {"error": {"code", "message"}}

The ``done`` answer replaces the streamed tokens: the citation check may remove sentences
or fall back to the extractive answer. In extractive mode the whole answer is one token.
The request is validated and retrieval runs before the stream opens, so a bad request gets
the same 422 JSON as /api/ask rather than a 200 stream that carries an error.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from app.answering.generation.answerer import Done, Event, Quoted, Reasoning, Token
from app.audit.log import new_answer_id
from app.errors import PolicyKBError, error_body
from app.http.auditing import record_answer
from app.http.auth import PrincipalDep
from app.http.deps import OwnerDep, ServicesDep
from app.http.routes import ERRORS
from app.models import Answer, AskRequest

log = logging.getLogger(__name__)

SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}  # no proxy buffering

router = APIRouter(responses=ERRORS)


def sse(event: str, data: object) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def error_data(exc: Exception) -> dict[str, Any]:
    if isinstance(exc, PolicyKBError):
        return error_body(exc.code, exc.message)
    return error_body("internal_error", "the answer failed; see the log")


def event_stream(events: Iterator[Event], resolved_question: str | None = None) -> Iterator[str]:
    if resolved_question:
        yield sse("question", {"resolved_question": resolved_question})
    try:
        for event in events:
            if isinstance(event, Quoted):
                yield sse("extractive", event.answer.model_dump(mode="json"))
            elif isinstance(event, Token):
                yield sse("token", {"text": event.text})
            elif isinstance(event, Reasoning):
                yield sse("reasoning", {"text": event.text})
            elif isinstance(event, Done):
                yield sse("done", event.answer.model_dump(mode="json"))
    except Exception as exc:  # the status line is sent already: report in the stream
        log.exception("ask/stream failed")
        yield sse("error", error_data(exc))


def audited(events: Iterator[Event], answer_id: str,
            record: Callable[[Answer], None]) -> Iterator[Event]:
    """The events, the final answer stamped with ``answer_id`` and recorded before it is sent."""
    for event in events:
        if isinstance(event, Done):
            event.answer.answer_id = answer_id
            record(event.answer)
        yield event


@router.post(
    "/api/ask/stream",
    tags=["answers"],
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}},
                     "description": "token / reasoning events, then done (the final Answer)"}},
)
def ask_stream(request: AskRequest, services: ServicesDep, who: PrincipalDep, owner: OwnerDep,
               http: Request) -> StreamingResponse:
    """Answer a question as Server-Sent Events; the `done` event carries the final Answer."""
    began = time.perf_counter()
    # raises input errors now, answered as 422 JSON
    stream = services.ask_events(request, scope=who.read, owner=owner)
    answer_id = new_answer_id()

    def record(answer: Answer) -> None:
        record_answer(http, services, who, "stream", request.question, answer, began)

    return StreamingResponse(
        event_stream(audited(stream.events, answer_id, record), stream.resolved_question),
        media_type="text/event-stream", headers={**SSE_HEADERS, "X-Answer-Id": answer_id})
