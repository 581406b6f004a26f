"""A Chinese count is answered only by a figure of the measure it asks (issue 22/23, round 25).

Regression: a passage on the question's topic was quoted for a figure of another measure — a
phone number (可以拨打110举报) for 拘留几天, an age (未满14周岁) for 多少个网点, 续借一次 for
几寸照片 — and a deposit (多少押金) was asked as any figure, so 照片1张 answered it.
"""

from __future__ import annotations

import pytest

from app.answering.question_kinds import Kind, asked_kinds
from app.numerals import measured_otherwise
from tests.test_chinese_reader import _read_as_stored


def _figure(question: str, text: str, figure: str) -> bool:
    start = text.index(figure)
    return measured_otherwise(question, text, start, start + len(figure))


@pytest.mark.parametrize(("question", "text", "figure"), [
    ("违规燃放会被拘留几天？", "可以拨打110举报。", "110"),
    ("今年设置了多少个零售网点？", "不得向未满14周岁的未成年人销售。", "14"),
    ("办证需要几寸照片？", "图书可续借一次，续借期限为15天。", "一次"),
    ("一共有多少人？", "给予5000元一次性补贴。", "5000元"),
])
def test_a_figure_of_another_measure_answers_no_count(question: str, text: str,
                                                      figure: str) -> None:
    assert _figure(question, text, figure)


@pytest.mark.parametrize(("question", "text", "figure"), [
    ("初审要多少天？", "社区在10个工作日内完成初审", "10个工作日"),  # time units answer each other
    ("建成多少个基站？", "建成5G基站30座。", "30座"),  # words counting any thing too
    ("年审要带几张照片？", "近期免冠照片1张", "1张"),
    ("开放了多少公里测试道路？", "测试道路不少于500公里", "500公里"),
    ("多少岁以上可以申请？", "年满60周岁的老年人", "60"),
    ("公示期至少多少天？", "公示期不少于7日。", "不少于7日"),  # its bound words first
    ("How many days does it take?", "It takes 30 days.", "30"),  # English: NER's label decides
])
def test_a_figure_of_the_measure_asked_answers(question: str, text: str, figure: str) -> None:
    assert not _figure(question, text, figure)


@pytest.mark.parametrize("question", ["敬老卡首次办理要交多少押金？", "运营企业要交多少保证金？",
                                      "生育津贴一次发多少？", "商户减免多少房租？"])
def test_a_deposit_or_allowance_asks_a_sum(question: str) -> None:
    assert Kind.MONEY in asked_kinds(question)


def test_a_share_of_what_a_rate_is_of_is_no_rate() -> None:
    """Regression (round 31): "what interest rate do the loans carry" was answered by the share
    of the interest the city subsidises ("40% of the interest actually paid")."""
    text = "The municipal finance will subsidize 40% of the interest actually paid."
    assert _figure("What interest rate do Xinxiang's loans carry?", text, "40%")
    assert not _figure("What share of the interest does Xinxiang subsidise?", text, "40%")
    assert not _figure("What interest rate do the loans carry?",
                       "The loans carry an annual interest rate of 3.45%.", "3.45%")


def test_an_ordinal_numbers_one_and_counts_none() -> None:
    """Regression (round 33, realzh-rzspan34 上海 "…目前能查到几种结果？"): the sentence
    "第三种为未查到相关信息。" was quoted for the count asked, its 三 read as a count of 种,
    while "目前可查询到3种结果。" says it; an ordinal (第三种) picks one of them. A question
    asking an ordinal (第几种) keeps it."""
    text = "目前可查询到3种结果。第三种为未查到相关信息。"
    assert _figure("系统目前能查到几种结果？", text, "第三种")
    assert _figure("系统目前能查到几种结果？", text, "三种")
    assert not _figure("系统目前能查到几种结果？", text, "3种")
    assert not _figure("这是第几种结果？", text, "三种")
    assert not _figure("这是第几种结果？", text, "第三种")
    passage = ("查询系统已上线。目前可查询到3种结果。第一种为已解除；第二种为尚未解除；"
               "第三种为未查到相关信息。\n")
    quote = _read_as_stored(passage, "查询系统目前能查到几种结果？").answer.sentence.text
    assert "3种结果" in quote, quote


def test_a_count_of_visits_is_counted_in_any_verbal_measure_word() -> None:
    """Regression (round 36, zhcity33's 益阳 two-part question): "上门几回" asked no measure the
    numerals read (回 was no measure word), so a sentence's 200元 and 4次 tied for it and the
    second part's sum answered the first; 回, 趟, 遍 count occurrences as 次 does."""
    text = "服务机构每月上门服务不少于4次、每次不少于1小时的，按每张床位每月200元给予运营补贴。"
    for question in ("服务机构每个月上门几回？", "护理员一个月要上门几趟？", "一个月上门几次？"):
        assert not _figure(question, text, "4次")
        assert _figure(question, text, "200元")
