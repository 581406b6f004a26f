"""A body a Chinese question names as its source (app.retrieval.issuers): the notices naming it
in their opening, said in full or shortened, come first among the notices of the topic."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest

from app.retrieval.fusion import Ranking
from app.retrieval.issuers import issuer_ranking, names_body, question_bodies
from tests.support.served import serve_texts

MINISTRY = (
    "人力资源社会保障部办公厅关于规范招聘服务的通知\n"
    "人社厅发〔2030〕4号\n"
    "各省、自治区、直辖市人力资源社会保障厅（局）：\n"
    "一、对发布不实岗位信息的中介机构，依法责令改正，并记入诚信档案。\n"
    "二、人力资源服务机构应当在服务场所公示服务项目和收费标准。\n"
)
CITY = (
    "青川市人力资源服务机构发布不实岗位信息的处理办法\n"
    "人力资源服务机构发布不实岗位信息的，由市就业服务中心处理：约谈人力资源服务机构负责人，"
    "并在本市人力资源服务机构名录中标注。\n"
    "人力资源服务机构举办招聘活动，应当提前向市就业服务中心报备。\n"
)


def test_a_body_is_the_organisation_with_the_nouns_of_its_name() -> None:
    said = "国务院联防联控机制说，隔离期间的工资怎么发？"
    assert question_bodies(said) == ("国务院联防联控机制",)
    assert question_bodies("人社部对失信的机构怎么处理？") == ("人社部",)
    assert question_bodies("What does the ministry say?") == ()
    assert question_bodies("在各区市场监督管理局登记的企业怎么查档案？") == ()  # not its subject


@pytest.mark.parametrize(("opening", "body", "named"), [
    ("人力资源社会保障部办公厅关于做好招聘工作的通知", "人社部", True),   # the organ noun kept
    ("国家卫生健康委办公厅关于加强管理的通知", "国家卫健委", True),      # after a part said whole
    ("财政部 税务总局关于税收政策的公告", "财政部税务总局", True),       # white space aside
    ("人民的社会部门要做好工作", "人社部", False),                       # 的 is no part of a name
    ("人民社会部门要做好工作", "人社部", False),                         # 部 of 部门 ends no name
    ("商务部关于外资企业的通知", "人社部", False),
])
def test_a_notice_names_a_body_in_full_or_shortened(opening: str, body: str, named: bool) -> None:
    assert names_body(opening, body) is named


def test_the_notice_of_the_body_a_question_names_comes_first(tmp_path: Path) -> None:
    """Regression (rzcite43): "人社部对失信的人力资源服务机构怎么处理？" ranked another notice of
    the topic first, its words said more often there, above the ministry's own (人力资源社会保障部,
    the name said shortened)."""
    question = "人社部对发布不实岗位信息的人力资源服务机构怎么处理？"
    with serve_texts(tmp_path, {"ministry": MINISTRY, "city": CITY}) as client:
        first = client.post("/api/search", json={"query": question, "top_k": 3}).json()
        assert first["passages"][0]["title"].startswith("人力资源社会保障部"), first["passages"]


def test_a_body_no_candidate_notice_names_changes_nothing() -> None:
    class Stored:
        doc_hash = "h"
        metadata: ClassVar[dict[str, str]] = {}

    class Places:
        def spans(self, text: str) -> list[tuple[int, int]]:
            return []

    class Catalog:
        places = Places()

        def get(self, doc_id: str) -> Stored:
            return Stored()

        def text(self, doc_id: str) -> str:
            return {"city": CITY, "ministry": MINISTRY}[doc_id]

    rankings = [Ranking(1.0, ["city", "ministry"])]
    catalog = Catalog()
    assert issuer_ranking("商务部对人力资源服务机构怎么处理？", rankings, 60, lambda cid: cid,
                          catalog) is None  # type: ignore[arg-type]
    named = issuer_ranking("人社部对人力资源服务机构怎么处理？", rankings, 60, lambda cid: cid,
                           catalog)  # type: ignore[arg-type]
    assert named is not None and list(named.ids) == ["ministry"]
