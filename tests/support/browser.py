"""Browser tests: the real app served by uvicorn on 127.0.0.1, Debian's chromium via Playwright.

Playwright's own browser download is never used: the browser is the system chromium
(`apt-get install chromium`), launched through ``executable_path``.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
import uvicorn
from playwright.sync_api import Page, expect

from app.http.factory import create_app
from app.settings import Settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
STARTUP_TIMEOUT_S = 120.0

# Skipped only on a developer machine without chromium; in CI (CI set) they must run.
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CI"),
    reason=f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium); "
           "they are never skipped when CI is set",
)


@dataclass
class Watch:
    """What the page did besides rendering: uncaught errors, dialogs (alert etc.)."""

    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@contextlib.contextmanager
def live_server(settings: Settings) -> Iterator[str]:
    """Serve create_app(settings) on a free port of 127.0.0.1 in a thread; yield its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = int(sock.getsockname()[1])
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning",
                            ws="none", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True,
                              name=f"uvicorn-{port}")
    thread.start()
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            if not thread.is_alive():
                raise RuntimeError("the test server stopped while starting; see the log above")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{base_url}/healthz", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"no answer from /healthz in {STARTUP_TIMEOUT_S} s")
            time.sleep(0.1)
        yield base_url
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


def open_app(page: Page, url: str) -> None:
    """Load the page and wait until it has the health and the document list."""
    page.goto(f"{url}/")
    page.wait_for_selector("body[data-ready=true]", state="attached")


def ask(page: Page, question: str) -> None:
    """Ask through the form and wait until the answer (or an error) is shown."""
    page.fill("#question", question)
    page.click("#ask-button")
    expect(page.locator("#answer[aria-busy=false]")).to_be_attached()


def screenshot(page: Page, name: str) -> Path:
    """Save a screenshot in test-artifacts/ (kept for people to look at) and return its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path
