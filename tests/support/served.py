"""A service over a few texts the test writes: ingested into a temp store, served in-process
(``serve_texts``) or called directly (``services_over``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi.testclient import TestClient

from app.background import stop_warms
from app.http.factory import create_app
from app.services import Services
from app.settings import Settings
from ingest.pipeline import ingest
from tests.conftest import make_settings


@contextmanager
def serve_texts(root: Path, texts: dict[str, str]) -> Iterator[TestClient]:
    """Write each text as ``<name>.txt`` under ``root/docs``, ingest them, and serve the store."""
    with TestClient(create_app(_ingested(root, texts))) as client:
        yield client


def asked(client: TestClient, question: str) -> dict[str, object]:
    """The body of ``/api/ask`` for ``question`` in extractive mode (the quoted answer)."""
    body: dict[str, object] = client.post(
        "/api/ask", json={"question": question, "mode": "extractive"}).json()
    return body


@contextmanager
def services_over(root: Path, texts: dict[str, str]) -> Iterator[Services]:
    """The services over ``texts`` (written and ingested as ``serve_texts`` does), for tests that
    ask the service itself; its background warms are stopped when the block ends."""
    yield Services.build(_ingested(root, texts))
    stop_warms()


def _ingested(root: Path, texts: dict[str, str]) -> Settings:
    docs = root / "docs"
    docs.mkdir()
    for name, text in texts.items():
        (docs / f"{name}.txt").write_text(text, encoding="utf-8")
    settings = make_settings(root / "data")
    report = ingest([docs], settings)
    assert not report.failed, report.failed
    return settings
