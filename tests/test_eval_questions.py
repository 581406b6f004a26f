"""The question set loads, and every kind of mistake in a questions file is named precisely."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.questions import QuestionFileError, load_questions
from tests.conftest import ALL_DOCS, ROOT

GOOD = {"id": "q1", "question": "How much?", "answerable": True, "sources": ["doc-a"],
        "facts": [["5%", "five percent"]]}


def write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "questions.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def line(**changes: object) -> str:
    obj = {**GOOD, **changes}
    return json.dumps({k: v for k, v in obj.items() if v is not ...})


def test_the_evaluators_question_set_loads() -> None:
    questions = load_questions(ROOT / "eval" / "questions.jsonl")
    assert len(questions) == 102
    assert len({q.id for q in questions}) == 102
    assert {s for q in questions for s in q.sources} == ALL_DOCS
    assert sum(not q.answerable for q in questions) >= 10
    assert sum(q.lang == "zh" for q in questions) >= 2
    assert any(q.filters is not None for q in questions)
    assert questions[0].where.endswith("questions.jsonl:1")


def test_blank_lines_are_skipped_and_line_numbers_kept(tmp_path: Path) -> None:
    path = write(tmp_path, line(), "", line(id="q2", lang="zh", filters={"city": "Haizhu"}))
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
