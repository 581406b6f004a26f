"""Fixtures of the browser tests: the live server over the session corpus, chromium, a page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Dialog, Page, expect, sync_playwright

from app.settings import Settings
from tests.support.browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, Watch, live_server

TIMEOUT_MS = 30_000  # the first answer loads models; waits end as soon as the page is ready
expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="session")
def web_url(corpus_settings: Settings) -> Iterator[str]:
    with live_server(corpus_settings) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def page(browser: Browser, watch: Watch) -> Iterator[Page]:
    """A fresh page (own storage: Chinese by default) at 1280 x 900."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.on("pageerror", lambda error: watch.errors.append(f"{error}\n{error.stack}"))

    def on_dialog(dialog: Dialog) -> None:
        watch.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page
    context.close()
    assert not watch.errors, f"uncaught errors in the page: {watch.errors}"
    assert not watch.dialogs, f"the page opened dialogs: {watch.dialogs}"

