"""The audit log and feedback (issue 24), on SQLite and on a real PostgreSQL: every answer is
recorded with who asked and each citation's stored document version; admins filter and export
it; feedback is kept with its answer and flagged answers export as eval questions."""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from datetime import timedelta

from app.audit.log import AuditQuery, export
from app.db.tables import AuditEntry, utcnow
from app.http.startup import prune_once
from eval.questions import parse_question
from tests.support.accounts import HEALTH_DOC, QUESTION, Deployment


def _ask(kb: Deployment, who: str, path: str = "/api/ask") -> dict[str, object]:
    response = kb.client.post(path, json={"question": QUESTION}, headers=kb.as_(who))
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def test_every_answer_is_recorded_with_its_citations_versions(kb: Deployment) -> None:
    answer = _ask(kb, "health-reader")
    chat = kb.client.post("/v1/chat/completions", headers=kb.as_("transport-reader"), json={
        "messages": [{"role": "user", "content": QUESTION}]}).json()
    stream = kb.client.post("/api/ask/stream", json={"question": QUESTION},
                            headers=kb.as_("health-reader"))
    log = kb.client.get("/api/audit", headers=kb.as_("root")).json()["entries"]
    by_id = {e["id"]: e for e in log}
    entry = by_id[str(answer["answer_id"])]
    assert entry["user_name"] == "health-reader" and entry["via"] == "ask"
    assert entry["question"] == QUESTION and entry["answer"] == answer["answer"]
    assert entry["mode"] == "extractive" and entry["model"] == "extractive"
    assert entry["collections"] == ["health"] and entry["scope"] == ",health,"
    cited = entry["citations"][0]
    document = kb.client.get(f"/api/documents/{HEALTH_DOC}", headers=kb.as_("root")).json()
    assert cited["doc_id"] == HEALTH_DOC and cited["collection"] == "health"
    assert document["text"][cited["start"]:cited["end"]] == cited["quote"]
    assert len(cited["doc_hash"]) >= 32 and entry["latency_ms"] > 0
    assert by_id[chat["id"].removeprefix("chatcmpl-")]["via"] == "v1"
    assert by_id[stream.headers["x-answer-id"]]["via"] == "stream"


def test_admins_filter_the_log_and_export_csv_and_jsonl(kb: Deployment) -> None:
    _ask(kb, "health-reader")
    _ask(kb, "transport-reader")
    admin = kb.as_("root")
    health = kb.client.get("/api/audit", params={"collection": "health"}, headers=admin).json()
    assert [e["user_name"] for e in health["entries"]] == ["health-reader"]
    by_user = kb.client.get("/api/audit", params={"user": "transport-reader"},
                            headers=admin).json()["entries"]
    assert len(by_user) == 1 and "800,000" in by_user[0]["answer"]
    lines = kb.client.get("/api/audit/export", params={"format": "jsonl"}, headers=admin)
    rows = [json.loads(line) for line in lines.text.splitlines()]
    assert {r["user_name"] for r in rows} == {"health-reader", "transport-reader"}
    table = kb.client.get("/api/audit/export", params={"format": "csv",
                                                       "collection": "transport"},
                          headers=admin)
    assert table.headers["content-type"].startswith("text/csv")
    records = list(csv.DictReader(io.StringIO(table.text)))
    assert [r["user_name"] for r in records] == ["transport-reader"]
    assert json.loads(records[0]["citations"])[0]["collection"] == "transport"


def test_thumbs_down_with_a_comment_is_kept_with_its_answer(kb: Deployment) -> None:
    answer = _ask(kb, "health-reader")
    given = kb.client.post(f"/api/answers/{answer['answer_id']}/feedback",
                           headers=kb.as_("health-reader"),
                           json={"rating": "down", "comment": "The grant is per clinic."})
    assert given.status_code == 201
    flagged = kb.client.get("/api/audit", params={"rating": "down"},
                            headers=kb.as_("root")).json()["entries"]
    assert [e["id"] for e in flagged] == [answer["answer_id"]]
    assert flagged[0]["feedback"][0]["comment"] == "The grant is per clinic."
    lines = kb.client.get("/api/feedback/flagged", headers=kb.as_("root")).text.splitlines()
    assert len(lines) == 1
    drafted = json.loads(lines[0])
    assert drafted["question"] == QUESTION and drafted["sources"] == [HEALTH_DOC]
    # eval's own loader reads it, naming the one thing the evaluator must add: the facts.
    drafted["facts"] = [["300,000"]]
    assert parse_question(json.dumps(drafted), "flagged:1").sources == (HEALTH_DOC,)


def test_retention_prunes_old_entries_with_their_feedback(kb: Deployment) -> None:
    answer = _ask(kb, "health-reader")
    with kb.database.session() as db:
        db.get(AuditEntry, answer["answer_id"]).created_at = utcnow() - timedelta(days=400)
    assert prune_once(kb.database, kb.settings) == 1
    assert kb.client.get("/api/audit", headers=kb.as_("root")).json()["entries"] == []


def test_a_thousand_entries_export_whole(kb: Deployment) -> None:
    """Every entry once, in both formats. How fast is measured by ``policykb bench --audit``:
    this test once asserted under a second and failed CI at 1.03 s on a loaded machine."""
    with kb.database.session() as db:
        for n in range(1000):
            db.add(AuditEntry(id=str(uuid.uuid4()), created_at=utcnow(), user_id=None,
                              user_name="bulk", key_id=None, via="ask", scope="*",
                              collections=",health,", question=f"question {n}",
                              mode="extractive", model="extractive", answer="answer " * 40,
                              citations=json.dumps([{"doc_id": HEALTH_DOC, "start": 0,
                                                     "end": 10}]),
                              refused=False, fallback=None, latency_ms=12.5))
    for fmt in ("csv", "jsonl"):
        response = kb.client.get("/api/audit/export", params={"format": fmt},
                                 headers=kb.as_("root"))
        assert response.status_code == 200
        assert response.text.count("question ") == 1000
        assert len(set(re.findall(r"question \d+", response.text))) == 1000
    with kb.database.session() as db:  # the export reads in pages, all rows once
        assert sum(chunk.count("\n") for chunk in export(db, AuditQuery(), "jsonl", 300)) == 1000
