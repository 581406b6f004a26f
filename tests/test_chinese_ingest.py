"""Chinese documents as a city has them, without a manifest: .txt (also flattened onto one line
by a web copy), .docx, .pdf, .md; their outline, language and facts read from the text."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from fastapi.testclient import TestClient

from app.cli import main
from app.http.factory import create_app
from app.settings import Settings
from app.store.chroma import Store
from app.store.records import Chunk
from ingest.pipeline import ingest
from tests.conftest import make_settings
from tests.support.pdfs import write_chinese_pdf

NOTICE = """泰州市人民政府
关于支持中小微企业应对疫情共渡难关的若干意见
泰政发〔2020〕37号
各市（区）人民政府，市各委办局：
为帮助中小微企业渡过难关，现提出如下意见。
一、减轻企业负担
（一）减免房租。对承租国有资产类经营用房的中小微企业，免收2月份房租，减半收取3月份房租。
（二）延期缴纳社会保险费。受疫情影响生产经营困难的企业，可延期缴纳社会保险费，延期期间免收滞纳金。
二、加大金融支持
（三）稳定信贷规模。银行不得对受疫情影响的企业抽贷、断贷、压贷。
1.贷款展期。到期还款困难的企业可申请展期。
2.降低利率。新发放贷款利率比上年同期下降10%。
本意见自发布之日起施行。
泰州市人民政府
2020年2月4日
"""
# The same kind of notice as a web page's copy delivers it: one line, breaks turned to spaces.
FLAT = (
    "宿州市交通运输局关于恢复城市公交运营的通告 各有关单位："
    " 为保障市民出行，经研究决定恢复公交运营。"
    " 一、恢复范围 （一）市区公交线路。全市123条公交线路自2月20日起恢复运营。"
    " （二）城乡客运线路。城乡客运线路暂缓恢复，恢复时间另行通知。"
    " 二、防控要求 乘客须全程佩戴口罩，上车前配合测量体温。 宿州市交通运输局 2020年2月18日"
)
PDF_PAGES = [
    "南通市财政局关于减免中小企业房租的通知\n一、减免范围\n"
    "（一）对承租市属国有房产的中小企业，免收2月份房租。\n"
    "（二）对承租其他房产的企业，鼓励业主减免租金。",
    "二、办理方式\n企业向出租方提交书面申请即可办理。\n南通市财政局\n2020年2月10日",
]
MIXED = (
    "# 合作协议\n\n本协议由两市共同签订，自2024年1月1日起生效。\n\n"
    "# English summary\n\nThe agreement takes effect on 1 January 2024 and covers the sharing "
    "of public data between the two cities.\n"
)


def _chinese_list(document: DocxDocument) -> Callable[[str, int], None]:
    """A list numbered by Word itself (一、 then （一）), its numbers in no paragraph's text."""
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        f'<w:lvlText w:val="{pattern}"/></w:lvl>'
        for level, pattern in enumerate(("%1、", "（%2）"))
    )
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def item(text: str, level: int) -> None:
        numbered = document.add_paragraph(text)._p.get_or_add_pPr().get_or_add_numPr()
        numbered.get_or_add_numId().val = 90
        numbered.get_or_add_ilvl().val = level

    return item


