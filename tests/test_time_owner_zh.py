"""Whose time a Chinese figure is (issue 23, round 43): a sentence timing several acts
("…在7个工作日内完成初审，报县农业农村局复核") was quoted for the time of an act it names but does
not time (复核), and a time counted from one event (培训结束后10日内) for a question counting from
another (考试结束后). A time phrase closing on 内/前/后/起 governs the verb phrase after it; it
opens on the event it counts from (``time_owner.owned_otherwise``, LAC's parts of speech). A day
named without a numeral (当天, 次日) is a time too (``numerals.DUE``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.numerals import DUE
from app.retrieval.time_owner import owned_otherwise, times_of_others
from tests.support.served import asked, serve_texts

NOTICE = (
    "某县2026年农机购置补贴实施细则\n"
    "一、购机者在购机后3个月内向乡镇农机站提交申请，乡镇农机站在7个工作日内完成初审，报县农业农村局复核。\n"
    "二、县农业农村局复核通过后，补贴资金在15个工作日内拨付到购机者账户。\n"
    "三、农机安全培训结束后10日内，由培训机构发放合格证书。\n"
    "四、办理农机号牌的，窗口受理当天办结。\n"
    "五、补贴资金实行专款专用，任何单位不得截留挪用。\n"
    "某县农业农村局\n2026年2月1日\n"
)


def _owned_otherwise(question: str, sentence: str, figure: str) -> bool:
    at = sentence.index(figure)
    return owned_otherwise(question, sentence, at, at + len(figure))


def test_a_time_belongs_to_the_verb_phrase_its_phrase_governs() -> None:
    """Regression (batch zhrefuse44): 7个工作日内 times 初审, not the 复核 the sentence names after
    it; asked of 初审 it answers."""
    sentence = "乡镇农机站在7个工作日内完成初审，报县农业农村局复核。"
    assert _owned_otherwise("县农业农村局完成复核需要多少个工作日？", sentence, "7个工作日")
    assert not _owned_otherwise("乡镇农机站完成初审需要多少个工作日？", sentence, "7个工作日")
    # a time closing its own clause governs the next one (竣工验收后6个月内，申请人…申领)
    opening = "竣工验收后6个月内，申请人向住建部门申领补贴；住建部门在10个工作日内完成审核。"
    assert _owned_otherwise("工程完工后多少日内要完成竣工验收？", opening, "6个月")
    assert not _owned_otherwise("竣工验收后多长时间内可以申领补贴？", opening, "6个月")
    assert _owned_otherwise("竣工验收后多长时间内可以申领补贴？", opening, "10个工作日")


def test_a_time_counted_from_another_event_is_another_s() -> None:
    """Regression (batch zhrefuse44): 演练结束后5个工作日内 was quoted for a 培训结束后 question."""
    sentence = "每年至少组织1次全员培训；每年至少开展1次应急演练，演练结束后5个工作日内报县局备案。"
    assert _owned_otherwise("全员培训结束后多少个工作日内报县局备案？", sentence, "5个工作日")
    assert not _owned_otherwise("应急演练结束后多少个工作日内报县局备案？", sentence, "5个工作日")


def test_no_time_asked_or_no_verb_judges_nothing() -> None:
    """A sum, an age, or a time whose phrase names no verb is not judged here."""
    sentence = "乡镇农机站在7个工作日内完成初审，报县农业农村局复核。"
    assert not _owned_otherwise("县农业农村局复核要交多少钱？", sentence, "7个工作日")
    assert not _owned_otherwise("年满多少周岁可以复核？", "年满60周岁的，由县局复核。", "60周岁")
    assert not _owned_otherwise("多长时间内书面报告？", "应在1小时内电话报告、2小时内书面报告。",
                                "1小时")


def test_a_day_named_without_a_numeral_is_a_time() -> None:
    assert DUE.search("窗口受理当天办结") and DUE.search("受理次日告知申请人")
    assert not DUE.search("窗口受理后办结")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("zh-time-owner"), {"notice": NOTICE}) as served:
        yield served


def test_another_acts_time_is_refused_and_each_acts_own_answered(client: TestClient) -> None:
    """Regression (batch zhrefuse44): the time of 初审 or of 拨付 answered a 复核 question, and a
    time after 培训 one after 考试; the times the notice gives each act still answer."""
    for question in ("某县农业农村局完成农机补贴复核需要多少个工作日？",
                     "某县农机安全考试结束后多少日内发放合格证书？"):
        body = asked(client, question)
        assert body["refused"], (question, body["answer"])
    for question, fact in (("某县乡镇农机站完成农机补贴初审需要多少个工作日？", "7个工作日"),
                           ("某县农机补贴复核通过后多少个工作日内拨付资金？", "15个工作日"),
                           ("某县购机者在购机后多长时间内要提交补贴申请？", "3个月"),
                           ("某县农机安全培训结束后多少日内发放合格证书？", "10日"),
                           ("某县办理农机号牌，窗口受理后多久办结？", "当天")):
        body = asked(client, question)
        assert fact in str(body["answer"]), (question, body)


def _times_of_others(question: str, sentence: str, head: str = "") -> bool:
    return times_of_others(question, sentence, head)


def test_a_figure_closing_its_clause_is_the_object_of_the_verb_right_before_it() -> None:
    """Regression (batch zhrefuse44, round 44): "复核结果…公示5个工作日" answered how long a 复核
    takes — 复核 names the 结果 there; the 5 days are the 公示's."""
    sentence = "审核结果在乡镇人民政府公示7个工作日。"
    assert _owned_otherwise("县农业局完成审核需要多少个工作日？", sentence, "7个工作日")
    assert not _owned_otherwise("审核结果要公示几个工作日？", sentence, "7个工作日")


