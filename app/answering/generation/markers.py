"""Citation markers in a generated answer: ``[2]``, ``[1, 2]``, ``【1】``."""

from __future__ import annotations

import re

MARKER = re.compile(r"[\[【]\s*(\d{1,3}(?:\s*[,，、]\s*\d{1,3})*)\s*[\]】]")


def markers(text: str) -> list[int]:
    """The passage numbers the text's markers name, in order."""
    return [int(n) for m in MARKER.finditer(text) for n in re.split(r"\s*[,，、]\s*", m.group(1))]


def strip_markers(text: str) -> str:
    return " ".join(MARKER.sub(" ", text).split())


def blank_markers(text: str) -> str:
    """The text with its markers turned to spaces, so offsets into it still hold."""
    return MARKER.sub(lambda m: " " * len(m.group(0)), text)
