"""A Chinese question asking how long before or until an act, answered by a sentence that never
speaks of that act (issues 22/23, round 39, zhverb40): "来宾日间照料中心的午间托管要提前几天预约？"
quoted the day-care centre's opening hours and its 午间托管 fee, every other word said; nothing
there is booked. The act is the verb closing the clause after the duration word, which the
content words leave out as the word a question word asks of."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.retrieval.asked_sum import measured_after
from tests.support.served import asked, serve_texts

NOTICE = (
    "某市2026年居家养老和公租房服务实施办法\n"
    "一、各社区日间照料中心每周一至周六8:00至17:30开放，为辖区60周岁以上老年人提供休息、"
    "文体活动和午间托管服务，午间托管每人每天收费5元。\n"
    "二、公租房合同期限一般为3年。公租房合同期满需续租的，应在期满前3个月提出申请。\n"
    "某市民政局 某市住房和城乡建设局\n2026年2月10日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("zh-duration-act"), {"notice": NOTICE}) as served:
        yield served


@pytest.mark.parametrize(("question", "act"), [
    ("午间托管要提前几天预约？", "预约"),
    ("电梯用起来以后多久之内要去申请？", "申请"),  # 要: a need, the act still closes it
    ("要经营满多久才能申请？", ""),  # 才能申请: what one may do once the condition is met
    ("审批结果要公示几天？", ""),  # the verb stands before the duration: no act after it
    ("高温津贴从几月份开始发？", ""),  # 几月: a date asked, not a duration
])
def test_the_act_a_duration_word_asks_of(question: str, act: str) -> None:
    """Regression (batch zhverb40): the verb closing the clause after 几天/多久 is the act whose
    time is asked, but not one after 能/可以 (the asker's frame: 才能申请 lost h37's 资阳 answer
    in the first reading) nor after a date word."""
    assert measured_after(question) == act


def test_a_time_before_an_act_the_sentence_never_names_is_refused(client: TestClient) -> None:
    """Regression (batch zhverb40, tune): 提前几天预约 was answered with the centre's opening
    hours; 提前多久申请 over "期满前3个月提出申请" and the fee of 午间托管 still answer."""
    body = asked(client, "某市日间照料中心的午间托管要提前几天预约？")
    assert body["refused"], body["answer"]
    for question, fact in (("某市公租房续租要提前多久申请？", "3个月"),
                           ("某市日间照料中心的午间托管每人每天收多少钱？", "5元")):
        body = asked(client, question)
        assert fact in str(body["answer"]), (question, body)
