"""The ask view in a real browser: answers with clickable citations, refusals, errors, streaming."""

from __future__ import annotations

import json
import re

import httpx
from playwright.sync_api import Page, Route, expect

from tests.conftest import ZHANJIANG
from tests.support.browser import ask, needs_chromium, open_app, screenshot

pytestmark = needs_chromium

ZHANJIANG_QUESTION = ("What minimum share of total investment must digital-intelligent upgrades "
                      "take in Zhanjiang's government-invested projects?")
HANGZHOU_QUESTION = "What does Hangzhou's AI policy require for government projects?"


def test_answer_cites_the_clause_and_opens_it_highlighted(page: Page, web_url: str) -> None:
    open_app(page, web_url)
    ask(page, ZHANJIANG_QUESTION)

    answer = page.locator("#answer .answer-text")
    expect(answer).to_contain_text("5%")
    expect(page.locator("#answer .badge-extractive")).to_have_text("摘自文件原文")
    expect(page.locator("#answer .sources .source").first).to_be_visible()
    marker = answer.locator("button.cite").first
    expect(marker).to_have_text(re.compile(r"^\[\d+\]$"))

    marker.click()
    mark = page.locator("#viewer-text mark").first
    expect(mark).to_contain_text("5%")
    expect(mark).to_be_in_viewport()
    expect(page.locator("#viewer-title")).to_contain_text("Zhanjiang")
    screenshot(page, "web-zhanjiang-citation")

    # The highlight is exactly the cited span of the stored text.
    body = httpx.post(f"{web_url}/api/ask", json={"question": ZHANJIANG_QUESTION},
                      timeout=60).json()
    n = int(marker.inner_text().strip("[]"))
    citation = next(c for c in body["citations"] if c["n"] == n)
    assert citation["doc_id"] == ZHANJIANG
    assert "".join(page.locator("#viewer-text mark").all_text_contents()) == citation["quote"]

    # The source card opens the same place; Escape closes the viewer.
    page.keyboard.press("Escape")
    expect(page.locator("#viewer")).to_be_hidden()
    page.locator(f"#source-{n} .card-title").click()
    expect(page.locator("#viewer-text mark").first).to_be_in_viewport()


def test_refusal_is_shown_as_such_with_related_passages(page: Page, web_url: str) -> None:
    open_app(page, web_url)
    ask(page, HANGZHOU_QUESTION)

    expect(page.locator("#answer .answer-card.refused")).to_be_visible()
    expect(page.locator("#answer .badge-refused")).to_have_text("无法作答")
    expect(page.locator("#answer .notice-refused")).to_be_visible()
    expect(page.locator("#answer .answer-text")).to_contain_text("Hangzhou")
    expect(page.locator("#answer .cite")).to_have_count(0)
    expect(page.locator("#answer .sources")).to_have_count(0)
    related = page.locator("#answer .related .passage")
    expect(related.first).to_be_visible()
    screenshot(page, "web-refusal")

    related.first.locator(".card-title").click()
    expect(page.locator("#viewer-text mark").first).to_be_in_viewport()


def test_an_error_response_is_shown_as_its_message(page: Page, web_url: str) -> None:
    """Regression: the Chinese page showed the API's English error message."""
    open_app(page, web_url)
    ask(page, "   ")
    error = page.locator("#answer .notice-error")
    expect(error).to_contain_text("问题为空")
    expect(page.locator("#ask-button")).to_be_enabled()


def _sse(events: list[tuple[str, object]]) -> str:
    return "".join(f"event: {name}\ndata: {json.dumps(data)}\n\n" for name, data in events)


def _model_configured(route: Route) -> None:
    route.fulfill(json={"ready": True, "documents": 5, "chunks": 87, "embedding_model": "m",
                        "llm": "http://127.0.0.1:9/v1", "default_mode": "generate"})


def test_with_a_model_the_answer_streams_in(page: Page, web_url: str) -> None:
    real = httpx.post(f"{web_url}/api/ask", json={"question": ZHANJIANG_QUESTION}, timeout=60)
    citation = real.json()["citations"][0]
    unsupported = "It is a <img src=x onerror=alert(1)> rule."
    final = {"answer": "Upgrades must take no less than 5% of total investment [1].",
             "citations": [citation], "refused": False, "related": [], "mode": "generate",
             "city_inferred": "Zhanjiang", "unsupported": [unsupported],
             "fallback": None, "timings_ms": {"retrieve": 5.0, "answer": 900.0, "total": 905.0}}
    body = (": connected\n\n" + _sse([("reasoning", {"text": "SECRET-THINKING about shares"})])
            + _sse([("token", {"text": t}) for t in ["Upgrades must take ", "no less than 5%",
                                                     " of total investment [1]."]])
            + _sse([("done", final)]))
    sent: list[object] = []

    def stream(route: Route) -> None:
        sent.append(route.request.post_data_json)
        route.fulfill(status=200, body=body.replace("\n", "\r\n"),
                      headers={"Content-Type": "text/event-stream"})

    page.route("**/healthz", _model_configured)
    page.route("**/api/ask/stream", stream)
    open_app(page, web_url)
    expect(page.locator("#status")).to_contain_text("模型模式")
    page.select_option("#city-filter", "Zhanjiang")
    ask(page, ZHANJIANG_QUESTION)

    assert len(sent) == 1 and isinstance(sent[0], dict)
    conversation = sent[0].pop("conversation_id")  # the page's thread (test_conversation_page)
    assert re.fullmatch(r"[0-9a-f]{32}", conversation)
    assert sent == [{"question": ZHANJIANG_QUESTION, "filters": {"city": "Zhanjiang"}}]
    expect(page.locator("#answer .badge-generate")).to_have_text("由模型撰写，已对照来源核查")
    expect(page.locator("#answer .answer-text")).to_contain_text("no less than 5%")
    # Text from the model is shown as text, never as markup.
    expect(page.locator("#answer .unsupported")).to_contain_text("已从答复中删除")
    expect(page.locator("#answer .unsupported li")).to_have_text(unsupported)
    expect(page.locator("#answer img")).to_have_count(0)
    # The model's thinking is folded away unless asked for.
    expect(page.locator("#answer .reasoning-text")).to_be_hidden()
    page.locator("#answer .reasoning summary").click()
    expect(page.locator("#answer .reasoning-text")).to_contain_text("SECRET-THINKING")
    screenshot(page, "web-streamed-answer")

    page.locator("#answer .answer-text button.cite").click()
    expect(page.locator("#viewer-text mark").first).to_contain_text("5%")


