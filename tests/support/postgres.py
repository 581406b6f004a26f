"""A real PostgreSQL for the tests: Debian's binaries, a cluster in a temp dir on a free port.

As root, the server runs as the unprivileged ``postgres`` user (PostgreSQL refuses root).
Skipped only when the binaries are absent on a developer machine; in CI (CI set) a missing
PostgreSQL fails the tests.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _binaries() -> Path | None:
    for version in ("17", "16", "15", "14", "13"):
        found = Path(f"/usr/lib/postgresql/{version}/bin")
        if (found / "initdb").exists() and (found / "pg_ctl").exists():
            return found
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def require_postgres() -> Path:
    found = _binaries()
    if found is None:
        message = "PostgreSQL is not installed (apt-get install postgresql; `make setup-test`)"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must run the PostgreSQL tests")
        pytest.skip(message)
    return found


@contextmanager
def postgres_server() -> Iterator[str]:
    """A fresh cluster; yields its SQLAlchemy URL, and stops and removes it afterwards."""
    bin_dir = require_postgres()
    root = Path(tempfile.mkdtemp(prefix="policykb-pg-"))
    data, port = root / "data", _free_port()
    run_as: dict[str, object] = {}
    if os.geteuid() == 0:  # postgres will not run as root: hand the cluster to its own user
        account = pwd.getpwnam("postgres")
        os.chown(root, account.pw_uid, account.pw_gid)
        run_as = {"user": account.pw_uid, "group": account.pw_gid}
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    subprocess.run([bin_dir / "initdb", "-D", data, "-U", "policykb", "--auth=trust",
                    "-E", "UTF8"], check=True, capture_output=True, env=env, **run_as)  # type: ignore[call-overload]
    subprocess.run([bin_dir / "pg_ctl", "-D", data, "-l", root / "log", "-w", "-o",
                    f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off",
                    "start"], check=True, capture_output=True, env=env, **run_as)  # type: ignore[call-overload]
    try:
        subprocess.run([bin_dir / "createdb", "-h", "127.0.0.1", "-p", str(port), "-U",
                        "policykb", "policykb"], check=True, capture_output=True, env=env)
        yield f"postgresql+psycopg://policykb@127.0.0.1:{port}/policykb"
    finally:
        subprocess.run([bin_dir / "pg_ctl", "-D", data, "-m", "immediate", "stop"],
                       capture_output=True, env=env, **run_as)  # type: ignore[call-overload]
        shutil.rmtree(root, ignore_errors=True)
