"""Normalize received text into the stored text that every chunk offset points into.

Only what would mislead a reader or a tokenizer goes: stray markup (the Zhangzhou text has
``< strong>``), entities, control characters, runs of layout spaces. Words stay as received,
and so do the typeset spaces of Chinese text (the full-width indent "\u3000\u3000" that opens a
paragraph of a flattened notice, an en space after "2."): they are characters of the text a
quote must give verbatim (realzh-dev's spans hold them), and offsets point into this text.
"""

from __future__ import annotations

import html
import re
import unicodedata

# Tags that turn up inside texts copied from web pages; block tags become line breaks. A tag is
# what an HTML parser takes for one: "<" directly followed by the name, then attributes or
# nothing. Text like "cost < a threshold and > b" holds no tag and keeps every word. The one
# looser form accepted, "< strong>" (seen in the Zhangzhou text), has nothing but the name.
_BLOCK_TAGS = r"p|br|div|li|ul|ol|tr|table|h[1-6]|section|article|blockquote"
_INLINE_TAGS = r"strong|b|i|em|span|font|u|sup|sub|a|small|big|mark|ins|del|s|strike|code"


def _tag(names: str) -> re.Pattern[str]:
    real = rf"</?(?:{names})(?:\s[^<>]{{0,200}})?/?>"
    bare = rf"<\s*/?\s*(?:{names})\s*/?\s*>"
    return re.compile(f"{real}|{bare}", re.IGNORECASE)


_BLOCK_TAG = _tag(_BLOCK_TAGS)
_INLINE_TAG = _tag(_INLINE_TAGS)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Layout (an extractor's, a web page's): a run of ASCII spaces, tabs and no-break spaces becomes
# one space, as does a lone tab or no-break space; the typeset spaces above are kept.
_SPACES = re.compile(r"[ \t\u00a0]{2,}|[\t\u00a0]")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_text(raw: str, *, markup: bool = True) -> str:
    """The normalized text: one paragraph per line, a blank line at most between them.

    ``markup=False`` for text an HTML parser has already produced: its tags are gone and its
    entities decoded, so a literal "&lt;b&gt;" it yielded must stay as written.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if markup:
        text = _BLOCK_TAG.sub("\n", text)
        text = _INLINE_TAG.sub("", text)
        # One pass: "&amp;lt;" becomes "&lt;", never "<".
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    # A NUL is never a character of the text: PDF extraction of two-byte (CJK) font codes can
    # leave one before every character ("\x00泰\x00州"), and a space there would split words.
    text = text.replace("\x00", "")
    text = _CONTROL.sub(" ", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
