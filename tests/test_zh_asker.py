"""The asker's own situation in an everyday Chinese question (issues 22/23). The bug: "我家孩子
在读小学，托管每期收多少钱？" was refused over the notice's "托管服务费每生每期300元": 孩子 and
小学, words saying who the asker is, were content words the sentence had to say (round 41: 152 of
the cities probes' 234 Chinese false refusals had such a word unsaid). The situation is a
condition the sentence must meet or leave open: it counts where the sentence names a sibling
(三孩家庭 for 二孩家庭) or a band leaving the asker's age out."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.answering.question_kinds import Kind, asked_kinds
from app.retrieval.asker_zh import situation
from app.retrieval.content_words import content_words, unsaid
from tests.support.served import asked, serve_texts

NOTICE = (
    "某市2026年暑期托管和托育补贴通知\n"
    "一、托管对象。全市在校小学生均可报名参加暑期托管。\n"
    "二、收费标准。托管服务费每生每期300元。低保家庭子女免收托管服务费。\n"
    "三、托育补贴。二孩家庭入托的，每孩每月补贴500元。三孩及以上家庭入托的，每孩每月补贴800元。\n"
    "四、高龄津贴。80至89周岁的老年人，每人每月50元。\n"
    "某市教育局\n2026年6月1日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("zh-asker"), {"notice": NOTICE}) as served:
        yield served


def test_the_situation_is_the_askers_clauses_before_the_asking_one() -> None:
    """A clause opening on the first person (我, 我们, LAC's fused 我妈 and 咱家) or a kin noun,
    and the clauses after it sharing its dropped subject, up to the clause that asks."""
    assert situation("我妈今年78岁，一个人住，上门助浴一次多少钱？") == "我妈今年78岁，一个人住"
    assert situation("咱家老人85岁了，高龄津贴每月多少？") == "咱家老人85岁了"
    assert situation("孩子今年两岁，托育补贴每月多少？") == "孩子今年两岁"
    assert situation("托管服务费每期多少钱？") == ""
    assert situation("在本市读小学，托管怎么报名？") == ""  # no subject of the asker's


def test_a_situation_word_the_sentence_leaves_open_is_no_word_to_say() -> None:
    question = "我家孩子在读小学，暑期托管每期收多少钱？"
    assert "孩子" in content_words(question)
    assert unsaid(question, "暑期托管服务费每生每期300元。") == []
    assert "托管" in unsaid("我家孩子在读小学，托管每期收多少钱？", "午餐费每天12元。")


def test_a_sibling_of_the_askers_group_contradicts_it() -> None:
    question = "我们是二孩家庭，孩子入托，每月能补多少钱？"
    assert unsaid(question, "二孩家庭入托的，每孩每月补贴500元。") == []
    assert "二" in unsaid(question, "三孩及以上家庭入托的，每孩每月补贴800元。")  # a tier
    assert "家庭" in unsaid("我们是低保家庭，取暖补贴每户多少？", "低保家长每户补贴600元。")


def test_the_askers_age_is_said_by_a_band_of_its_measure_only() -> None:
    """A figure naming the asker's tier (5 of 5岁) is not stated by a sum of another measure (每
    小时5元) nor left open: a band of ages holds it or it stays unsaid."""
    question = "我家孩子5岁了，托育补贴每月能领多少钱？"
    assert "5.0" in unsaid(question, "计时托育每人每小时补助5元。")
    assert unsaid("我爸今年85岁，高龄津贴每月多少钱？", "80至89周岁的老年人，每人每月50元。",
                  " 高龄津贴") == []


def test_a_word_jieba_tags_a_place_but_the_dictionary_knows_as_common_is_content() -> None:
    """Regression (held zhframe41, 玉溪): 长寿 of 长寿补贴 (jieba: a place, Changshou) was no
    content word, so a meal subsidy's sentence answered it once the asker's 爷爷 was left open."""
    assert "长寿" in content_words("我爷爷今年102岁，每月长寿补贴能拿多少钱？")
    assert "新安" not in content_words("新安街道助浴一次多少钱？")  # a name alone


def test_paying_out_of_pocket_asks_a_sum() -> None:
    """掏 (to pay out of one's own pocket) + 多少 asks money, as 多少钱 does."""
    assert Kind.MONEY in asked_kinds("低保户交医保自己还得掏多少？")


def test_questions_from_the_askers_situation_are_answered_or_refused(client: TestClient) -> None:
    body = asked(client, "我家孩子在读小学，暑期托管每期收多少钱？")
    assert not body["refused"] and "300元" in str(body["answer"])
    body = asked(client, "我们是二孩家庭，孩子入托了，每个月能补多少钱？")
    assert not body["refused"] and "500元" in str(body["answer"])
    assert asked(client, "我爷爷今年70岁，高龄津贴每月能领多少？")["refused"]
