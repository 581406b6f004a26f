"""POST /api/ask/stream: an answer as Server-Sent Events.

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
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from app.answering.generation import Done, Event, Quoted, Reasoning, Token
from app.errors import PolicyKBError, error_body
from app.http.deps import ServicesDep
from app.http.routes import ERRORS
from app.models import AskRequest

log = logging.getLogger(__name__)

SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}  # no proxy buffering

router = APIRouter(responses=ERRORS)


def sse(event: str, data: object) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def error_data(exc: Exception) -> dict[str, Any]:
    if isinstance(exc, PolicyKBError):
        return error_body(exc.code, exc.message)
    return error_body("internal_error", "the answer failed; see the log")


def event_stream(events: Iterator[Event]) -> Iterator[str]:
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


@router.post(
    "/api/ask/stream",
    tags=["answers"],
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}},
                     "description": "token / reasoning events, then done (the final Answer)"}},
)
def ask_stream(request: AskRequest, services: ServicesDep) -> StreamingResponse:
    """Answer a question as Server-Sent Events; the `done` event carries the final Answer."""
    events = services.ask_events(request)  # raises input errors now, answered as 422 JSON
    return StreamingResponse(event_stream(events), media_type="text/event-stream",
                             headers=SSE_HEADERS)
