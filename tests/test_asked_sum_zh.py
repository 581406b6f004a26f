"""A well-supported Chinese sentence quoted for a sum, a year or a band it does not state (issues
22/23, round 36): asked what 差旅费 a fair's exhibitors get, the sentence paying 60% of the 展位费
was quoted, its every other word said; asked how many beds 2027's plan adds, 2026's 1200张 was
quoted while the notice's 2027 sentence set another target; asked of orchards under 25 years
(不到25年), the sum for those of 25 years or more was."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.bands import OUT_OF_BAND, band_factor
from app.retrieval.asked_sum import sum_asked
from tests.support.served import asked, serve_texts

NOTICE = (
    "某市2026年稳外贸和养老服务若干措施\n"
    "一、对参加境外专业展会的外贸企业，按展位费的60%给予补贴，单个企业每年最高15万元。\n"
    "二、对年度一般贸易出口额首次突破1000万美元的企业，一次性奖励20万元。\n"
    "三、2026年，全市新增养老床位1200张，建成社区居家养老服务中心40个。"
    "到2027年底，全市养老机构护理型床位占比达到65%以上。\n"
    "四、对树龄25年以上的低效老果园实施间伐、改形等综合改造的，每亩补助1500元。\n"
    "某市商务局 某市民政局\n2026年3月16日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("zh-asked-sum"), {"notice": NOTICE}) as served:
        yield served


@pytest.mark.parametrize(("question", "asked"), [
    ("酒泉外贸企业参加境外展会的差旅费补多少？", "差旅费"),
    ("眉山见习补贴一年最多给多少？", "补贴"),
    ("鄂州市2025年计划开发多少个公益性岗位？", ""),  # 开发: a verb is measured, no sum
    ("兰州返还失业保险费的比例是多少？", ""),  # 比例: the noun measured is no sum
])
def test_the_sum_a_quantity_word_measures(question: str, asked: str) -> None:
    """Regression (round 36): the money noun before 多少, past a light verb or a time, is the
    sum asked; a verb or another noun in between measures something else."""
    assert sum_asked(question) == asked


def test_less_than_a_figure_is_a_ceiling() -> None:
    """Regression (batch zhrefuse37): 不到 (less than) read as no bound, so 不到25年 fell in the
    band "25年以上"; it is a ceiling as 不足 is."""
    orchards = "对树龄25年以上的低效老果园实施综合改造的，每亩补助1500元。"
    assert band_factor("树龄不到25年的老果园改造，每亩补多少？", orchards) == OUT_OF_BAND
    assert band_factor("树龄30年的老果园改造，每亩补多少？", orchards) == 1.0


def test_another_sum_year_or_band_is_refused_and_the_stated_ones_answered(
        client: TestClient) -> None:
    """Regression (batch zhrefuse37, start outs): 差旅费 was answered with the 展位费 share,
    2027's new beds with 2026's, orchards under 25 years with the sum for 25 years or more; the
    sum, the year and the band the notice states still answer."""
    for question in ("某市外贸企业参加境外展会的差旅费补多少？",
                     "某市2027年计划新增养老床位多少张？",
                     "某市树龄不到25年的老果园改造，每亩补多少？"):
        body = asked(client, question)
        assert body["refused"], (question, body["answer"])
    for question, fact in (("某市外贸企业参加境外展会，展位费补多少？", "60%"),
                           ("某市2026年新增养老床位多少张？", "1200张"),
                           ("某市树龄30年的老果园改造，每亩补多少？", "1500元")):
        body = asked(client, question)
        assert fact in str(body["answer"]), (question, body)
