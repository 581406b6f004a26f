"""Parse files in a worker process, each under a time limit.

A thread cannot be stopped, so a parser that hangs on a hostile PDF would stall the whole run;
a worker process can be killed. One worker serves files in turn; when a file overruns, that
worker is killed and a fresh one takes the remaining files.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing as mp
import time
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from pathlib import Path

from app.errors import IngestError, UnreadableFile
from ingest.loaders import LoadedText, load_file

Outcome = LoadedText | IngestError
# How long a worker may take to import its parsers before ingest gives up on it. The wait ends
# as soon as the worker is ready or dies; a fixed 120 s failed whole ingests on a machine at load
# average 40, where the spawned interpreter's imports alone took longer.
START_LIMIT_S = 900.0


def _serve(conn: Connection, loader: Callable[[Path], LoadedText]) -> None:
    # pypdf logs its repairs ("EOF marker not found"); the reason reaches the user as the error.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    conn.send("ready")  # the time limit starts once imports are done, not at spawn
    while True:
        path = conn.recv()
        if path is None:
            return
        try:
            result: object = loader(path)
        except IngestError as exc:
            result = exc
        except Exception as exc:  # a parser bug must fail one file, not the batch
            result = UnreadableFile(f"could not be parsed ({type(exc).__name__}: {exc})")
        conn.send(result)


class _Worker:
    def __init__(self, loader: Callable[[Path], LoadedText]) -> None:
        # spawn, not fork: the parent may hold torch threads and open Chroma handles.
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, loader), daemon=True)
        self.process.start()
        child.close()
        deadline = time.monotonic() + START_LIMIT_S
        while not self.conn.poll(1) and self.process.is_alive() and time.monotonic() < deadline:
            pass
        with contextlib.suppress(EOFError, OSError):
            if self.conn.poll() and self.conn.recv() == "ready":
                return
        self.close(kill=True)
        raise RuntimeError("the parser worker process did not start")

    def load(self, path: Path, timeout_s: float) -> Outcome:
        self.conn.send(path)
        if not self.conn.poll(timeout_s):
            raise TimeoutError
        try:
            result = self.conn.recv()
        except EOFError:
            return UnreadableFile("the parser crashed on this file")
        return (
            result
            if isinstance(result, LoadedText | IngestError)
            else UnreadableFile("the parser returned nothing usable")
        )

    def close(self, kill: bool = False) -> None:
        if not kill and self.process.is_alive():
            with contextlib.suppress(BrokenPipeError, OSError):
                self.conn.send(None)
            self.process.join(2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def load_isolated(
    paths: list[Path],
    timeout_s: float,
    loader: Callable[[Path], LoadedText] = load_file,
) -> Iterator[tuple[Path, Outcome]]:
    """Yield (path, loaded text or error) for each path, in order."""
    if not paths:
        return
    worker = _Worker(loader)
    try:
        for path in paths:
            if not worker.process.is_alive():
                worker.close(kill=True)
                worker = _Worker(loader)
            try:
                yield path, worker.load(path, timeout_s)
            except TimeoutError:
                worker.close(kill=True)
                worker = _Worker(loader)
                yield path, UnreadableFile(f"parsing took longer than {timeout_s:g} s; skipped")
    finally:
        worker.close()
