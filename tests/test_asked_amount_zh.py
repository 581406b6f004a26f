"""A neighbour's figure quoted for a Chinese question's own (issues 22/23, round 39, batch
zhhead40): asked the payout of an insurance (保额) a sentence giving its premium (保费) was quoted,
and asked what a centenarian (百岁老人, one jieba word) gets, the 80-to-89 band's allowance was:
the amount a noun ending in 额 names is its own sum, and 百岁 is an age of 100 years."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.numerals import figure_values
from app.retrieval.asked_sum import sum_asked
from tests.support.served import asked, serve_texts

NOTICE = (
    "某市2026年老年人福利补贴发放工作的通知\n"
    "一、高龄津贴。80周岁至89周岁的老年人每人每月发放高龄津贴100元。"
    "90周岁至99周岁的老年人每人每月发放高龄津贴300元。\n"
    "二、意外伤害保险。市财政为全市低保老年人统一购买老年人意外伤害保险，保费每人每年30元，"
    "由市财政全额承担。\n"
    "某市民政局\n2026年1月8日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("zh-asked-amount"), {"notice": NOTICE}) as served:
        yield served


def test_an_amount_noun_and_a_centenarians_age_are_read() -> None:
    """Regression (batch zhhead40): 保额 and 总额 before 是多少 were no sum asked (only
    MONEY_NOUN's words were), and cn2an read no lone 百, so 百岁老人 stated no age; 百姓 and
    百货 stay no figure."""
    assert sum_asked("见习人员的意外伤害保险保额是多少？") == "保额"
    assert sum_asked("公交企业每年的财政补贴总额是多少？") == "总额"
    assert figure_values("百岁老人每月能领多少高龄津贴？") == [100.0]
    assert figure_values("老百姓在百货商店买东西") == []


def test_the_payout_and_the_centenarians_allowance_are_refused(client: TestClient) -> None:
    """Regression (batch zhhead40, tune half): the premium was quoted for the payout (保额) and
    the 80-to-89 band's allowance for a centenarian's; the premium and a 92-year-old's
    allowance the notice states still answer."""
    for question in ("某市给低保老人买的意外伤害保险，保额是多少？",
                     "某市的百岁老人每月能领多少高龄津贴？"):
        body = asked(client, question)
        assert body["refused"], (question, body["answer"])
    for question, fact in (("某市给低保老人买的意外伤害保险，保费一年多少？", "30元"),
                           ("某市92岁的老人每月高龄津贴多少？", "300元")):
        body = asked(client, question)
        assert fact in str(body["answer"]), (question, body)


def test_a_deposit_is_read_whole_not_as_its_last_two_characters() -> None:
    """Regression (round 48's note): ``[押证奖]金`` found 证金 inside 保证金, so a question asking a
    deposit (保证金) named a noun no sentence says, and the jieba word 保证金 was no money noun."""
    assert sum_asked("投标保证金是多少？") == "保证金"
    assert sum_asked("租房押金要交多少钱？") == "押金"
