"""The documents view, the viewer's handling of markup in texts, and the language toggle."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Page, expect

from app.settings import Settings
from tests.conftest import ALL_DOCS, SHENZHEN, make_settings
from tests.support.browser import Watch, live_server, needs_chromium, open_app, screenshot

pytestmark = needs_chromium

HOSTILE_ID = "hostile-markup-notice"
HOSTILE_TEXT = (
    "Notice on markup found in received policy texts\n\n"
    "Some received texts contain markup such as <script>window.__pwned=1</script> and "
    "<script>alert(1)</script> in the middle of a clause.\n\n"
    "Others carry <img src=x onerror=\"window.__pwned=2\"> or <b>bold</b> formatting, and "
    "officials must read all of it as plain text.\n"
)
HOSTILE_TITLE = "Markup notice <img src=x onerror=alert(3)> & <script>alert(4)</script>"


def test_documents_are_listed_read_and_searched(page: Page, web_url: str) -> None:
    open_app(page, web_url)
    page.click("#tab-documents")
    rows = page.locator("#doc-list tbody tr")
    expect(rows).to_have_count(len(ALL_DOCS))
    shenzhen = page.locator(f"#doc-list tr[data-doc-id='{SHENZHEN}']")
    expect(shenzhen.locator(".col-city")).to_have_text("深圳")
    expect(shenzhen.locator(".col-date")).to_have_text("2023-05-31")
    expect(shenzhen.locator(".col-kind")).to_have_text("行动方案")
    expect(shenzhen.locator(".col-issuer")).to_contain_text("Shenzhen")
    screenshot(page, "web-documents")

    # Reading a document: the full text, one paragraph per stored line.
    shenzhen.locator(".title-link").click()
    expect(page.locator("#viewer-title")).to_contain_text("Shenzhen")
    text = httpx.get(f"{web_url}/api/documents/{SHENZHEN}", timeout=30).json()["text"]
    paragraphs = [line for line in text.split("\n") if line.strip()]
    expect(page.locator("#viewer-text p")).to_have_count(len(paragraphs))
    assert page.locator("#viewer-text p").all_text_contents() == paragraphs
    expect(page.locator("#viewer-text mark")).to_have_count(0)
    page.click("#viewer-close")
    expect(page.locator("#viewer")).to_be_hidden()

    # Searching the corpus; a result opens its document with the passage highlighted.
    page.fill("#search-query", "intelligent computing power platform")
    page.click("#search-button")
    results = page.locator("#search-results .passage")
    expect(results.first).to_be_visible()
    first_title = results.first.locator(".card-title").inner_text()
    snippet = results.first.locator(".snippet").inner_text().rstrip("…")
    results.first.locator(".snippet").click()
    expect(page.locator("#viewer-title")).to_have_text(first_title)
    mark = page.locator("#viewer-text mark").first
    expect(mark).to_be_in_viewport()
    assert "".join(page.locator("#viewer-text mark").all_text_contents()).startswith(
        snippet.split("\n")[0])
    screenshot(page, "web-search-result-highlighted")


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A separate store holding one document full of markup."""
    from ingest.pipeline import ingest

    corpus = tmp_path_factory.mktemp("hostile-corpus")
    (corpus / f"{HOSTILE_ID}.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (corpus / "manifest.json").write_text(json.dumps({"documents": [{
        "doc_id": HOSTILE_ID, "title": HOSTILE_TITLE, "city": "Zhanjiang", "year": 2025,
        "issuer": "<i>Bureau</i> of <script>alert(5)</script>", "kind": "notice"}]}),
        encoding="utf-8")
    settings: Settings = make_settings(tmp_path_factory.mktemp("hostile-store"))
    report = ingest([corpus], settings)
    assert not report.failed, report.failed
    with live_server(settings) as url:
        yield url


def test_markup_in_a_document_is_shown_literally_and_never_runs(page: Page, watch: Watch,
                                                                hostile_url: str) -> None:
    stored = httpx.get(f"{hostile_url}/api/documents/{HOSTILE_ID}", timeout=30).json()
    assert "<script>window.__pwned=1</script>" in stored["text"]  # cleaning keeps it
    assert "<script>alert(1)</script>" in stored["text"]
    assert "<img src=x onerror=" in stored["text"]

    open_app(page, hostile_url)
    page.click("#tab-documents")
    title = page.locator(f"#doc-list tr[data-doc-id='{HOSTILE_ID}'] .title-link")
    expect(title).to_have_text(stored["title"])
    title.click()
    viewer = page.locator("#viewer-text")
    expect(viewer).to_contain_text("<script>window.__pwned=1</script>")
    paragraphs = [line for line in stored["text"].split("\n") if line.strip()]
    assert viewer.locator("p").all_text_contents() == paragraphs
    expect(page.locator("#viewer-title")).to_have_text(stored["title"])
    expect(page.locator("#viewer-meta")).to_contain_text("<script>alert(5)</script>")
    expect(page.locator("#viewer script, #viewer img, #viewer b, #viewer i")).to_have_count(0)
    expect(page.locator("#doc-list script, #doc-list img")).to_have_count(0)

    # The same text reached through search (snippets) and highlighted in the viewer.
    page.click("#viewer-close")
    page.fill("#search-query", "markup in the middle of a clause")
    page.click("#search-button")
    result = page.locator("#search-results .passage").first
    expect(result.locator(".snippet")).to_contain_text("<script>")
    result.locator(".card-title").click()
    expect(page.locator("#viewer-text mark").first).to_be_in_viewport()
    assert "<script>" in "".join(page.locator("#viewer-text mark").all_text_contents())
    screenshot(page, "web-markup-shown-as-text")

    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert watch.dialogs == []


def test_language_toggle_switches_the_interface(page: Page, web_url: str) -> None:
    open_app(page, web_url)
    button = page.locator("#ask-button")
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    expect(button).to_have_text("提问")
    expect(page.locator("#tab-documents")).to_have_text("政策文件")

    page.click("#lang-toggle")
    expect(button).to_have_text("Ask")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#tab-documents")).to_have_text("Documents")
    expect(page.locator("#question")).to_have_attribute("placeholder", re.compile("Zhanjiang"))
    expect(page.locator("#city-filter option[value='Zhanjiang']")).to_have_text("Zhanjiang")
    expect(page.locator("#lang-toggle")).to_have_text("中文")

    page.reload()  # the choice is remembered
    page.wait_for_selector("body[data-ready=true]", state="attached")
    expect(button).to_have_text("Ask")
    page.click("#lang-toggle")
    expect(button).to_have_text("提问")
    expect(page.locator("#city-filter option[value='Zhanjiang']")).to_have_text("湛江")
