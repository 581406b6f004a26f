"""A partitive is answered by the sentence that gives the part (issue 23, round 47).

Regressions: round 46's partitive rule (a part's count is given only by a figure of the part)
lost three chain turns of one shape, "How many tasks does the plan contain?" then "How many of
those fall under the information infrastructure part?": the pronoun named no noun a figure could
count ("those", or "those fall" misparsed as a noun), so "Includes 12 tasks in building …" gave no
part. Asked with the whole's figure ("how many of the 29 tasks …"), that sentence was read as
counting another kind of task (12 tasks beside the question's 29), and a Chinese count of a part
("29项任务中…有几项") was answered with the whole's own sentence.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.retrieval.holders import other_holder
from app.retrieval.partitives import counts_a_part, partitive
from tests.support.served import asked, serve_texts


@pytest.mark.parametrize(
    ("question", "part"),
    [
        ("How many of them fall under the second part?", ("many", "")),
        ("How many of those are in the road safety part?", ("many", "")),
        # "those fall": a plural determiner before a singular "noun" (the verb, misparsed)
        ("How many of those fall under the road safety part?", ("many", "")),
        ("How many of these tasks fall under the road safety part?", ("many", "task")),
        ("全市40项措施中，农村道路方面有几项？", ("many", "措施")),
        ("基金群中社会资本出资多少？", ("", "")),  # a sum, not a count of a part
    ],
)
def test_the_whole_a_partitive_counts_a_part_of(question: str, part: tuple[str, str]) -> None:
    assert partitive(question) == part


def test_a_part_of_a_whole_a_pronoun_stands_for_is_not_judged_by_its_noun() -> None:
    assert counts_a_part("Includes 9 tasks in building guardrails.",
                         "How many of those fall under the road safety part?")


def test_a_chinese_partitive_is_given_only_by_a_count_of_the_wholes_noun() -> None:
    question = "全市40项措施中，农村道路方面有几项？"
    assert not counts_a_part("The scheme sets out 40 measures in seven fields.", question)
    assert counts_a_part("Of these, 15 measures concern rural roads.", question)


def test_the_wholes_number_in_a_partitive_is_no_kind_of_its_noun() -> None:
    part = "Includes 9 tasks in building guardrails and signs."
    assert not other_holder("How many of the 30 tasks are in the road safety part?", part)
    # A number qualifying the noun asked still says which kind: two children are not three.
    assert other_holder("How much does a family with two children receive?",
                        "A family with three children receives 500 yuan.")


_TARNWELL = """Tarnwell Three-Year Plan for Rural Roads (2026-2028)

Issued by the Tarnwell Municipal Transport Bureau on 3 February 2026.

The plan sets out 30 tasks in three parts.
Upgrading village roads includes 14 tasks, such as widening lanes and paving gravel tracks.
Improving road safety includes 9 tasks, such as building guardrails and lighting crossings.
Strengthening maintenance includes 7 tasks on upkeep teams and repair funds.
The plan also names 12 pilot villages for its first year.
"""


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("partitives"), {"tarnwell-roads": _TARNWELL}) as c:
        yield c


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("How many of the 30 tasks in Tarnwell's rural roads plan are in the part on improving "
         "road safety?", "9 tasks"),
        # no sentence counts a part of the villages: their number is the whole's alone
        ("How many of the 12 pilot villages in Tarnwell's rural roads plan are in the hills?",
         None),
        ("How many tasks does Tarnwell's rural roads plan set out?", "30 tasks"),
    ],
)
def test_a_partitive_is_answered_by_the_sentence_giving_the_part(
        client: TestClient, question: str, quoted: str | None) -> None:
    body = asked(client, question)
    assert body["refused"] is (quoted is None), body["answer"]
    assert quoted is None or quoted in str(body["answer"]), body["answer"]
