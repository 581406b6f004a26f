"""Background warms of the service (models, dictionaries, place scopes), stopped before exit.

A warm runs on a daemon thread so that it never keeps a process alive; but one still in native
code (spaCy's thinc/blis, an encoder, Chroma) while the interpreter finalises crashed the
process at exit ("libblis: Aborting", or a segfault) in about half of the runs of a short test
module or CLI command. So every warm is started here, and the service's lifespan, the CLI and
the test session stop them (cancel those not begun, wait for those running) before the
interpreter's exit handlers run; the atexit hook is a last resort, since by then other
libraries' handlers may have run and a warm in spaCy may still crash.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Callable
from typing import Any

# How long the process waits at exit for a warm still running.
STOP_TIMEOUT_S = 60.0
# How long an evaluation waits for the warms before it times asks: a warm still running holds
# the models and competes for the cores, so asks timed beside it measure the warm (a store's
# warm took 45–120 s of wall on a loaded machine, past the exit's 60 s).
WARMED_TIMEOUT_S = 900.0
_warms: list[threading.Thread] = []
_lock = threading.Lock()


def start_warm(name: str, work: Callable[..., Any], *args: Any, delay: float = 0.0) -> None:
    """Run ``work(*args)`` on a daemon thread, after ``delay`` seconds."""
    warm = (threading.Timer(delay, work, args=args) if delay
            else threading.Thread(target=work, args=args))
    warm.daemon, warm.name = True, name
    with _lock:
        _warms.append(warm)
    warm.start()


def wait_warms(timeout: float = WARMED_TIMEOUT_S) -> None:
    """Wait for the warms started so far to finish (an evaluation times the service warm)."""
    with _lock:
        warms = list(_warms)
    for warm in warms:
        warm.join(timeout)


@atexit.register
def stop_warms(timeout: float = STOP_TIMEOUT_S) -> None:
    """Cancel the warms not begun and wait for those running."""
    with _lock:
        warms, _warms[:] = list(_warms), []
    for warm in warms:
        if isinstance(warm, threading.Timer):
            warm.cancel()
    for warm in warms:
        warm.join(timeout)
