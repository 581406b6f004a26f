"""Run a real llama-cpp-python OpenAI-compatible server as a subprocess for tests.

Tests talk to it over HTTP exactly as the application talks to a production llama.cpp server,
so nothing about the LLM client is mocked. Pair it with ``tests.support.tiny_gguf`` for a model.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx

STARTUP_TIMEOUT_S = 60.0
STDERR_TAIL_CHARS = 4000


def free_port() -> int:
    """Ask the OS for a currently unused TCP port on 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LlamaServer:
    """A running server: ``base_url`` ends in ``/v1``; ``model`` is the id it reports."""

    process: subprocess.Popen[bytes]
    base_url: str
    model: str = ""
    log: IO[bytes] | None = field(default=None, repr=False)

    def log_tail(self) -> str:
        """The last few thousand characters the server wrote to stdout/stderr."""
        if self.log is None:
            return ""
        self.log.flush()
        self.log.seek(0)
        return self.log.read().decode("utf-8", errors="replace")[-STDERR_TAIL_CHARS:]

    def stop(self) -> None:
        """Terminate the server (SIGTERM, then SIGKILL after 10 s); safe to call twice."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def _wait_until_ready(server: LlamaServer, timeout_s: float) -> str:
    """Poll ``GET /v1/models`` until it answers; return the first model id."""
    deadline = time.monotonic() + timeout_s
    with httpx.Client(timeout=2.0) as client:
        while time.monotonic() < deadline:
            if server.process.poll() is not None:
                raise RuntimeError(
                    f"llama server exited with code {server.process.returncode} during startup; "
                    f"output tail:\n{server.log_tail()}"
                )
            try:
                response = client.get(f"{server.base_url}/models")
                if response.status_code == 200:
                    return str(response.json()["data"][0]["id"])
            except httpx.TransportError:
                pass
            time.sleep(0.2)
    raise TimeoutError(
        f"llama server did not answer within {timeout_s:.0f} s; output tail:\n{server.log_tail()}"
    )


@contextlib.contextmanager
def running_llama_server(
    model_path: Path, port: int | None = None, *, n_ctx: int = 2048, n_threads: int = 1,
    startup_timeout_s: float = STARTUP_TIMEOUT_S,
) -> Iterator[LlamaServer]:
    """Start ``python -m llama_cpp.server`` on ``model_path``, yield it once ready, then stop it.

    ``n_ctx`` bounds prompt + completion tokens. The tiny model has no CJK merges, so each
    Chinese character costs 3 byte tokens: raise ``n_ctx`` for long retrieval prompts.
    """
    port = port or free_port()
    command = [
        sys.executable, "-m", "llama_cpp.server",
        "--model", str(model_path),
        "--host", "127.0.0.1",
        "--port", str(port),
        "--n_ctx", str(n_ctx),
        # One thread by default: the tiny model is tiny, and on a busy 2-core box two OpenMP
        # threads spin on barriers and make generation ~10x slower (~0.1 s becomes seconds).
        "--n_threads", str(n_threads),
        "--n_threads_batch", str(n_threads),
        "--n_gpu_layers", "0",
    ]  # fmt: skip
    with tempfile.TemporaryFile() as log:
        # Output goes to a file, not a pipe: an unread pipe fills up and blocks the server.
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        server = LlamaServer(process=process, base_url=f"http://127.0.0.1:{port}/v1", log=log)
        try:
            server.model = _wait_until_ready(server, startup_timeout_s)
            yield server
        finally:
            server.stop()
