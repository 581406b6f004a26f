"""The page against the real POST /api/ask/stream, with a real llama.cpp server behind it.

The server runs the suite's tiny random-weight model, so what it writes is noise: the page must
stream it in as unchecked text, then show the checked final answer (the quoted clause, with
``fallback: "ungrounded"`` said plainly) and the rejected sentences.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from app.settings import LLMSettings, RetrievalSettings, Settings
from tests.support.browser import ask, live_server, needs_chromium, open_app, screenshot
from tests.support.llama_server import running_llama_server
from tests.support.tiny_gguf import write_tiny_gguf

pytestmark = needs_chromium

ZHANJIANG_QUESTION = ("What minimum share of total investment must digital-intelligent upgrades "
                      "take in Zhanjiang's government-invested projects?")

# Set by the page itself when streamed text shows up before the final answer replaces it.
SEE_STREAMING = """
new MutationObserver(() => {
  const text = document.querySelector("#answer .answer-card.streaming .answer-text");
  if (text && text.textContent.length) window.__sawStreamedText = true;
}).observe(document, { childList: true, subtree: true, characterData: true });
"""


@pytest.fixture(scope="module")
def model_url(corpus_settings: Settings, tmp_path_factory: pytest.TempPathFactory
              ) -> Iterator[str]:
    model = write_tiny_gguf(tmp_path_factory.mktemp("tiny-llm") / "tiny.gguf")
    with running_llama_server(model) as llama:
        # One passage per prompt: the tiny model's context is small.
        settings = Settings(data_dir=corpus_settings.data_dir,
                            retrieval=RetrievalSettings(top_k=1),
                            llm=LLMSettings(base_url=llama.base_url, model=llama.model,
                                            timeout_s=30.0, max_tokens=24,
                                            default_mode="generate"))
        with live_server(settings) as url:
            yield url


def test_a_model_answer_streams_in_and_noise_gives_way_to_the_quote(page: Page,
                                                                    model_url: str) -> None:
    streams: list[int] = []
    page.on("response", lambda r: streams.append(r.status) if r.url.endswith("/api/ask/stream")
            else None)
    page.add_init_script(SEE_STREAMING)
    open_app(page, model_url)
    expect(page.locator("#status")).to_contain_text("模型模式")
    ask(page, ZHANJIANG_QUESTION)

    assert streams == [200]
    assert page.evaluate("window.__sawStreamedText === true")
    # The verbatim answer on top (sent before the model wrote), the model's part beneath it.
    quoted, model = page.locator("#answer .quoted-answer"), page.locator("#answer .model-answer")
    expect(quoted.locator(".answer-text")).to_contain_text("5%")
    expect(quoted.locator(".badge-extractive")).to_have_text("摘自文件原文")
    expect(model.locator("h2")).to_have_text("模型撰写的答复")
    expect(model.locator(".badge-unused")).to_have_text("未采用")
    expect(model.locator(".notice-warn").first).to_contain_text("模型撰写的答复未被采用")
    expect(model.locator(".unsupported li").first).to_be_visible()
    screenshot(page, "web-live-stream-fallback")

    page.locator("#answer .answer-text button.cite").first.click()
    expect(page.locator("#viewer-text mark").first).to_contain_text("5%")
    expect(page.locator("#viewer-text mark").first).to_be_in_viewport()
