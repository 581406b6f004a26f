"""A brief or a topic comparison as Markdown or as a standalone, printable HTML page.

Every quote is the document's text verbatim, escaped (HTML) or quoted (Markdown), followed by
its citation: document, section path and character offsets into the stored text.
"""

from __future__ import annotations

from html import escape

from app.briefing.models import Brief, BriefItem, TopicComparison
from app.models import Citation, DocumentInfo, ValidityInfo

EMPTY = "The document has no item of this kind."


def where(c: Citation) -> str:
    section = f"{c.section}, " if c.section else ""
    page = f"p. {c.page}, " if c.page else ""
    return f"{c.doc_id}, {section}{page}chars {c.start}-{c.end}"


NOT_IN_FORCE = "Left out as no longer in force (ask with expired=true to include them)"
STATUS_WORDS = {"in_force": "In force", "expired": "No longer in force",
                "superseded": "No longer in force", "not_yet_in_force": "Not yet in force"}


def validity_line(validity: ValidityInfo) -> str:
    """Whether the policy holds today, and the dates it states (first thing a reader asks)."""
    parts = [STATUS_WORDS[validity.status] + (f": {validity.note}" if validity.note else "")]
    if validity.effective_from:
        parts.append(f"from {validity.effective_from}")
    elif validity.on_issue:
        parts.append("from the day it was issued")
    if validity.effective_until:
        parts.append(f"until {validity.effective_until}")
    if validity.condition:
        parts.append(f"“{validity.condition}” (as the text states it)")
    if len(parts) == 1 and validity.status == "in_force":
        parts.append("the text states no dates of validity")
    return "; ".join(parts)


def facts(info: DocumentInfo) -> list[tuple[str, str]]:
    """What the policy is, as label/value pairs (only the values the store holds)."""
    place = " · ".join(p for p in (info.city, info.district) if p)
    date = info.published or (str(info.year) if info.year else "")
    rows = [("Validity", validity_line(info.validity)),
            ("Title", info.title or info.doc_id), ("Issuer", info.issuer or ""),
            ("Date", date), ("City", place), ("Kind", info.kind or ""),
            ("Covers", "; ".join(info.covers or [])), ("Document", info.doc_id)]
    return [(label, value) for label, value in rows if value]


# Markdown ---------------------------------------------------------------------------------
def _md_item(item: BriefItem) -> str:
    c = item.citation
    return f"- [{item.n}] “{' '.join(c.quote.split())}”  \n  *{where(c)}*"


def brief_markdown(brief: Brief) -> str:
    info = brief.document
    lines = [f"# Briefing: {info.title or info.doc_id}", ""]
    lines += [f"- **{label}:** {value}" for label, value in facts(info)]
    lines.append("")
    if brief.overview:
        lines += ["## Overview (written by the model, checked against its sources)", "",
                  brief.overview.text, ""]
        lines += [f"- [{c.n}] “{c.quote}” — *{where(c)}*" for c in brief.overview.citations]
        lines.append("")
    elif brief.overview_note:
        lines += [f"> {brief.overview_note}", ""]
    for section in brief.sections:
        lines += [f"## {section.label}", ""]
        lines += [_md_item(i) for i in section.items] or [f"*{EMPTY}*"]
        lines.append("")
    lines += ["## Quiz", ""]
    for q in brief.quiz:
        lines += [f"{q.n}. {q.question} *({q.hint})*", f"   - Answer: **{q.answer}** [{q.item}]"]
    if brief.quiz_note:
        lines += ["", f"> {brief.quiz_note}"]
    return "\n".join(lines).rstrip() + "\n"


def comparison_markdown(comparison: TopicComparison) -> str:
    lines = [f"# Topic comparison: {comparison.topic}", "",
             "| City | Document | Cited items |", "|---|---|---|"]
    for row in comparison.rows:
        place = " · ".join(p for p in (row.city, row.district) if p)
        cells = "<br>".join(f"[{i.n}] “{_cell(i.citation.quote)}” ({where(i.citation)})"
                            for i in row.items)
        lines.append(f"| {_cell(place)} | {_cell(row.title)} | {cells} |")
    if comparison.without:
        lines += ["", f"Nothing on this topic in: {', '.join(comparison.without)}."]
    if comparison.not_in_force:
        lines += ["", f"{NOT_IN_FORCE}: {', '.join(comparison.not_in_force)}."]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