def test_the_sentence_s_earlier_clauses_name_the_asked_event() -> None:
    """Regression (batch zhrefuse44, round 44): the clause after "；" timing 审核 and 拨付 was
    quoted for the time of the 验收 its sentence's first clause names (and counts from)."""
    head = "设备安装后3个月内，业主向县局申请验收；"
    sentence = "县局在15个工作日内审查材料，审查通过后在10个工作日内拨付资金。"
    assert _times_of_others("县局多少日内要验收设备？", sentence, head)
    assert not _times_of_others("县局多少日内要验收设备？", sentence)  # 验收 unsaid: not judged
    assert not _times_of_others("审查通过后多少个工作日内拨付资金？", sentence, head)


def test_a_light_verb_taking_another_event_times_that_event() -> None:
    """Regression (batch zhrefuse44, round 44): 办理使用登记's 30 days answered when to 办理
    安装告知; a light verb's object is the event. Objects sharing a morpheme may be one event
    said otherwise (审批, 审核) and are not judged."""
    sentence = "使用单位应在设备启用后30日内，向市场监管部门办理使用登记。"
    assert _times_of_others("安装单位应在开工前多少日办理开工告知？", sentence)
    assert not _times_of_others("设备启用后多少日内办理使用登记？", sentence)
    # a light verb inside a noun (实施 of 实施细则) takes no object: 出台 is 制定 said otherwise
    assert not _times_of_others("区里多久内出台实施方案？", "区里在印发后30日内制定实施方案。")
    assert not _times_of_others("县局多少个工作日内完成审批？", "县局10个工作日内完成审核。")


def test_another_kind_of_the_asked_thing_owns_its_time() -> None:
    """Regression (batch zhrefuse44, round 44): 建设补贴's 20 working days answered when a
    维保补贴 is paid: the same verb (拨付), another kind of 补贴; its own kind still answers."""
    sentence = "申请人申领建设补贴，审核通过后在20个工作日内拨付到位。"
    assert _times_of_others("运营补贴审核通过后多少个工作日内拨付？", sentence)
    assert not _times_of_others("建设补贴审核通过后多少个工作日内拨付？", sentence)


def test_a_span_counts_from_the_event_before_its_subject() -> None:
    """Round 44: "审核通过后补贴资金在20个工作日内" counts from 审核通过, its subject between."""
    sentence = "审核通过后补贴资金在20个工作日内拨付到位。"
    assert _owned_otherwise("验收合格后多少个工作日内拨付补贴资金？", sentence, "20个工作日")
    assert not _owned_otherwise("审核通过后多少个工作日内拨付补贴资金？", sentence, "20个工作日")
