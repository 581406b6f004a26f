"""A document's field lines ("Interpreter: Guo Hongwei", "牵头单位：市财政局。"): a label and a
value, no clause; the retrieval of a field asked for and the readers' ranking read them here."""

from __future__ import annotations

import re

from app.text import CJK_CHARS

# "Interpreter: Guo Hongwei", "牵头单位：市财政局。" (a name, no clause "，"): a field of its
# document, which says nothing of what it belongs to; it is read with the document's title.
_FIELD = re.compile(rf"^\s*(?:[A-Za-z][A-Za-z ]{{1,30}}\s*[:：]\s*\S"
                    rf"|[{CJK_CHARS}]{{2,6}}[:：][^，；]+[。；;]?$)")
FIELD_WORDS = 8


def is_field(text: str) -> bool:
    return bool(_FIELD.match(text)) and len(text.split()) <= FIELD_WORDS


def field_label(text: str) -> str:
    """The label of a field line ("Interpreter" of "Interpreter: Guo Hongwei"); "" for a line
    that is no field."""
    return re.split("[:：]", text, maxsplit=1)[0].strip() if is_field(text) else ""
