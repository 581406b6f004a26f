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


def test_a_lists_first_item_reads_on_with_its_next_items_where_a_list_is_asked() -> None:
    """A passage ending on a numbered list's first item, whole, reads on through the items
    counting on in its form (each to its paragraph's end) when a list is asked; not otherwise,
    nor from a later item."""
    page = ("■复工前的准备工作 　　1.落实责任。负责人是第一责任人。 　　2.制定总体方案。 "
            "　　3.做好物资准备。 　　■复工后的工作 　　1.降低住宿密度。")
    first = page.index(" 　　2.")
    on = read_on(_chunk(page, 0, first), lambda _: page, items=True)
    assert on.text.endswith("3.做好物资准备。") and on.end == page.index("3.做好") + 9
    assert read_on(_chunk(page, 0, first), lambda _: page).text == page[:first]
    later = page.index(" 　　3.")  # ends on the second item
    assert read_on(_chunk(page, 0, later), lambda _: page, items=True).end == later


def test_a_series_last_item_closed_by_a_full_stop_is_read_with_a_sentence_after_it() -> None:
    """Regression (rzspan48, realzh-dev): the items a lead-in announced were read to the last
    but one ("…4.新增病例发生的背景与原因；"), the last, closed by "。", taken for a heading of
    its own because the paragraph's next sentence follows it on its line."""
    lead = "主要包括如下几个方面："
    text = f"{lead} 1.病例类型； 2.所在单位； 3.防控责任落实情况。 各地需于次日中午前报送。"
    assert read_on(_chunk(text, 0, len(lead)), lambda _: text).text == text[:text.index(" 各地")]


# A guide whose parts list their measures as numbered paragraphs, each a passage of its own.
_GUIDE = ("某市住房和城乡建设委员会关于施工现场管理的通知\n"
          "各施工单位：\n"
          "现将有关要求通知如下。\n"
          "一、复工前的准备工作\n"
          "1.施工总承包单位做好复工准备，落实主体责任。项目负责人是第一责任人。\n"
          "2.制定总体方案，明确各参建单位的职责。\n"
          "3.各参建单位登记劳务人员的居住地和健康状况。\n"
          "二、复工后的管理\n"
          "1.施工现场实行封闭式管理，每日监测体温。\n")


def test_a_list_asked_is_quoted_with_every_numbered_item_not_the_first_alone(
        tmp_path: Path) -> None:
    """Regression (rzspan48, realzh-dev test): "北京市项目复工前需要做哪些防控准备？" was answered
    by the list's first item alone ("1.根据…第一责任人。"), because ingest had stored each
    numbered paragraph as a passage of its own; the quote runs on through the items counting on
    in its form, and stops before the next part's list."""
    with serve_texts(tmp_path, {"guide": _GUIDE}) as client:
        body = asked(client, "施工总承包单位复工前要做哪些准备？")
        assert not body["refused"], body
        (cited,) = body["citations"]
        quote = cited["quote"]
        assert "第一责任人" in quote and "总体方案" in quote and "健康状况" in quote, quote
        assert "封闭式管理" not in quote, quote
        assert _GUIDE[cited["start"]:cited["end"]] == quote
