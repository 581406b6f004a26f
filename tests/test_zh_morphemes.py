"""A Chinese word written with other characters of its sense, or said by its parts (issue 22).
The bug (round 46, zhfr47's sort of the cities files' Chinese false refusals): an everyday
question says 补交 or 交满 where the notice says 补缴 or 缴费满 (交 and 缴 both "hand over"), or
放鞭炮 where it says 燃放烟花爆竹; the word was a content word left unsaid, the multilingual model
placed 补缴 close but the sibling test (a shared morpheme) kept it apart, and the sentence that
answers, ranked first, was refused. Characters telling siblings apart share no sense (市级 and
省级), so those stay unsaid. (The sibling test itself is left as it was: read by meaning, 城区 for
the asker's 市区 answered a must-refuse "ride out of the city" line of the cities files.)"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.retrieval.content_words import said
from app.retrieval.modifiers_zh import siblings
from app.retrieval.morphemes import alike, written_otherwise
from tests.support.served import asked, serve_texts

NOTICE = (
    "某市2026年春节期间烟花爆竹燃放和停车管理通告\n"
    "一、燃放时段。除夕当日18时至次日2时可以在限放区域燃放烟花爆竹。\n"
    "二、违规处罚。在禁止燃放区域燃放烟花爆竹的，由公安机关处200元以上500元以下罚款。\n"
    "三、停车补缴。车辆驶离泊位时未缴纳停车费的，车主应当在10日内补缴。\n"
    "四、长期缴费奖励。参加城乡居民养老保险累计缴费超过15年的，每多缴费1年，每月加发养老金4元。\n"
    "五、示范奖励。被评定为市级示范停车场的，给予一次性奖励8万元。\n"
    "某市公安局\n2026年1月8日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("zh-morphemes"), {"notice": NOTICE}) as served:
        yield served


def test_a_word_written_with_characters_of_its_sense_is_one_word() -> None:
    assert alike("交", "缴") and alike("市", "城") and not alike("市", "省")
    assert written_otherwise("补交", "补缴") and written_otherwise("市区", "城区")
    assert not written_otherwise("市级", "省级") and not written_otherwise("一期", "二期")
    assert not written_otherwise("交付", "缴纳")  # no character in common: two words
    assert said("补交", "车主应当在10日内补缴。")
    assert not said("市区", "城区内设站点50个。")  # a noun is not read so (see ``morphemes``)
    assert siblings("市级", "省级") and not said("市级", "省级补助2.5万元。")


def test_a_verb_object_phrase_is_said_by_its_verb_and_its_object() -> None:
    assert said("放鞭炮", "在禁止燃放区域燃放烟花爆竹的，处200元以上500元以下罚款。")
    assert not said("放鞭炮", "在禁止燃放区域燃放孔明灯的，处200元以上500元以下罚款。")
    assert not said("放鞭炮", "销售烟花爆竹的网点每日营业至21时。")  # no verb of its sense
    assert said("交满", "累计缴费超过15年的，每多缴费1年，每月加发养老金4元。")


def test_questions_in_the_askers_characters_are_answered(client: TestClient) -> None:
    for question, fact in (("某市在不让放的地方放鞭炮罚多少钱？", "200元以上500元以下"),
                           ("某市车辆驶离泊位时没缴停车费，几天内要补交？", "10日"),
                           ("某市养老保险交满15年以后，每多交一年每月加发多少？", "4元")):
        body = asked(client, question)
        assert not body["refused"] and fact in str(body["answer"]), (question, body)


def test_a_sibling_tier_is_still_refused(client: TestClient) -> None:
    """A tier differs in a character of another sense: 省级 is no 市级."""
    body = asked(client, "某市停车场评上省级示范，奖多少钱？")
    assert body["refused"], body["answer"]
