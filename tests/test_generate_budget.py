"""The prompt fits the model: passages budgeted in the server's tokens against its window.

A real llama.cpp server with the tiny random-weight GGUF and a small ``n_ctx``: its byte-level
vocabulary spends about one token per character, so five retrieved passages are several times
the window. Before the budget, such a request ended empty ("exceeds context window" in the
server's log) and every answer fell back as ``llm_unavailable``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.answering.extractive import ExtractiveAnswerer
from app.answering.generation.answerer import GenerativeAnswerer
from app.answering.generation.prompt import PromptBudget
from app.llm.client import LLMClient
from app.services import Services
from app.settings import LLMSettings, Settings
from tests.conftest import whole
from tests.support.llama_server import LlamaServer, running_llama_server
from tests.support.tiny_gguf import write_tiny_gguf

QUESTION = ("What minimum share of total investment must digital-intelligent upgrades take in "
            "Zhanjiang's government-invested projects?")
N_CTX = 2048


@pytest.fixture(scope="module")
def small_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LlamaServer]:
    model = write_tiny_gguf(tmp_path_factory.mktemp("tiny-budget") / "tiny.gguf")
    with running_llama_server(model, n_ctx=N_CTX) as server:
        yield server


def answerer(services: Services, server: LlamaServer, **llm: Any) -> GenerativeAnswerer:
    # 120 s: the noise model writes until max_tokens, slowly when other jobs share the cores.
    settings = LLMSettings(base_url=server.base_url, model=server.model, timeout_s=120.0,
                           context_tokens=N_CTX, **llm)
    extractive = services.answerers["extractive"]
    assert isinstance(extractive, ExtractiveAnswerer)
    return GenerativeAnswerer(LLMClient(settings), extractive, PromptBudget(settings))


def test_passages_are_cut_to_fit_the_window_and_the_model_answers(
        services: Services, corpus_settings: Settings, small_server: LlamaServer) -> None:
    retrieval = services.retriever.retrieve(QUESTION, None, 5)
    assert len(retrieval.hits) == 5
    generative = answerer(services, small_server, max_tokens=64)
    assert generative.budget is not None
    fitted = generative.budget.fit(QUESTION, whole(retrieval.hits))
    assert 1 <= len(fitted.excerpts) < 5
    kept = [e.hit for e in fitted.excerpts]
    assert kept == retrieval.hits[:len(kept)]  # the best ones, in order
    answer = generative.answer(QUESTION, retrieval)
    # The model was asked and replied (its noise is then rejected by the citation check);
    # without the budget the server ends the reply empty and this is "llm_unavailable".
    assert answer.fallback == "ungrounded"
    assert answer.unsupported


def test_a_long_answer_budget_is_lowered_rather_than_failing(
        services: Services, small_server: LlamaServer) -> None:
    retrieval = services.retriever.retrieve(QUESTION, None, 5)
    generative = answerer(services, small_server, max_tokens=N_CTX)
    assert generative.budget is not None
    fitted = generative.budget.fit(QUESTION, whole(retrieval.hits))
    assert len(fitted.excerpts) == 1
    assert 48 <= fitted.max_tokens < N_CTX
    assert generative.answer(QUESTION, retrieval).fallback == "ungrounded"


def test_counts_are_the_servers_tokens(small_server: LlamaServer) -> None:
    budget = PromptBudget(LLMSettings(base_url=small_server.base_url))
    # The tiny model's vocabulary is bytes: one token per ASCII character (plus BOS, if any).
    assert budget.count("digital upgrades 5%") in {19, 20}
    assert budget.window() == 4096  # llama-cpp-python does not report it: the setting


def test_unknown_server_is_estimated_on_the_safe_side(tmp_path: Path) -> None:
    budget = PromptBudget(LLMSettings(base_url="http://127.0.0.1:9/v1", context_tokens=2048))
    assert budget.window() == 2048
    assert budget.count("a" * 100) >= 40
    assert budget.count("湛江" * 10) >= 24  # 60 UTF-8 bytes
