"""Uploads kept on disk and ingested one at a time in the background.

Each upload lives in ``DATA_DIR/uploads/<collection>/<upload id>/`` with a manifest naming its
doc_id and collection. A worker thread runs ``policykb ingest DIR --collection C --replace``
in a child process for each one (ingest writes a document's chunks, then its record, so a
killed run leaves nothing a reader lists, and the next run purges its remains). After a run
that did not finish, the worker runs ingest once more on the document's previous upload (or
on nothing): that purges the remains and restores the previous version when there was one.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select, update

from app.db import Database, utcnow
from app.db.tables import Upload
from app.settings import Settings

log = logging.getLogger(__name__)
MANIFEST = "manifest.json"
# A writer already at work (another ingest, a delete) is waited for, not failed.
LOCK_WAIT_S = "600"


def settings_environment(settings: Settings) -> dict[str, str]:
    """``settings`` as the POLICYKB_* variables a child ``policykb`` reads back the same."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKB_")}
    for name, value in settings.model_dump(mode="json").items():
        items = value.items() if isinstance(value, dict) else [(None, value)]
        for sub, item in items:
            if item is None:
                continue
            key = f"POLICYKB_{name}" + (f"_{sub}" if sub else "")
            env[key.upper()] = json.dumps(item) if isinstance(item, bool) else str(item)
    env["POLICYKB_INGEST_LOCK_WAIT_S"] = LOCK_WAIT_S
    return env


def policykb_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "app.cli", *args]


class UploadView(BaseModel):
    id: str
    collection: str
    file_name: str
    doc_id: str
    status: str
    message: str
    user_name: str


def view(row: Upload) -> UploadView:
    return UploadView(id=row.id, collection=row.collection, file_name=row.file_name,
                      doc_id=row.doc_id, status=row.status, message=row.message,
                      user_name=row.user_name)


class Uploads:
    """The upload directory and the one worker that ingests what is queued there."""

    def __init__(self, settings: Settings, database: Database) -> None:
        self.settings, self.database = settings, database
        self.root = settings.uploads_dir
        self.env = settings_environment(settings)
        self._queue: queue.Queue[str | None] = queue.Queue()
        self.running: subprocess.Popen[str] | None = None  # the ingest at work, if any
        self.idle = threading.Event()  # set while nothing is queued or at work
        self.idle.set()
        self._worker = threading.Thread(target=self._work, daemon=True,
                                        name="policykb-uploads")

    def start(self) -> None:
        self._recover()
        self._worker.start()

    def stop(self) -> None:
        self._queue.put(None)

    def directory(self, row: Upload) -> Path:
        return self.root / row.collection / row.id

    def keep(self, row: Upload, suffix: str, data: bytes) -> None:
        """Write the file and its manifest, then queue it (the row is committed by then)."""
        folder = self.directory(row)
        folder.mkdir(parents=True, exist_ok=False)
        name = f"{row.doc_id}{suffix}"
        (folder / name).write_bytes(data)
        (folder / MANIFEST).write_text(json.dumps({"documents": [{
            "file": name, "doc_id": row.doc_id, "collection": row.collection}]},
            ensure_ascii=False), encoding="utf-8")

    def forget(self, row: Upload) -> None:
        """Remove an upload's directory (its document was deleted)."""
        shutil.rmtree(self.directory(row), ignore_errors=True)

    def enqueue(self, upload_id: str) -> None:
        self.idle.clear()
        self._queue.put(upload_id)

    def _recover(self) -> None:
        """At start: an upload a stopped service left queued or half-ingested is failed (and
        its remains purged); a directory without a finished upload is removed."""
        with self.database.session() as db:
            stale = list(db.scalars(select(Upload).where(
                Upload.status.in_(("queued", "ingesting")))))
            for row in stale:
                row.status, row.finished_at = "failed", utcnow()
                row.message = f"{row.file_name}: the service stopped before it was ingested; " \
                    "upload it again"
            kept = {(r.collection, r.id) for r in db.scalars(
                select(Upload).where(Upload.status == "done"))}
        if stale:
            self._ingest(None, None)
        for folder in self.root.glob("*/*") if self.root.is_dir() else []:
            if (folder.parent.name, folder.name) not in kept:
                shutil.rmtree(folder, ignore_errors=True)

    def _work(self) -> None:
        while (upload_id := self._queue.get()) is not None:
            try:
                self._run(upload_id)
            except Exception:  # one upload's fault never stops the queue
                log.exception("upload %s failed", upload_id)
            if self._queue.empty():
                self.idle.set()

    def _set(self, upload_id: str, **values: Any) -> None:
        with self.database.session() as db:
            db.execute(update(Upload).where(Upload.id == upload_id).values(**values))

    def _run(self, upload_id: str) -> None:
        with self.database.session() as db:
            row = db.get(Upload, upload_id)
            if row is None:
                return
            previous = [r for r in db.scalars(select(Upload).where(
                Upload.doc_id == row.doc_id, Upload.status == "done", Upload.id != row.id))]
        self._set(upload_id, status="ingesting")
        code, summary, error = self._ingest(self.directory(row), row.collection)
        failures = summary.get("failures") or []
        if code == 0 and not failures:
            self._set(upload_id, status="done", finished_at=utcnow(),
                      message=f"{row.file_name}: ingested as {row.doc_id}, "
                              f"{summary.get('chunks', 0)} chunks in the store")
            for old in previous:  # the replaced version's file is no document's source now
                shutil.rmtree(self.directory(old), ignore_errors=True)
                self._set(old.id, status="replaced")
            return
        reason = failures[0]["reason"] if failures else error or f"ingest exited {code}"
        self._set(upload_id, status="failed", finished_at=utcnow(),
                  message=f"{row.file_name}: {reason}")
        shutil.rmtree(self.directory(row), ignore_errors=True)
        if code < 0 or not failures:  # killed or stopped mid-write: purge, restore previous
            self._ingest(self.directory(previous[-1]) if previous else None,
                         previous[-1].collection if previous else None)

    def _ingest(self, folder: Path | None,
                collection: str | None) -> tuple[int, dict[str, Any], str]:
        """Run ``policykb ingest`` on ``folder`` (None: on nothing, which purges what an
        interrupted run left); (exit code, its JSON summary, its last error line)."""
        with tempfile.TemporaryDirectory(prefix="policykb-nothing-") as nothing:
            args = ["ingest", str(folder or nothing), "--no-prune", "--replace", "--json"]
            if collection:
                args += ["--collection", collection]
            self.running = subprocess.Popen(policykb_command(*args), env=self.env, text=True,
                                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            out, err = self.running.communicate()
            code = self.running.returncode
            self.running = None
        try:
            summary = json.loads(out.strip().splitlines()[-1]) if out.strip() else {}
        except ValueError:
            summary = {}
        lines = [line for line in err.splitlines() if line.startswith("policykb")]
        return code, summary, lines[-1].split(": ", 2)[-1] if lines else ""
