"""The model server's context window and its tokenizer's counts, asked of the server itself.

A prompt plus ``max_tokens`` over the server's context window fails (llama-cpp-python ends the
reply empty, vLLM answers 400), so the prompt is fitted to the window as the server reports it
(vLLM's ``max_model_len``, ``llama-server``'s ``/props``) else ``POLICYKB_LLM_CONTEXT_TOKENS``,
with tokens counted by the server's tokenizer (llama-cpp-python ``/extras/tokenize/count``,
``llama-server`` ``/tokenize``) else estimated on the safe side from the UTF-8 length.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

import httpx

from app.llm.client import LLMUnavailable
from app.settings import LLMSettings

log = logging.getLogger(__name__)
T = TypeVar("T")

# Real tokenizers spend at least ~2.5 UTF-8 bytes per token on English and Chinese alike.
BYTES_PER_TOKEN = 2.5


def estimate(text: str) -> int:
    return int(len(text.encode("utf-8")) / BYTES_PER_TOKEN) + 1


class ServerTokens:
    """The window and token counts of the server at ``settings.base_url``, each asked once."""

    def __init__(self, settings: LLMSettings) -> None:
        assert settings.base_url
        self.base = settings.base_url.rstrip("/")
        self.root = self.base.removesuffix("/v1")
        self.settings = settings
        self.headers = {"Authorization": f"Bearer {settings.api_key}"}
        self._window: int | None = None
        self._counter: Callable[[str], int] | None = None
        self._cache: dict[str, int] = {}
        self.deadline: float | None = None  # time.monotonic() by which the reply is due

    def window(self) -> int:
        """The context window in tokens: as the server reports it, else the setting."""
        if self._window is None:
            reported = (self._ask(lambda: self._call(f"{self.base}/models")["data"][0]
                                  ["max_model_len"])
                        or self._ask(lambda: self._call(f"{self.root}/props")
                                     ["default_generation_settings"]["n_ctx"]))
            self._window = reported if isinstance(reported, int) and reported > 0 \
                else self.settings.context_tokens
            log.info("generate: context window %d tokens", self._window)
        return self._window

    def count(self, text: str) -> int:
        """Tokens of ``text`` in the server's tokenizer (an estimate where it has none)."""
        if text not in self._cache:
            if self._counter is None:
                # llama-cpp-python's tokenizer, llama-server's, else the estimate.
                servers: list[Callable[[str], int]] = [
                    lambda t: int(self._call(f"{self.root}/extras/tokenize/count",
                                             {"input": t})["count"]),
                    lambda t: len(self._call(f"{self.root}/tokenize", {"content": t})["tokens"])]
                self._counter = next((server for server in servers
                                      if self._ask(partial(server, "probe")) is not None),
                                     estimate)
            counter = self._counter
            tokens = self._ask(lambda: counter(text)) or estimate(text)
            if len(self._cache) >= 10_000:
                return tokens
            self._cache[text] = tokens
        return self._cache[text]

    def _ask(self, call: Callable[[], T]) -> T | None:
        """What ``call`` reads from the server; None when the server has no such endpoint or
        answers oddly. A server too slow for the deadline is unavailable."""
        try:
            return call()
        except httpx.TimeoutException as exc:
            raise LLMUnavailable("the model server did not answer in time") from exc
        except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError):
            return None

    @property
    def _timeout(self) -> float:
        # Counting is quick, but a one-slot server (llama-cpp-python) counts only after the
        # replies queued before it: it may take until the request's deadline, no longer.
        if self.deadline is None:
            return self.settings.timeout_s
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise LLMUnavailable("the model server did not answer in time")
        return left

    def _call(self, url: str, body: dict[str, str] | None = None) -> Any:
        """The server's JSON answer at ``url``: posted ``body``, or a GET."""
        response = httpx.request("POST" if body else "GET", url, json=body,
                                 headers=self.headers, timeout=self._timeout)
        response.raise_for_status()
        return response.json()
