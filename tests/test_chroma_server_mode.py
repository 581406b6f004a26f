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


def test_two_workers_behind_one_port_both_answer_and_both_see_a_new_ingest(
    chroma_server: tuple[subprocess.Popen[bytes], int], tmp_path: Path
) -> None:
    """Scale-out (issue 12.5): `policykb serve --workers 2` over a Chroma server: both worker
    processes answer on one port, and both answer from a document ingested after they
    started."""
    from eval.bench.server import running_server

    _, chroma_port = chroma_server
    first = tmp_path / "first"
    first.mkdir()
    shutil.copy(CORPUS / f"{SHENZHEN}.txt", first)
    shutil.copy(CORPUS / "manifest.json", first)
    settings = make_settings(tmp_path / "data", chroma={"mode": "http", "port": chroma_port})
    ingest([first], settings)
    env = {"POLICYKB_DATA_DIR": str(settings.data_dir), "POLICYKB_CHROMA_MODE": "http",
           "POLICYKB_CHROMA_PORT": str(chroma_port), "POLICYKB_SERVER_STORE_CHECK_S": "0.2"}

    def ask_until_both(request: dict[str, object], answered: str) -> set[str]:
        """Ask on fresh connections until two workers gave an answer containing
        ``answered``; their process ids."""
        workers: set[str] = set()
        deadline = time.monotonic() + 90
        while len(workers) < 2 and time.monotonic() < deadline:
            response = httpx.post(f"{server.url}/api/ask", json=request, timeout=60)
            if response.status_code == 200 and answered in response.json()["answer"]:
                workers.add(response.headers["x-policykb-worker"])
        return workers

    with running_server(env, 8142, tmp_path / "serve.log", workers=2,
                        timeout_s=300) as server:
        before = ask_until_both(
            {"question": "What is the scale of Shenzhen's artificial intelligence fund group?"},
            "100 billion yuan")
        assert len(before) == 2, f"only workers {before} answered"

        later = tmp_path / "later"
        later.mkdir()
        shutil.copy(CORPUS / f"{ZHANJIANG}.txt", later)
        shutil.copy(CORPUS / "manifest.json", later)
        ingest([later], settings, prune=False)
        after = ask_until_both(
            {"question": "What share of investment must go to digital-intelligent upgrades?",
             "filters": {"doc_id": ZHANJIANG}}, "%")
        assert after == before, f"workers {before - after} never saw the new document"
