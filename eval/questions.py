"""The evaluators' question set: one JSON object per line, validated line by line.

A line reads ``{"id", "question", "answerable", "sources", "facts", "split", "filters"?,
"lang"?}``: ``sources`` are the doc_ids whose passages answer it, ``facts`` the fact groups a
correct answer states (each group a list of alternative wordings), ``split`` is ``dev`` (tune
on it) or ``test`` (score only; assigned by eval/splits.py's rule, never by results). Every
mistake fails with one line naming the file, the line number and the field, so whoever edits
the set can fix it at once.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from app.errors import InputError
from app.models import Filters
from app.text import CJK_CHARS

Lang = Literal["en", "zh"]
Split = Literal["dev", "test"]
REQUIRED = ("id", "question", "answerable", "sources", "facts", "split")
OPTIONAL = ("filters", "lang")
LANGS: tuple[Lang, ...] = ("en", "zh")
SPLITS: tuple[Split, ...] = ("dev", "test")
# Han ideographs: a question holding any is Chinese, so the per-language figures can trust `lang`.
CJK = re.compile(f"[{CJK_CHARS}]")


class QuestionFileError(InputError):
    """The questions file cannot be used as it is; the message says where and why."""

    code = "invalid_question_file"


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answerable: bool
    sources: tuple[str, ...]
    facts: tuple[tuple[str, ...], ...]
    split: Split = "dev"
    filters: Filters | None = None
    lang: Lang = "en"
    where: str = ""  # "file:line", so that later messages about it point at its line


def load_questions(path: Path) -> list[Question]:
    """All questions of ``path``; blank lines are allowed, anything else must be a question."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise QuestionFileError(f"{path}: no such questions file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise QuestionFileError(f"{path}: cannot read the questions file ({exc})") from exc
    questions: list[Question] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        question = parse_question(line, f"{path}:{number}")
        if question.id in first_line:
            raise QuestionFileError(f"{path}:{number}: field 'id': duplicate id {question.id!r} "
                                    f"(first on line {first_line[question.id]})")
        first_line[question.id] = number
        questions.append(question)
    if not questions:
        raise QuestionFileError(f"{path}: holds no questions")
    return questions


def parse_question(line: str, where: str) -> Question:
    """One line of the file; ``where`` ("file:line") prefixes every error message."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise QuestionFileError(f"{where}: not valid JSON ({exc.msg}, column {exc.colno})") \
            from None
    if not isinstance(obj, dict):
        raise QuestionFileError(f"{where}: expected a JSON object, got {_kind(obj)}")

    def fail(field: str, problem: str) -> QuestionFileError:
        return QuestionFileError(f"{where}: field '{field}': {problem}")

    for name in REQUIRED:
        if name not in obj:
            raise fail(name, "missing")
    unknown = sorted(set(obj) - set(REQUIRED) - set(OPTIONAL))
    if unknown:  # most likely a misspelt optional field, which would otherwise be ignored
        raise fail(unknown[0], f"unknown; a question has {', '.join(REQUIRED + OPTIONAL)}")
    qid, text, answerable = obj["id"], obj["question"], obj["answerable"]
    if not isinstance(qid, str) or not qid.strip():
        raise fail("id", f"expected a non-empty string, got {_kind(qid)}")
    if not isinstance(text, str) or not text.strip():
        raise fail("question", f"expected a non-empty string, got {_kind(text)}")
    if not isinstance(answerable, bool):
        raise fail("answerable", f"expected true or false, got {_kind(answerable)}")
    sources = _strings(obj["sources"])
    if sources is None:
        raise fail("sources", f"expected a list of doc_id strings, got {_kind(obj['sources'])}")
    facts = _fact_groups(obj["facts"])
    if facts is None:
        raise fail("facts", "expected a list of lists of strings (alternatives), got "
                   f"{_kind(obj['facts'])}")
    if answerable and not sources:
        raise fail("sources", "an answerable question needs at least one doc_id")
    if answerable and not facts:
        raise fail("facts", "an answerable question needs at least one fact group")
    if any(not group for group in facts):
        raise fail("facts", "a fact group needs at least one alternative")
    filters = _filters(obj.get("filters"), fail)
    lang = obj.get("lang", "en")
    if lang not in LANGS:
        raise fail("lang", f"expected one of {', '.join(LANGS)}, got {lang!r}")
    if (lang == "zh") != bool(CJK.search(text)):
        raise fail("lang", f"{lang!r} does not fit the question, which "
                   f"{'holds' if CJK.search(text) else 'holds no'} Chinese characters")
    split = obj["split"]
    if split not in SPLITS:
        raise fail("split", f"expected one of {', '.join(SPLITS)}, got {_kind(split)}")
    return Question(id=qid, question=text, answerable=answerable, sources=tuple(sources),
                    facts=tuple(tuple(g) for g in facts), split=split, filters=filters,
                    lang=lang, where=where)


def _filters(value: Any, fail: Any) -> Filters | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise fail("filters", f"expected an object, got {_kind(value)}")
    try:
        return Filters.model_validate(value)
    except ValidationError as exc:
        error = exc.errors()[0]
        inner = ".".join(str(p) for p in error["loc"])
        raise fail(f"filters.{inner}", error["msg"]) from None


def _strings(value: Any) -> list[str] | None:
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return value
    return None


def _fact_groups(value: Any) -> list[list[str]] | None:
    if isinstance(value, list) and all(_strings(group) is not None for group in value):
        return value
    return None


def _kind(value: Any) -> str:
    """How a wrong value is named in a message: its JSON type and a short excerpt."""
    names = {bool: "boolean", int: "number", float: "number", str: "string", list: "array",
             dict: "object", type(None): "null"}
    shown = json.dumps(value, ensure_ascii=False)
    return f"{names.get(type(value), type(value).__name__)} {shown[:40]}"
