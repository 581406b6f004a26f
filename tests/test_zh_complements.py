"""A verb's complement and a bound's own word in an everyday Chinese question (issue 22). The
bug (round 45, zhfr46's sort of the cities files' Chinese false refusals): jieba joins a
one-character verb with its resultative or directional complement (评上, 审完) or cuts the
complement off alone (拨|下来), and the word was a content word to say; a notice never says 评上
(it says 被评定为), so a sentence answering the question, ranked first, was refused. Such a word
is said by its verb (a dictionary word of its own sense, 修好, is not); a complement cut off alone
only completes the verb before it, a one-character word left aside as 补 or 打 are. 起码 ("at
the very least") asks a lower bound, said by 不少于 as 最少 is."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.chinese_words import complement, completed
from app.retrieval.content_words import content_words, said, unsaid
from tests.support.served import asked, serve_texts

NOTICE = (
    "某市2026年既有建筑外墙保温改造奖补通告\n"
    "一、示范奖励。外墙保温改造项目被评定为市级示范项目的，给予一次性奖励20万元。\n"
    "二、资金拨付。项目竣工验收合格并公示5个工作日，财政部门在公示结束之日起30日内拨付奖补资金。\n"
    "三、日常巡查。物业服务企业每月对改造后的外墙开展安全巡查不少于2次。\n"
    "某市住房和城乡建设局\n2026年3月2日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("zh-complements"), {"notice": NOTICE}) as served:
        yield served


def test_a_verb_with_its_complement_is_said_by_its_verb() -> None:
    assert completed("评上") == "评" and completed("补贴") == ""
    assert said("评上", "被评定为市级示范项目的，给予一次性奖励20万元。")
    assert not said("审完", "5年内不得再次申请。")  # its verb unsaid: another act's sentence
    assert not said("修好", "接到报修后2小时内上门。")  # a dictionary word keeps its own sense
    assert complement("下来", ("拨", "v")) and not complement("下来", ("资金", "n"))
    assert "下来" not in content_words("某市的奖补公示完以后多久能拨下来？")


def test_a_bounds_own_word_is_said_by_a_bound_of_its_side() -> None:
    asked_ = "某市物业一个月起码巡查外墙几次？"
    assert "起码" not in unsaid(asked_, "物业服务企业每月对外墙开展巡查不少于2次。")
    assert "起码" in unsaid(asked_, "物业服务企业每月对外墙开展巡查不超过2次。")


def test_questions_with_a_complement_or_a_bound_word_are_answered(client: TestClient) -> None:
    for question, fact in (("某市外墙保温项目评上市级示范，奖多少钱？", "20万元"),
                           ("某市外墙改造奖补公示完以后多久能拨下来？", "30日"),
                           ("某市物业一个月起码要巡查外墙几次？", "不少于2次")):
        body = asked(client, question)
        assert not body["refused"] and fact in str(body["answer"]), (question, body)


def test_another_tier_is_still_refused(client: TestClient) -> None:
    """The verb's complement is left aside, not the tier it is done to: 省级 is no 市级."""
    body = asked(client, "某市外墙保温项目评上省级示范，奖多少钱？")
    assert body["refused"], body["answer"]
