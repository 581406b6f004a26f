"""The ask view as a conversation in a real browser: a follow-up answered as the question it
was taken to ask, earlier turns kept above with clickable citations, a new conversation, and a
past one reopened."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.support.browser import ask, needs_chromium, open_app, screenshot

pytestmark = needs_chromium

FUND = "How large is the AI fund group Shenzhen will form?"


def test_a_follow_up_joins_the_thread_and_a_past_conversation_reopens(
        page: Page, web_url: str) -> None:
    open_app(page, web_url)
    ask(page, FUND)
    expect(page.locator("#answer .answer-text")).to_contain_text("100 billion")
    expect(page.locator("#current-question")).to_have_text(FUND)

    ask(page, "What about Haizhu?")
    expect(page.locator("#answer .answer-text")).to_contain_text("310 million")
    expect(page.locator("#answer .resolved-question")).to_have_text(
        "回答：How large is the AI fund group Haizhu will form?")
    turns = page.locator("#thread > .turn")
    expect(turns).to_have_count(1)
    expect(turns.first.locator(".turn-question")).to_have_text(FUND)
    expect(turns.first.locator(".answer-text")).to_contain_text("100 billion")
    expect(page.locator("[id^=source-]")).to_have_count(
        page.locator("#answer .sources .source").count())  # ids stay unique
    screenshot(page, "web-conversation-thread")

    # The earlier turn's citation still opens its clause.
    turns.first.locator("button.cite").first.click()
    expect(page.locator("#viewer-text mark").first).to_contain_text("100 billion")
    page.keyboard.press("Escape")

    # A new conversation starts empty; the past one is listed and reopens whole.
    page.click("#new-conversation")
    expect(page.locator("#thread > .turn")).to_have_count(0)
    expect(page.locator("#answer .placeholder")).to_be_visible()
    page.locator("#past-conversations summary").click()
    listed = page.locator("#conversation-list .open-conversation", has_text=FUND).first
    expect(listed).to_be_visible()
    listed.click()
    expect(page.locator("#thread > .turn")).to_have_count(1)
    expect(page.locator("#current-question")).to_have_text("What about Haizhu?")
    expect(page.locator("#answer .answer-text")).to_contain_text("310 million")
    expect(page.locator("#answer .resolved-question")).to_contain_text("Haizhu will form?")
    page.locator("#thread > .turn button.cite").first.click()
    expect(page.locator("#viewer-text mark").first).to_contain_text("100 billion")
    page.keyboard.press("Escape")

    # The follow-up of a reopened conversation follows its last turn.
    ask(page, "Who is responsible for that?")
    expect(page.locator("#thread > .turn")).to_have_count(2)
    expect(page.locator("#answer .resolved-question")).to_contain_text("Who is responsible for")
