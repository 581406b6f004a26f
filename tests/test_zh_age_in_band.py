"""An everyday Chinese question stating the asker's age (issue 23, round 40, batch zhframe41):
"我爸…今年93岁，每月高龄津贴多少钱？" was refused over the notice's "90周岁至99周岁的老年人每人
每月…" because 93 is no figure the sentence states; a band holding the age states it. An age no
band holds stays unsaid, and the question is refused."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.support.served import asked, serve_texts

NOTICE = (
    "额尔古纳市民政局关于做好2026年高龄津贴发放工作的通知\n\n"
    "一、发放对象。具有本市户籍、年满80周岁的老年人。\n\n"
    "二、发放标准。自2026年1月1日起，80周岁至89周岁的老年人每人每月120元；"
    "90周岁至99周岁的老年人每人每月260元。\n\n"
    "三、发放方式。高龄津贴按月发放至老年人本人社会保障卡。\n\n"
    "额尔古纳市民政局\n2026年1月5日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("zh-age-in-band"), {"notice": NOTICE}) as served:
        yield served


def test_an_age_its_band_holds_is_answered(client: TestClient) -> None:
    body = asked(client, "我爸在额尔古纳，今年93岁，每月高龄津贴多少钱？")
    assert not body["refused"] and "260元" in str(body["answer"])


def test_an_age_no_band_holds_is_refused(client: TestClient) -> None:
    assert asked(client, "我爸在额尔古纳，今年101岁，每月高龄津贴多少钱？")["refused"]
