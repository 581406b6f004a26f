"""A role said of another subject than the question's, where the texts name the asked one
elsewhere, is another's detail (issue 23, round 29: decide30)."""

from __future__ import annotations

from app.retrieval.glossary import expand_query
from app.retrieval.said_of import said_of
from app.retrieval.stems import content_stems

_OFFICE = ("The office of the leading group sits in the Municipal Development and Reform "
           "Commission, and its deputy director Chen Wei serves as director of the office.")
_ALLIANCE = ("2. The Yancheng Offshore Wind Industry Alliance is established, bringing together "
             "turbine makers; its secretariat is hosted by Jiangsu Yancheng Port Holding Group.")
_PHASE_II = ("5. Construction of the Dafeng Offshore Wind Farm Phase II, with an installed "
             "capacity of 800 megawatts, will start in June 2026.")
_PHASE_I = ("4. The Dafeng Offshore Wind Farm Phase I, with an installed capacity of 300 "
            "megawatts, was completed and connected to the grid in December 2024.")


def _words(*sentences: str) -> list[set[str]]:
    return [set(content_stems(expand_query(s))) for s in sentences]


def said_of_another(question: str, found: set[str], candidates: list[set[str]]) -> bool:
    """Whether the sentence of stems ``found`` lacks what ``said_of`` reads as said (ranking)."""
    return any(not words <= found for words in said_of(question, candidates))


def test_another_subject_s_role_is_another_s_detail() -> None:
    """Regression (decide30 probes): asked the alliance's director, the office's director
    answered; one not saying the role answers no "who was appointed director of" either."""
    office, alliance = candidates = _words(_OFFICE, _ALLIANCE)
    assert said_of_another("Who is the director of the Yancheng Offshore Wind Industry "
                           "Alliance?", office, candidates)
    assert said_of_another("Who was appointed director of the Yancheng Offshore Wind Industry "
                           "Alliance?", alliance, candidates)


def test_the_role_or_event_asked_of_its_subject_is_no_other_s() -> None:
    """The sentence saying the asked role of the asked subject answers; an event asked by its verb
    is not judged (measured and not kept: its answers say it in other words)."""
    office, alliance = candidates = _words(_OFFICE, _ALLIANCE)
    assert not said_of_another("Who is the director of the office of the leading group?", office,
                               candidates)
    assert not said_of_another("Who hosts the secretariat of the Yancheng Offshore Wind Industry "
                               "Alliance?", alliance, candidates)
    start, done = candidates = _words(_PHASE_II, _PHASE_I)
    assert not said_of_another("When is the Dafeng Offshore Wind Farm Phase II scheduled to be "
                               "completed?", start, candidates)
    assert not said_of_another("When was the Dafeng Offshore Wind Farm Phase I completed?", done,
                               candidates)
