"""Near-identical plans of other cities: the city a question names must win.

The tests write look-alike documents (Maoming copies Zhanjiang's text with 8% instead of 5%,
Dongguan copies Shenzhen's with a 20 billion yuan fund) next to the real corpus.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.http.factory import create_app
from ingest.pipeline import ingest
from tests.conftest import CORPUS, SHENZHEN, ZHANJIANG, make_settings

MAOMING = "maoming-2025-digital-intelligent-projects"
DONGGUAN = "dongguan-2023-ai-action-plan"


def _lookalike(source: str, target: Path, swaps: dict[str, str]) -> None:
    text = (CORPUS / f"{source}.txt").read_text(encoding="utf-8")
    for old, new in swaps.items():
        text = text.replace(old, new)
    target.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def lookalike_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    root = tmp_path_factory.mktemp("lookalike")
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus)
    _lookalike(ZHANJIANG, corpus / f"{MAOMING}.txt", {"Zhanjiang": "Maoming", "5%": "8%"})
    _lookalike(
        SHENZHEN, corpus / f"{DONGGUAN}.txt", {"Shenzhen": "Dongguan", "100 billion": "20 billion"}
    )
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    manifest["documents"] += [
        {
            "doc_id": MAOMING,
            "city": "Maoming",
            "province": "Guangdong",
            "year": 2025,
            "title": "Maoming training on digital-intelligent co-construction",
        },
        {
            "doc_id": DONGGUAN,
            "city": "Dongguan",
            "province": "Guangdong",
            "year": 2023,
            "title": "Dongguan AI action plan",
        },
    ]
    (corpus / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    settings = make_settings(root / "data")
    assert not ingest([corpus], settings).failed
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.mark.parametrize(
    ("question", "doc_id", "fact", "wrong", "city"),
    [
        (
            "What minimum share of total project investment must digital-intelligent upgrades "
            "account for in Zhanjiang?",
            ZHANJIANG,
            "5%",
            "8%",
            "Zhanjiang",
        ),
        (
            "What minimum share of total project investment must digital-intelligent upgrades "
            "account for in Maoming?",
            MAOMING,
            "8%",
            "5%",
            "Maoming",
        ),
        (
            "How big is the artificial intelligence fund group Shenzhen will form?",
            SHENZHEN,
            "100 billion",
            "20 billion",
            "Shenzhen",
        ),
        (
            "How big is the artificial intelligence fund group Dongguan will form?",
            DONGGUAN,
            "20 billion",
            "100 billion",
            "Dongguan",
        ),
    ],
)
def test_named_city_wins_over_lookalikes(
    lookalike_client: TestClient, question: str, doc_id: str, fact: str, wrong: str, city: str
) -> None:
    body = lookalike_client.post("/api/ask", json={"question": question}).json()
    assert body["refused"] is False
    assert body["city_inferred"] == city
    assert fact in body["answer"] and wrong not in body["answer"]
    assert {c["doc_id"] for c in body["citations"]} == {doc_id}
    assert any(fact in c["quote"] for c in body["citations"])


def test_search_names_the_city_it_inferred(lookalike_client: TestClient) -> None:
    body = lookalike_client.post(
        "/api/search", json={"query": "Maoming digital-intelligent investment ratio", "top_k": 5}
    ).json()
    assert body["city_inferred"] == "Maoming"
    assert body["passages"][0]["doc_id"] == MAOMING
