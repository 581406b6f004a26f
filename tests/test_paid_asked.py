"""A Chinese question asking what is paid (要花多少钱, 一年交多少钱) is not answered by a grant
given toward it (issue 22, round 47, batch refzh48): asked what adding a lift costs, the cities
probes quoted 南充's "每台电梯另行给予管线迁改补助3万元" and 阳泉's "按每部电梯15万元的标准
给予一次性补助" — a subsidy is no cost. A verb of paying before 多少钱 asks a cost, a charge,
a price or a rent (费用, 收费, 票价, 租金); a grant's noun (补助, 奖励) names another sum."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.measures import ZH_PAID_ASKED
from tests.support.served import asked, serve_texts


def test_a_verb_of_paying_before_the_sum_asks_a_payment() -> None:
    """花, 交 right before 多少钱 ask what is paid; 补 asks a grant; 交通 is no verb there."""
    assert ZH_PAID_ASKED.search("装一台充电桩大概要花多少钱？")
    assert ZH_PAID_ASKED.search("充一度电要交多少钱？")
    assert not ZH_PAID_ASKED.search("装一台充电桩能补多少钱？")
    assert not ZH_PAID_ASKED.search("交通补贴是多少钱？")


NOTICE = (
    "某区关于老旧小区建设公共充电桩的通知\n"
    "一、建设补助。在老旧小区建设公共充电桩的，区财政按每台充电桩2000元的标准给予一次性补助。\n"
    "二、收费管理。公共充电桩的充电服务费每度电不超过0.6元。\n"
    "某区发展和改革局\n2026年5月6日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("zh-paid-asked"), {"notice": NOTICE}) as served:
        yield served


def test_a_grant_answers_no_cost_asked(client: TestClient) -> None:
    """Regression (refzh48's sort, cities 南充 and 阳泉): a subsidy per lift was quoted for what
    a lift costs; the grant asked by 补 and the charge asked by 交 still answer."""
    body = asked(client, "某区老旧小区建一台公共充电桩大概要花多少钱？")
    assert body["refused"], body["answer"]
    for question, fact in (("某区老旧小区建一台公共充电桩能补多少钱？", "2000元"),
                           ("某区公共充电桩充一度电要交多少钱？", "0.6元")):
        body = asked(client, question)
        assert fact in str(body["answer"]), (question, body)
