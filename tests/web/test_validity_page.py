"""Issue 26 on the page: status badges on documents and citations, a document's version history,
and the diff of two versions with the changed figure highlighted."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ingest.pipeline import ingest
from tests.conftest import ROOT, make_settings
from tests.support.browser import ask, live_server, needs_chromium, open_app, screenshot

pytestmark = needs_chromium

CORPUS = ROOT / "eval" / "validity" / "corpus"
PLANS = ("riverside-housing-2023", "riverside-housing-2025", "harbor-parking-waiver")
CHANGED = "riverside-housing-2025"


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A store whose 2025 plan was re-ingested with a changed figure (50,000 -> 60,000)."""
    corpus = tmp_path_factory.mktemp("validity-page")
    for doc_id in PLANS:
        shutil.copy(CORPUS / f"{doc_id}.txt", corpus)
    settings = make_settings(tmp_path_factory.mktemp("validity-page-store"))
    ingest([corpus], settings)
    path: Path = corpus / f"{CHANGED}.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("50,000 yuan", "60,000 yuan"),
                    encoding="utf-8")
    ingest([corpus], settings)
    with live_server(settings) as base:
        yield base


def test_badges_history_and_diff(page: Page, url: str) -> None:
    open_app(page, url)
    page.click("#lang-toggle")  # English
    page.click("#tab-documents")
    badge = page.locator("#doc-list tr[data-doc-id='riverside-housing-2023'] .status-badge")
    expect(badge).to_have_text("Superseded")
    expect(page.locator("#doc-list tr[data-doc-id='harbor-parking-waiver'] .status-badge")
           ).to_have_text("Expired")
    expect(page.locator(f"#doc-list tr[data-doc-id='{CHANGED}'] .status-badge")
           ).to_have_text("In force")

    page.locator(f"#doc-list tr[data-doc-id='{CHANGED}'] .title-link").click()
    expect(page.locator("#viewer-versions .version")).to_have_count(2)
    page.locator("#viewer-versions .diff-button").click()
    changed = page.locator("#viewer-text .diff-changed")
    expect(changed).to_have_count(1)
    expect(changed.locator(".diff-new")).to_contain_text("60,000 yuan")
    expect(changed.locator(".diff-old")).to_contain_text("50,000 yuan")
    expect(changed.locator("mark.diff-in")).to_have_text("6")
    expect(changed.locator("mark.diff-out")).to_have_text("5")
    screenshot(page, "web-version-diff")
    page.click("#viewer-close")


def test_a_citation_carries_its_status(page: Page, url: str) -> None:
    open_app(page, url)
    page.click("#lang-toggle")
    page.fill("#as-of", "2024-06-01")
    ask(page, "How much is the one-off purchase subsidy for first-time buyers in Riverside?")
    source = page.locator("#answer .source").first
    expect(source.locator(".status-badge")).to_have_text("Superseded")
    expect(page.locator("#answer .answer-text")).to_contain_text("has been superseded")
