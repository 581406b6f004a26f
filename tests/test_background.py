"""Background warms are stopped before the interpreter exits (app.background)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from app.background import start_warm, stop_warms


def test_stop_cancels_a_warm_not_begun_and_waits_for_one_running() -> None:
    ran: list[str] = []
    started = threading.Event()

    def slow() -> None:
        started.set()
        time.sleep(0.3)
        ran.append("slow")

    start_warm("test-later", ran.append, "later", delay=30.0)
    start_warm("test-now", slow)
    started.wait(5)
    stop_warms(timeout=5)
    assert ran == ["slow"]  # the running one finished, the delayed one never ran


def test_a_process_waits_at_exit_for_a_warm_running(tmp_path: Path) -> None:
    """Bug: a daemon warm still in native code while the interpreter finalised crashed the
    process at exit ("libblis: Aborting" or a segfault) in about half of the runs of a short
    test module; a running warm is now finished before the interpreter finalises."""
    marker = tmp_path / "warmed"
    script = textwrap.dedent(f"""
        import pathlib, time
        from app.background import start_warm
        def warm():
            time.sleep(0.5)
            pathlib.Path({str(marker)!r}).write_text("done")
        start_warm("exit-test", warm)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert marker.read_text() == "done"  # a daemon thread would have been cut at exit
