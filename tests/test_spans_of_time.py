"""A Chinese "how long" answered by another sentence (issue 22, round 46, zhright47): a span of
time LAC did not tag (留样时间不少于48小时) left its sentence lacking the kind asked; a phone
number's digit groups, stored as numbers, let its line state a "how long"; and a noun after a
distributive (每个品种留样量) was read as another group's modifier of the noun asked."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.numerals import ZH_SPAN_OF_TIME
from app.retrieval.modifiers_zh import other_modifier
from app.store.chunk_entities import chunk_entities
from tests.support.served import asked, serve_texts

NOTICE = (
    "某市图书馆关于调整读者服务有关事项的公告\n"
    "一、为更好满足市民阅读需求，本馆决定自2026年1月1日起调整读者服务有关事项。\n"
    "二、每张读者证最多可同时借阅图书10册，借期为30天。\n"
    "三、馆内餐厅每餐次的食品成品应当留样，留样时间不少于48小时，每个品种留样量不少于125克。\n"
    "四、到2026年底，全馆新建自助借还点20个。\n"
    "五、读者服务咨询电话：0395-3156210。\n"
    "某市图书馆\n2025年12月20日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("zh-span-of-time"), {"library": NOTICE}) as served:
        yield served


def test_a_chinese_span_of_time_is_a_count_of_units_of_time() -> None:
    """A count of units of time is a span (48小时, 3个月, 15天, 3个工作日内, 两年); a year (four
    digits), a month's name (12月) and an age (3周岁) are none."""
    for text in ("留样时间不少于48小时", "补贴期限最长为3个月", "借期为15天", "在3个工作日内上门",
                 "有效期两年"):
        assert ZH_SPAN_OF_TIME.search(text), text
    for text in ("到2026年底", "每年12月申请", "3周岁以下婴幼儿", "二〇二六年"):
        assert not ZH_SPAN_OF_TIME.search(text), text


def test_a_phone_number_s_digit_groups_are_no_figures() -> None:
    """Bug: NER stored 0395 and 3156210 as numbers inside the phone 0395-3156210, so the line
    stated a figure for any "多久" or "多少"."""
    text = "读者服务咨询电话：0395-3156210。借期为30天。"
    raw = '[[9, 13, "NUMBER"], [14, 21, "NUMBER"], [9, 21, "PHONE"], [25, 28, "TIME"]]'
    labels = [(text[s:e], label) for s, e, label, *_ in chunk_entities(raw, text)[0]]
    assert labels == [("0395-3156210", "PHONE"), ("30天", "TIME")]


def test_a_noun_after_a_distributive_is_no_group_s_modifier() -> None:
    """Bug: 每个品种留样量 was read as 品种's 留样, another group than the question's 饭菜留样;
    a noun after 每个 or 各 is what a figure is per, not a kind of the noun."""
    sentence = "每餐次的食品成品应当留样，留样时间不少于48小时，每个品种留样量不少于125克。"
    assert not other_modifier("餐厅的饭菜留样要留多长时间？", sentence)
    assert other_modifier("某市农村居民搞“煤改气”，每户补贴多少？",
                          "城镇居民用户实施“煤改气”的，按每户3000元的标准给予一次性设备购置补贴。")


def test_how_long_is_answered_by_the_span_not_a_date_or_a_phone(client: TestClient) -> None:
    """Regression (cities probes: 信阳's 留样 answered "到2026年底", 漯河's loan period a phone
    number): the span of time answers, not a date's sentence nor the phone line."""
    body = asked(client, "某市图书馆餐厅的饭菜留样要留多长时间？")
    assert "48小时" in str(body["answer"]), body
    body = asked(client, "某市图书馆的书借期是多久？")
    assert "30天" in str(body["answer"]), body
