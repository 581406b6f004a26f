"""The Briefing view in Chromium: items shown by kind, a click opens the highlighted clause,
export links, and the topic comparison."""

from __future__ import annotations

import httpx
from playwright.sync_api import Page, expect

from tests.conftest import HAIZHU, SHENZHEN, ZHANGZHOU, ZHANJIANG
from tests.support.browser import needs_chromium, open_app, screenshot

pytestmark = needs_chromium


def test_brief_items_open_their_clause_in_the_viewer(page: Page, web_url: str) -> None:
    open_app(page, web_url)
    page.click("#tab-brief")
    expect(page.locator("#tab-brief")).to_have_text("培训简报")
    page.select_option("#brief-doc", ZHANJIANG)
    page.click("#brief-button")
    expect(page.locator("#brief-output[aria-busy=false] .brief")).to_be_visible()
    requirements = page.locator(".brief-section[data-kind=requirement] .brief-item")
    share = requirements.filter(has_text="no less than 5%")
    expect(share).to_have_count(1)
    expect(page.locator(".brief-section[data-kind=requirement] h3")).to_have_text("要求与义务")
    expect(page.locator(".brief-section[data-kind=date] .brief-item")
           .filter(has_text="November 2025")).to_have_count(1)
    expect(page.locator(".quiz-question").first).to_be_visible()
    docx = page.locator(".brief-actions a[href$='format=docx']")
    assert httpx.get(f"{web_url}{docx.get_attribute('href')}", timeout=120).content[:2] == b"PK"
    screenshot(page, "web-brief")

    quote = share.locator(".quote-text").inner_text()
    share.locator(".brief-quote").click()
    mark = page.locator("#viewer-text mark")
    expect(mark).to_have_text(quote)
    expect(mark).to_be_in_viewport()
    start = int(share.get_attribute("data-start") or -1)
    text = httpx.get(f"{web_url}/api/documents/{ZHANJIANG}", timeout=30).json()["text"]
    assert text[start:start + len(quote)] == quote
    screenshot(page, "web-brief-item-highlighted")
    page.click("#viewer-close")

    page.click("#lang-toggle")
    expect(page.locator(".brief-section[data-kind=requirement] h3")).to_have_text(
        "Requirements and obligations")


def test_topic_comparison_has_a_row_per_city(page: Page, web_url: str) -> None:
    """Shenzhen's and Zhangzhou's plans have expired: compared only when asked for (issue 26)."""
    open_app(page, web_url)
    page.click("#tab-brief")
    page.fill("#brief-topic", "computing power")
    page.click("#compare-button")
    current = page.locator("#brief-output[aria-busy=false] .comparison")
    expect(current.locator(".not-in-force")).to_contain_text(SHENZHEN)
    expect(current.locator(f"tr[data-doc-id='{SHENZHEN}']")).to_have_count(0)
    page.check("#compare-expired")
    page.click("#compare-button")
    table = page.locator("#brief-output[aria-busy=false] .compare-table")
    expect(table).to_be_visible()
    for doc_id in (SHENZHEN, ZHANGZHOU, HAIZHU):
        expect(table.locator(f"tr[data-doc-id='{doc_id}'] .brief-item").first).to_be_visible()
    expect(table.locator(f"tr[data-doc-id='{HAIZHU}'] .col-city")).to_contain_text("海珠区")
    screenshot(page, "web-brief-compare")
    table.locator(f"tr[data-doc-id='{ZHANGZHOU}'] .brief-quote").first.click()
    expect(page.locator("#viewer-text mark")).to_contain_text("computing power")
