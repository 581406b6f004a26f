"""Chroma server mode (HttpClient): the same ingest and answer code against `chroma run`."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from app.http.factory import create_app
from ingest.pipeline import ingest
from tests.conftest import CORPUS, SHENZHEN, ZHANJIANG, make_settings

CHROMA = Path(sys.executable).parent / "chroma"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    port = _free_port()
    log = (tmp_path / "chroma.log").open("wb")
    process = subprocess.Popen(
        [str(CHROMA), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
         "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                assert process.poll() is None, (tmp_path / "chroma.log").read_text()
                time.sleep(0.2)
        yield process, port
    finally:
        process.kill()
        process.wait(10)
        log.close()


def test_ingest_and_ask_through_a_chroma_server(
    chroma_server: tuple[subprocess.Popen[bytes], int], tmp_path: Path
) -> None:
    process, port = chroma_server
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for doc_id in (SHENZHEN, ZHANJIANG):
        shutil.copy(CORPUS / f"{doc_id}.txt", corpus)
    shutil.copy(CORPUS / "manifest.json", corpus)
    settings = make_settings(tmp_path / "data", chroma={"mode": "http", "port": port})
    assert sorted(ingest([corpus], settings).added) == sorted([SHENZHEN, ZHANJIANG])
    assert ingest([corpus], settings).unchanged == [SHENZHEN, ZHANJIANG]
    assert not (settings.data_dir / "chroma").exists()  # nothing embedded locally

    with TestClient(create_app(settings)) as client:
        body = client.post("/api/ask", json={
            "question": "What is the scale of Shenzhen's artificial intelligence fund group?"
        }).json()
        assert "100 billion yuan" in body["answer"]
        assert body["citations"][0]["doc_id"] == SHENZHEN

        process.kill()
        process.wait(10)
        down = client.post("/api/ask", json={"question": "What does Zhanjiang require?"})
        assert down.status_code == 503
        assert "Chroma server cannot be reached" in down.json()["error"]["message"]
