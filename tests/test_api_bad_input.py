"""Bad requests get a 4xx with a message naming the problem — never a 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.conftest import ZHANJIANG


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ({"question": ""}, "question is empty"),
        ({"question": "   \n\t "}, "question is empty"),
        ({"question": "x" * 2001}, "limit is 2000"),
        (
            {"question": "fund", "filters": {"doc_id": "no-such-doc"}},
            "unknown doc_id 'no-such-doc'",
        ),
        ({"question": "fund", "filters": {"city": "Atlantis"}}, "unknown city 'Atlantis'"),
        ({"question": "fund", "filters": {"year_from": 2025, "year_to": 2023}}, "year_from 2025"),
        ({"question": "fund", "top_k": 0}, "top_k must be between 1 and 50"),
        ({"question": "fund", "top_k": 1000}, "top_k must be between 1 and 50"),
        ({"question": "fund", "top_k": "many"}, "top_k"),
        ({"question": "fund", "mode": "poetry"}, "mode"),
        ({"questoin": "typo"}, "missing field 'question'"),
        ({"question": "fund", "colour": "red"}, "unknown field 'colour'"),
        ({"question": 42}, "question"),
    ],
)
def test_ask_rejects_bad_input_with_422(client: TestClient, body: dict, needle: str) -> None:
    response = client.post("/api/ask", json=body)
    assert response.status_code == 422
    error = response.json()["error"]
    assert needle in error["message"], error
    assert error["code"]


def test_malformed_json_is_422(client: TestClient) -> None:
    response = client.post(
        "/api/ask", content=b'{"question": "fund",', headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert "malformed JSON" in response.json()["error"]["message"]


def test_search_rejects_empty_query(client: TestClient) -> None:
    response = client.post("/api/search", json={"query": " "})
    assert response.status_code == 422
    assert "query is empty" in response.json()["error"]["message"]


def test_unknown_document_is_404(client: TestClient) -> None:
    response = client.get("/api/documents/nope")
    assert response.status_code == 404
    assert response.json()["error"] == {
        "code": "document_not_found",
        "message": "no document 'nope' is stored",
        "messages": {"en": "no document 'nope' is stored",
                     "zh": "知识库中没有这份文件（no document 'nope' is stored）"},
    }


def test_store_is_intact_after_bad_requests(client: TestClient) -> None:
    assert client.get("/healthz").json()["documents"] == 5
    assert client.get(f"/api/documents/{ZHANJIANG}").status_code == 200
