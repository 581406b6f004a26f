"""DATA_DIR/serving.json: how a command finds the model of the service running on its data."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from app.running_service import published, record_path, with_running_model
from app.settings import LLMSettings, Settings

URL = "http://127.0.0.1:18999/v1"


def _serving(data: Path) -> Settings:
    return Settings(data_dir=data, llm=LLMSettings(base_url=URL, max_tokens=160,
                                                   context_tokens=2048, default_mode="generate"))


def test_a_command_adopts_the_running_service_s_model(tmp_path: Path) -> None:
    with published(_serving(tmp_path), "127.0.0.1", 8000):
        record = json.loads(record_path(Settings(data_dir=tmp_path)).read_text())
        assert record["url"] == "http://127.0.0.1:8000" and "api_key" not in record["llm"]
        adopted = with_running_model(Settings(data_dir=tmp_path))
        assert adopted.llm.base_url == URL and adopted.default_mode == "generate"
        assert (adopted.llm.max_tokens, adopted.llm.context_tokens) == (160, 2048)
    assert not record_path(Settings(data_dir=tmp_path)).exists()  # removed when it stops
    assert with_running_model(Settings(data_dir=tmp_path)).llm.base_url is None


def test_settings_of_its_own_win(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYKB_LLM_MAX_TOKENS", "64")
    with published(_serving(tmp_path), "127.0.0.1", 8000):
        adopted = with_running_model(Settings(data_dir=tmp_path))
        assert adopted.llm.base_url == URL and adopted.llm.max_tokens == 64
        other = "http://10.0.0.5:8000/v1"
        mine = Settings(data_dir=tmp_path, llm=LLMSettings(base_url=other))
        assert with_running_model(mine).llm.base_url == other


def test_a_dead_service_s_record_is_ignored(tmp_path: Path) -> None:
    """A service killed with kill -9 leaves its record: its pid is gone, so is its model."""
    gone = subprocess.Popen(["true"])
    gone.wait()
    record_path(Settings(data_dir=tmp_path)).write_text(
        json.dumps({"pid": gone.pid, "url": "http://127.0.0.1:8000", "llm": {"base_url": URL}}))
    assert with_running_model(Settings(data_dir=tmp_path)).llm.base_url is None
    record_path(Settings(data_dir=tmp_path)).write_text("{not json")
    assert with_running_model(Settings(data_dir=tmp_path)).llm.base_url is None


SERVE = """
import sys, uvicorn
from pathlib import Path
from app.running_service import published
from app.settings import LLMSettings, Settings
settings = Settings(data_dir=Path(sys.argv[1]), llm=LLMSettings(base_url="http://127.0.0.1:1/v1"))
async def app(scope, receive, send):
    pass
with published(settings, "127.0.0.1", int(sys.argv[2])):
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning",
                lifespan="off")
"""


def test_a_service_stopped_by_sigterm_removes_its_record(tmp_path: Path) -> None:
    """Regression: uvicorn raised SIGTERM again after its shutdown, the default handler killed
    the process at once, and serving.json stayed behind."""
    import os
    import signal
    import sys
    import time

    from tests.conftest import ROOT
    from tests.support.llama_server import free_port

    record = record_path(Settings(data_dir=tmp_path))
    process = subprocess.Popen([sys.executable, "-c", SERVE, str(tmp_path), str(free_port())],
                               cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    deadline = time.monotonic() + 60
    while not record.exists():
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.1)
    time.sleep(1.0)  # uvicorn has installed its own handlers
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 128 + signal.SIGTERM
    assert not record.exists()
