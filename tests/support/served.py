"""A service over a few texts the test writes: ingested into a temp store, served in-process."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi.testclient import TestClient

from app.http.factory import create_app
from ingest.pipeline import ingest
from tests.conftest import make_settings


@contextmanager
def serve_texts(root: Path, texts: dict[str, str]) -> Iterator[TestClient]:
    """Write each text as ``<name>.txt`` under ``root/docs``, ingest them, and serve the store."""
    docs = root / "docs"
    docs.mkdir()
    for name, text in texts.items():
        (docs / f"{name}.txt").write_text(text, encoding="utf-8")
    settings = make_settings(root / "data")
    report = ingest([docs], settings)
    assert not report.failed, report.failed
    with TestClient(create_app(settings)) as client:
        yield client
