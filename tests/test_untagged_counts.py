"""English counts and numbered things NER reads badly (issue 23): a number sign ("Station No. 7",
"[2023] No. 9), which …") is no sentence end, so the quoted sentence keeps its number; a count is
not "said by the question" because its digits are inside the question's year (8 of "by 2028").

The document is written here (a made-up county), so nothing tests the corpus's own wording.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.models import AskRequest
from app.services import Services
from app.text import sentence_spans
from tests.support.served import services_over

PATROLS = (
    "Work Plan of Fernvale County for Grassland Fire Patrols (2026)\n\n"
    "Section 1 Lookout stations\n"
    "Every lookout station is equipped with one infrared camera and two handheld radios. "
    "Station No. 7 in Oakridge Township serves as the training station for new watchers.\n"
    "The 2025 plan issued as Fern Lin Fa [2025] No. 8, which kept 34 stations, is repealed. "
    "New watchers spend five days at the training station before taking up duty.\n\n"
    "Section 2 Skills and brands\n"
    "By the end of 2028, the county will cultivate 8 dairy brands with annual revenue above 1 "
    "billion yuan.\n")


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    with services_over(tmp_path_factory.mktemp("counts"),
                       {"fernvale-fire-patrols": PATROLS}) as built:
        yield built


def test_a_number_sign_ends_no_sentence() -> None:
    """Round 38 (encount39): "No." before its number was read as a sentence end, so "Station No.
    7 in … serves as …" was cut into "… Station No." and "7 in … serves as …"."""
    text = PATROLS.split("\n", 3)[3]
    sentences = [text[a:b] for a, b in sentence_spans(text)]
    assert "Station No. 7 in Oakridge Township serves as the training station for new watchers." \
        in sentences
    assert any(s.startswith("The 2025 plan issued as Fern Lin Fa [2025] No. 8, which kept")
               for s in sentences)
    # A plain sentence end before a figure still ends the sentence.
    plain = "The answer is no. 5 people came."
    assert [plain[a:b] for a, b in sentence_spans(plain)] == ["The answer is no.", "5 people came."]


def test_the_numbered_station_is_quoted_whole(county: Services) -> None:
    """Round 38 (encount39): "Which station trains the new watchers?" quoted "7 in Oakridge
    Township serves as …", the station's name cut off at its number sign."""
    answer = county.ask(AskRequest(question="Which Fernvale station trains the new watchers?",
                                   mode="extractive"))
    assert not answer.refused, answer.answer
    assert "Station No. 7 in Oakridge Township" in answer.citations[0].quote


def test_a_count_inside_the_questions_year_is_not_said_by_it(county: Services) -> None:
    """Round 38 (encount39): the count "8" was read as said by the question because "by 2028"
    holds the digit 8, and "how many dairy brands … by 2028" was refused as kind_not_stated."""
    answer = county.ask(AskRequest(
        question="How many dairy brands with annual revenue above 1 billion yuan will Fernvale "
                 "cultivate by 2028?", mode="extractive"))
    assert not answer.refused, answer.answer
    assert "cultivate 8 dairy brands" in answer.citations[0].quote


def test_a_figure_is_said_by_the_question_only_whole() -> None:
    """Round 38's end: ``measures.says`` built and compiled a pattern per entity of every
    candidate sentence (the bench's Chinese ask p50 rose 3.5 ms); read by search now, it must
    still tell a whole figure from a part of a longer one."""
    from app.measures import says

    assert not says("How many brands by 2028?", "8")
    assert says("How many brands by 2028?", "2028")
    assert not says("a subsidy of 1,500 yuan", "500") and not says("3.5%", "5%")
    assert says("第3条和第8条", "8") and says("8 brands", "8")