# HTML -------------------------------------------------------------------------------------
STYLE = """
body { font: 15px/1.65 "Noto Sans CJK SC", "Microsoft YaHei", system-ui, sans-serif; color: #1f2328;
  max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { color: #1d3557; font-size: 1.5rem; border-bottom: 3px solid #a4262c; padding-bottom: .4rem; }
h2 { color: #1d3557; font-size: 1.15rem; margin-top: 1.8rem; }
dl.facts { display: grid; grid-template-columns: 8em 1fr; gap: .2rem 1rem; }
dl.facts dt { color: #5b6470; }
dl.facts dd { margin: 0; }
ol.items { padding-left: 0; list-style: none; }
ol.items li { margin: .6rem 0; break-inside: avoid; }
blockquote { margin: .2rem 0; padding: .3rem .9rem; border-left: 3px solid #b9c8de;
  background: #f7f9fb; font-family: "Noto Serif CJK SC", Georgia, serif; }
.cite, .note { color: #5b6470; font-size: .85rem; }
.empty { color: #5b6470; font-style: italic; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 1px solid #d7dce3; padding: .4rem .6rem; vertical-align: top; text-align: left; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  blockquote { background: none; }
  a { color: inherit; text-decoration: none; }
}
"""


def _page(title: str, body: str) -> str:
    return (f'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            f"{body}\n</body>\n</html>\n")


def _html_item(item: BriefItem) -> str:
    c = item.citation
    return (f'<li id="item-{item.n}"><strong>[{item.n}]</strong>'
            f"<blockquote>{escape(c.quote)}</blockquote>"
            f'<span class="cite">{escape(where(c))}</span></li>')


def brief_html(brief: Brief) -> str:
    info = brief.document
    parts = [f"<h1>Briefing: {escape(info.title or info.doc_id)}</h1>", '<dl class="facts">']
    parts += [f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in facts(info)]
    parts.append("</dl>")
    if brief.overview:
        parts += ["<h2>Overview (written by the model, checked against its sources)</h2>",
                  f"<p>{escape(brief.overview.text)}</p>", '<ol class="items">']
        parts += [f"<li>[{c.n}] <blockquote>{escape(c.quote)}</blockquote>"
                  f'<span class="cite">{escape(where(c))}</span></li>'
                  for c in brief.overview.citations]
        parts.append("</ol>")
    elif brief.overview_note:
        parts.append(f'<p class="note">{escape(brief.overview_note)}</p>')
    for section in brief.sections:
        parts.append(f"<h2>{escape(section.label)}</h2>")
        parts.append('<ol class="items">' + "".join(map(_html_item, section.items)) + "</ol>"
                     if section.items else f'<p class="empty">{EMPTY}</p>')
    parts += ["<h2>Quiz</h2>", "<ol>"]
    parts += [f"<li>{escape(q.question)} <span class='note'>({escape(q.hint)})</span><br>"
              f"Answer: <strong>{escape(q.answer)}</strong> [{q.item}]</li>" for q in brief.quiz]
    parts.append("</ol>")
    if brief.quiz_note:
        parts.append(f'<p class="note">{escape(brief.quiz_note)}</p>')
    return _page(f"Briefing: {info.title or info.doc_id}", "\n".join(parts))


def comparison_html(comparison: TopicComparison) -> str:
    rows = []
    for row in comparison.rows:
        place = " · ".join(p for p in (row.city, row.district) if p)
        items = "".join(map(_html_item, row.items))
        rows.append(f"<tr><td>{escape(place)}</td><td>{escape(row.title)}</td>"
                    f'<td><ol class="items">{items}</ol></td></tr>')
    body = (f"<h1>Topic comparison: {escape(comparison.topic)}</h1><table><thead><tr>"
            "<th>City</th><th>Document</th><th>Cited items</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")
    if comparison.without:
        missing = escape(", ".join(comparison.without))
        body += f'<p class="note">Nothing on this topic in: {missing}.</p>'
    if comparison.not_in_force:
        left = escape(", ".join(comparison.not_in_force))
        body += f'<p class="note">{NOT_IN_FORCE}: {left}.</p>'
    return _page(f"Topic comparison: {comparison.topic}", body)
