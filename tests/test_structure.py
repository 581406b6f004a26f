"""The outline of a text (ingest.structure via ingest.chunking): ranks of numbered headings."""

from __future__ import annotations

from pathlib import Path

from ingest.chunking import chunk_spans
from ingest.loaders import load_file

REGULATION = """某市公共数据管理办法
第一章 总则
第一条 为规范公共数据管理，制定本办法。
第二条 本办法适用于本市行政机关。
第二章 数据共享
第三条 公共数据以共享为原则，不共享为例外。
一、无条件共享的数据，各部门可直接获取。
二、有条件共享的数据，须经提供部门同意。
"""

PLAN = """Riverton Work Plan for Open Data
I. Goals
By 2026 the city opens 500 data sets.
II. Main tasks
(1) Open public data. Each bureau publishes its data catalogue.
(2) Protect data security. Personal data is never opened.
"""


def _sections(text: str) -> dict[str, str]:
    return {text[c.start : c.end]: c.section for c in chunk_spans(text, [], 700)}


def test_articles_sit_under_their_chapter_and_items_under_their_article() -> None:
    sections = _sections(REGULATION)
    assert sections["第二条 本办法适用于本市行政机关。"] == (
        "第一章 总则 > 第二条 本办法适用于本市行政机关")
    assert sections["二、有条件共享的数据，须经提供部门同意。"] == (
        "第二章 数据共享 > 第三条 公共数据以共享为原则，不共享为例外 > "
        "二、有条件共享的数据，须经提供部门同意"
    )
    assert "第一章 总则" not in sections  # a heading names its section, it is no passage


def test_roman_numbered_english_parts_hold_their_measures() -> None:
    sections = _sections(PLAN)
    assert sections["By 2026 the city opens 500 data sets."] == "I. Goals"
    assert sections["(2) Protect data security. Personal data is never opened."] == (
        "II. Main tasks > (2) Protect data security"
    )


def test_html_headings_become_sections(tmp_path: Path) -> None:
    page = tmp_path / "notice.html"
    page.write_text(
        "<html><head><title>ignored</title></head><body><h2>一、总体要求</h2>"
        "<p>各部门要落实责任。</p><h2>二、工作措施</h2><h3>检查</h3><p>每月检查一次。</p>"
        "</body></html>",
        encoding="utf-8",
    )
    loaded = load_file(page)
    spans = chunk_spans(loaded.text, [], 700, loaded.headings)
    assert {loaded.text[c.start : c.end]: c.section for c in spans} == {
        "各部门要落实责任。": "一、总体要求",
        "每月检查一次。": "二、工作措施 > 检查",
    }
    assert "\ue002" not in loaded.text  # the level marks are gone


def test_a_heading_keeps_no_typeset_space_in_its_section_path() -> None:
    """Regression (zhspan9b): since ingest keeps a Chinese text's typeset spaces (zhspan9), a
    heading "2.\u2002医疗机构…" or an indented one named its section "2.\u2002医疗机构" and
    "\u3000\u3000一、…" in the shown path; the path reads its words with one plain space."""
    text = ("某市医疗废物管理通知\n\u3000\u3000一、\u3000职责分工\n"
            "2.\u2002医疗机构职责\n医疗机构应当对医疗废物分类收集。\n")
    sections = [s for s in _sections(text).values() if s]
    assert sections and all("\u2002" not in s and "\u3000" not in s for s in sections), sections
    assert any("医疗机构职责" in s for s in sections), sections


CONTACTS = """三、什么是密切接触者？
与发病病例有如下接触情形之一者属于密切接触者：
（1）与病例共同居住、学习、工作的人员；
（2）诊疗、护理病例时未采取有效防护措施的医护人员；
（3）与病例乘坐同一交通工具并有近距离接触人员。
四、为什么要医学观察14天？
"""


def test_a_list_stays_in_the_chunk_of_its_lead_in() -> None:
    """Bug: each item of "…属于密切接触者：" was a chunk of its own, so "什么是密切接触者？" was
    answered by the lead-in alone."""
    sections = _sections(CONTACTS)
    lead = next(t for t in sections if "与发病病例" in t)
    assert lead.endswith("（3）与病例乘坐同一交通工具并有近距离接触人员。")
    assert "（1）与病例共同居住、学习、工作的人员；" in lead
    assert sections[lead] == "三、什么是密切接触者？"


def test_a_list_too_long_for_one_chunk_keeps_its_items_apart() -> None:
    spans = chunk_spans(CONTACTS, [], 60)
    texts = [CONTACTS[c.start : c.end] for c in spans]
    assert "（2）诊疗、护理病例时未采取有效防护措施的医护人员；" in texts
    assert next(t for t in texts if "与发病病例" in t).endswith("：")


def test_items_heading_sentences_of_their_own_keep_their_own_chunks() -> None:
    """Regression (lists19's first cut, realzh-dev dev 江西 明查暗访): "（二）重大项目复工开工方面。
    重点了解…" joined its lead-in's chunk and lost its own section, so the question naming it
    found another passage."""
    text = ("二、明查暗访重点\n主要包括以下两个方面：\n"
            "（一）重点企业复工复产方面。重点了解复工进度。\n（二）重大项目复工开工方面。重点了解开工进度。\n")
    sections = _sections(text)
    assert sections["（二）重大项目复工开工方面。重点了解开工进度。"] == (
        "二、明查暗访重点 > （二）重大项目复工开工方面")
