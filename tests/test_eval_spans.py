"""The span-question harness (eval/spans.py): realzh-dev's format, its split rule, char ROUGE-L."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.harness import EvalError
from eval.spans import MISSES, load_span_questions, miss_of, rouge_l_f


def test_char_rouge_l_f() -> None:
    assert rouge_l_f("免收2月份房租", "免收2月份房租") == 1.0
    # LCS 4 of 6 and 4 of 4: precision 2/3, recall 1, F 0.8
    assert rouge_l_f("房租减半收取", "房租减半") == pytest.approx(0.8)
    assert rouge_l_f("", "房租") == 0.0 and rouge_l_f("abc", "xyz") == 0.0


def test_questions_get_splits_by_the_rule_and_bad_lines_are_named(tmp_path: Path) -> None:
    rows = [{"id": f"q{i}", "question": "问？", "docid": f"d{i % 3}", "answer": "答"}
            for i in range(12)]
    path = tmp_path / "questions.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    questions = load_span_questions(path)
    assert [q.id for q in questions] == [r["id"] for r in rows]
    assert {q.split for q in questions} == {"dev", "test"}
    assert questions == load_span_questions(path)  # computed from the ids: the same each run
    path.write_text(json.dumps({"id": "x", "question": "问？", "docid": "d"}), "utf-8")
    with pytest.raises(EvalError, match="'answer'"):
        load_span_questions(path)


def test_each_answer_gets_its_kind_of_miss() -> None:
    """The harness said how often the gold span was quoted, not what went wrong otherwise (a
    quote beside the gold clause and one from another notice both counted as 'not contained')."""
    gold = "免收2月份房租"
    text = "为支持小微企业，对承租国有资产用房的，免收2月份房租。另减半收取3月份房租。"
    at = text.find(gold)
    quote = "对承租国有资产用房的，免收2月份房租。"
    cited = [("d1", text.find(quote), text.find(quote) + len(quote))]
    assert miss_of(gold, at, quote, False, cited, "d1") == "hit"
    assert miss_of(gold, at, text, False, [("d1", 0, len(text))], "d1") == "too_long"
    assert miss_of(gold, at, "免收2月份", False, [("d1", at, at + 5)], "d1") == "too_short"
    later = text.find("另减半")
    assert miss_of(gold, at, "另减半收取3月份房租。", False, [("d1", later, len(text))],
                   "d1") == "wrong_sentence"
    assert miss_of(gold, at, quote, False, [("d2", 0, len(quote))], "d1") == "wrong_document"
    assert miss_of(gold, at, "", True, [], "d1") == "refused"
    assert set(MISSES) == {"hit", "too_long", "too_short", "wrong_sentence", "wrong_document",
                           "refused"}


def test_answers_are_scored_without_their_citation_markers() -> None:
    """The harness scored the answer with its markers: " [1]" counted against ROUGE-L as if the
    quote said it, and a gold span running over two quotes was not found across "。 [1] "."""
    from eval.spans import SpanQuestion, _scored, quoted

    assert quoted("免收2月份房租。 [1] 另减半收取3月份房租。 [2]") == (
        "免收2月份房租。另减半收取3月份房租。")
    assert quoted("It waives rent. [1] Fees halve. [2]") == "It waives rent. Fees halve."
    q = SpanQuestion("q", "问？", "d1", "免收2月份房租。另减半 ", "dev")
    outcome = _scored(q, ["d1"], "免收2月份房租。 [1] 另减半 [2]", False, 1.0, [("d1", 0, 9)], 0)
    assert outcome.contained and outcome.rouge_l == 1.0
    assert outcome.answer.endswith("[2]")  # the report keeps the answer as given


def test_answers_are_scored_without_the_status_of_an_expired_notice() -> None:
    """The span harness scored "注意：《…》已于2020-12-31失效。" as part of the quote: a hit on an
    expired notice counted as too long (ROUGE-L halved), though no document says that sentence."""
    from eval.spans import SpanQuestion, _scored, quoted

    answer = "注意：《本市职工基本医疗保险费率暂时下调》已于2020-12-31失效。约52.6亿元。 [1]"
    assert quoted(answer) == "约52.6亿元。"
    q = SpanQuestion("q", "减轻多少经济负担？", "d1", "约52.6亿元", "dev")
    outcome = _scored(q, ["d1"], answer, False, 1.0, [("d1", 0, 7)], 0)
    assert outcome.miss == "hit" and outcome.contained and outcome.rouge_l > 0.9


def test_a_copy_of_the_gold_notice_counts_as_its_sentence_cited() -> None:
    """cites_gold counted a notice stored twice (republished under another id) as a wrong
    citation although the cited copy states the gold's sentence word for word; the report now
    shows beside it cites_gold_sentence, which counts the copy and only a whole-sentence copy."""
    from eval.spans import SpanQuestion, _scored, gold_sentence, states_gold_sentence

    gold_text = "一、减免房租。对承租国有资产类经营用房的企业，免收2月份房租。二、延期缴税。"
    start = gold_text.find("免收2月份房租")
    sentence = gold_sentence(gold_text, start, "免收2月份房租")
    assert sentence == "对承租国有资产类经营用房的企业，免收2月份房租。"
    copy = "（转发）" + gold_text
    other = "对个体工商户免收2月份房租。"  # the span, but another sentence
    assert states_gold_sentence([copy], sentence)
    assert not states_gold_sentence([other], sentence)
    q = SpanQuestion("q", "免收几月房租？", "d1", "免收2月份房租", "dev")
    copied = _scored(q, ["d2"], "免收2月份房租。 [1]", False, 1.0, [("d2", 20, 28)], -1, True)
    assert not copied.cites_gold and copied.cites_gold_sentence
    refused = _scored(q, ["d2"], "", True, 1.0, [], -1, True)
    assert not refused.cites_gold_sentence


def test_a_web_copy_in_traditional_forms_states_the_gold_sentence() -> None:
    """Regression (realzh-dev): 税务总局's Q&A list was stored three times, one copy writing 後
    for 后 and laid out with other spaces; ranked first, it counted as another document, not as
    the gold's copy."""
    from eval.spans import states_gold_sentence

    sentence = "纳税人访问税务总局官网后选择所在省级税务局的链接。"
    web_copy = "答：纳税人访问税务总局官网後选择所在省级\u3000税务局的链接。"
    assert states_gold_sentence([web_copy], sentence)
    assert not states_gold_sentence(["答：官网前选择。"], sentence)


def test_a_copy_ranked_first_counts_apart_from_the_gold_ranked_first() -> None:
    """doc_first counted a notice stored twice under two ids (a ministry's notice and a crawl of
    it) as a wrong document first, so the target could not be read for what ranking can decide:
    doc_first_or_copy counts the copy stating the gold's sentence, and only such a copy."""
    from eval.spans import SpanQuestion, _scored, summary

    q = SpanQuestion("q", "免收几月房租？", "d1", "免收2月份房租", "dev")
    gold_first = _scored(q, ["d1", "d2"], "免收2月份房租。 [1]", False, 1.0, [("d1", 0, 8)], 0)
    copy_first = _scored(q, ["d2", "d1"], "免收2月份房租。 [1]", False, 1.0, [("d2", 0, 8)], 0,
                         True, True)
    other_first = _scored(q, ["d3", "d1"], "免收3月份房租。 [1]", False, 1.0, [("d3", 0, 8)], 0)
    assert gold_first.first and gold_first.first_or_copy
    assert not copy_first.first and copy_first.first_or_copy
    assert not other_first.first and not other_first.first_or_copy
    row = summary([gold_first, copy_first, other_first])
    assert row["doc_first"] == 1 / 3 and row["doc_first_or_copy"] == 2 / 3