def test_the_quoted_answer_shows_at_once_and_the_model_answer_beneath(page: Page,
                                                                      web_url: str) -> None:
    quoted = httpx.post(f"{web_url}/api/ask", json={"question": ZHANJIANG_QUESTION},
                        timeout=60).json()
    removed = "Upgrades must take 10% [1]."
    final = {**quoted, "answer": "Upgrades must take no less than 5% of investment [1].",
             "mode": "generate", "unsupported": [removed]}
    body = (_sse([("extractive", quoted)]) + _sse([("token", {"text": "Upgrades must take "})])
            + _sse([("done", final)]))
    page.route("**/healthz", _model_configured)
    page.route("**/api/ask/stream", lambda route: route.fulfill(
        status=200, body=body, headers={"Content-Type": "text/event-stream"}))
    open_app(page, web_url)
    ask(page, ZHANJIANG_QUESTION)

    top, beneath = page.locator("#answer .quoted-answer"), page.locator("#answer .model-answer")
    expect(top.locator(".badge-extractive")).to_have_text("摘自文件原文")
    expect(top.locator(".answer-text")).to_have_text(quoted["answer"])
    expect(beneath.locator("h2").first).to_have_text("模型撰写的答复")
    expect(beneath.locator(".badge-generate")).to_have_text("由模型撰写，已对照来源核查")
    expect(beneath.locator(".answer-text")).to_contain_text("no less than 5% of investment")
    expect(beneath.locator(".unsupported li")).to_have_text(removed)
    screenshot(page, "web-quoted-and-model-answer")


def test_without_a_stream_endpoint_it_asks_plainly_and_shows_fallbacks(page: Page,
                                                                       web_url: str) -> None:
    plain: list[str] = []

    def no_stream(route: Route) -> None:
        route.fulfill(status=404, json={"detail": "Not Found"})

    def ask_plainly(route: Route) -> None:
        plain.append(route.request.url)
        answer = route.fetch().json()
        answer["fallback"] = "llm_unavailable"
        route.fulfill(json=answer)

    page.route("**/healthz", _model_configured)
    page.route("**/api/ask/stream", no_stream)
    page.route("**/api/ask", ask_plainly)
    open_app(page, web_url)
    ask(page, ZHANJIANG_QUESTION)

    assert len(plain) == 1
    expect(page.locator("#answer .answer-text")).to_contain_text("5%")
    expect(page.locator("#answer .badge-extractive")).to_be_visible()
    expect(page.locator("#answer .notice-warn")).to_contain_text("模型当前无法使用")


def test_the_stream_parser_copes_with_any_chunking(page: Page, web_url: str) -> None:
    """Events split anywhere across reads (even inside \\r\\n) come out the same."""
    open_app(page, web_url)
    outcomes = page.evaluate("""async () => {
      const { sseParser } = await import("/web/api.js");
      const text = 'event: token\\r\\ndata: {"text": "a"}\\r\\n\\r\\n: keep-alive\\n\\n'
        + 'event: token\\rdata: {"text": "b"}\\r\\r'
        + 'event: reasoning\\ndata: first\\ndata: second\\n\\n'
        + 'event: done\\ndata: {"answer": "ab"}\\n\\n';
      const outcomes = new Set();
      for (let size = 1; size <= text.length; size++) {
        const got = [];
        const parser = sseParser((e) => got.push(`${e.event}=${e.data}`));
        for (let i = 0; i < text.length; i += size) parser.push(text.slice(i, i + size));
        parser.push("", true);
        outcomes.add(got.join("|"));
      }
      return [...outcomes];
    }""")
    assert outcomes == ['token={"text": "a"}|token={"text": "b"}|reasoning=first\nsecond|'
                        'done={"answer": "ab"}']


def test_parts_and_places_are_shown_each_with_its_own_answer(page: Page, web_url: str) -> None:
    open_app(page, web_url)
    ask(page, "What share of total investment must go to digital-intelligent upgrades in "
              "Zhanjiang? Who is the director of the Haizhu AI Development Bureau?")
    parts = page.locator("#answer .answer-parts > li")
    expect(parts).to_have_count(2)
    expect(parts.nth(0).locator(".part-question")).to_contain_text("Zhanjiang")
    expect(parts.nth(0).locator(".answer-text")).to_contain_text("5%")
    expect(parts.nth(0).locator("button.cite")).to_have_count(1)
    expect(parts.nth(1)).to_have_class(re.compile(r"\brefused\b"))
    expect(parts.nth(1).locator(".answer-text")).to_contain_text("don't say")

    ask(page, "Which cities plan blockchain work?")
    groups = page.locator("#answer .answer-groups .group")
    expect(groups).to_have_count(2)
    expect(groups.nth(0).locator("dt")).to_contain_text("广州")  # the page's language names it
    expect(groups.nth(0).locator("dd")).to_contain_text("blockchain")
    expect(groups.nth(1).locator("dd button.cite")).to_have_text("[2]")
    screenshot(page, "web-groups")
