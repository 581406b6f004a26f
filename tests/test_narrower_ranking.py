"""A question naming a place below its documents' place (a district of a city whose notices are
about the whole city) ranks first the passages that name that place (app/retrieval/hybrid.py,
``fusion.preferring``).

Regression: "万州区设置了多少个集中隔离点？" over a city's notices found first the city-wide
notice repeating 集中隔离点 (it never names 万州区), above the digest item giving 万州区's own
figure: BM25 counted the repeated words, and no ranking knew the question asked about a
district. The notices here are written by the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.http.factory import create_app
from app.retrieval.fusion import Ranking, preferring
from ingest.pipeline import ingest
from tests.conftest import make_settings

CITY_WIDE = (
    "重庆市卫生健康委员会关于加强集中隔离医学观察点管理的通知\n"
    "各区县卫生健康委：\n"
    "一、全市已设置集中隔离医学观察点120个，集中隔离点实行一人一间房。\n"
    "二、集中隔离点由远离居民区的宾馆改造，集中隔离点每日消毒两次。\n"
    "三、各集中隔离点设置专人24小时服务，集中隔离点提供心理疏导。\n"
    "重庆市卫生健康委员会\n2020年2月13日\n"
)
DIGEST = (
    "重庆市疫情防控工作要闻摘编\n"
    "2月18日，记者从万州区新冠肺炎疫情联防联控指挥部获悉，当地已设置隔离点71个，其中城区11个。\n"
    "2月18日，沙坪坝区公安分局民警来到小区开展防疫宣传。\n"
    "重庆市人民政府新闻办公室\n2020年2月19日\n"
)
QUESTION = "万州区设置了多少个集中隔离点？"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    root = tmp_path_factory.mktemp("narrower")
    docs = root / "docs"
    docs.mkdir()
    (docs / "city-wide.txt").write_text(CITY_WIDE, encoding="utf-8")
    (docs / "digest.txt").write_text(DIGEST, encoding="utf-8")
    settings = make_settings(root / "data", auth="off")
    report = ingest([Path(docs)], settings)
    assert not report.failed, report.failed
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def test_a_district_question_finds_the_passage_naming_the_district_first(
        client: TestClient) -> None:
    body = client.post("/api/search", json={"query": QUESTION, "top_k": 3}).json()
    assert body["city_inferred"] == "重庆市", body
    assert body["passages"][0]["doc_id"] == "digest", body["passages"]
    assert "万州区" in body["passages"][0]["text"]


def test_a_city_question_still_finds_the_city_wide_notice_first(client: TestClient) -> None:
    body = client.post("/api/search", json={"query": "重庆市设置了多少个集中隔离点？",
                                            "top_k": 3}).json()
    assert body["passages"][0]["doc_id"] == "city-wide", body["passages"]


def test_the_preferred_ranking_keeps_the_fusions_order_among_the_wanted() -> None:
    rankings = [Ranking(1.0, ["a", "b", "c", "d"]), Ranking(1.0, ["c", "a", None, "b"])]
    preferred = preferring(rankings, 60, 0.5, lambda cid: cid in {"b", "c"})
    assert list(preferred.ids) == ["c", "b"] and preferred.weight == 0.5
