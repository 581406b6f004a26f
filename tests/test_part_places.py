"""A question of two parts: each part is answered where it is asked, and a part naming no place
is asked of the place the first part names, in the words the question writes it (issue 23 §3).
The notices of the served store are written by the test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.models import AskRequest
from app.services import Services
from tests.support.served import serve_texts

TIELING = (
    "铁岭市关于加强城区养犬管理的通告\n"
    "一、个人饲养犬只的，应当自取得犬只之日起15日内，到居住地公安派出所办理养犬登记。\n"
    "二、养犬登记证每年年检一次。\n"
    "三、各社区居民委员会应当配合做好养犬管理宣传，发现违规养犬行为的，可以拨打12345政务服务便民热线举报。\n"
    "铁岭市公安局\n2025年5月1日\n"
)
YINGKOU = (
    "营口市关于规范共享单车停放的通知\n"
    "一、共享单车应当停放在划定的停放区内，不得占用盲道。\n"
    "二、市民发现乱停乱放的，可以拨打0417-2831234向城市管理部门反映。\n"
    "营口市城市管理局\n2025年6月1日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("part-places"), {"tieling": TIELING,
                                                               "yingkou": YINGKOU}) as served:
        yield served


def test_an_english_part_naming_no_place_keeps_its_language(client: TestClient) -> None:
    """Regression: a part naming no place was asked with the held place's name as the store
    writes it, "(铁岭市)", after an English part; read as a Chinese question then, its hotline was
    refused as not stated, though asked alone it is answered."""
    body = client.post("/api/ask", json={
        "question": "How soon must a dog owner in Tieling register a new dog, and what hotline "
                    "can residents call to report violations?", "mode": "extractive"}).json()
    register, hotline = body["parts"]
    quotes = {c["n"]: c["quote"] for c in body["citations"]}
    assert "15日内" in " ".join(quotes[n] for n in register["citations"])
    assert not hotline["refused"]
    assert "12345" in " ".join(quotes[n] for n in hotline["citations"])


def test_a_part_with_its_own_subject_is_answered_where_it_is_asked(services: Services) -> None:
    """Regression: "…, and what document must project units include when preparing project
    proposals …?" names no proper name, so it was answered only beside the part before's
    sentence (the notification's date), which quoted the training's "project development units";
    asked where it is, the sentence naming the plan to include is found and, scoring higher,
    stands."""
    answer = services.ask(AskRequest(
        question="When did Zhanjiang issue its notification on digital-intelligent construction "
                 "in government-invested projects, and what document must project units include "
                 "when preparing project proposals and feasibility study reports?",
        mode="extractive"))
    issued, document = answer.parts
    quoted = " ".join(answer.citations[n - 1].quote for n in document.citations)
    assert "November 2025" in " ".join(answer.citations[n - 1].quote for n in issued.citations)
    assert "Project Digital-Intelligence and AI Application Plan" in quoted


def test_a_part_is_not_answered_by_the_borrowed_place_name_alone(services: Services) -> None:
    """Regression: the second part names no place and was asked as "…几号办？ (Shenzhen)": the
    place's name drew the plan's opening sentence ("On May 31, … Shenzhen …"), which says nothing
    of the day; asked alone, as a question of its own, it quotes the Venture Capital Day
    sentence, and so it must inside the two-part question."""
    answer = services.ask(AskRequest(
        question="深圳要攒一个多大规模的人工智能基金群？创投日的人工智能专场是每个月几号办？",
        mode="extractive"))
    fund, day = answer.parts
    assert "100 billion yuan" in " ".join(answer.citations[n - 1].quote for n in fund.citations)
    assert "8th of each month" in " ".join(answer.citations[n - 1].quote for n in day.citations)
