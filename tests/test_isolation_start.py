"""Ingest's parser worker waits for a slow start and gives up at once on a dead one.

The bug (round 16): the worker had a fixed 120 s to import its parsers, and on a machine at load
average 40 whole ingests (eval.validity.targets) failed with "the parser worker process did not
start". The wait is now ``START_LIMIT_S`` (900 s) and ends as soon as the worker is ready or dead;
a start slower than 120 s is too slow for a test, so these check the wait's three ends."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from app.errors import IngestError
from ingest import isolation
from tests.support.slow_loader import SlowToArrive


def test_a_worker_slow_to_start_still_parses(tmp_path: Path) -> None:
    """A worker slow to import its parsers is waited for, and parses."""
    text = tmp_path / "notice.txt"
    text.write_text("关于做好老年助餐服务的通知\n一、每餐补贴4元。\n", encoding="utf-8")
    worker = isolation._Worker(SlowToArrive(delay_s=3))
    try:
        outcome = worker.load(text, timeout_s=60)
    finally:
        worker.close()
    assert not isinstance(outcome, IngestError)
    assert "每餐补贴4元" in outcome.text


def test_a_worker_that_dies_starting_fails_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker that exits while starting is not waited for until the start limit."""
    monkeypatch.setattr(isolation, "START_LIMIT_S", 600.0)
    began = time.monotonic()
    with pytest.raises(RuntimeError, match="did not start"):
        isolation._Worker(SlowToArrive(exit_code=3))
    assert time.monotonic() - began < 60


def test_a_worker_past_the_start_limit_is_given_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(isolation, "START_LIMIT_S", 1.0)
    with pytest.raises(RuntimeError, match="did not start"):
        isolation._Worker(SlowToArrive(delay_s=30))
