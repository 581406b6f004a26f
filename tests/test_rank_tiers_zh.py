"""A Chinese question asking a rank the notice does not give answered with another rank's sum
(issues 22/23, round 40, batch zhrefuse41): asked what a 三等奖 earns where only 一等奖 and 二等奖
are paid, the 一等奖's sum was quoted; asked of a 丁级 guesthouse where the notice grades 甲级 to
丙级, a neighbouring award was. A rank is an ordinal before a classifier of ranks: a numeral or a
heavenly stem (甲乙丙丁) before 级, 类, 档, 星 or 等 (of 等奖, 二等座; not 等级, 等次)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.bands import other_tier, tier_unstated, tiers
from tests.support.served import asked, serve_texts

NOTICE = (
    "某市2026年创业大赛和民宿评定奖励办法\n"
    "一、市人社局每年举办创业大赛，对获得一等奖的项目给予5万元创业资助，"
    "获得二等奖的项目给予3万元创业资助。\n"
    "二、新评定为甲级旅游民宿的，一次性奖励20万元；新评定为乙级旅游民宿的，一次性奖励10万元；"
    "新评定为丙级旅游民宿的，一次性奖励5万元。\n"
    "三、获奖项目优先入驻市级创业示范园区。\n"
    "某市人力资源和社会保障局\n2026年3月1日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("zh-rank-tiers"), {"notice": NOTICE}) as served:
        yield served


def test_an_ordinal_before_a_rank_classifier_is_a_tier() -> None:
    """三等奖 is rank 3 of 等, 丁级 rank 4 of 级; 等级 and 等次 name no rank."""
    assert tiers("拿了三等奖能给多少？") == ((3.0, "等", 0),)
    assert tiers("丁级民宿奖励多少？") == ((4.0, "级", 0),)
    assert tiers("评定等级分为三等级") == ()
    paid = "对获得一等奖的项目给予5万元创业资助，获得二等奖的项目给予3万元创业资助"
    assert other_tier("拿了三等奖能给多少？", paid)
    assert not other_tier("拿了二等奖能给多少？", paid)
    graded = ["新评定为甲级旅游民宿的，一次性奖励20万元；",
              "新评定为甲级旅游民宿的，一次性奖励20万元；新评定为乙级旅游民宿的，一次性奖励10万元；",
              "新评定为丙级旅游民宿的，一次性奖励5万元。"]
    assert tier_unstated("新评定为丁级旅游民宿奖励多少？", graded)
    assert not tier_unstated("新评定为丙级旅游民宿奖励多少？", graded)


def test_another_ranks_sum_is_refused_and_the_given_ranks_answered(client: TestClient) -> None:
    """Regression (batch zhrefuse41, start outs): 三等奖 was answered with 一等奖's 5万元 and 丁级
    with another award; the ranks the notice pays still answer."""
    for question in ("某市创业大赛拿了三等奖，能给多少创业资助？",
                     "某市新评定为丁级旅游民宿能奖励多少钱？"):
        body = asked(client, question)
        assert body["refused"], (question, body["answer"])
    for question, fact in (("某市创业大赛拿了二等奖，能给多少创业资助？", "3万元"),
                           ("某市新评定为乙级旅游民宿的一次性奖励多少？", "10万元")):
        body = asked(client, question)
        assert fact in str(body["answer"]), (question, body)
