"""English questions in the asker's words, answered where the text says the same thing otherwise
(issue 22, round 45): the noun a sum is asked by, said by a word of one CC-CEDICT sense with it
("allowance" for the text's "subsidy", "lifts" for its "elevators")."""

from __future__ import annotations

from pathlib import Path

from app.retrieval.kindred import said_alike
from tests.support.served import asked, serve_texts

_FUXIN = (
    "Measures of Fuxin City on Support for Young Talent (2026-2027)\n"
    "Issued by the Fuxin Municipal Human Resources and Social Security Bureau\n\n"
    "1. Trainees in enterprise internships receive a living subsidy of 1,600 yuan per month for at "
    "most 6 months.\n"
    "2. Enterprises hosting trainees receive a mentoring bonus of 300 yuan per trainee.\n"
    "3. Vocational school graduates who take a job in a Fuxin enterprise receive a one-time "
    "settling-in subsidy of 2,000 yuan.\n"
    "4. The Municipal Human Resources and Social Security Bureau interprets these measures.\n")


def test_a_word_of_one_sense_with_the_asked_noun_says_it() -> None:
    """"Allowance" and "subsidy", "award" and "reward" share a CC-CEDICT rendering (津贴, 奖励);
    a fine is no subsidy, nor a fee one, and a Chinese sentence is read by its renderings."""
    assert said_alike("allowance", "Trainees receive a living subsidy of 1,600 yuan per month.")
    assert said_alike("award", "A one-off reward of 50,000 yuan is given.")
    assert not said_alike("fine", "A subsidy of 5 yuan per meal is paid.")
    assert not said_alike("subsidy", "A lost card may be replaced for a fee of 15 yuan.")
    assert not said_alike("allowance", "实习学员每月生活补贴1600元。")


def test_the_asked_sum_said_otherwise_is_answered(tmp_path: Path) -> None:
    """Regression (enstem44 probes, held half): "living allowance" and "transport allowance"
    asked, the texts' "living subsidy" and "transport subsidy" were weighed as sums of another
    thing and refused; a sum of another kind (a fine) is still refused."""
    with serve_texts(tmp_path, {"fuxin-young-talent": _FUXIN}) as client:
        body = asked(client, "How much living allowance does an intern in Fuxin get per month?")
        assert not body["refused"] and "1,600 yuan" in str(body["answer"])
        body = asked(client, "What one-time settling-in allowance do vocational school graduates "
                              "get in Fuxin?")
        assert not body["refused"] and "2,000 yuan" in str(body["answer"])
        assert asked(client, "How big a fine does a Fuxin intern pay for leaving early?")["refused"]
