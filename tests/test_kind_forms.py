"""Forms of the kind a Chinese question asks (issue 22: realzh-dev questions refused though
their notice was found first, or answered with a detail of another kind). The texts are
written by the test.
"""

from __future__ import annotations

from app.answering.chinese_reader import REFUSAL_SUPPORT
from app.answering.question_kinds import Kind, asked_kinds
from tests.test_chinese_reader import _read_as_stored

# Where a notice publishes something: a column of a website, with its address.
POSTED = ("一、各级公共就业服务机构要开展用工需求摸查，将重点企业的用工需求信息及时在“就业超市”"
          "急聘公告专栏内发布(http://jobs.example.gov.cn/jycs/index)，扩大信息覆盖面。\n"
          "二、经营性人力资源服务机构可在疫情结束后申请一次性就业创业服务补助。\n")


def test_a_web_address_answers_where() -> None:
    """Regression (zhfind11, realzh-dev dev "北京市将重点企业的用工需求信息发布在哪？"):
    a "where" was answered only by a sentence naming a place entity, so the clause giving the
    column and its web address lacked the kind asked and the question was refused
    (kind_not_stated) though its notice was found first."""
    reading = _read_as_stored(POSTED, "某市将重点企业的用工需求信息发布在哪？")
    assert not reading.answer.lacking and reading.answer.support >= REFUSAL_SUPPORT
    assert "http://jobs.example.gov.cn" in reading.answer.sentence.text


def test_a_sentence_with_neither_place_nor_web_address_still_lacks_where() -> None:
    text = "一、各级公共就业服务机构要开展用工需求摸查，及时发布重点企业的用工需求信息。\n"
    reading = _read_as_stored(text, "某市将重点企业的用工需求信息发布在哪？")
    assert reading.answer.lacking


# A loan's interest subsidy given as a share of the interest, with no sum.
SUBSIDY = ("（四）给予贷款贴息。对疫情防控重点保障企业新增贷款，按实际支付利息的50%给予贴息，"
           "贴息期限不超过1年。\n")


def test_an_interest_subsidy_asked_how_much_asks_a_sum() -> None:
    """Regression (zhfind11's fresh batch: 烟台's notice gives the subsidy as 50% of the interest
    and no cap, 贵阳's a cap of 20万元 per firm): "单户企业贴息总额最高多少？" was read as asking
    any figure, so the share answered a question about the largest sum a firm may get."""
    assert Kind.MONEY in asked_kinds("某市对中小企业新增贷款贴息，单户企业贴息总额最高多少？")
    assert Kind.MONEY not in asked_kinds("某市对中小企业新增贷款给予多少比例的贴息？")
    reading = _read_as_stored(SUBSIDY, "某市对中小企业新增贷款贴息，单户企业贴息总额最高多少？")
    assert reading.answer.lacking
