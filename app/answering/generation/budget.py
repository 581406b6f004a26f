"""The prompt fits the model: passages budgeted in tokens against the context window.

A prompt plus ``max_tokens`` over the server's context window fails (llama-cpp-python ends the
reply empty, vLLM answers 400), so before each request the passages are counted in the
server's own tokens and kept, best first, while prompt + answer fit. The window comes from
the server when it reports one (vLLM's ``max_model_len`` in ``/v1/models``, llama.cpp
``llama-server``'s ``/props``), else from ``POLICYKB_LLM_CONTEXT_TOKENS``. Tokens are counted by
the server's tokenizer when it offers one (llama-cpp-python ``/extras/tokenize/count``,
``llama-server`` ``/tokenize``), else estimated on the safe side from the UTF-8 length.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx

from app.answering.generation.excerpts import Excerpt, whole
from app.answering.generation.prompt import build_messages, format_passages
from app.llm.client import LLMUnavailable
from app.retrieval.hybrid import Hit
from app.settings import LLMSettings

log = logging.getLogger(__name__)

# The chat template's own tokens (role headers, separators) and the small differences between
# counting parts and counting their concatenation.
TEMPLATE_TOKENS = 48
SAFETY = 1.05
# Below this many answer tokens a reply could not hold one cited sentence: give up instead.
MIN_ANSWER_TOKENS = 48
# Real tokenizers spend at least ~2.5 UTF-8 bytes per token on English and Chinese alike.
BYTES_PER_TOKEN = 2.5


@dataclass(frozen=True)
class Fitted:
    excerpts: list[Excerpt]  # the passages that fit, best first (the prompt numbers them 1..k)
    max_tokens: int

    @property
    def hits(self) -> list[Hit]:
        return [e.hit for e in self.excerpts]


def _estimate(text: str) -> int:
    return int(len(text.encode("utf-8")) / BYTES_PER_TOKEN) + 1


class PromptBudget:
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

    # The server ---------------------------------------------------------------------------------
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

    def window(self) -> int:
        """The context window in tokens: as the server reports it, else the setting."""
        if self._window is None:
            self._window = self._reported_window() or self.settings.context_tokens
            log.info("generate: context window %d tokens", self._window)
        return self._window

    def _get(self, url: str) -> object:
        response = httpx.get(url, headers=self.headers, timeout=self._timeout)
        response.raise_for_status()
        return response.json()

    def _reported_window(self) -> int | None:
        probes: list[tuple[str, Callable[[object], object]]] = [
            (f"{self.base}/models", lambda body: body["data"][0]["max_model_len"]),  # type: ignore[index]
            (f"{self.root}/props",
             lambda body: body["default_generation_settings"]["n_ctx"]),  # type: ignore[index]
        ]
        for url, read in probes:
            try:
                value = read(self._get(url))
            except httpx.TimeoutException as exc:
                raise LLMUnavailable("the model server did not answer in time") from exc
            except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError):
                continue
            if isinstance(value, int) and value > 0:
                return value
        return None

    def count(self, text: str) -> int:
        """Tokens of ``text`` in the server's tokenizer (an estimate where it has none)."""
        if text in self._cache:
            return self._cache[text]
        if self._counter is None:
            self._counter = self._find_counter()
        try:
            tokens = self._counter(text)
        except httpx.TimeoutException as exc:
            raise LLMUnavailable("the model server did not answer in time") from exc
        except (httpx.HTTPError, ValueError, KeyError, TypeError):
            tokens = _estimate(text)
        if len(self._cache) < 10_000:
            self._cache[text] = tokens
        return tokens

    def _find_counter(self) -> Callable[[str], int]:
        def llama_cpp_python(text: str) -> int:
            response = httpx.post(f"{self.root}/extras/tokenize/count", json={"input": text},
                                  headers=self.headers, timeout=self._timeout)
            response.raise_for_status()
            return int(response.json()["count"])

        def llama_server(text: str) -> int:
            response = httpx.post(f"{self.root}/tokenize", json={"content": text},
                                  headers=self.headers, timeout=self._timeout)
            response.raise_for_status()
            return len(response.json()["tokens"])

        for counter in (llama_cpp_python, llama_server):
            try:
                counter("probe")
            except httpx.TimeoutException as exc:
                raise LLMUnavailable("the model server did not answer in time") from exc
            except (httpx.HTTPError, ValueError, KeyError, TypeError):
                continue
            return counter
        return _estimate

    # The budget ---------------------------------------------------------------------------------
    def fit(self, question: str, passages: Sequence[Hit] | Sequence[Excerpt],
            deadline: float | None = None) -> Fitted:
        """The best passages (whole hits or excerpts) whose prompt leaves room for the answer;
        ``max_tokens`` lowered (not below MIN_ANSWER_TOKENS) when even the best passage alone
        needs it. Counting gives up (``LLMUnavailable``) at ``deadline``."""
        self.deadline = deadline
        candidates = [p if isinstance(p, Excerpt) else whole([p])[0] for p in passages]
        window, wanted = self.window(), self.settings.max_tokens
        system, user = build_messages(question, [])
        fixed = self.count(system["content"]) + self.count(user["content"]) + TEMPLATE_TOKENS
        room = int((window - wanted) / SAFETY) - fixed
        kept: list[Excerpt] = []
        for excerpt in candidates:
            cost = self.count(format_passages([excerpt]))
            if cost > room:
                break
            kept.append(excerpt)
            room -= cost
        if kept:
            if len(kept) < len(candidates):
                log.info("generate: %d of %d passages fit the %d-token window", len(kept),
                         len(candidates), window)
            return Fitted(kept, wanted)
        if not candidates:
            return Fitted([], wanted)
        # Not even the best passage fits beside max_tokens: shorten the answer instead.
        prompt = int((fixed + self.count(format_passages(candidates[:1]))) * SAFETY)
        answer = window - prompt
        if answer < MIN_ANSWER_TOKENS:
            raise LLMUnavailable(f"the best passage does not fit the model's {window}-token "
                                 "context window")
        return Fitted(candidates[:1], min(answer, wanted))
