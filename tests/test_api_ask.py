"""POST /api/ask on the real corpus: grounded answers with exact citations, or refusals."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import ZHANJIANG


def test_zhanjiang_five_percent_rule_is_answered_and_cited(client: TestClient) -> None:
    response = client.post("/api/ask", json={"question": (
        "What minimum share of total investment must digital-intelligent upgrades take in "
        "Zhanjiang's government-invested projects?")})
    assert response.status_code == 200
    body = response.json()
    assert body["refused"] is False
    assert "5%" in body["answer"]
    assert body["city_inferred"] == "Zhanjiang"
    cited = [c for c in body["citations"] if c["doc_id"] == ZHANJIANG and "5%" in c["quote"]]
    assert cited
    text = client.get(f"/api/documents/{ZHANJIANG}").json()["text"]
    assert text[cited[0]["start"]:cited[0]["end"]] == cited[0]["quote"]
