"""The Chinese reader over one passage, as the tests of its choices ask it."""

from __future__ import annotations

from app.answering.chinese_reader import ChineseReading, read_chinese
from app.answering.citations import Sentence
from app.store.records import Chunk
from app.text import sentence_spans


def read_passage(question: str, chunk: Chunk) -> ChineseReading:
    """``read_chinese`` of ``question`` over ``chunk``'s sentences; it must answer."""
    text = chunk.text
    reading = read_chinese(question, [Sentence(chunk, a, b, text[a:b], 0)
                                      for a, b in sentence_spans(text)])
    assert reading is not None, question
    return reading
