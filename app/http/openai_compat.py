"""An OpenAI-compatible face, so chat front ends (Open WebUI, LibreChat, …) can use policykb.

    GET  /v1/models             one model, ``policykb``
    POST /v1/chat/completions   the last user message is the question, the earlier ones its
                                conversation; ``stream`` too

The reply is the policykb answer with its sources appended as text (``Sources:`` then
``[n] title — section: "quote"``), since a chat window shows only text, plus a structured
``citations`` field on the response (streaming: on the last chunk). The earlier user messages
are the conversation a follow-up is completed from ("what about Haizhu?"); the reply then opens
with the question it answered ("Answering: …", "回答：…").

Streaming differs from /api/ask/stream on purpose: a chat front end appends every delta and
cannot replace text it has shown, so only sentences that passed the citation check are sent
(as each completes); when the final answer is another (a fallback), it follows them.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app.answering.generation.answerer import Checked, Done, Event, Reasoning
from app.errors import NoUserMessage
from app.http.auditing import record_answer
from app.http.auth import PrincipalDep
from app.http.deps import ServicesDep
from app.http.routes import ERRORS
from app.http.streaming import SSE_HEADERS, audited, error_data
from app.models import Answer, AskRequest, HistoryTurn
from app.text import has_cjk

log = logging.getLogger(__name__)

MODEL_ID = "policykb"
CREATED = int(time.time())

router = APIRouter(prefix="/v1", tags=["openai-compatible"], responses=ERRORS)


class ChatMessageIn(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: str
    content: str | list[dict[str, Any]] | None = None


class ChatCompletionRequest(BaseModel):
    # Front ends send many OpenAI fields (temperature, top_p, user, stream_options, …): the
    # answer does not depend on them, so they are accepted and ignored.
    model_config = ConfigDict(extra="allow")

    model: str = MODEL_ID
    messages: list[ChatMessageIn] = Field(
        ..., description="The last user message is asked; at least one message has role 'user'.",
        json_schema_extra={"minItems": 1, "contains": {
            "type": "object", "properties": {"role": {"const": "user"}}, "required": ["role"]}},
    )
    stream: bool = False
    include_reasoning: bool = Field(False, description="policykb: return a model's thinking.")


def _text(message: ChatMessageIn) -> str:
    content = message.content
    if isinstance(content, list):  # content parts: the text ones (images are ignored)
        content = "\n".join(str(p.get("text", "")) for p in content if p.get("type") == "text")
    return content or ""


def question_of(request: ChatCompletionRequest) -> str:
    return _user_texts(request)[-1]


def _user_texts(request: ChatCompletionRequest) -> list[str]:
    texts = [_text(m) for m in request.messages if m.role == "user"]
    if not texts:
        raise NoUserMessage("messages holds no message with role 'user'; the last user message "
                            "is the question")
    return texts


def _answers(request: ChatCompletionRequest) -> list[str]:
    """The assistant's reply after each user message ("" where none followed it)."""
    replies: list[str] = []
    for message in request.messages:
        if message.role == "user":
            replies.append("")
        elif message.role == "assistant" and replies:
            replies[-1] = _text(message)
    return replies


def ask_request(body: ChatCompletionRequest) -> AskRequest:
    """The /api/ask request of a chat: the last user message, the earlier ones (with the
    replies to them) its history."""
    *earlier, question = _user_texts(body)
    history = [HistoryTurn(question=text, answer=reply or None)
               for text, reply in zip(earlier, _answers(body), strict=False) if text.strip()]
    return AskRequest(question=question, include_reasoning=body.include_reasoning,
                      history=history or None)


def answering(question: str | None) -> str:
    """The line that says which question a follow-up was taken to ask, for a chat window."""
    if not question:
        return ""
    return f"回答：{question}\n\n" if has_cjk(question) else f"Answering: {question}\n\n"


def sources(answer: Answer) -> str:
    """The sources as text for a chat window: ``[n] title — section: "quote"``."""
    if answer.citations:
        lines = [f'[{c.n}] {c.title}{" — " + c.section if c.section else ""}: "{c.quote}"'
                 for c in answer.citations]
        return "\n\nSources:\n" + "\n".join(lines)
    if answer.refused and answer.related:
        lines = [f"- {p.title}{' — ' + p.section if p.section else ''}" for p in answer.related]
        return "\n\nNearest passages:\n" + "\n".join(lines)
    return ""


def _citations(answer: Answer) -> list[dict[str, Any]]:
    return [c.model_dump(mode="json") for c in answer.citations]


@router.get("/models")
def models(who: PrincipalDep) -> dict[str, Any]:
    return {"object": "list", "data": [
        {"id": MODEL_ID, "object": "model", "created": CREATED, "owned_by": "policykb"},
    ]}


@router.post("/chat/completions", response_model=None, responses={200: {
    "content": {"application/json": {}, "text/event-stream": {}},
    "description": "A chat.completion object, or chat.completion.chunk events when stream"}})
def chat_completions(body: ChatCompletionRequest, services: ServicesDep, who: PrincipalDep,
                     http: Request) -> dict[str, Any] | StreamingResponse:
    began = time.perf_counter()
    try:  # the question is the request's field now: validated as /api/ask validates it
        request = ask_request(body)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors()) from exc
    answer_id = str(uuid.uuid4())  # the audit log's id, also in the completion's id
    completion_id = f"chatcmpl-{answer_id}"

    def record(answer: Answer) -> None:
        record_answer(http, services, who, "v1", request.question, answer, began)

    if body.stream:
        # input errors raise here, as 422 JSON
        stream = services.ask_events(request, scope=who.read)
        events = audited(stream.events, answer_id, record)
        return StreamingResponse(_chunks(events, completion_id, stream.resolved_question),
                                 media_type="text/event-stream", headers=SSE_HEADERS)
    answer = services.ask(request, scope=who.read)
    answer.answer_id = answer_id
    record(answer)
    content = answering(answer.resolved_question) + answer.answer + sources(answer)
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if answer.reasoning:
        message["reasoning_content"] = answer.reasoning
    return {
        "id": completion_id,
        "object": "chat.completion",
        "created": int(time.time()),
        "model": MODEL_ID,
        "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
        "citations": _citations(answer),
    }


def _chunks(events: Iterator[Event], completion_id: str,
            resolved_question: str | None = None) -> Iterator[str]:
    created = int(time.time())

    def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
        body = {"id": completion_id, "object": "chat.completion.chunk", "created": created,
                "model": MODEL_ID,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}
        return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"

    yield chunk({"role": "assistant", "content": answering(resolved_question)})
    shown = ""
    try:
        for event in events:
            if isinstance(event, Checked):
                shown += event.text
                yield chunk({"content": event.text})
            elif isinstance(event, Reasoning):
                yield chunk({"reasoning_content": event.text})
            elif isinstance(event, Done):
                final = event.answer.answer
                rest = (final[len(shown):] if final.startswith(shown)
                        else ("\n\n" if shown else "") + final)
                yield chunk({"content": rest + sources(event.answer)})
                yield chunk({}, "stop", citations=_citations(event.answer))
    except Exception as exc:  # the status line is sent already: report in the stream
        log.exception("chat/completions stream failed")
        yield f"data: {json.dumps(error_data(exc))}\n\n"
    yield "data: [DONE]\n\n"
