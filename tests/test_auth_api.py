"""Sign-in, roles, API keys and collection grants on every way in (issue 24), on SQLite and on
a real PostgreSQL: a caller without a grant gets nothing — no text, no title."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import update

from app.db.tables import ApiKey, utcnow
from tests.support.accounts import (
    HEALTH_DOC,
    PASSWORD,
    QUESTION,
    TRANSPORT_DOC,
    Deployment,
)


def _stream_done(body: str) -> dict[str, object]:
    events = [block for block in body.split("\n\n") if block.startswith("event: done")]
    assert events, body
    return json.loads(events[0].split("data: ", 1)[1])  # type: ignore[no-any-return]


TEXT_ROUTES = [
    ("POST", "/api/ask", {"question": QUESTION}),
    ("POST", "/api/ask/stream", {"question": QUESTION}),
    ("POST", "/api/search", {"query": QUESTION}),
    ("GET", "/api/documents", None),
    ("GET", f"/api/documents/{HEALTH_DOC}", None),
    ("GET", f"/api/documents/{HEALTH_DOC}/brief", None),
    ("GET", "/api/brief?topic=digitization%20grant", None),
    ("GET", "/v1/models", None),
    ("POST", "/v1/chat/completions", {"messages": [{"role": "user", "content": QUESTION}]}),
    ("GET", "/api/audit", None),
    ("GET", "/api/audit/export", None),
    ("POST", "/api/answers/x/feedback", {"rating": "down"}),
]


@pytest.mark.parametrize(("method", "path", "body"), TEXT_ROUTES)
def test_without_credentials_every_way_in_is_401(kb: Deployment, method: str, path: str,
                                                 body: object) -> None:
    response = kb.client.request(method, path, json=body)
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"] == "Bearer"
    assert "Northfield" not in response.text and "grant" not in response.text.lower()


def test_the_page_and_health_stay_open(kb: Deployment) -> None:
    assert kb.client.get("/").status_code == 200
    assert kb.client.get("/healthz").status_code == 200


def test_a_key_reads_only_its_collection_of_look_alike_documents(kb: Deployment) -> None:
    health, transport = kb.as_("health-reader"), kb.as_("transport-reader")
    answer = kb.client.post("/api/ask", json={"question": QUESTION}, headers=health).json()
    assert "300,000" in answer["answer"] and "800,000" not in json.dumps(answer)
    assert {c["doc_id"] for c in answer["citations"]} == {HEALTH_DOC}
    other = kb.client.post("/api/ask", json={"question": QUESTION}, headers=transport).json()
    assert "800,000" in other["answer"] and "300,000" not in json.dumps(other)

    passages = kb.client.post("/api/search", json={"query": QUESTION}, headers=health).json()
    assert {p["doc_id"] for p in passages["passages"]} == {HEALTH_DOC}
    listed = kb.client.get("/api/documents", headers=health).json()["documents"]
    assert [(d["doc_id"], d["collection"]) for d in listed] == [(HEALTH_DOC, "health")]


@pytest.mark.parametrize("path", [f"/api/documents/{TRANSPORT_DOC}",
                                  f"/api/documents/{TRANSPORT_DOC}/brief",
                                  f"/api/documents/{TRANSPORT_DOC}/versions"])
def test_a_document_outside_the_grant_is_404_without_its_title(kb: Deployment,
                                                               path: str) -> None:
    response = kb.client.get(path, headers=kb.as_("health-reader"))
    assert response.status_code == 404
    assert "Transport" not in response.text and "800,000" not in response.text
    assert kb.client.get(path, headers=kb.as_("transport-reader")).status_code == 200


def test_a_filter_naming_a_document_outside_the_grant_is_unknown(kb: Deployment) -> None:
    response = kb.client.post("/api/ask", headers=kb.as_("health-reader"), json={
        "question": QUESTION, "filters": {"doc_id": TRANSPORT_DOC}})
    assert response.status_code == 422 and "unknown doc_id" in response.text
    assert "Transport" not in response.text


def test_a_reader_without_a_grant_gets_nothing_anywhere(kb: Deployment) -> None:
    """Regression: once towns written without a level word were placed, the stream's
    ``city_inferred`` named Northfield to a reader granted none of its documents."""
    nobody = kb.as_("nobody")
    client = kb.client
    answer = client.post("/api/ask", json={"question": QUESTION}, headers=nobody).json()
    assert answer["refused"] and not answer["citations"] and not answer["related"]
    assert "Northfield" not in answer["answer"]
    stream = client.post("/api/ask/stream", json={"question": QUESTION}, headers=nobody)
    done = _stream_done(stream.text)
    assert done["refused"] and not done["citations"] and "Northfield" not in stream.text
    search = client.post("/api/search", json={"query": QUESTION}, headers=nobody).json()
    assert search["passages"] == []
    assert client.get("/api/documents", headers=nobody).json() == {"documents": []}
    for doc in (HEALTH_DOC, TRANSPORT_DOC):
        assert client.get(f"/api/documents/{doc}", headers=nobody).status_code == 404
        assert client.get(f"/api/documents/{doc}/brief", headers=nobody).status_code == 404
    topic = client.get("/api/brief", params={"topic": "digitization grant"}, headers=nobody)
    assert topic.status_code == 200 and "Northfield" not in topic.text
    chat = client.post("/v1/chat/completions", headers=nobody, json={
        "messages": [{"role": "user", "content": QUESTION}]}).json()
    assert chat["citations"] == [] and "300,000" not in json.dumps(chat)
    assert client.get("/api/audit", headers=nobody).status_code == 403
    assert client.get("/api/audit/export", headers=nobody).status_code == 403
    assert client.get("/api/feedback/flagged", headers=nobody).status_code == 403
    # Feedback on another user's answer: as if it did not exist.
    asked = client.post("/api/ask", json={"question": QUESTION},
                        headers=kb.as_("health-reader")).json()
    given = client.post(f"/api/answers/{asked['answer_id']}/feedback", headers=nobody,
                        json={"rating": "down", "comment": "x"})
    assert given.status_code == 404 and "300,000" not in given.text


def test_a_revoked_or_expired_key_is_refused_at_once(kb: Deployment) -> None:
    headers = kb.as_("health-reader")
    assert kb.client.get("/api/documents", headers=headers).status_code == 200
    prefix = kb.keys["health-reader"].split("_")[1]
    assert kb.client.delete(f"/api/keys/{prefix}", headers=headers).status_code == 204
    refused = kb.client.get("/api/documents", headers=headers)
    assert refused.status_code == 401 and "revoked" in refused.json()["error"]["message"]

    transport = kb.as_("transport-reader")
    with kb.database.session() as db:
        db.execute(update(ApiKey).values(expires_at=utcnow()).where(
            ApiKey.prefix == kb.keys["transport-reader"].split("_")[1]))
    expired = kb.client.get("/api/documents", headers=transport)
    assert expired.status_code == 401 and "expired" in expired.json()["error"]["message"]
    forged = kb.client.get("/api/documents",
                           headers={"Authorization": f"Bearer {kb.keys['root']}x"})
    assert forged.status_code == 401


def test_each_role_on_the_admin_and_write_endpoints(kb: Deployment) -> None:
    client = kb.client
    for who, allowed in (("root", True), ("health-editor", False), ("health-reader", False)):
        headers = kb.as_(who)
        expected = 200 if allowed else 403
        assert client.get("/api/users", headers=headers).status_code == expected
        assert client.get("/api/audit", headers=headers).status_code == expected
        made = client.post("/api/users", headers=headers,
                           json={"name": f"new-{who}", "role": "reader"})
        assert made.status_code == (201 if allowed else 403)
    created = client.post("/api/users", headers=kb.as_("root"),
                          json={"name": "clerk", "role": "reader", "grants": {"health": "read"}})
    assert len(created.json()["password"]) >= 20  # made here, returned this once
    listed = {u["name"]: u for u in client.get("/api/users", headers=kb.as_("root")).json()}
    assert listed["clerk"]["grants"] == {"health": "read"} and "password" not in listed["clerk"]


def test_a_key_never_reads_more_than_its_user(kb: Deployment) -> None:
    made = kb.client.post("/api/keys", headers=kb.as_("health-reader"),
                          json={"name": "wide", "grants": {"transport": "read",
                                                           "health": "read"}})
    assert made.status_code == 201
    key = made.json()["key"]
    assert key.startswith("pkb_")
    listed = kb.client.get("/api/documents", headers={"Authorization": f"Bearer {key}"})
    assert [d["doc_id"] for d in listed.json()["documents"]] == [HEALTH_DOC]
    shown = kb.client.get("/api/keys", headers=kb.as_("health-reader")).json()
    assert all(k["key"] is None for k in shown)  # shown once, at creation only


def test_page_sign_in_uses_an_httponly_cookie_and_csrf_on_writes(kb: Deployment) -> None:
    client = kb.client
    signed = client.post("/api/auth/sign-in",
                         json={"name": "health-reader", "password": PASSWORD})
    assert signed.status_code == 200
    cookie = signed.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    csrf = signed.json()["csrf_token"]
    try:
        assert client.get("/api/documents").status_code == 200  # a read needs no token
        forged = client.post("/api/ask", json={"question": QUESTION})
        assert forged.status_code == 403 and forged.json()["error"]["code"] == "csrf_failed"
        wrong = client.post("/api/ask", json={"question": QUESTION},
                            headers={"X-CSRF-Token": "not-it"})
        assert wrong.status_code == 403
        ok = client.post("/api/ask", json={"question": QUESTION},
                         headers={"X-CSRF-Token": csrf})
        assert ok.status_code == 200 and "300,000" in ok.json()["answer"]
        assert client.post("/api/auth/sign-out",
                           headers={"X-CSRF-Token": csrf}).status_code == 204
    finally:
        client.cookies.clear()
    assert client.get("/api/documents").status_code == 401


def test_failed_sign_ins_are_rate_limited(kb: Deployment) -> None:
    attempts = kb.settings.accounts.sign_in_attempts
    for _ in range(attempts):
        wrong = kb.client.post("/api/auth/sign-in", json={"name": "root", "password": "nope"})
        assert wrong.status_code == 401
    limited = kb.client.post("/api/auth/sign-in", json={"name": "root", "password": PASSWORD})
    assert limited.status_code == 429 and "try again" in limited.json()["error"]["message"]
