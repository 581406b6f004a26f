"""A group 半 makes of a word (issues 22/23, round 46, zhref47): asked what 半失能 elders get, a
well-supported Chinese sentence stating the figure of 失能 elders was quoted, because 半 (semi-)
was read as no part of the group: jieba cuts it off as a numeral and the sentence says every other
word. 半 makes another kind of the word after it, as 非 does (半失能 is no 失能, 半成品 no 成品);
before a unit of time it halves a quantity (半小时, 半年度), no kind."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.negation import negated, negation_dropped
from tests.support.served import asked, serve_texts

NOTICE = (
    "某市居家养老护理服务实施办法\n"
    "一、对经评估为失能的老年人，每月提供上门护理服务4次，每次补贴60元。\n"
    "二、社区老年食堂为高龄老年人提供助餐服务，每餐补贴3元。\n"
    "三、护理服务机构接到呼叫后，应在半小时内到达现场。\n"
    "某市民政局\n2026年5月8日\n"
)
BOTH = (
    "某县家庭照护培训通知\n"
    "一、失能、半失能老年人的家庭照护者参加培训的，每人补贴300元。\n"
    "某县民政局\n2026年6月2日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("zh-halved"), {"notice": NOTICE,
                                                            "both": BOTH}) as served:
        yield served


def test_half_makes_a_kind_of_the_word_after_it_but_halves_a_time() -> None:
    """半失能 names another group than 失能 (the sentence says 失能 alone), 半成品 than 成品; a
    text naming 半失能 too names the question's; 半小时 and 半年度 are quantities."""
    assert negation_dropped("半失能的老人每月护理几次？", "失能的老年人每月护理4次。")
    assert negation_dropped("半成品每吨补多少？", "成品每吨补贴20元。")
    assert not negation_dropped("半失能老人补多少？", "失能、半失能老年人每人补贴300元。")
    assert not negated("护理机构半小时内到达吗？")
    assert not negated("半年度考核在几月？")
    # Of a kind only (any question): 非 and 半 make one; 不 in a 的-phrase may be an act's
    # condition, said otherwise (不予批准) by the sentence answering what then happens.
    assert negation_dropped("非住宅用户怎么缴费？", "住宅用户按面积缴费。", kinds_only=True)
    assert not negation_dropped("主管部门不批准的项目怎么办？",
                                "作出不予批准决定的，项目应当停止。", kinds_only=True)


def test_a_figure_of_the_group_half_makes_a_kind_of_is_refused(client: TestClient) -> None:
    """Regression (batch zhref47): asked how often 半失能 elders are served, the 失能 elders'
    sentence was quoted; the 失能 elders' figure, and one said of both, are still answered."""
    body = asked(client, "某市半失能老年人每月可以享受几次上门护理服务？")
    assert body["refused"], body["answer"]
    for question, fact in (("某市失能老年人每月可以享受几次上门护理服务？", "4次"),
                           ("某县半失能老年人的家庭照护者参加培训，每人补贴多少？", "300元"),
                           ("某市护理服务机构接到呼叫后多长时间内到达现场？", "半小时")):
        body = asked(client, question)
        assert fact in str(body["answer"]), (question, body)
