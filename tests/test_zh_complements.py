"""A verb's complement and a bound's own word in an everyday Chinese question (issue 22). The
bug (round 45, zhfr46's sort of the cities files' Chinese false refusals): jieba joins a
one-character verb with its resultative or directional complement (评上, 交满, 留到) or cuts
the complement off alone (拨|下来), and the word was a content word to say; a notice never says
评上 (it says 被评定为), so a sentence answering the question, ranked first, was refused. The verb
alone is a one-character word, left aside as ``content_words`` leaves 补 or 打; a dictionary
word of its own sense (修好, 考上) stays. 起码 ("at the very least") asks a lower bound, said
by 不少于 as 最少 is."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.chinese_words import complement_only
from app.retrieval.content_words import content_words, unsaid
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


def test_a_complement_leaves_its_one_character_verb() -> None:
    assert complement_only("评上", "v", ("", ""), {})
    assert complement_only("下来", "t", ("拨", "v"), {})  # alone, after its verb
    assert not complement_only("修好", "v", ("", ""), {"修好"})  # a word of its own sense
    assert not complement_only("下来", "t", ("资金", "n"), {})  # after no verb: no complement
    assert not complement_only("补贴", "n", ("", ""), {})
    assert "评上" not in content_words("某市的项目评上了示范，奖多少？")
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
