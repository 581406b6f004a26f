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


_FLOOD = ("9. Major dangerous situations shall be reported to the municipal flood control and "
          "drought relief headquarters within 1 hour.")
_WASTE_LINE = "市城市管理局垃圾分类办公室，联系人：刘敏，联系电话：0792-8123456。"
_RIGHT_LINE = "Contact: the flood control and drought relief headquarters, telephone 0792-8220000."


def test_a_phone_asked_of_its_holder_is_no_other_office_s() -> None:
    """Regression (enrefuse31, cities probe h9 "What is the phone number of Jiujiang's flood
    control and drought relief headquarters?"): the waste sorting office's line, in another
    notice, answered; a phone is its holder's, and another candidate names the holder asked."""
    question = ("What is the phone number of Jiujiang's flood control and drought relief "
                "headquarters?")
    _, waste, right = candidates = _words(_FLOOD, _WASTE_LINE, _RIGHT_LINE)
    assert any(not w <= waste for w in said_of(question, candidates, reached=True))
    assert all(w <= right for w in said_of(question, candidates, reached=True))
    assert not said_of(question, candidates)  # a "what" asking no way to reach one: no role


_APP = ("(4) A city tourism service app will bring together ticketing, parking and hotel booking; "
        "the Luoyang Big Data Center builds and runs it.")
_BOOKING = ("(3) All A-level scenic spots in the city will offer timed online booking and "
            "electronic tickets by June 2025.")


def test_an_event_s_date_is_its_subject_s() -> None:
    """Regression (enrefuse31, cities probe r4 "When did Luoyang's city tourism service app go
    online?"): the scenic spots' booking date answered; the app, which another candidate names,
    has none. A subject the documents' titles name is theirs, said as "the measures"."""
    question = "When did Luoyang's city tourism service app go online?"
    app, booking = candidates = _words(_APP, _BOOKING)
    assert any(not w <= booking for w in said_of(question, candidates))
    assert all(w <= app for w in said_of(question, candidates))
    assert not said_of(question, candidates, topic=set(content_stems("tourism service app")))


_SUBSIDY_GOAL = ("1. By the end of 2028, every sub-district in Zhoushan will have at least one "
                 "comprehensive elderly care service center, and the coverage of community elderly "
                 "care service stations in villages and communities will reach 95%.")
_WINDOW = ("13. Applications for operating subsidies are accepted once a year, from 1 to 31 "
           "March.")


def test_a_date_applied_for_is_what_is_applied_for_s() -> None:
    """Regression (h30 "When can an elderly care station in Zhoushan apply for its yearly
    operating subsidy?", answered with a coverage target naming stations): the applicant is
    not the subject of the window asked; the subsidy applied for is, which the text gives
    alone."""
    question = ("When can an elderly care station in Zhoushan apply for its yearly operating"
                " subsidy?")
    goal, window = candidates = _words(_SUBSIDY_GOAL, _WINDOW)
    assert any(not w <= goal for w in said_of(question, candidates))
    assert all(w <= window for w in said_of(question, candidates))


_LED = ("1. The county sets up a working group for rural road safety, headed by Vice County "
        "Head Li Ming.")
_SECRETARIAT = ("The secretariat sits in the County Transport Bureau, whose deputy director Wang "
                "Fang serves as its head.")


def test_a_role_s_rank_unsaid_where_another_sentence_says_it_is_another_holder() -> None:
    """Regression (enrefuse41 batch: "Who is the deputy head of Lianyungang's leading group …?"
    was answered with the sentence naming the group's head): the role's rank (an adjective,
    "*deputy* head") is the holder asked; a sentence naming the role without it, while another
    candidate says the rank, states another holder's detail. The head itself is still answered,
    and a noun before the role names its field, not its rank ("*contact* person")."""
    led, _ = candidates = _words(_LED, _SECRETARIAT)
    assert said_of_another("Who is the deputy head of the county's working group for rural road "
                           "safety?", led, candidates)
    assert not said_of_another("Who is the head of the county's working group for rural road "
                               "safety?", led, candidates)
    line, _ = contact = _words("Contact person of the working group: Li Ming.",
                               "Contact details of the group are published online.")
    assert not said_of_another("Who is the contact person of the working group?", line, contact)


def test_a_role_s_rank_no_candidate_says_is_not_judged() -> None:
    """A rank no candidate says (the texts may name the holder otherwise) narrows nothing."""
    led, = candidates = _words(_LED)
    assert not said_of_another("Who is the deputy head of the county's working group for rural "
                               "road safety?", led, candidates)
