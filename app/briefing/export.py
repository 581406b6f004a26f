"""One entry point for every export format of a brief or a topic comparison."""

from __future__ import annotations

from typing import Literal

from app.briefing.models import Brief, TopicComparison
from app.briefing.render import brief_html, brief_markdown, comparison_html, comparison_markdown
from app.briefing.word import brief_docx, comparison_docx

Format = Literal["md", "html", "docx"]
MEDIA_TYPES: dict[str, str] = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def export(what: Brief | TopicComparison, fmt: Format) -> bytes:
    if isinstance(what, Brief):
        if fmt == "docx":
            return brief_docx(what)
        text = brief_html(what) if fmt == "html" else brief_markdown(what)
    else:
        if fmt == "docx":
            return comparison_docx(what)
        text = comparison_html(what) if fmt == "html" else comparison_markdown(what)
    return text.encode("utf-8")


def file_name(what: Brief | TopicComparison, fmt: Format) -> str:
    if isinstance(what, Brief):
        stem = f"brief-{what.document.doc_id}"
    else:
        topic = what.topic.lower()
        kept = "".join(ch for ch in topic if (ch.isascii() and ch.isalnum()) or ch == " ")
        stem = "compare-" + "-".join(kept.split())
    return f"{stem.rstrip('-') or 'compare'}.{fmt}"
