"""Filters, search, documents and health over HTTP."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import ALL_DOCS, GUANGZHOU, HAIZHU, SHENZHEN, ZHANGZHOU, ZHANJIANG


def _search(client: TestClient, **body: object) -> dict:
    response = client.post("/api/search", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def test_city_filter_applies_before_ranking(client: TestClient) -> None:
    body = _search(
        client, query="artificial intelligence fund", filters={"city": "shenzhen"}, top_k=10
    )
    assert len(body["passages"]) == 10
    assert {p["doc_id"] for p in body["passages"]} == {SHENZHEN}


def test_city_filter_covers_districts(client: TestClient) -> None:
    city = _search(client, query="computing power", filters={"city": "Guangzhou"}, top_k=20)
    assert {p["doc_id"] for p in city["passages"]} == {GUANGZHOU, HAIZHU}
    district = _search(client, query="computing power", filters={"city": "Haizhu"}, top_k=20)
    assert {p["doc_id"] for p in district["passages"]} == {HAIZHU}


def test_doc_id_and_year_filters(client: TestClient) -> None:
    one = _search(client, query="5G network", filters={"doc_id": ZHANGZHOU}, top_k=5)
    assert {p["doc_id"] for p in one["passages"]} == {ZHANGZHOU}
    early = _search(client, query="artificial intelligence", filters={"year_to": 2023}, top_k=15)
    assert {p["doc_id"] for p in early["passages"]} == {SHENZHEN}
    late = _search(
        client,
        query="artificial intelligence",
        filters={"year_from": 2024, "year_to": 2025},
        top_k=30,
    )
    assert SHENZHEN not in {p["doc_id"] for p in late["passages"]}
    assert ZHANJIANG in {p["doc_id"] for p in late["passages"]}


def test_question_naming_a_city_is_answered_from_that_city(client: TestClient) -> None:
    body = client.post(
        "/api/ask", json={"question": "Which AI applications fields does Zhanjiang prioritize?"}
    ).json()
    assert body["city_inferred"] == "Zhanjiang"
    assert {c["doc_id"] for c in body["citations"]} == {ZHANJIANG}


def test_search_passages_carry_metadata_and_offsets(client: TestClient) -> None:
    body = _search(client, query="Cultivate a market for high-quality data elements", top_k=3)
    top = body["passages"][0]
    assert top["doc_id"] == SHENZHEN and top["rank"] == 1
    assert "(13)" in top["section"] and top["city"] == "Shenzhen" and top["year"] == 2023
    text = client.get(f"/api/documents/{SHENZHEN}").json()["text"]
    assert text[top["start"] : top["end"]] == top["text"]
    assert 0 < top["score"] <= 1


def test_documents_and_health(client: TestClient) -> None:
    listed = client.get("/api/documents").json()["documents"]
    assert {d["doc_id"] for d in listed} == ALL_DOCS
    haizhu = next(d for d in listed if d["doc_id"] == HAIZHU)
    assert (haizhu["city"], haizhu["district"], haizhu["published"]) == (
        "Guangzhou",
        "Haizhu",
        "2025-12-29",
    )
    detail = client.get(f"/api/documents/{ZHANJIANG}").json()
    assert "no less than 5%" in detail["text"] and detail["chunks"] > 5
    health = client.get("/healthz").json()
    assert health["ready"] is True and health["documents"] == 5
    assert health["chunks"] == sum(d["chunks"] for d in listed)
    assert health["embedding_model"] == "all-MiniLM-L6-v2-int8"
