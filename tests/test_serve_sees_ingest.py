"""A running server and an ingest in another process, on one data directory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx

from eval.bench.server import ROOT, running_server
from tests.conftest import CORPUS, SHENZHEN

PORT = 8141  # the ports 8140-8149 are this suite's servers'
NEW_DOC = "beihai-2026-harbour-drone-rules"
NEW_TEXT = """Beihai harbour drone rules (2026)

Article 1. Every unmanned aerial vehicle flying over the Beihai harbour shall carry a \
transponder registered with the harbour office.

Article 2. Operators shall keep flight logs for no less than 36 months and present them to \
the harbour office on request.
"""


def _ingest(directory: Path, env: dict[str, str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "ingest", "--no-prune", str(directory)],
        env={**os.environ, **env, "PYTHONPATH": str(ROOT)}, cwd=ROOT, capture_output=True,
        text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_running_server_answers_from_documents_ingested_after_it_started(
    tmp_path: Path,
) -> None:
    """Bug (issue 14.1): `policykb serve`, then `policykb ingest DIR` into the same data dir:
    /api/search and /api/ask with filters.doc_id of a new document returned 500 ("chromadb
    InternalError: Error finding id" from _cosines) until a restart, because the server's
    embedded Chroma kept its in-memory vector index from start-up."""
    env = {"POLICYKB_DATA_DIR": str(tmp_path / "data"), "POLICYKB_SERVER_STORE_CHECK_S": "0.2"}
    first = tmp_path / "first"
    first.mkdir()
    shutil.copy(CORPUS / f"{SHENZHEN}.txt", first)
    shutil.copy(CORPUS / "manifest.json", first)
    _ingest(first, env)
    later = tmp_path / "later"
    later.mkdir()
    (later / f"{NEW_DOC}.txt").write_text(NEW_TEXT)

    with running_server(env, PORT, tmp_path / "server.log", timeout_s=300) as server:
        api = httpx.Client(base_url=server.url, timeout=60)
        before = api.post("/api/search", json={"query": "harbour drone flight logs"}).json()
        assert NEW_DOC not in {p["doc_id"] for p in before["passages"]}

        _ingest(later, env)
        deadline = time.monotonic() + 10  # the server looks every 0.2 s
        while api.get("/healthz").json()["documents"] < 2:
            assert time.monotonic() < deadline, "the server never saw the new document"
            time.sleep(0.1)

        search = api.post("/api/search", json={"query": "harbour drone flight logs"})
        assert search.status_code == 200, search.text
        assert search.json()["passages"][0]["doc_id"] == NEW_DOC
        ask = api.post("/api/ask", json={"question": "How long must flight logs be kept?",
                                         "filters": {"doc_id": NEW_DOC}})
        assert ask.status_code == 200, ask.text
        body = ask.json()
        assert "36 months" in body["answer"]
        assert body["citations"][0]["doc_id"] == NEW_DOC
        # The documents it held before still answer after the reload.
        old = api.post("/api/ask", json={
            "question": "What is the scale of Shenzhen's artificial intelligence fund group?"})
        assert "100 billion yuan" in old.json()["answer"]
