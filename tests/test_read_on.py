"""An answer reads on past its passage through a list's items (issue 22, item 4): ingest starts a
chunk at each numbered paragraph, so a lead-in and the items it announces may be stored apart.
The texts are written by the test.
"""

from __future__ import annotations

from pathlib import Path

from app.retrieval.continuation import read_on
from app.store.records import Chunk
from tests.support.served import asked, serve_texts

# A notice with no headings: the lead-in's items are numbered paragraphs, each a chunk.
_NOTICE = ("某市卫生健康委员会关于做好传染病疫情处置工作的通知\n"
           "各区卫生健康局：\n"
           "根据有关法律规定，疾病预防控制机构发现传染病疫情或者接到疫情报告时，应当及时采取下列措施：\n"
           "（一）对传染病疫情进行流行病学调查，提出划定疫点、疫区的建议；\n"
           "（二）对疫点、疫区进行卫生处理，向卫生行政部门提出疫情控制方案；\n"
           "（三）指导下级疾病预防控制机构实施传染病预防、控制措施。\n"
           "请各区认真贯彻执行。\n"
           "某市卫生健康委员会\n"
           "2020年2月1日\n")


def test_a_lead_ins_items_stored_in_later_passages_are_quoted_with_it(tmp_path: Path) -> None:
    """Regression (rzspan44, realzh-dev dev): "医疗机构如何处置…？" was answered by the lead-in
    "…应当及时采取下列措施：" alone (its next passage not retrieved), or by its first item alone
    (retrieved: a passage's own run-on stops at its end), because ingest had stored each item as
    a passage of its own; the answer reads on through the items, at the document's offsets."""
    with serve_texts(tmp_path, {"notice": _NOTICE}) as client:
        body = asked(client, "疾病预防控制机构发现传染病疫情时应当采取哪些措施？")
        assert not body["refused"], body
        (cited,) = body["citations"]
        quote = cited["quote"]
        assert "流行病学调查" in quote and "卫生处理" in quote, quote
        assert "贯彻执行" not in quote, quote  # the list ends with its last item
        assert _NOTICE[cited["start"]:cited["end"]] == quote


def _chunk(text: str, start: int, end: int) -> Chunk:
    return Chunk("n::0001", "n", text[start:end], start, end, {"language": "zh"})


def test_read_on_takes_items_but_not_a_heading_or_a_section_of_its_own() -> None:
    """Only the items a lead-in announces are read on: not after a passage ending in a full stop
    or an item, not a heading line, nor an item followed on its line by a sentence of its own
    (it heads another measure)."""
    lead = "现将有关事项通知如下："
    listed = f"{lead}\n（一）甲项；\n（二）乙项。\n其他事项另行通知。"
    assert read_on(_chunk(listed, 0, len(lead)), lambda _: listed).text == (
        f"{lead}\n（一）甲项；\n（二）乙项。")
    headed = f"{lead}\n一、服务对象和内容\n（一）服务对象。外出务工人员均可申报。"
    assert read_on(_chunk(headed, 0, len(lead)), lambda _: headed).text == lead
    own = f"{lead}\n（一）服务对象。外出务工人员均可申报。"
    assert read_on(_chunk(own, 0, len(lead)), lambda _: own).text == lead
    ended = "本通知自印发之日起施行。\n（一）甲项；"
    assert read_on(_chunk(ended, 0, 12), lambda _: ended).text == ended[:12]
    item = "（一）甲项；\n（二）乙项；"  # an item named is asked alone: its list is not read on
    assert read_on(_chunk(item, 0, 6), lambda _: item).text == item[:6]
    assert read_on(_chunk(listed, 0, len(lead)), None).text == lead
