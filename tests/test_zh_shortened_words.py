"""A Chinese question may shorten the notice's words the way Chinese shortens them, keeping
their characters in order (老人 for 老年人, 助餐 for 助老餐), or say them by another word of the
same sense (补贴 for 补助): the notice still answers it.

Regression (round 15, issues 22/23): on new cities' notices, "80岁以上的老人去助餐点吃饭，每顿能补
多少钱？" was refused ("no passage answers") although the notice says "年满80周岁的老年人每餐补贴
3元": the reader's support counted only the question's bigrams the sentence holds as written, and
老人 is no bigram of 老年人. So was "一份午餐最高多少钱？" over "午餐标准价格不高于12元" (最高
and 不高于 state the same bound). A question of what the notice does not say stays refused. The
notice is written by the test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.retrieval.shortened import bound_said, same_sense, shortened
from app.text import bigram_units
from tests.support.served import serve_texts

MEALS = (
    "鹤壁市民政局关于推进老年助餐服务的通知\n"
    "各县区民政局：\n"
    "为解决老年人就餐难问题，现就推进老年助餐服务有关事项通知如下。\n"
    "一、建设目标\n"
    "（一）到2026年底，全市建成老年助餐服务点150个，覆盖全部城市社区。\n"
    "二、就餐补贴\n"
    "（一）年满60周岁的本市户籍老年人在助餐点就餐，每餐补贴1元。\n"
    "（二）年满80周岁的老年人在助餐点就餐的，每餐补贴3元。\n"
    "（三）助餐点的食品留样应当保存不少于48小时。\n"
    "（四）助餐点的午餐标准价格不高于12元。\n"
    "三、运营补助\n"
    "（一）对新建助餐点验收合格的，给予一次性建设补助3万元。\n"
    "鹤壁市民政局\n2025年6月1日\n"
)



SCHOOLS = (
    "荆门市教育局关于做好2025年义务教育学校招生工作的通知\n"
    "各县区教育局：\n"
    "为规范义务教育学校招生秩序，现就有关事项通知如下。\n"
    "一、入学登记\n"
    "（一）适龄儿童的法定监护人应当于2025年6月10日至6月20日在网上填报入学信息。\n"
    "二、资助政策\n"
    "（一）义务教育阶段学生免交学费，家庭经济困难寄宿生按照每人每年1000元的标准发放生活补助。\n"
    "三、咨询服务\n"
    "（一）各县区教育局对群众反映的招生问题在3个工作日内予以答复。\n"
    "荆门市教育局\n2025年5月20日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    notices = {"hebi-meals": MEALS, "jingmen-schools": SCHOOLS}
    with serve_texts(tmp_path_factory.mktemp("zh-shortened"), notices) as served:
        yield served


def _ask(client: TestClient, question: str) -> dict[str, object]:
    body: dict[str, object] = client.post(
        "/api/ask", json={"question": question, "mode": "extractive"}).json()
    return body


def test_a_shortened_word_keeps_its_characters_in_order() -> None:
    held = shortened("年满80周岁的老年人每餐补贴3元", {"老人", "每顿", "餐补"})
    assert held == {"老人"}  # 老年人 shortened; 每顿 is not 每餐; 餐补 is a bigram as written


def test_a_bound_is_held_in_any_of_its_words() -> None:
    assert bound_said("午餐标准价格不高于12元", {"最高", "高多", "午餐"}) == {"最高"}
    assert bound_said("保存不少于48小时", {"最高"}) == set()  # a floor states no cap


def test_a_bound_asked_in_other_words_is_answered(client: TestClient) -> None:
    body = _ask(client, "鹤壁助餐点一份午餐最高多少钱？")
    assert not body["refused"], body
    assert "12元" in str(body["answer"])


def test_a_question_shortening_the_notices_words_is_answered(client: TestClient) -> None:
    body = _ask(client, "鹤壁80岁以上的老人去助餐点吃饭，每顿能补多少钱？")
    assert not body["refused"], body
    assert "3元" in str(body["answer"])


def test_a_detail_the_notice_does_not_give_stays_refused(client: TestClient) -> None:
    body = _ask(client, "鹤壁助餐点的厨师每月工资是多少？")
    assert body["refused"], body


def test_within_states_an_upper_bound() -> None:
    """Regression (round 21): "最多能投放多少辆" was refused over "投放总量控制在6000辆以内": 以内
    states the cap that 最多 asks, as 不超过 does."""
    assert bound_said("投放总量控制在6000辆以内", {"最多", "投放"}) == {"最多"}
    assert bound_said("投放总量不少于6000辆", {"最多"}) == set()  # a floor states no cap



def test_a_word_of_the_same_sense_is_said() -> None:
    """An everyday Chinese question may name what a notice says formally by another word of the same
    sense (报名 for 登记, 补贴 for 补助, 回话 for 答复): the notice still answers it.

    Regression (round 21, issues 22/23): on a new city's notice, "家里困难的住校生一年能拿多少
    生活补贴？" was refused ("no passage answers") although the notice says "家庭经济困难寄宿生
    按照每人每年1000元的标准发放生活补助": the reader's support counted only the question's
    character pairs the sentence holds (补贴 is no pair of 补助). Words of one sense in the general
    dictionary (CC-CEDICT) now count as said; a question of what the notice does not say stays
    refused. The notice is written by the test.
    """
    question = "家里困难的住校生一年能拿多少生活补贴？"
    text = "家庭经济困难寄宿生按照每人每年1000元的标准发放生活补助。"
    assert "补贴" in same_sense(text, bigram_units(question), question)
    # 家里 "home" is no 家庭 "family": no sense shared, not said.
    assert "家里" not in same_sense(text, bigram_units(question), question)


def test_an_everyday_word_for_the_notices_is_answered(client: TestClient) -> None:
    body = _ask(client, "荆门家里困难的住校生一年能拿多少生活补贴？")
    assert not body["refused"], body
    assert "1000元" in str(body["answer"])


def test_what_the_notice_does_not_say_stays_refused(client: TestClient) -> None:
    body = _ask(client, "荆门的民办小学一年学费要交多少钱？")
    assert body["refused"], body
