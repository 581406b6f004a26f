"""Chinese questions naming a line by its number (issue 22, round 43, rzans44): "12345热线的接线员
今年多大" asks no phone number, as "the 12345 hotline" asks none in English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.answering.question_kinds import Kind, asked_kinds
from tests.support.served import asked, serve_texts

NOTICE = (
    "某市12345热线疫情期间服务情况通报\n"
    "一、接听情况。疫情期间，12345热线日均接听来电1.2万件。市场监管专席接线员小李今年23岁，"
    "春节期间一直坚守岗位。\n"
    "二、办理情况。全市12345热线累计受理疫情相关诉求3000件，已办结2900件。\n"
    "三、监督电话。对热线办理结果不满意的，可以拨打监督电话0123-88886666反映。\n"
    "某市政务服务管理局\n2026年2月20日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("zh-line-kinds"), {"notice": NOTICE}) as served:
        yield served


def test_a_line_named_by_its_number_asks_no_number() -> None:
    """Regression (realzh rzrepo tune: 北京12345热线的…接线员今年多大, …12345热线怎么回应 were
    refused as lacking a phone): digits before 热线 or 电话 name the line; a phone word of its
    own still asks one."""
    assert Kind.PHONE not in asked_kinds("12345热线的接线员小李今年多大？")
    assert Kind.PHONE not in asked_kinds("拨打12345热线能反映什么问题？")
    assert Kind.PHONE in asked_kinds("12345热线的监督电话是多少？")
    assert Kind.PHONE in asked_kinds("市场监管投诉热线是多少？")


def test_answered_by_the_line_and_per_period_figures(client: TestClient) -> None:
    """A question naming the line by its number is answered by the figure asked; one asking the
    line's number is answered by it, and refused where the notice gives none."""
    for question, fact in (("某市12345热线的接线员小李今年多大？", "23岁"),
                           ("对某市热线办理结果不满意，监督电话是多少？", "0123-88886666")):
        body = asked(client, question)
        assert not body["refused"] and fact in str(body["answer"]), (question, body["answer"])
    body = asked(client, "某市12345热线市场监管专席的传真是多少？")
    assert body["refused"], body["answer"]
