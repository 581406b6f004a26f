"""A parser for ingest's worker process that is slow to arrive or never arrives: unpickling it
in the spawned worker (before the worker says it is ready) sleeps or exits."""

from __future__ import annotations

import os
import time
from pathlib import Path

from ingest.loaders import LoadedText, load_file


class SlowToArrive:
    """Loads as ingest does, after ``delay_s`` seconds of the worker's start-up; ``exit_code``
    set: the worker dies during its start-up instead."""

    def __init__(self, delay_s: float = 0.0, exit_code: int | None = None) -> None:
        self.delay_s: float = delay_s
        self.exit_code: int | None = exit_code

    def __getstate__(self) -> dict[str, object]:
        return {"delay_s": self.delay_s, "exit_code": self.exit_code}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        if self.exit_code is not None:
            os._exit(self.exit_code)
        time.sleep(self.delay_s)

    def __call__(self, path: Path) -> LoadedText:
        return load_file(path)
