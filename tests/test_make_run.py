"""`make run` brings the model whatever the environment (issue 27).

The real scripts/run.sh starts a real llama.cpp server (on the tiny GGUF, since the bundled
model is slow on a shared CPU) and a real `policykb serve`, with HOST and PORT set in the
environment the way a shell or a platform sets them; a second process's `policykb ask` then
finds the model with nothing exported.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.settings import Settings
from tests.conftest import ROOT
from tests.support.llama_server import free_port
from tests.support.tiny_gguf import write_tiny_gguf

BIN = Path(sys.executable).parent
STARTUP_TIMEOUT_S = 240.0
QUESTION = ("What minimum share of total investment must digital-intelligent upgrades take "
            "in Zhanjiang?")


def _run_command(make_args: list[str], env: dict[str, str]) -> list[str]:
    """The scripts/run.sh command line `make run` would execute (a dry run: nothing starts)."""
    result = subprocess.run(
        ["make", "-n", "-s", "--no-print-directory", "run", f"VENV={BIN.parent}", *make_args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=True,
    )
    script = result.stdout.replace("\\\n", " ")
    line = next(line for line in script.splitlines() if "scripts/run.sh" in line)
    return shlex.split(line)[2:]  # after `bash scripts/run.sh`


def test_make_run_takes_ports_from_its_arguments_never_from_the_environment() -> None:
    """Regression: make exported PORT to scripts/run.sh and the model server listened on it."""
    env = {**os.environ, "HOST": "0.0.0.0", "PORT": "18810", "MODEL": "/elsewhere.gguf"}
    args = _run_command(["PORT=18820", "LLM_PORT=18821"], env)
    llm_host, llm_port, host, port, model = args[3], args[4], args[8], args[9], args[10]
    assert (llm_host, llm_port, port) == ("127.0.0.1", "18821", "18820")
    assert host == "" and model == ""  # the environment's HOST and MODEL are not read
    args = _run_command([], env)
    assert (args[3], args[4], args[8], args[9]) == ("127.0.0.1", "8080", "", "")
    args = _run_command(["LLM_HOST=0.0.0.0", "HOST=0.0.0.0"], env)
    assert (args[3], args[8]) == ("0.0.0.0", "0.0.0.0")  # on purpose, on the command line


def _listening_addresses(port: int) -> set[str]:
    """The local addresses of the TCP sockets listening on ``port`` (from /proc/net)."""
    found: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table, encoding="ascii") as lines:
            next(lines)
            for line in lines:
                fields = line.split()
                address, hex_port = fields[1].rsplit(":", 1)
                if fields[3] == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                    found.add(address)
    return found


LOOPBACK = {"0100007F", "00000000000000000000000001000000"}  # 127.0.0.1, ::1


@pytest.fixture
def store(corpus_settings: Settings, tmp_path: Path) -> Path:
    """A copy of the ingested corpus, so the service's serving.json stays in this test."""
    data = tmp_path / "data"
    shutil.copytree(corpus_settings.data_dir, data)
    return data


@pytest.fixture
def make_run(store: Path, tmp_path: Path) -> Iterator[dict[str, object]]:
    """scripts/run.sh as `make run PORT=p LLM_PORT=q MODEL=tiny.gguf` runs it, with HOST and
    PORT (a third port) in the environment."""
    model = write_tiny_gguf(tmp_path / "tiny.gguf")
    port, llm_port, decoy = free_port(), free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKB_")}
    # Sign-in off (a laptop's mode): this test is about the model, not accounts.
    env.update(HOST="0.0.0.0", PORT=str(decoy), POLICYKB_DATA_DIR=str(store),
               PYTHONPATH=str(ROOT), POLICYKB_AUTH="off")
    log = (tmp_path / "run.log").open("wb")
    args = [str(BIN), "on", "qwen2.5-coder-1.5b", "127.0.0.1", str(llm_port), "2048", "1",
            "120", "", str(port), str(model)]
    process = subprocess.Popen(["bash", "scripts/run.sh", *args], cwd=ROOT, env=env,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            assert process.poll() is None, (tmp_path / "run.log").read_text()
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, (tmp_path / "run.log").read_text()
            time.sleep(0.5)
        yield {"base": base, "llm_port": llm_port, "decoy": decoy, "store": store,
               "log": tmp_path / "run.log", "env": env}
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        log.close()


def test_make_run_serves_generated_answers_with_port_and_host_in_the_environment(
    make_run: dict[str, object],
) -> None:
    """Regression: with PORT in the environment llama_cpp.server listened on it, never on
    LLM_PORT, and `make run` served extractive answers only; HOST=0.0.0.0 in the environment
    would have put the model server on every interface."""
    llm_port, decoy = int(str(make_run["llm_port"])), int(str(make_run["decoy"]))
    health = httpx.get(f"{make_run['base']}/healthz", timeout=10).json()
    assert health["llm"] == f"http://127.0.0.1:{llm_port}/v1"
    assert health["default_mode"] == "extractive"  # quotes stay the default (docs/model.md)
    listening = _listening_addresses(llm_port)
    assert listening and listening <= LOOPBACK, listening
    assert not _listening_addresses(decoy)
    answer = httpx.post(f"{make_run['base']}/api/ask", json={"question": QUESTION,
                                                              "mode": "generate"},
                        timeout=120).json()
    assert answer["mode"] == "generate" or answer["fallback"] == "ungrounded", answer
    assert answer["fallback"] != "llm_unavailable"
    assert "ready on 127.0.0.1" in Path(str(make_run["log"])).read_text()


def test_a_second_terminal_asks_the_model_make_run_started(make_run: dict[str, object]) -> None:
    """Regression: `policykb ask --mode generate` in a second terminal said llm_unavailable
    until POLICYKB_LLM_BASE_URL was exported."""
    record = json.loads((Path(str(make_run["store"])) / "serving.json").read_text())
    assert record["llm"]["base_url"] == f"http://127.0.0.1:{make_run['llm_port']}/v1"
    env = {k: v for k, v in dict(make_run["env"]).items()  # type: ignore[call-overload]
           if k not in {"HOST", "PORT"}}
    result = subprocess.run(
        [str(BIN / "policykb"), "ask", "--mode", "generate", "--json", QUESTION],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["citations"] and answer["fallback"] != "llm_unavailable", answer
