"""The verbs of a case told before the clause asking, in everyday words (issue 22). The bug:
"雅安加装的电梯用满3年没出事故，有什么奖励？" was refused over the notice's "对运行满3年且未发生
安全事故的增设电梯…每台5000元的维保补助", and "在广安停车没付钱就开走了，要在多少天内补交？" over
"车主应当在7日内补缴": 加装, 付钱 and 开走, how the case came about, were content words the line
had to say. Only a case told in the first person or of kin was left open (``situation``). Now the
verbs of any case told before the asking clause are, once the line says a word the case names
and what is asked (a word of the asking clause or, lacking one, the verb its question word asks
of: 赔 is not said by a 奖励); the case's nouns (the crop, whose group) must still be said."""

from __future__ import annotations

from app.retrieval.asker_zh import told
from app.retrieval.content_words import unsaid

QUESTION = "水稻被野猪糟蹋了，一亩地最多能赔多少？"


def test_the_verb_of_a_case_told_is_left_open() -> None:
    assert unsaid(QUESTION, "野猪损害水稻的，每亩地最高赔付1200元。") == []


def test_the_cases_nouns_must_still_be_said() -> None:
    assert unsaid(QUESTION, "野猪损害玉米的，每亩地最高赔付800元。") == ["水稻"]


def test_the_asking_clauses_verb_must_be_said() -> None:
    """A reward (奖励) says nothing of 赔: the case's verb stays a word to say."""
    assert "糟蹋" in unsaid(QUESTION, "野猪防控做得好的水稻种植户，每亩地奖励100元。")


def test_a_question_asking_in_its_first_clause_tells_no_case() -> None:
    def every_word_said(word: str) -> bool:
        return True
    assert told("防雹网每亩补多少钱？", ["防雹"], every_word_said) == ""
    assert told("果农搭防雹网，一亩补多少？", ["果农", "防雹"], every_word_said) == "果农搭防雹网"
