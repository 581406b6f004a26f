"""A Chinese question asking what a measure requires is answered with the whole measure: its
sentence to the end, the clauses that list what it requires (…制度，禁止采购…), not the first
clause alone; words after the asked noun (what the measure is for), or a figure asked, keep it
short.

Bug (round 40, rzwhole41; issue 22): asked "…有哪些要求？", the answer quoted the clause naming
the rules a notice enforces ("严格落实《…规范》要求和…制度") and stopped, without the "，禁止采购…"
the requirement goes on with (rzrepo-tune rs40 德阳; realzh dev 国开行 "给予哪些政策"). The
notices here are written by the test.
"""

from __future__ import annotations

from app.retrieval.answer_end import measure_asked
from app.store.records import Chunk
from tests.support.reading import read_passage

CANTEEN = ("某区关于加强学校食堂管理的通知\n"
           "四、严格落实《学校食堂卫生规范》要求和进货台账、索证索票等制度，"
           "禁止采购来源不明的禽肉和冷冻食品。\n五、加强人员管理。\n")


def _quote(text: str, question: str) -> str:
    chunk = Chunk("notice::0", "notice", text, 0, len(text), {"language": "zh", "title": "通知"})
    return read_passage(question, chunk).answer.sentence.text


def test_a_measure_asked_is_told_from_a_purpose_or_a_figure() -> None:
    assert measure_asked("某区对学校食堂的食材采购有哪些要求？")
    assert measure_asked("国开行对重点企业给予哪些政策？")
    assert not measure_asked("某市出台了哪些措施保障供应？")  # words after it: what it is for
    assert not measure_asked("食堂每天消毒几次？")


def test_a_requirement_is_quoted_to_its_sentences_end() -> None:
    quote = _quote(CANTEEN, "某区对学校食堂的食材采购有哪些要求？")
    assert "进货台账" in quote and "禁止采购来源不明的禽肉和冷冻食品" in quote, quote
    assert "人员管理" not in quote, quote
