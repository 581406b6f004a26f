"""Where a Chinese quote opens when a kind of detail is asked that its sentence holds none of
by the taggers (issue 22): at the clause saying the question's words beside its question word,
not at the scene set before it. The texts are written by the test."""

from __future__ import annotations

from app.retrieval.answer_start import asked_opening


def test_the_clause_saying_the_words_beside_the_question_word_opens_the_answer() -> None:
    """Regression (rztight43, rzrepo tune: 222 of 707 answers held a short gold in much more):
    a "when" or "to whom" asked of a sentence whose limit or body no tagger marks was quoted
    whole, its scene first ("为减轻…，…提出…，所欠水费允许…补交"), though the clause saying the
    verb asked of ("补交", "报送给") holds the answer."""
    text = ("为减轻商户负担，某县方案提出对商户用水实行先用后缴，"
            "所欠水费允许商户在疫情解除后2个月内补交。")
    opening = asked_opening(text, 0, "某县商户欠的水费什么时候补交？")
    assert text[opening:].startswith("所欠水费"), text[opening:]
    text = "对各乡镇的困难情况进行摸底，汇总分析后一并报送县农业农村局。"
    opening = asked_opening(text, 0, "各乡镇摸底的困难情况要报送给谁？")
    assert text[opening:].startswith("汇总分析后"), text[opening:]


def test_a_clause_pointing_back_keeps_the_opening() -> None:
    """A clause naming what it asks of by a pointing word (相关企业, 该类业务) leaves the answer
    in a clause before it: the quote keeps its opening."""
    text = "各地要对本地用工为主、条件具备的企业，积极做好帮扶，推动相关企业3月1日起复工。"
    assert asked_opening(text, 0, "要推动哪些企业从3月1日起复工？") == 0


def test_a_subject_phrase_keeps_the_opening() -> None:
    """Regression (rztight43, rzrepo tune): a clause naming the kind asked of as a noun phrase
    whose predicate follows ("…的企业和个体工商户，可提出申请") may be modified by clauses before
    it ("对受…困难，"): the quote opening at it lost the condition the answer is given on."""
    text = ("对受灾害影响出现暂时困难，确实无法按期缴纳水费的商户和个体户，可提出申请，"
            "允许其延期缴纳。")
    assert asked_opening(text, 0, "某县哪些商户可以申请延期缴纳水费？") == 0


def test_no_question_word_or_no_clause_saying_more_keeps_the_opening() -> None:
    text = "某区成立专班，负责全区企业复工指导。"
    assert asked_opening(text, 0, "某区成立专班了吗") == 0
    assert asked_opening(text, 0, "某区由谁成立专班？") == 0


def test_the_reader_quotes_from_that_clause() -> None:
    """The reader's quote of a sentence holding no tagged detail of the kind asked opens there,
    and its offsets stay exact (the citation is checked against the passage)."""
    from tests.test_chinese_reader import _read_as_stored

    text = ("为做好春耕备耕，某县要求对各乡镇的农资储备情况进行摸底，"
            "汇总分析后一并报送县里的指挥专班。\n")
    reading = _read_as_stored(text, "某县各乡镇农资储备情况摸底后要报送给谁？")
    quote = reading.answer.sentence
    assert quote.text.startswith("汇总分析后") and "指挥专班" in quote.text, quote.text
    assert text[quote.start:quote.end] == quote.text


def test_a_colon_opens_no_answer() -> None:
    """Regression (rztight43, realzh dev): a web address's colon ("http://…") was read as a
    clause's end, and the quote opened inside the address; a label's colon leaves its value with
    the label. Only a comma or a semicolon opens the quote."""
    text = "网上信访请登录市信访办官网http://xf.example.gov.cn/ 来信地址:某区新桥大街12号。"
    assert asked_opening(text, 0, "某区网上信访地址是什么？") == 0
