"""The one client of the OpenAI-compatible model server (llama.cpp, vLLM, SGLang, Ollama).

Built once per process (Services.build) on llama-index's ``OpenAILike``. Every call streams,
even when the caller wants the whole reply, because a stream can be abandoned: when the
server is slower than ``timeout_s`` the reply is given up at the deadline, the connection is
closed at the next chunk and the server stops generating, instead of burning the CPU for an
answer nobody will read. The deadline covers the whole reply, not only the wait between two
chunks (which is all an HTTP read timeout would bound), so the chunks are read in a worker
thread and handed over through a queue the caller waits on with the time that is left.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Generator
from dataclasses import dataclass
from typing import Literal

from llama_index.core.base.llms.types import ChatMessage
from llama_index.llms.openai_like import OpenAILike

from app.settings import LLMSettings


class LLMUnavailable(Exception):
    """The model server could not give a reply in time: down, refusing, erroring or slow."""


@dataclass(frozen=True)
class Delta:
    """Reply text as it arrives; kind ``finish`` carries the finish_reason ("stop", "length")."""

    kind: Literal["content", "reasoning", "finish"]
    text: str


_END = object()


class LLMClient:
    def __init__(self, settings: LLMSettings) -> None:
        if not settings.base_url:
            raise ValueError("LLMClient needs settings.llm.base_url")
        self.settings = settings
        self.timeout_s = settings.timeout_s
        self._llm = OpenAILike(
            model=settings.model,
            api_base=settings.base_url.rstrip("/"),
            api_key=settings.api_key,
            is_chat_model=True,
            max_tokens=None,  # sent with each request: the prompt budget may lower it
            temperature=settings.temperature,
            # Bounds each wait for bytes, so an abandoned worker thread ends within timeout_s.
            timeout=settings.timeout_s,
            max_retries=0,  # a retry would overrun the deadline; the caller falls back instead
        )

    def stream(self, messages: list[dict[str, str]], max_tokens: int | None = None,
               deadline: float | None = None) -> Generator[Delta, None, None]:
        """Deltas of the reply as they arrive; ``LLMUnavailable`` on any failure or at the
        deadline (``time.monotonic()`` value; default ``timeout_s`` after the call).
        ``max_tokens`` defaults to the setting."""
        deadline = deadline or time.monotonic() + self.timeout_s
        chat = [ChatMessage(role=m["role"], content=m["content"]) for m in messages]
        handoff: queue.Queue[object] = queue.Queue()
        cancelled = threading.Event()
        limit = max_tokens or self.settings.max_tokens
        worker = threading.Thread(target=self._read, args=(chat, limit, handoff, cancelled),
                                  name="policykb-llm", daemon=True)
        worker.start()
        try:
            while True:
                left = deadline - time.monotonic()
                try:
                    if left <= 0:
                        raise queue.Empty
                    item = handoff.get(timeout=left)
                except queue.Empty:
                    raise LLMUnavailable(
                        f"the model server gave no complete reply within {self.timeout_s:g} s"
                    ) from None
                if item is _END:
                    return
                if isinstance(item, BaseException):
                    raise LLMUnavailable(describe(item)) from item
                assert isinstance(item, Delta)
                yield item
        finally:
            cancelled.set()  # the worker stops reading and closes the connection

    def _read(self, chat: list[ChatMessage], max_tokens: int, handoff: queue.Queue[object],
              cancelled: threading.Event) -> None:
        try:
            replies = self._llm.stream_chat(chat, max_tokens=max_tokens)
            finished = False
            try:
                for reply in replies:
                    if cancelled.is_set():
                        return
                    thinking = reply.additional_kwargs.get("thinking_delta")
                    if thinking:
                        handoff.put(Delta("reasoning", str(thinking)))
                    if reply.delta:
                        handoff.put(Delta("content", reply.delta))
                    for choice in getattr(reply.raw, "choices", None) or []:
                        if choice.finish_reason:
                            finished = True
                            handoff.put(Delta("finish", str(choice.finish_reason)))
            finally:
                # Closing the generator closes the HTTP response: the server stops generating.
                close = getattr(replies, "close", None)
                if close is not None:
                    close()
            if not finished:
                # A complete reply ends with a finish_reason. Without one the server broke off:
                # llama-cpp-python answers an over-long prompt with an empty 200 stream, and
                # cuts a reply short when another request arrives (unless started with
                # --interrupt_requests False).
                raise LLMUnavailable("the model server ended its reply unfinished (prompt over "
                                     "its context size, or cut off by another request; see "
                                     "the server's log)")
            handoff.put(_END)
        except Exception as exc:  # any failure is handed to the caller, which falls back
            handoff.put(exc)


def describe(exc: BaseException) -> str:
    """One line for logs and the fallback: what went wrong with the model server."""
    import openai

    if isinstance(exc, LLMUnavailable):
        return str(exc)
    if isinstance(exc, openai.APITimeoutError):
        return "the model server did not answer in time"
    if isinstance(exc, openai.APIConnectionError):
        return f"cannot reach the model server ({exc.__cause__ or exc})"
    if isinstance(exc, openai.APIStatusError):
        return f"the model server answered HTTP {exc.status_code}: {str(exc)[:200]}"
    return f"the model server call failed: {type(exc).__name__}: {str(exc)[:200]}"
