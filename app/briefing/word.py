"""A brief or a topic comparison as a Word document (python-docx), for trainers' handouts."""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Pt, RGBColor

from app.briefing.models import Brief, BriefItem, TopicComparison
from app.briefing.render import EMPTY, facts, where

GREY = RGBColor(0x5B, 0x64, 0x70)


def _item(doc: DocxDocument, item: BriefItem) -> None:
    paragraph = doc.add_paragraph(style="List Bullet")
    paragraph.add_run(f"[{item.n}] ").bold = True
    paragraph.add_run(f"“{item.citation.quote}”")
    cite = doc.add_paragraph().add_run(where(item.citation))
    cite.font.size = Pt(8)
    cite.font.color.rgb = GREY


def _bytes(doc: DocxDocument) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def brief_docx(brief: Brief) -> bytes:
    info = brief.document
    doc = Document()
    doc.add_heading(f"Briefing: {info.title or info.doc_id}", level=0)
    for label, value in facts(info):
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
    if brief.overview:
        doc.add_heading("Overview (written by the model, checked against its sources)", level=1)
        doc.add_paragraph(brief.overview.text)
        for c in brief.overview.citations:
            doc.add_paragraph(f"[{c.n}] “{c.quote}” — {where(c)}", style="List Bullet")
    elif brief.overview_note:
        doc.add_paragraph(brief.overview_note).runs[0].italic = True
    for section in brief.sections:
        doc.add_heading(section.label, level=1)
        for item in section.items:
            _item(doc, item)
        if not section.items:
            doc.add_paragraph(EMPTY).runs[0].italic = True
    doc.add_heading("Quiz", level=1)
    for q in brief.quiz:
        doc.add_paragraph(f"{q.question} ({q.hint})", style="List Number")
        answer = doc.add_paragraph()
        answer.add_run("Answer: ")
        answer.add_run(q.answer).bold = True
        answer.add_run(f" [{q.item}]")
    if brief.quiz_note:
        doc.add_paragraph(brief.quiz_note).runs[0].italic = True
    return _bytes(doc)


def comparison_docx(comparison: TopicComparison) -> bytes:
    doc = Document()
    doc.add_heading(f"Topic comparison: {comparison.topic}", level=0)
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("City", "Document", "Cited items"), strict=True):
        cell.text = text
    for row in comparison.rows:
        cells = table.add_row().cells
        cells[0].text = " · ".join(p for p in (row.city, row.district) if p)
        cells[1].text = row.title
        cells[2].text = "\n".join(f"[{i.n}] “{i.citation.quote}” ({where(i.citation)})"
                                  for i in row.items)
    if comparison.without:
        doc.add_paragraph(f"Nothing on this topic in: {', '.join(comparison.without)}.")
    return _bytes(doc)
