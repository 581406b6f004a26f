"""The question set loads, and every kind of mistake in a questions file is named precisely."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.questions import QuestionFileError, load_questions
from eval.splits import assign_splits
from tests.conftest import ALL_DOCS, ROOT

GOOD = {"id": "q1", "question": "How much?", "answerable": True, "sources": ["doc-a"],
        "facts": [["5%", "five percent"]], "split": "dev"}


def write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "questions.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def line(**changes: object) -> str:
    obj = {**GOOD, **changes}
    return json.dumps({k: v for k, v in obj.items() if v is not ...})


def test_the_evaluators_question_set_loads() -> None:
    questions = load_questions(ROOT / "eval" / "questions.jsonl")
    assert len(questions) == 220
    assert len({q.id for q in questions}) == 220
    assert {s for q in questions for s in q.sources} == ALL_DOCS
    assert sum(not q.answerable for q in questions) >= 30
    assert sum(q.lang == "zh" and q.answerable for q in questions) >= 39
    assert any(q.filters is not None for q in questions)
    assert questions[0].where.endswith("questions.jsonl:1")


def test_blank_lines_are_skipped_and_line_numbers_kept(tmp_path: Path) -> None:
    path = write(tmp_path, line(), "",
                 line(id="q2", question="多少？", lang="zh", filters={"city": "Haizhu"}))
    first, second = load_questions(path)
    assert second.where == f"{path}:3"
    assert second.lang == "zh" and second.filters is not None
    assert second.filters.city == "Haizhu"
    assert first.facts == (("5%", "five percent"),)


@pytest.mark.parametrize(("lines", "expected"), [
    ([line(), '{"id": "q2", "question": '], ":2: not valid JSON"),
    ([line(facts=...)], ":1: field 'facts': missing"),
    ([line(), line(id="q2", question=...)], ":2: field 'question': missing"),
    ([line(answerable="yes")], ":1: field 'answerable': expected true or false, got string"),
    ([line(facts=["5%"])], ":1: field 'facts': expected a list of lists of strings"),
    ([line(facts=[[]])], ":1: field 'facts': a fact group needs at least one alternative"),
    ([line(sources="doc-a")], ":1: field 'sources': expected a list of doc_id strings"),
    ([line(sources=[])], ":1: field 'sources': an answerable question needs"),
    ([line(id=7)], ":1: field 'id': expected a non-empty string, got number 7"),
    ([line(question="  ")], ":1: field 'question': expected a non-empty string"),
    ([line(lang="fr")], ":1: field 'lang': expected one of en, zh"),
    ([line(lang="zh")], ":1: field 'lang': 'zh' does not fit the question, which holds no Chin"),
    ([line(question="多少？")], ":1: field 'lang': 'en' does not fit the question, which holds"),
    ([line(), line(id="q2", split=...)], ":2: field 'split': missing"),
    ([line(split="train")], ":1: field 'split': expected one of dev, test, got string \"train\""),
    ([line(split=None)], ":1: field 'split': expected one of dev, test, got null"),
    ([line(filters={"year_from": "soon"})], ":1: field 'filters.year_from':"),
    ([line(filters={"town": "X"})], ":1: field 'filters.town':"),
    ([line(filters=["Zhanjiang"])], ":1: field 'filters': expected an object"),
    ([line(filter={"city": "X"})], ":1: field 'filter': unknown"),
    ([line(), "", line()], ":3: field 'id': duplicate id 'q1' (first on line 1)"),
    (["[1, 2]"], ":1: expected a JSON object, got array"),
])
def test_a_malformed_line_names_file_line_and_field(
        tmp_path: Path, lines: list[str], expected: str) -> None:
    path = write(tmp_path, *lines)
    with pytest.raises(QuestionFileError) as caught:
        load_questions(path)
    message = caught.value.message
    assert message.startswith(f"{path}:")
    assert expected in message
    assert "\n" not in message


def test_a_missing_or_empty_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(QuestionFileError, match="no such questions file"):
        load_questions(tmp_path / "absent.jsonl")
    with pytest.raises(QuestionFileError, match="holds no questions"):
        load_questions(write(tmp_path, "", "  "))


def test_unanswerable_questions_need_no_sources_or_facts(tmp_path: Path) -> None:
    (q,) = load_questions(write(tmp_path, line(answerable=False, sources=[], facts=[])))
    assert not q.answerable and q.sources == () and q.facts == ()


def test_both_splits_hold_every_language_document_and_the_unanswerable() -> None:
    questions = load_questions(ROOT / "eval" / "questions.jsonl")
    # The tuning set written for issue 9 (ids "*-f-*") is dev by design, outside the rule.
    ruled = [q for q in questions if "-f-" not in q.id]
    assert len(questions) - len(ruled) == 44
    assert all(q.split == "dev" for q in questions if q not in ruled)
    for split in ("dev", "test"):
        assert abs(sum(q.split == split for q in ruled) - len(ruled) / 2) <= 4
        part = [q for q in questions if q.split == split]
        assert {s for q in part for s in q.sources} == ALL_DOCS
        for lang in ("en", "zh"):
            assert sum(q.lang == lang and q.answerable for q in part) >= 10
            assert sum(q.lang == lang and not q.answerable for q in part) >= 4


def test_the_split_rule_balances_each_stratum_and_never_moves_a_question() -> None:
    objs: list[dict[str, object]] = [
        {"id": f"a{i}", "lang": "zh", "answerable": True, "sources": ["doc-a"]} for i in range(7)]
    objs += [{"id": "old", "lang": "zh", "answerable": True, "sources": ["doc-a"],
              "split": "test"}]
    objs += [{"id": f"u{i}", "lang": "en", "answerable": False, "sources": []} for i in range(4)]
    filled = assign_splits(objs)
    assert filled[7]["split"] == "test"  # kept
    zh = [o["split"] for o in filled[:8]]
    assert zh.count("dev") == zh.count("test") == 4
    assert [o["split"] for o in filled[8:]].count("dev") == 2
    assert assign_splits(objs) == filled  # deterministic