def _write_docx(path: Path) -> None:
    document = Document()
    document.add_heading("关于加快数字政府建设的实施方案", 0)
    document.add_heading("第一章 总体要求", 1)
    document.add_paragraph("到2025年，全市政务服务事项全部实现网上办理。")
    document.add_heading("数据共享", 2)
    document.add_paragraph("建立全市统一的数据共享平台，各部门数据按需共享。")
    item = _chinese_list(document)
    item("报送要求", 0)
    item("各部门按月报送数据资源目录。", 1)
    item("数据共享情况纳入年度考核。", 1)
    table = document.add_table(rows=2, cols=2)
    for row, values in zip(table.rows, (("指标", "目标值"), ("网上办理率", "100%")), strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_heading("第二章 保障措施", 1)
    document.add_paragraph("市财政每年安排专项资金5000万元。")
    document.add_paragraph("专款专用。", style="List Number")
    document.add_paragraph("无锡市大数据管理局")
    document.add_paragraph("2021年3月1日")
    document.save(str(path))


@pytest.fixture(scope="module")
def store_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    folder = tmp_path_factory.mktemp("city-files")
    (folder / "taizhou-notice.txt").write_text(NOTICE, encoding="utf-8")
    (folder / "suzhou-bus.txt").write_text(FLAT, encoding="utf-8")
    _write_docx(folder / "wuxi-plan.docx")
    write_chinese_pdf(folder / "nantong-rent.pdf", PDF_PAGES)
    (folder / "agreement.md").write_text(MIXED, encoding="utf-8")
    settings = make_settings(tmp_path_factory.mktemp("data"))
    report = ingest([folder], settings)
    assert not report.failed, report.failed
    assert len(report.added) == 5
    return settings


@pytest.fixture(scope="module")
def api(store_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(store_settings)) as test_client:
        yield test_client


def _chunks(settings: Settings, doc_id: str) -> list[Chunk]:
    return sorted((c for c in Store(settings).all_chunks() if c.doc_id == doc_id),
                  key=lambda c: c.start)


def _containing(chunks: list[Chunk], words: str) -> Chunk:
    return next(c for c in chunks if words in c.text)


def test_a_chinese_notice_without_a_manifest_describes_itself(store_settings: Settings) -> None:
    info = {d.doc_id: d.info for d in Store(store_settings).list_documents()}
    notice = info["taizhou-notice"]
    assert notice["title"] == "关于支持中小微企业应对疫情共渡难关的若干意见"
    assert notice["issuer"] == "泰州市人民政府"
    assert notice["published"] == "2020-02-04" and notice["year"] == 2020
    assert notice["doc_number"] == "泰政发〔2020〕37号"
    assert notice["language"] == "zh" and notice["official"] is False
    flat = info["suzhou-bus"]
    assert flat["title"] == "宿州市交通运输局关于恢复城市公交运营的通告"
    assert (flat["issuer"], flat["published"]) == ("宿州市交通运输局", "2020-02-18")
    assert (info["wuxi-plan"]["issuer"], info["wuxi-plan"]["published"]) == (
        "无锡市大数据管理局", "2021-03-01")


def test_chinese_headings_give_section_paths(store_settings: Settings) -> None:
    chunks = _chunks(store_settings, "taizhou-notice")
    rent = _containing(chunks, "免收2月份房租")
    assert rent.section == "一、减轻企业负担 > （一）减免房租"
    assert "社会保险费" not in rent.text  # one measure per chunk
    loan = _containing(chunks, "申请展期")
    assert loan.section == "二、加大金融支持 > （三）稳定信贷规模 > 1.贷款展期"
    assert not any(c.text.startswith("一、减轻企业负担") for c in chunks)  # a heading, not a chunk


def test_a_notice_flattened_onto_one_line_keeps_its_outline(store_settings: Settings) -> None:
    chunks = _chunks(store_settings, "suzhou-bus")
    assert _containing(chunks, "123条公交线路").section == "一、恢复范围 > （一）市区公交线路"
    assert _containing(chunks, "暂缓恢复").section == "一、恢复范围 > （二）城乡客运线路"
    masks = _containing(chunks, "佩戴口罩")
    assert masks.section == "二、防控要求" and masks.text.startswith("乘客须全程佩戴口罩")


def test_a_docx_with_headings_keeps_its_section_path(store_settings: Settings) -> None:
    chunks = _chunks(store_settings, "wuxi-plan")
    text = Store(store_settings).get_document("wuxi-plan")
    assert text is not None
    platform = _containing(chunks, "统一的数据共享平台")
    assert platform.section == "第一章 总体要求 > 数据共享"
    monthly = _containing(chunks, "按月报送数据资源目录")
    assert monthly.text.startswith("（一）各部门按月报送")  # Word's own number, written out
    assert monthly.section == (
        "第一章 总体要求 > 数据共享 > 一、报送要求 > （一）各部门按月报送数据资源目录")
    assert _containing(chunks, "纳入年度考核").text.startswith("（二）")
    assert _containing(chunks, "专款专用").text.startswith("1.")
    assert "网上办理率 | 100%" in text.text  # a table row, one line
    assert _containing(chunks, "5000万元").section == "第二章 保障措施"
    for chunk in chunks:
        assert text.text[chunk.start : chunk.end] == chunk.text


def test_a_chinese_pdf_ingests_with_exact_offsets(store_settings: Settings) -> None:
    doc = Store(store_settings).get_document("nantong-rent")
    assert doc is not None
    assert "对承租市属国有房产的中小企业，免收2月份房租。" in doc.text
    chunks = _chunks(store_settings, "nantong-rent")
    for chunk in chunks:
        assert doc.text[chunk.start : chunk.end] == chunk.text
    apply = _containing(chunks, "书面申请")
    assert (apply.page, apply.section) == (2, "二、办理方式")
    assert _containing(chunks, "免收2月份房租").page == 1
    assert (doc.info["issuer"], doc.info["published"]) == ("南通市财政局", "2020-02-10")


def test_each_passage_of_a_mixed_document_has_its_own_language(
    store_settings: Settings,
) -> None:
    chunks = _chunks(store_settings, "agreement")
    assert _containing(chunks, "共同签订").metadata["language"] == "zh"
    english = _containing(chunks, "sharing of public data")
    assert english.metadata["language"] == "en" and english.section == "English summary"


def test_facts_are_shown_and_filterable(api: TestClient) -> None:
    listed = {d["doc_id"]: d for d in api.get("/api/documents").json()["documents"]}
    assert listed["taizhou-notice"]["doc_number"] == "泰政发〔2020〕37号"
    body = {"query": "公交线路恢复运营", "top_k": 10, "filters": {"issuer": "交通运输局"}}
    found = api.post("/api/search", json=body).json()["passages"]
    assert found and {p["doc_id"] for p in found} == {"suzhou-bus"}
    english = api.post("/api/search", json={"query": "data", "filters": {"language": "en"}})
    assert {p["doc_id"] for p in english.json()["passages"]} == {"agreement"}
    french = api.post("/api/search", json={"query": "data", "filters": {"language": "fr"}})
    assert french.status_code == 422 and "en, zh" in french.json()["error"]["message"]
    unknown = api.post("/api/search", json={"query": "房租", "filters": {"issuer": "海关总署"}})
    assert unknown.status_code == 422 and "海关总署" in unknown.json()["error"]["message"]


def test_a_wps_file_gets_one_line_and_a_failing_exit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("POLICYKB_DATA_DIR", str(tmp_path / "data"))
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "通知.wps").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 WPS Writer")
    assert main(["ingest", str(folder / "通知.wps")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "通知.wps" in err[0] and "save it as .docx" in err[0]
    (folder / "notice.txt").write_text(FLAT, encoding="utf-8")
    (folder / "scan.ofd").write_bytes(b"PK\x03\x04 OFD")
    assert main(["ingest", str(folder)]) == 1  # the rest of the folder still ingests
    out = capsys.readouterr()
    assert "1 added" in out.out
    lines = out.err.strip().splitlines()
    assert len(lines) == 2 and any("scan.ofd" in line and "export it to PDF" in line
                                   for line in lines)
