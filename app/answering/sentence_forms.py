"""Sentences whose form says how to read them: a heading names a topic and answers nothing; a
document's field line ("Interpreter: Guo Hongwei") is read under the document's title, and a
measure's closing remark ("(Responsible units: …)") under the measure's heading."""

from __future__ import annotations

import re

from app.answering.citations import Sentence
from app.fields import is_field
from app.retrieval.taggers import opens_without_subject

# A heading quoted alone ("(18) Strengthen safety supervision.") names a topic, answers nothing.
_MEASURE_LABEL = re.compile(r"^[(（]\d{1,3}[)）]")
HEADING_WORDS = 8


def is_heading(sentence: Sentence) -> bool:
    """A measure's label or a document's title line: short, or a first line with no stop."""
    text = sentence.text
    if _MEASURE_LABEL.match(text) and len(text.split()) <= HEADING_WORDS:
        return True
    return sentence.start == 0 and not text.rstrip().endswith((".", "。", "!", "?", "！", "？"))


# "(Responsible units: …)" closing a measure: a field in brackets, which says who carries out
# the measure; which measure is said by its heading, often sentences away.
REMARK = re.compile(r"[(（][A-Za-z][A-Za-z ]{1,30}[:：][^()（）]*[)）]\.?\s*$")


def in_context(sentence: Sentence) -> str:
    """What a sentence is scored as: a field line under its document's title; one closing in a
    remark or with no subject of its own ("Includes 12 tasks …") under its section's heading."""
    if is_field(sentence.text):
        return f"{sentence.chunk.metadata.get('title') or ''}: {sentence.text}"
    if REMARK.search(sentence.text) or opens_without_subject(sentence.text):
        # The innermost heading of its passage ("(11) Promoting …", "The second part is …").
        heading = str(sentence.chunk.metadata.get("section") or "").rsplit(">", 1)[-1].strip()
        if heading and heading not in sentence.text:
            return f"{heading}: {sentence.text}"
    return sentence.text
