"""Chinese yes-no questions (是否, 吗, 能不能, 有没有) answered by a sentence naming the topic but
saying no yes or no of the thing asked (issues 22/23, round 38, yesno39): the thing must be said,
or a charge asked made free or priced; a sibling said instead (图书 for 电子书) speaks of another
kind, and a noun naming a kind the reader finds (电话: 12345热线 is a phone) is left to it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.retrieval.content_words import unsaid_words
from app.retrieval.whether import another_thing, says_whether
from tests.support.served import asked, serve_texts

NOTICE = (
    "某市2026年公共文化场馆开放服务通告\n"
    "一、开放时间。市图书馆、市博物馆全年免费开放，每周一闭馆（法定节假日除外）。\n"
    "二、借阅服务。图书馆凭身份证免押金办理借阅证，每证最多同时借阅图书5册，借期30天。"
    "借阅图书逾期的，暂停借阅权限至图书归还之日，不收取滞纳金。\n"
    "三、入馆须知。宠物不得进入各场馆，导盲犬除外。\n"
    "四、服务监督。群众对场馆开放服务有意见建议的，可以拨打12345政务服务便民热线反映。\n"
    "某市文化和旅游局\n2026年2月12日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("zh-whether"), {"notice": NOTICE}) as served:
        yield served


def test_a_sibling_or_a_kind_says_no_yes_or_no_of_the_thing_asked() -> None:
    """Regression (batch yesno39, cities tune 宜宾 住房补贴): 能不能借电子书 was answered by a
    sentence on borrowing 图书, and 能不能领取住房补贴 by one on another 补贴: a sibling or the
    thing's kind is another thing; the thing itself is none, and a charge made free still says."""
    assert another_thing("电子书", "图书") and another_thing("住房补贴", "补贴")
    assert not another_thing("押金", "押金") and not another_thing("补贴", "住房补贴")
    late = "借阅图书逾期的，暂停借阅权限至图书归还之日，不收取滞纳金。"
    assert not says_whether(late, unsaid_words(["电子书"], late, "", None, another_thing))
    assert says_whether("停车场前2小时免费", ["收费"])


def test_yes_no_questions_answered_only_by_what_they_ask(client: TestClient) -> None:
    """Regression (batch yesno39 and asked32's held 是否有电话可以反映): a yes-no question of a
    thing no sentence names is refused; one asking a phone is answered by the 12345 hotline."""
    for question in ("某市图书馆能不能借电子书？", "某市图书馆有没有自习室？"):
        body = asked(client, question)
        assert body["refused"], (question, body["answer"])
    for question, fact in (("对某市场馆服务有意见，有没有电话可以反映？", "12345"),
                           ("在某市图书馆办借阅证要交押金吗？", "免押金")):
        body = asked(client, question)
        assert fact in str(body["answer"]), (question, body)


def test_an_a_not_a_question_asks_by_its_shape(client: TestClient) -> None:
    """Regression (batch zhage43: 要不要钱, 收不收钱): the A-not-A form (a verb said, then denied by
    不 or 没) asks whether whatever its verb: its clause is the asking one, not the asker's own
    situation, and its question is answered as 能不能 and 有没有 are."""
    from app.in_situ import ZH_ASKS
    from app.retrieval.asker_zh import situation

    assert all(ZH_ASKS.search(q) for q in ("给不给补贴", "收不收押金", "去没去登记", "可不可以借"))
    assert not any(ZH_ASKS.search(s) for s in ("不得不闭馆", "差不多五册"))
    assert situation("我妈今年70岁，给不给补贴，每月多少钱？") == "我妈今年70岁"
    body = asked(client, "在某市图书馆办借阅证收不收押金？")
    assert "免押金" in str(body["answer"]), body
