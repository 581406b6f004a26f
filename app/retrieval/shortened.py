"""Words as Chinese shortens them: a shortened word keeps characters of the full one in their
order and leaves others out (老人 of 老年人, 留样 of 留存样品, 电梯 of 电动扶梯), so a question
written in short words still holds pairs of a sentence's characters, a few apart."""

from __future__ import annotations

from app.text import CJK_RUN

SHORTENED_GAP = 2  # the most characters a shortened word leaves out between two it keeps


def shortened(text: str, asked: set[str]) -> set[str]:
    """The character bigrams of ``asked`` that ``text`` holds as a shortened word keeps them:
    in order, with one to ``SHORTENED_GAP`` characters of its Chinese runs between them."""
    return {run[i] + run[j] for run in CJK_RUN.findall(text) for i in range(len(run))
            for j in range(i + 2, min(i + 2 + SHORTENED_GAP, len(run)))} & asked
