"""The sum a question asks is named by the money noun its question word reads, not by the payer
(issue 23, round 41).

Regression (cities probes): "What is the most the Deyang city budget will award to …" took
"budget", the payer, for the sum asked, and the sentence of "the municipal finance" that answers
counted as naming another sum: refused.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.answering.question_kinds import Kind, asked_thing
from app.retrieval.question_frame import sum_noun
from tests.support.served import serve_texts

ROADS = (
    "Lincang Measures for Village Roads (2026)\n"
    "1. The municipal finance will allocate 40 million yuan every year for the upkeep of village "
    "roads.\n"
    "2. Each township shall inspect its village roads at least twice a year.\n"
    "3. A village road rebuilt after a landslide receives a repair grant of 30% of the audited "
    "cost, capped at 800,000 yuan per road.\n"
    "4. The list of roads selected for rebuilding is published on the Lincang government website "
    "by 15 May 2026 and posted for 5 days.\n"
    "5. A person who opens a roadside shop in a village for the first time and runs it for at "
    "least 6 months receives a one-off start-up grant of 6,000 yuan.\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("sums"), {"roads": ROADS}) as served:
        yield served


def _quote(client: TestClient, question: str) -> str:
    body = client.post("/api/ask", json={"question": question, "mode": "extractive"}).json()
    assert not body["refused"], body
    return " ".join(str(c["quote"]) for c in body["citations"])


@pytest.mark.parametrize(("question", "noun"), [
    ("What is the most the county budget will grant to one clinic?", "grant"),  # not the payer
    ("What is the most a museum ticket can cost?", "cost"),  # a verb names it too
    ("How much repair subsidy does a shop get?", "subsidy"),  # misparsed as a subject
    ("What is the budget of the fund?", "budget"),
    ("How much funding is allocated to the plan?", "funding"),
    ("补贴多少钱？", "补贴"),
])
def test_the_sum_asked_is_the_noun_a_question_word_reads(question: str, noun: str) -> None:
    assert sum_noun(question) == noun
    assert asked_thing(question, {Kind.MONEY}) == ([noun] if noun else [])


def test_the_sentence_of_another_payer_states_the_sum(client: TestClient) -> None:
    """The city budget asked of is "the municipal finance" of the text: no other sum's payer."""
    question = ("What is the most the Lincang city budget will pay to rebuild a road after a "
                "landslide?")
    assert "800,000 yuan" in _quote(client, question)
