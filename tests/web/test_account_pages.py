"""The page with sign-in on (issue 24), in Chromium: an editor signs in, uploads a document into
a collection and asks about it, rates the answer down with a comment; the admin filters the
audit log to flagged answers and exports it."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from app.accounts.users import create_user, grant
from app.db import Database
from app.settings import Settings
from tests.support.browser import live_server, needs_chromium, screenshot

pytestmark = needs_chromium
PASSWORD = "a long password"
NOTICE = ["Southbay Water Bureau notice on meter upgrade subsidies",
          "Article 1. Each household that replaces an old water meter receives a subsidy of "
          "450 yuan.", "Article 2. Households apply to the Southbay Water Bureau."]
QUESTION = "How large is the subsidy for replacing a water meter in Southbay?"


def _document() -> tuple[str, bytes]:
    """A .docx once ingest reads them, else the same text as .txt."""
    from ingest.loaders import SUPPORTED

    if ".docx" not in SUPPORTED:
        return "meter-subsidies.txt", "\n\n".join(NOTICE).encode()
    from docx import Document

    document, buffer = Document(), io.BytesIO()
    for paragraph in NOTICE:
        document.add_paragraph(paragraph)
    document.save(buffer)
    return "meter-subsidies.docx", buffer.getvalue()


@pytest.fixture(scope="module")
def signed_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("signed") / "store", auth="on")
    database = Database.open(settings.database_url)
    with database.session() as db:
        create_user(db, "chief", "admin", PASSWORD)
        clerk = create_user(db, "clerk", "editor", PASSWORD)
        grant(db, "water", "write", user_id=clerk.id)
    database.close()
    with live_server(settings) as url:
        yield url


def _sign_in(page: Page, name: str) -> None:
    expect(page.locator("#signin-form")).to_be_visible()
    page.fill("#signin-name", name)
    page.fill("#signin-password", PASSWORD)
    page.click("#signin-form button[type=submit]")
    page.wait_for_selector("body[data-ready=true]", state="attached")
    expect(page.locator("#account-bar")).to_contain_text(name)


def test_upload_ask_flag_and_audit_through_the_page(page: Page, signed_url: str,
                                                    tmp_path: Path) -> None:
    page.goto(f"{signed_url}/")
    expect(page.locator("#signin-form")).to_be_visible()
    page.fill("#signin-name", "clerk")
    page.fill("#signin-password", "wrong password")
    page.click("#signin-form button[type=submit]")
    expect(page.locator(".signin-error")).to_contain_text("wrong name or password")
    _sign_in(page, "clerk")

    name, data = _document()
    upload = tmp_path / name
    upload.write_bytes(data)
    page.click("#tab-upload")
    expect(page.locator("#upload-collection")).to_have_value("water")
    page.set_input_files("#upload-files", str(upload))
    page.click("#upload-form button[type=submit]")
    expect(page.locator("#upload-list li[data-status=done]")).to_contain_text(name,
                                                                               timeout=240_000)
    # Issue 26: the page's delete says that it removes every stored version of the document.
    expect(page.locator("#upload-list li[data-status=done] button")).to_have_text(
        "删除（含全部版本）")

    page.click("#tab-ask")
    for _ in range(20):  # the service sees the new document within store_check_s
        page.fill("#question", QUESTION)
        page.click("#ask-button")
        expect(page.locator("#answer[aria-busy=false]")).to_be_attached()
        if "450" in page.locator("#answer").inner_text():
            break
        page.wait_for_timeout(500)
    expect(page.locator("#answer")).to_contain_text("450")
    page.click(".feedback button[data-rating=down]")
    page.fill(".feedback-comment", "It should say per household.")
    page.click(".feedback-send")
    expect(page.locator(".feedback-status")).not_to_be_empty()
    page.click("#sign-out")  # the page reloads, signed out

    _sign_in(page, "chief")
    page.click("#tab-audit")
    page.select_option("#audit-rating", "down")
    page.click("#audit-form button[type=submit]")
    rows = page.locator("#audit-table tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("It should say per household.")
    expect(rows.first).to_contain_text("clerk")
    screenshot(page, "audit-log-flagged")
    href = page.locator("#audit-csv").get_attribute("href") or ""
    assert "format=csv" in href and "rating=down" in href
    exported = page.request.get(f"{signed_url}{href}")
    assert exported.ok and QUESTION in exported.text()
