"""A notice with no place of its own that names only other places does not answer a city's
question in that city's scope (app/retrieval/elsewhere.py).

Regression (issue 22, a store grown by realzh-dev's 299 notices): ingest leaves unplaced
a local news report naming several places, none most (a Shandong schools digest naming
济南, 滨州, 青岛 …); every unplaced document is in every question's scope, so
"随州送孩子去托儿所全天托，每个月能补多少钱？" found the digest's passage on children
and whole days first, above 随州's own subsidy notice.
A report naming only one province's places (济南, 滨州, 青岛 …, the digest itself) is now
placed in that province at ingest (app/retrieval/placing.py); the report here names places of
three provinces, which settle none. The notices here are written by the test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.support.served import serve_texts

OWN = (
    "随州市人民政府办公室关于印发《随州市2026年托育服务补贴实施办法》的通知\n"
    "各县（市、区）人民政府：\n"
    "一、托育补贴。本市户籍家庭送3周岁以下婴幼儿到备案托育机构全日托的，每月补贴300元。\n"
    "二、补贴由户籍所在地乡镇（街道）受理，县级卫生健康部门审核后按季度发放。\n"
    "随州市人民政府办公室\n2026年3月2日\n"
)
REPORT = (
    "孩子在家全天上网课，家长每个月能放心\n"
    "济南家长杨晓琳的孩子，每天全天在家上网课，孩子有收获、家长不担心，每个月都能按时完成课程。\n"
    "杭州市协调通信运营商为孩子全天网课提供支持；苏州市、泰安市也为送孩子上网课的家庭每个月"
    "开通免费流量。\n"
    "学而思网校动员数百位老师，为孩子推出全天免费直播课。\n"
)
NATIONAL = (
    "国家卫生健康委办公厅关于做好托育机构全日托服务工作的通知\n"
    "各省、自治区、直辖市卫生健康委：\n"
    "一、托育机构提供全日托服务的，应当配备保育人员，每月向家长公开收费项目。\n"
    "国家卫生健康委办公厅\n2026年1月8日\n"
)
QUESTION = "随州送孩子去托儿所全天托，每个月能补多少钱？"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("elsewhere"), {
            "suizhou-childcare": OWN, "shandong-report": REPORT,
            "national-childcare": NATIONAL}) as served:
        yield served


def test_the_report_is_stored_with_no_place_and_the_places_it_names(
        client: TestClient) -> None:
    """The premise: ingest places the report nowhere, as it did the realzh-dev digest."""
    documents = {d["doc_id"]: d for d in client.get("/api/documents").json()["documents"]}
    assert not documents["shandong-report"].get("city"), documents["shandong-report"]
    assert documents["suizhou-childcare"]["city"] == "随州市"


def test_a_city_question_reads_its_own_notice_not_a_report_of_elsewhere(
        client: TestClient) -> None:
    body = client.post("/api/search", json={"query": QUESTION, "top_k": 5}).json()
    assert body["city_inferred"] == "随州市", body
    found = [p["doc_id"] for p in body["passages"]]
    assert found[0] == "suizhou-childcare", body["passages"]
    assert "shandong-report" not in found, body["passages"]


def test_the_national_notice_and_a_province_question_keep_the_report(
        client: TestClient) -> None:
    """A national notice names no place and stays in the city's scope; a question naming a
    province is left alone (questions name one for national notices speaking of others)."""
    body = client.post("/api/search", json={"query": "随州托育机构全日托要配备什么人员？",
                                            "top_k": 5}).json()
    assert "national-childcare" in [p["doc_id"] for p in body["passages"]], body["passages"]
    body = client.post("/api/search", json={"query": "湖北孩子全天上网课，家长每个月能放心吗？",
                                            "top_k": 5}).json()
    assert "shandong-report" in [p["doc_id"] for p in body["passages"]], body["passages"]
