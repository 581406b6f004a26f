"""Normalize received text into the stored text that every chunk offset points into.

Only what would mislead a reader or a tokenizer goes: stray markup (the Zhangzhou text has
``< strong>``), entities, control characters, odd white space. Words stay as received.
"""

from __future__ import annotations

import html
import re
import unicodedata

# Tags that turn up inside texts copied from web pages; block tags become line breaks.
_BLOCK_TAGS = r"p|br|div|li|ul|ol|tr|table|h[1-6]|section|article|blockquote"
_INLINE_TAGS = r"strong|b|i|em|span|font|u|sup|sub|a|small|big|mark|ins|del|s|strike|code"
_BLOCK_TAG = re.compile(rf"<\s*/?\s*(?:{_BLOCK_TAGS})\b[^<>]{{0,200}}>", re.IGNORECASE)
_INLINE_TAG = re.compile(rf"<\s*/?\s*(?:{_INLINE_TAGS})\b[^<>]{{0,200}}>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_text(raw: str) -> str:
    """The normalized text: one paragraph per line, a blank line at most between them."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = _BLOCK_TAG.sub("\n", text)
    text = _INLINE_TAG.sub("", text)
    text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
