"""An everyday Chinese question may name what a notice says formally by another word of the same
sense (报名 for 登记, 补贴 for 补助, 回话 for 答复): the notice still answers it.

Regression (round 21, issues 22/23): on a new city's notice, "家里困难的住校生一年能拿多少
生活补贴？" was refused ("no passage answers") although the notice says "家庭经济困难寄宿生
按照每人每年1000元的标准发放生活补助": the reader's support counted only the question's
character pairs the sentence holds (补贴 is no pair of 补助). Words of one sense in the general
dictionary (CC-CEDICT) now count as said; a question of what the notice does not say stays
refused. The notice is written by the test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.retrieval.shortened import same_sense
from app.text import bigram_units
from tests.support.served import serve_texts

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
    with serve_texts(tmp_path_factory.mktemp("zh-same-sense"), {"jingmen-schools": SCHOOLS}) as s:
        yield s


def _ask(client: TestClient, question: str) -> dict[str, object]:
    body: dict[str, object] = client.post(
        "/api/ask", json={"question": question, "mode": "extractive"}).json()
    return body


def test_a_word_of_the_same_sense_is_said() -> None:
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
