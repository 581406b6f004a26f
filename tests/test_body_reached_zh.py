"""A Chinese question asking the phone of one body answered with another body's line (issues
22/23, round 40, batch zhrefuse41): asked 某市财政局的咨询电话, the notice's only phone lines were
the 商务局's and the 车辆管理所's, and the 车辆管理所's was quoted; asked the 财政局's where the
paragraph gives its 住建局's policy line, that line was. A body the question names is read by LAC
(ORG) and its place and level left aside; a line its sentence gives with another body named and
not the asked one is that other body's."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.retrieval.content_words import said
from app.retrieval.said_of import another_body, asked_body
from tests.support.served import asked, serve_texts

NOTICE = (
    "某市商务局 某市财政局 某市公安局关于开展2026年旧家电回收补贴工作的通知\n"
    "一、交售旧冰箱并购买新冰箱的，每台补贴300元。\n"
    "二、补贴资金由市级财政承担，市商务局负责审核发放。\n"
    "三、咨询方式\n"
    "政策咨询：某市商务局市场建设科，电话0100-6601234。\n"
    "旧家电运输咨询：某市公安局交通警察支队车辆管理所，电话0100-6605678。\n"
    "四、本通知自2026年3月1日起施行。本通知由某市住房和城乡建设局负责解释。"
    "政策咨询电话：0100-6609999。\n"
    "某市商务局 某市财政局 某市公安局\n2026年2月20日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("zh-body-reached"), {"notice": NOTICE}) as served:
        yield served


@pytest.mark.parametrize(("question", "body"), [
    ("秦皇岛市财政局的咨询电话是多少？", "财政局"),  # its place and level say where
    ("某区民政局养老服务科的收信地址是什么？", "民政局"),
    ("对通化体育场馆服务不满意打哪个电话？", ""),  # a venue is no body
    ("某市旧家电补贴的咨询电话是多少？", ""),
])
def test_the_body_a_way_to_reach_is_asked_of(question: str, body: str) -> None:
    """The body LAC tags ORG before the way asked, without its place and level; none when the
    question names a topic or a venue."""
    assert asked_body(question) == body


def test_another_bodys_line_is_not_the_asked_ones() -> None:
    """A line given with another body named (车辆管理所) is not the 财政局's; one naming the asked
    body, or one of its units (体育局群众体育科), is."""
    line = "旧家电运输咨询：某市公安局交通警察支队车辆管理所，电话0100-6605678。"
    assert another_body("某市财政局的咨询电话是多少？", line, said)
    assert not another_body("某市公安局的咨询电话是多少？", line, said)
    assert not another_body("某市体育局群众体育科的电话是多少？",
                            "或者向市文化和旅游局公共服务科（0879-2123465）、市体育局群众体育科"
                            "（0879-2124508）反映", said)
    assert not another_body("某市财政局的咨询电话是多少？", "政策咨询电话：0100-6609999。", said)


def test_another_bodys_phone_is_refused_and_the_asked_ones_answered(client: TestClient) -> None:
    """Regression (batch zhrefuse41, start outs): the 财政局's phone was answered with the
    车辆管理所's line or the 住建局's; the lines the notice gives its bodies still answer."""
    body = asked(client, "某市财政局的咨询电话是多少？")
    assert body["refused"], body["answer"]
    for question, fact in (("某市商务局市场建设科的电话是多少？", "0100-6601234"),
                           ("某市旧家电运输的事打哪个电话咨询？", "0100-6605678"),
                           ("某市住房和城乡建设局的政策咨询电话是多少？", "0100-6609999")):
        body = asked(client, question)
        assert fact in str(body["answer"]), (question, body)
