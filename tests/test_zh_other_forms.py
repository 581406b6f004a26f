"""A Chinese question may name the notice's group by the short name the general dictionary gives
for it, although the dictionary's full name opens with a scope the notice leaves out (低保,
"abbr. for 城市居民最低生活保障", of a notice's 最低生活保障对象): the sentence naming the group
must still answer, not a sibling's sharing more of the question's other words.

Regression (round 42, issues 22/23): "来宾低保老人每个月的上门服务补贴是多少？" was answered with
the 150元 of "年满80周岁的空巢老年人", not the 300元 of "最低生活保障对象": CC-CEDICT's 低保 was
dropped as no short form of 城市居民最低生活保障 (a short form keeps its full name's first
character), so no sentence held 低保 and the sibling's 老年人…每人每月 won. The notice is written
by the test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.retrieval.shortened import as_asked, named_forms
from tests.support.served import asked, serve_texts

NOTICE = (
    "朔州市民政局关于开展居家养老上门服务的通知\n"
    "各县区民政局：\n"
    "为满足困难老年人居家养老服务需求，现就开展居家养老上门服务有关事项通知如下。\n"
    "一、服务对象和补贴标准\n"
    "（一）最低生活保障对象和分散供养特困老年人，每人每月给予上门服务补贴260元，以服务券形式发放。\n"
    "（二）年满80周岁的独居老年人和空巢老年人，每人每月给予上门服务补贴120元。\n"
    "二、服务内容\n"
    "（一）上门服务包括助餐、助洁、助浴、助医等项目，每次服务时长不少于1小时。\n"
    "三、申请办理\n"
    "（一）老年人或其家属向户籍所在社区提出申请，社区在5个工作日内完成审核。\n"
    "朔州市民政局\n2026年11月1日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("zh-other-forms"), {"shuozhou-care": NOTICE}) as c:
        yield c


def test_a_dictionary_short_name_reads_a_full_name_without_its_scope() -> None:
    assert ("低保", "最低生活保障") in named_forms("低保户的补贴是多少？")
    assert ("发改委", "发展和改革委员会") in named_forms("发改委负责什么？")
    assert "城乡低保家庭" in as_asked("城乡最低生活保障家庭每户900元。", "低保户的补贴是多少？")
    assert named_forms("保障家庭的补贴是多少？") == ()  # no short name said


def test_a_question_naming_the_group_by_its_short_name_is_answered(client: TestClient) -> None:
    body = asked(client, "朔州低保老人每个月的上门服务补贴是多少？")
    assert not body["refused"], body
    assert "260元" in str(body["answer"])


def test_what_the_notice_does_not_say_of_the_group_stays_refused(client: TestClient) -> None:
    body = asked(client, "朔州低保老人看病住院能报销多少？")
    assert body["refused"], body
