"""Fresh refusal probes (issue 9): small question files written from the corpus texts alone,
kept apart from eval/questions.jsonl (see eval/README.md, "Issue 9: a fresh probe set").

A probe file holds one `question|expected fact` a line (`question|-`: the texts do not say, so
the answer must be a refusal); `#` lines are comments. Several facts joined by ` && ` must all
be in the answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from app.answering.compose import NOT_SAID
from eval.metrics import without_status

# A probe file's mark of a part the answer names as unanswered, and the words a Chinese
# question's answer names it by (round 46: a Chinese part is named in Chinese, 文件未写明).
_PART_NOT_SAID = ("documents don't say", NOT_SAID[1].split("：")[0])


def read_probes(path: str | Path) -> Iterator[tuple[str, str]]:
    """Each (question, expected fact) of a probe file; the fact is ``-`` for a refusal."""
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            question, _, fact = line.rpartition("|")
            yield question, fact


def judged_right(fact: str, refused: bool, answer: str) -> bool:
    """The probes' one scorer: an unanswerable question must be refused; an answerable one must
    not be, and its answer must contain every fact (ignoring case)."""
    if fact == "-":
        return refused
    facts = [f.strip().lower() for f in fact.split(" && ")]
    stated = without_status(answer).lower()  # a status sentence repeats a title's years
    return not refused and all(f in stated or (f == _PART_NOT_SAID[0] and _PART_NOT_SAID[1] in
                                               stated) for f in facts)
