"""A real `policykb serve` in its own process, for the benchmark and the tests that need one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


class ServerFailed(RuntimeError):
    pass


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    ready_s: float  # from process start to the first healthy /healthz
    log: Path

    def rss_mb(self) -> float:
        """Resident memory of the server and its worker processes, in MB (Linux /proc)."""
        pids = [self.process.pid, *_children(self.process.pid)]
        return sum(_rss_kb(pid) for pid in pids) / 1024


def _children(pid: int) -> list[int]:
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    kids = [int(p) for p in found]
    return kids + [g for k in kids for g in _children(k)]


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


@contextmanager
def running_server(env: dict[str, str], port: int, log: Path, *, workers: int = 1,
                   timeout_s: float = 120.0) -> Iterator[Server]:
    """`python -m app.cli serve` on 127.0.0.1:``port`` with ``env`` added to this process's
    environment; yields once /healthz answers, and stops the server (and its workers) after."""
    command = [sys.executable, "-m", "app.cli", "serve", "--host", "127.0.0.1",
               "--port", str(port), "--workers", str(workers)]
    full_env = {**os.environ, **env,
                "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get(
                    "PYTHONPATH", "")) if p)}
    url = f"http://127.0.0.1:{port}"
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        began = time.perf_counter()
        process = subprocess.Popen(command, env=full_env, stdout=out, stderr=subprocess.STDOUT,
                                   cwd=ROOT, start_new_session=True)
        try:
            deadline = began + timeout_s
            while True:
                if process.poll() is not None:
                    raise ServerFailed(f"the server exited ({process.returncode}): "
                                       f"{log.read_text()[-2000:]}")
                if time.perf_counter() > deadline:
                    raise ServerFailed(f"the server was not ready in {timeout_s:.0f} s")
                try:
                    if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                time.sleep(0.05)
            yield Server(url, process, time.perf_counter() - began, log)
        finally:
            if process.poll() is None:
                # The session holds uvicorn's worker processes too: stop them all.
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(30)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait(10)
