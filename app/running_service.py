"""Where a running ``policykb serve`` publishes the model it answers with, for other commands.

``make run`` starts a model server and hands its URL to the service it starts; a
``policykb ask --mode generate`` typed in a second terminal should use that same model without
anyone exporting ``POLICYKB_LLM_BASE_URL``. The service writes ``DATA_DIR/serving.json`` while
it runs (its pid, its address and its model settings) and removes it when it stops; a command
whose own settings name no model adopts the model of a live service on the same data directory.
The API key is never written: a server started with a key needs ``POLICYKB_LLM_API_KEY``.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.settings import LLMSettings, Settings

RECORD_NAME = "serving.json"
# The model settings a second command needs to talk to the same server the same way.
SHARED_LLM_FIELDS = ("base_url", "model", "context_tokens", "max_tokens", "timeout_s",
                     "default_mode")

log = logging.getLogger(__name__)


def record_path(settings: Settings) -> Path:
    return settings.data_dir / RECORD_NAME


@contextlib.contextmanager
def published(settings: Settings, host: str, port: int) -> Iterator[None]:
    """Keep ``DATA_DIR/serving.json`` describing this process while the block runs."""
    path = record_path(settings)
    record = {
        "pid": os.getpid(),
        "url": f"http://{host}:{port}",
        "llm": {name: getattr(settings.llm, name) for name in SHARED_LLM_FIELDS},
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(record, indent=2), encoding="utf-8")
        temporary.replace(path)
    except OSError as exc:  # a read-only data directory still serves
        log.warning("cannot write %s (%s): other commands will not find this service's model",
                    path, exc.strerror or exc)
    # uvicorn shuts down on SIGTERM, then raises the signal again for the handler it found: make
    # that handler an exit that runs the clean-up below, not the default's instant death.
    previous = signal.getsignal(signal.SIGTERM)
    try:
        signal.signal(signal.SIGTERM, _exit_on_sigterm)
    except ValueError:  # not the main thread: no handler, the record outlives a SIGTERM
        previous = None
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        if _read(path).get("pid") == os.getpid():  # another service may have taken it over
            path.unlink(missing_ok=True)


def _exit_on_sigterm(signum: int, frame: object) -> None:
    sys.exit(128 + signum)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _alive(pid: object) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by another user
        return True
    return True


def with_running_model(settings: Settings) -> Settings:
    """``settings`` with the model of the service running on its data directory, when the
    settings name no model server themselves; fields set explicitly in the environment win."""
    if settings.llm.base_url is not None:
        return settings
    record = _read(record_path(settings))
    llm = record.get("llm")
    if not _alive(record.get("pid")) or not isinstance(llm, dict) or not llm.get("base_url"):
        return settings
    explicit = settings.llm.model_fields_set
    values = settings.llm.model_dump()
    values.update({k: v for k, v in llm.items() if k in SHARED_LLM_FIELDS and k not in explicit})
    try:
        adopted = LLMSettings(**values)
    except ValueError:  # a record from another version of policykb: ignore it
        return settings
    return settings.model_copy(update={"llm": adopted})
