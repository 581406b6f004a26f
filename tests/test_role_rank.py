"""A role asked by its rank ("the *deputy* head") is another holder than the role a sentence
names without it, when the texts say that rank elsewhere (issue 23, round 40: enrefuse41)."""

from __future__ import annotations

from pathlib import Path

from tests.support.served import asked, serve_texts

_PLAN = ("Example County Action Plan for Rural Road Safety (2026)\n\n"
         "I. Organisation\n"
         "1. The county sets up a working group for rural road safety, headed by Vice County "
         "Head Li Ming.\n"
         "2. The office of the working group sits in the County Transport Bureau, and its deputy "
         "director Wang Fang serves as director of the office.\n\n"
         "II. Tasks\n"
         "3. By the end of 2026, warning signs will be installed at 120 dangerous bends on "
         "village roads.\n")


def test_the_deputy_of_a_role_is_not_answered_by_the_role_s_holder(tmp_path: Path) -> None:
    """Regression (enrefuse41 batch: "Who is the deputy head of Lianyungang's leading group …?"
    quoted the sentence naming the group's head): the head is still answered."""
    with serve_texts(tmp_path, {"example-2026-rural-road-safety": _PLAN}) as client:
        assert asked(client, "Who is the deputy head of Example County's working group for "
                             "rural road safety?")["refused"] is True
        head = asked(client, "Who heads Example County's working group for rural road safety?")
        assert head["refused"] is False and "Li Ming" in str(head["answer"])
