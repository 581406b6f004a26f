"""What a sentence states by its form, for the kinds NER labels none of: how often (按季度,
一天一检, 早晚两次) and a telephone number written bare in a contact list (孙霖 89151053)."""

from __future__ import annotations

import json

from app.answering.answerability import lacks
from app.answering.answerability import sentence_labels as labels_of
from app.answering.citations import Sentence
from app.answering.question_kinds import Kind, asked_kinds
from app.store.chunk_entities import ENTITIES_KEY
from app.store.records import Chunk
from ingest.entities import entities_of


def _sentence(text: str) -> Sentence:
    entities = entities_of([text])[0]
    chunk = Chunk("c1", "doc", text, 0, len(text), {ENTITIES_KEY: json.dumps(entities)})
    return Sentence(chunk, 0, len(text), text, 1)


def test_a_chinese_frequency_without_mei_states_how_often() -> None:
    """Regression: "上海第一食品五角场店现在多久检测一次小吃广场的餐具？" was refused (kind not
    stated): "目前已经改为一天一检" and "按季度申领" say how often, but only 每 was read as a
    frequency, so the sentence saying it was sunk as lacking the kind asked."""
    asked = "商店现在多久检测一次餐具？"
    assert asked_kinds(asked) == {Kind.RATE}
    for text in ("以往是对餐具进行一周一检，目前已经改为一天一检。", "各项补贴实行按季度申领。",
                 "目前公司要求早晚两次消毒。", "检测室一年两次对外开放。"):
        assert lacks({Kind.RATE}, labels_of(_sentence(text), asked)) == set(), text
    # A span or a date is no frequency: 3年 is how long, 一季度 the first quarter.
    for text in ("补贴期限最长不超过3年。", "一季度出口额高于去年同期。"):
        assert lacks({Kind.RATE}, labels_of(_sentence(text), asked)) == {Kind.RATE}, text


def test_a_bare_number_in_a_contact_list_is_a_phone_and_a_count_is_not() -> None:
    """Regression: "北京金融监管局快速响应机制里外资服务的联系电话是多少？" and "密云区社保中心
    登记征缴科的电话是多少？" found their sentences lacking a phone: ingest labels a number a
    phone only when dialled (电话：…), and a contact list writes a name or a label, then the
    bare 8 digits (or a mobile's 11)."""
    asked = "外资服务的联系电话是多少？"
    assert asked_kinds(asked) == {Kind.PHONE}
    for text in ("私募股权：李惠 88011271 外资服务：孙霖 89151053 融担服务：卫胤亨",
                 "登记征缴科：69044210 支付科：69044814", "联系人：孙莹 13720094769"):
        assert lacks({Kind.PHONE}, labels_of(_sentence(text), asked)) == set(), text
    # A figure followed by its unit counts or sums; it is no number to call. A number with no
    # label before it may be the previous entry's, the name after it the next entry's.
    for text in ("全市累计检测38765432人次。", "项目总投资：19800000元。",
                 "王晓辉13810950883 北京首创融资担保有限公司"):
        assert lacks({Kind.PHONE}, labels_of(_sentence(text), asked)) == {Kind.PHONE}, text
