"""`policykb bench --audit N`: how long exporting N audit entries takes, CSV and JSON lines.

The audit log's target (a thousand entries export in under a second) is measured here, on a
fresh SQLite database, rather than asserted by a timed test a loaded CI machine can miss.
"""

from __future__ import annotations

import json
import tempfile
import time
import uuid
from pathlib import Path

from app.audit.log import AuditQuery, export
from app.db import Database
from app.db.tables import AuditEntry, utcnow

EXPORT_TARGET_S = 1.0  # per thousand entries


def export_seconds(entries: int) -> dict[str, float]:
    """Seconds to export ``entries`` typical audit entries, per format, from a fresh store."""
    with tempfile.TemporaryDirectory() as scratch:
        database = Database.open(f"sqlite:///{Path(scratch) / 'audit.db'}")
        with database.session() as db:
            db.add_all(AuditEntry(
                id=str(uuid.uuid4()), created_at=utcnow(), user_id=None, user_name="bench",
                key_id=None, via="ask", scope="*", collections=",bench,",
                question=f"question {n}", mode="extractive", model="extractive",
                answer="answer " * 40,
                citations=json.dumps([{"doc_id": "bench", "start": 0, "end": 10}]),
                refused=False, fallback=None, latency_ms=12.5) for n in range(entries))
        seconds: dict[str, float] = {}
        for fmt in ("csv", "jsonl"):
            began = time.perf_counter()
            with database.session() as db:
                lines = sum(chunk.count("\n") for chunk in export(db, AuditQuery(), fmt))
            seconds[fmt] = time.perf_counter() - began
            expected = entries + (1 if fmt == "csv" else 0)
            if lines != expected:
                raise SystemExit(f"policykb: error: bench --audit: {fmt} export wrote {lines} "
                                 f"lines for {entries} entries")
        database.close()
        return seconds


def audit_table(entries: int) -> list[str]:
    seconds = export_seconds(entries)
    budget = EXPORT_TARGET_S * entries / 1000
    return [f"audit export of {entries} entries (target < {budget:.2f} s):"] + [
        f"  {fmt}: {s:.3f} s ({'met' if s < budget else 'MISSED'})"
        for fmt, s in seconds.items()]
