"""POST /api/ask on the real corpus: grounded answers with exact citations, or refusals."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.conftest import HAIZHU, SHENZHEN, ZHANGZHOU, ZHANJIANG

CASES = [
    (
        "What minimum share of total investment must digital-intelligent upgrades take in "
        "Zhanjiang's government-invested projects?",
        ZHANJIANG,
        "5%",
        "Zhanjiang",
    ),
    (
        "How large is the special fund Haizhu District plans to allocate each year?",
        HAIZHU,
        "310 million yuan",
        "Haizhu",
    ),
    (
        "What is the scale of the artificial intelligence fund group Shenzhen will form?",
        SHENZHEN,
        "100 billion yuan",
        "Shenzhen",
    ),
    (
        "How many 5G base stations per 10,000 people does Zhangzhou target by 2025?",
        ZHANGZHOU,
        "30 5G base stations per 10,000 people",
        "Zhangzhou",
    ),
    pytest.param(
        "湛江政府投资项目中数智化升级投资占比不低于多少？", ZHANJIANG, "5%", "Zhanjiang",
        # Served by the glossary's hand rendering of 数智化 until issue 9; with the multilingual
        # model the 5% clause ranks second among sentences (0.30 vs 0.34) and is refused.
        marks=pytest.mark.xfail(strict=True, reason="issue 9: cross-lingual sentence scoring"),
    ),
    # Counted in words, not digits.
    ("How many safeguard measures does Zhangzhou's new infrastructure plan list?", ZHANGZHOU,
     "five major safeguard measures", "Zhangzhou"),
]


def _document_text(client: TestClient, doc_id: str) -> str:
    return str(client.get(f"/api/documents/{doc_id}").json()["text"])


@pytest.mark.parametrize(("question", "doc_id", "fact", "city"), CASES)
def test_answer_quotes_the_clause_it_rests_on(
    client: TestClient, question: str, doc_id: str, fact: str, city: str
) -> None:
    response = client.post("/api/ask", json={"question": question})
    assert response.status_code == 200
    body = response.json()
    assert body["refused"] is False and body["mode"] == "extractive"
    assert fact in body["answer"]
    assert body["city_inferred"] == city
    cited = [c for c in body["citations"] if c["doc_id"] == doc_id and fact in c["quote"]]
    assert cited, body["citations"]
    text = _document_text(client, doc_id)
    for citation in body["citations"]:
        assert f"[{citation['n']}]" in body["answer"]
        source = _document_text(client, citation["doc_id"])
        assert source[citation["start"] : citation["end"]] == citation["quote"]
    assert text[cited[0]["start"] : cited[0]["end"]] == cited[0]["quote"]
    assert set(body["timings_ms"]) == {"retrieve", "answer", "total"}


@pytest.mark.parametrize(
    "question",
    [
        "What AI subsidies has Hangzhou announced for 2025?",
        "Which fund did Chengdu set up for robotics companies?",
        "What is the recipe for mapo tofu?",
    ],
)
def test_unanswerable_questions_are_refused_with_related_passages(
    client: TestClient, question: str
) -> None:
    body = client.post("/api/ask", json={"question": question}).json()
    assert body["refused"] is True
    assert body["citations"] == []
    assert "knowledge base" in body["answer"].lower()
    assert body["related"] and all(p["text"] for p in body["related"])


def test_every_answer_sentence_ends_with_a_marker(client: TestClient) -> None:
    body = client.post(
        "/api/ask",
        json={"question": "When will construction of the Pengcheng Cloud Brain III project start?"},
    ).json()
    assert "2023" in body["answer"]
    for sentence in body["answer"].split("] ")[:-1]:
        assert sentence.rstrip().split(" ")[-1].startswith("[")
    assert body["answer"].rstrip().endswith("]")
