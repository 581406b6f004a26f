"""Questions comparing places on a dimension (issue 23 item 4): "how do X and Y differ in N",
"compare X and Y on N" ask each place's value of N, as "what N …" asks it of one place."""

from __future__ import annotations

from pathlib import Path

from app.answering.question_kinds import Kind, asked_kinds
from app.briefing.conjuncts import compared_on
from tests.support.served import asked, serve_texts

_JIAMUSI = (
    "Jiamusi Municipal Commerce Bureau notice on cold-chain logistics.\n"
    "Jiamusi will build cold-chain warehouses beside its grain ports. Jiamusi encourages "
    "logistics firms in Jiamusi to share refrigerated trucks. The city sets up a cold-chain "
    "guidance fund of 80 million yuan for the warehouses.\n"
    "Jiamusi Municipal Commerce Bureau, 2026-03-02")
_QITAIHE = (
    "Qitaihe Municipal Commerce Bureau notice on cold-chain logistics.\n"
    "Qitaihe will train drivers of refrigerated trucks. Qitaihe asks logistics firms in Qitaihe "
    "to report their cold storage every quarter. Qitaihe sets aside 25 million yuan a year for "
    "cold storage built by logistics firms.\n"
    "Qitaihe Municipal Commerce Bureau, 2026-04-11")


def test_a_comparison_on_a_dimension_asks_its_value() -> None:
    """The per-place question names the dimension as what is asked: the kind of detail (a sum,
    a period) the comparison's frame ("how do … differ in") hid from the question words."""
    money = compared_on("How do Jiamusi differ in the money they set aside for cold chains?")
    assert money == "What amount of money do Jiamusi set aside for cold chains?"
    assert asked_kinds(money) & {Kind.COUNT, Kind.MONEY}
    period = compared_on("How do the Jiamusi plans differ in the period they cover?")
    assert period == "What period do the Jiamusi plans cover?"
    assert Kind.DURATION in asked_kinds(period)
    assert compared_on("Compare Jiamusi on the size of its fund.") == \
        "What is the size of its fund of Jiamusi?"
    # Not a comparison on a dimension: a question of its own after the colon, or Chinese.
    assert compared_on("Compare Jiamusi on cold chains: what does each build?") is None
    assert compared_on("佳木斯和七台河在冷链资金上有何不同？") is None


def test_each_place_answers_the_dimension_compared(tmp_path: Path) -> None:
    """Regression (round 46's held across lines on two cities' AI money): asked "how do X and Y
    differ in the money they …", each place was asked the topic alone ("What about money?"),
    and a sentence naming the place, not its sum, answered for one of them."""
    question = ("How do Jiamusi and Qitaihe differ in the money they set aside for cold-chain "
                "logistics?")
    with serve_texts(tmp_path, {"jiamusi-cold-chain": _JIAMUSI,
                                "qitaihe-cold-chain": _QITAIHE}) as client:
        answer = str(asked(client, question)["answer"])
    assert "80 million yuan" in answer and "25 million yuan" in answer
