"""A figure recurring by one calendar period is not the one a question asks per another (issue
22, round 47, batch refzh48): asked 哈密's day-care centre's subsidy 每年, the cities probes quoted
"每人每月300元" (a monthly sum per person) as its answer. A sum or count stated 每月 answers
no 每年 question; a span of time (每年最多补6个月) and a frequency (每季度1次) are read by their
kinds."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.measures import per_another_thing
from app.numerals import measured_otherwise
from tests.support.served import asked, serve_texts


def _at(text: str, figure: str) -> tuple[int, int]:
    start = text.index(figure)
    return start, start + len(figure)


def test_a_sum_per_month_answers_no_question_per_year() -> None:
    """The figure's own period (its clause's 每月, "per month") against the question's."""
    text = "对社区老年食堂按每月2000元的标准给予运营补贴"
    assert per_another_thing("社区老年食堂每年的运营补贴是多少？", text, *_at(text, "2000元"))
    assert not per_another_thing("社区老年食堂每月的运营补贴是多少？", text, *_at(text, "2000元"))
    assert not per_another_thing("社区老年食堂的运营补贴是多少？", text, *_at(text, "2000元"))
    text = "each centre receives an operating grant of 2,000 yuan per month"
    assert measured_otherwise("What is each centre's operating grant per year?", text,
                              *_at(text, "2,000"))


def test_a_figure_of_no_period_a_span_or_a_frequency_is_not_judged() -> None:
    """A total of no period (全年24000元) answers a 每年 question as well; a span of time
    (最多补6个月) and a count of occurrences (每季度1次) are read by their own kinds."""
    text = "每月2000元，全年合计24000元"
    assert not per_another_thing("每年的运营补贴是多少？", text, *_at(text, "24000元"))
    text = "每人每年补贴6000元，最多补6个月"
    assert not per_another_thing("每月最多补几个月？", text, *_at(text, "6个月"))
    text = "每季度开展1次安全检查"
    assert not per_another_thing("每年开展几次安全检查？", text, *_at(text, "1次"))


NOTICE = (
    "某县关于支持社区老年食堂发展的通知\n"
    "一、运营补贴。对验收合格的社区老年食堂，县财政按每月2000元的标准给予运营补贴。\n"
    "二、建设补贴。新建社区老年食堂每个给予一次性建设补贴10万元。\n"
    "某县民政局\n2026年3月2日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("zh-per-period"), {"notice": NOTICE}) as served:
        yield served


def test_a_monthly_subsidy_is_no_yearly_one(client: TestClient) -> None:
    """Regression (refzh48's sort, cities 哈密): a monthly sum was quoted for a yearly one; the
    monthly question and the building subsidy still answer."""
    body = asked(client, "某县社区老年食堂每年的运营补贴是多少？")
    assert body["refused"], body["answer"]
    for question, fact in (("某县社区老年食堂每月的运营补贴是多少？", "2000元"),
                           ("某县新建社区老年食堂的建设补贴是多少？", "10万元")):
        body = asked(client, question)
        assert fact in str(body["answer"]), (question, body)
