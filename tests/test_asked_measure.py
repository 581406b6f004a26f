"""A count is answered by the figure its measure word counts, and a year the question names is
no date asked (issue 22, round 29).

Regressions (realzh-rz2228): "…一共出台了多少项疫情防控行业规范" quoted "上海市14家市级行业主管
部门联动" (14家 counts things too, and its clause says more of the question) where the sentence
goes on to "136项"; "2019年发生但还没报销的医药费，最晚可以报销到什么时候" and "2020年的亏损
可以往后结转几年" quoted the clause of "2019年度"/"2020年度", the year the question itself names.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.numerals import same_measure
from tests.support.served import serve_texts

RULES = (
    "上海市行业疫情防控规范工作情况\n"
    "截至12日，上海市14家市级行业主管部门联动，按照职责要求和行业特点，制定针对性的防控举措，"
    "先后形成了136项疫情防控行业规范。\n"
)
CLAIMS = (
    "江苏省医疗保障局关于疫情期间医保经办服务的通知\n"
    "参保人员在2019年度发生、未完成报销的医药费用，报销时限可延长至2020年12月底。\n"
    "受疫情影响较大的困难行业企业2020年度发生的亏损，最长结转年限由5年延长至8年。\n"
    "江苏省医疗保障局\n2020年2月10日\n"
)
POSTS = (
    "乐山市税务局疫情期间办税服务情况\n"
    "组织22名党员、干部在市政务服务中心办税大厅设立12个服务岗，开辟直通办理、预约办理等服务事项，"
    "主动为纳税人提供纸巾、洗手液等防护用品，期间共办理紧急涉税事项30余件。\n"
)
BIKES = (
    "七台河市互联网租赁自行车管理办法\n"
    "（一）中心城区互联网租赁自行车投放总量控制在6000辆以内，单个运营企业投放量不得超过2500辆。\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    texts = {"rules": RULES, "claims": CLAIMS, "posts": POSTS, "bikes": BIKES}
    with serve_texts(tmp_path_factory.mktemp("measure"), texts) as served:
        yield served


def _quote(client: TestClient, question: str) -> str:
    body = client.post("/api/ask", json={"question": question, "mode": "extractive"}).json()
    assert not body["refused"], body
    return str(body["citations"][0]["quote"])


@pytest.mark.parametrize(("question", "quoted", "not_quoted"), [
    ("截至2月12日，上海市各行业主管部门一共出台了多少项疫情防控行业规范？", "136项", "14家"),
    ("江苏参保人员2019年发生但还没报销的医药费，最晚可以报销到什么时候？", "2020年12月底",
     "参保人员"),
    ("江苏受疫情影响大的困难行业企业2020年的亏损可以往后结转几年？", "8年", "2020年度"),
])
def test_the_figure_asked_is_quoted(client: TestClient, question: str, quoted: str,
                                    not_quoted: str) -> None:
    quote = _quote(client, question)
    assert quoted in quote and not_quoted not in quote, quote


def test_a_figure_counted_as_asked_is_no_condition_to_read_past(client: TestClient) -> None:
    """Regression (rz2228): "…设了几个服务岗" quoted the whole 272-character sentence after
    "设立12个服务岗", its figure taken for a list item head's condition as later figures follow."""
    quote = _quote(client, "乐山市税务局在市政务服务中心办税大厅设了几个服务岗？")
    assert "12个服务岗" in quote and "30余件" not in quote, quote
    # An item head's figure of the same measure is still a condition read past (a probe).
    assert "2500辆" in _quote(client, "七台河单个共享单车企业最多能投放多少辆？")


def test_a_count_prefers_its_own_measure_word() -> None:
    text = "上海市14家市级行业主管部门联动，先后形成了136项疫情防控行业规范。"
    question = "一共出台了多少项疫情防控行业规范？"
    assert same_measure(question, text, text.index("136"))
    assert not same_measure(question, text, text.index("14家"))
    assert same_measure("每天消毒几次？", "消毒不少于2次，通风不少于3次", 2)  # bound words first
    assert not same_measure("结转几年？", "由5年延长至8年", 1)  # a time is read by its kind
