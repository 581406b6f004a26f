"""The model's condensed follow-up against a real llama.cpp server (the suite's tiny
random-weight GGUF, whose replies are noise): a condensed question that drops what the
follow-up names is not used, and the general rule resolves the follow-up instead."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.conversation.condense import Condenser
from app.conversation.turns import Turn
from app.llm.client import Delta, LLMClient
from app.models import AskRequest, HistoryTurn
from app.services import Services
from app.settings import LLMSettings, Settings
from tests.conftest import SHENZHEN
from tests.support.llama_server import LlamaServer, running_llama_server
from tests.support.tiny_gguf import write_tiny_gguf

FUND = "How large is the artificial intelligence fund group Shenzhen will form?"


@pytest.fixture(scope="module")
def llama(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LlamaServer]:
    model = write_tiny_gguf(tmp_path_factory.mktemp("tiny-llm") / "tiny.gguf")
    with running_llama_server(model) as server:
        yield server


def _llm(server: LlamaServer) -> LLMSettings:
    return LLMSettings(base_url=server.base_url, model=server.model, timeout_s=30.0,
                       max_tokens=24)


def test_a_noise_condensation_is_not_used(llama: LlamaServer, services: Services) -> None:
    client = LLMClient(_llm(llama))
    replies: list[str] = []
    real = client.stream

    def recording(*args: object, **kwargs: object) -> Iterator[Delta]:
        for delta in real(*args, **kwargs):  # type: ignore[arg-type]
            replies.append(delta.text if delta.kind == "content" else "")
            yield delta

    client.stream = recording  # type: ignore[method-assign]
    condenser = Condenser(client, lambda: services.catalog.places)
    earlier = [Turn(FUND, FUND, (SHENZHEN,))]
    assert condenser.condense("What about Haizhu?", earlier) is None
    # the tiny model's reply (if it wrote one under the test's time limit) is noise that loses
    # the follow-up's place, refused by the check
    assert "Haizhu" not in "".join(replies)


def test_generate_mode_falls_back_to_the_rule(llama: LlamaServer,
                                              corpus_settings: Settings) -> None:
    settings = corpus_settings.model_copy(update={"llm": _llm(llama)})
    services = Services.build(settings)
    assert services.conversations.condenser is not None
    answer = services.ask(AskRequest(question="What about Haizhu?", mode="generate",
                                     history=[HistoryTurn(question=FUND, doc_ids=[SHENZHEN])]))
    assert answer.resolved_question == (
        "How large is the artificial intelligence fund group Haizhu will form?")
    assert {c.doc_id for c in answer.citations} <= {"haizhu-2025-ai-development-bureau"}
