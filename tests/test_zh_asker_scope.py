"""The asker's age in the scope a notice states above its measures (issues 22/23, round 42,
zhage43). The bug: "我奶奶78岁，一个人住…上门助浴一次收费多少？" was refused over "独居老人每次
收费15元" because the sentence names no age, though the notice's lead says whom it serves
(年满75周岁…独居老人); and a 70-year-old's question was answered by a notice whose scope leaves
them out. A band of the scope holding the asker's age says it; bands all leaving it out refuse."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.retrieval.asker_zh import in_scope
from app.store.records import Chunk
from tests.support.served import asked, serve_texts

NOTICE = (
    "某县2026年老年人上门助浴服务通知\n"
    "一、服务对象。户籍在本县、年满75周岁的独居老年人。\n"
    "二、服务标准。上门助浴每次收费20元，其余费用由县财政补贴。每人每月最多预约2次。\n"
    "三、预约方式。拨打助浴服务热线预约，接到预约后3个工作日内上门。\n"
    "某县民政局\n2026年3月1日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("zh-scope"), {"notice": NOTICE}) as served:
        yield served


def test_the_scope_is_the_lines_up_to_the_sentence() -> None:
    """Lines above the sentence state its scope; a line below it does not; one person (一个人)
    names no tier, and a question with no age of the asker's is left alone."""
    chunk, at = Chunk("c", "notice", "", 0, 0, {}), NOTICE.index("上门助浴每次收费")
    def document(_: str) -> str:
        return NOTICE
    assert in_scope("我奶奶今年80岁，一个人住，上门助浴一次收费多少？", chunk, at, document)
    assert in_scope("我奶奶今年70岁，上门助浴一次收费多少？", chunk, at, document) is False
    assert in_scope("我奶奶一个人住，上门助浴一次收费多少？", chunk, at, document) is None
    assert in_scope("我奶奶今年70岁，上门助浴一次收费多少？", chunk, 0, document) is None
    assert in_scope("我奶奶今年70岁，上门助浴一次收费多少？", chunk, at, None) is None


def test_each_item_states_its_own_bands_and_a_named_tier_holds() -> None:
    """Regression (the first cut refused cities probes 普洱 66岁 and 商丘 二孩): a line's second
    item (70周岁以上) does not hide its first's band (65周岁以上), and a line naming the asker's
    tier itself (二孩) beside a band leaving it out (三孩及以上) holds it."""
    text = ("一、优惠。65周岁以上老年人游泳享受半价优惠；70周岁以上老年人须出示体检证明。\n"
            "二、补贴。二孩每年另加发500元，三孩及以上每年另加发1500元。\n")
    chunk = Chunk("c", "notice", "", 0, 0, {})
    def document(_: str) -> str:
        return text
    at = text.index("65")
    assert in_scope("我家老人66岁了，去游泳能不能打折？", chunk, at, document)
    assert in_scope("我家老人60岁了，去游泳能不能打折？", chunk, at, document) is False
    assert in_scope("我家二孩，每年还能多领多少？", chunk, text.index("二孩"), document)


def test_an_asker_in_the_scope_is_answered_one_outside_it_refused(client: TestClient) -> None:
    body = asked(client, "我奶奶今年80岁，一个人住，上门助浴一次收费多少？")
    assert not body["refused"] and "20元" in str(body["answer"]), body
    assert asked(client, "我奶奶今年70岁，一个人住，上门助浴一次收费多少？")["refused"]
