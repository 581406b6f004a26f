"""An indefinite 几 asks nothing (issue 22, round 32's zhcity33 batch). The bug: a resident
telling their case before asking ("我妈瘫在床上好几年了，…政府能补多少钱？") had 好几年
("several years") read as a question word: the question was split into a statement part the
documents "don't say", it was taken to ask a span of time besides the sum, and the sum asked
(3000元) was dropped as "a figure of another measure than the years asked", so the notice's
answering sentence was refused as lacking the kind asked. 好几, 十几 and 几十 count loosely;
几 alone still asks (补贴最长几年)."""

from __future__ import annotations

from app.answering.parts import split_parts
from app.answering.question_kinds import Kind, asked_kinds
from app.in_situ import ZH_ASKS
from app.numerals import measured_otherwise

TOLD = "我妈在益阳，瘫在床上好几年了，家里装扶手、呼叫器搞个家庭养老床位，政府能补多少钱？"
SENTENCE = "对经评估符合条件的老年人家庭进行适老化改造，按每张床位3000元的标准给予一次性补贴。"


def test_an_indefinite_ji_is_no_question_word() -> None:
    for loose in ("瘫在床上好几年了", "十几岁的孩子", "投入几十万元"):
        assert not ZH_ASKS.search(loose), loose
    assert ZH_ASKS.search("补贴最长几年") and ZH_ASKS.search("一共几十人吗")  # 吗 still asks


def test_a_told_case_asks_only_what_its_question_asks() -> None:
    assert asked_kinds(TOLD) == {Kind.MONEY}
    assert Kind.DURATION in asked_kinds("家庭养老床位补贴最长发几年？")
    assert [p.text for p in split_parts(TOLD)] == [TOLD]


def test_the_sum_asked_is_not_read_as_another_measure() -> None:
    start = SENTENCE.index("3000元")
    assert not measured_otherwise(TOLD, SENTENCE, start, start + len("3000元"))
    assert measured_otherwise("家庭养老床位补贴最长发几年？", SENTENCE, start, start + 5)
