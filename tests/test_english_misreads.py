"""Checks that existed but read an English question or sentence wrongly (issue 22/23, round 47,
batch refen48): a verb "do" carries, which the parser read as a noun; "the end of 2027", a
date, read as the end of an act; "first or second grade", a list, read as the second only."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.numerals import labels
from app.retrieval.holders import other_holder
from app.retrieval.qualifiers import relabelled
from app.retrieval.question_frame import asked_parse, carried_verb
from app.retrieval.stages import other_event
from tests.support.served import serve_texts

_ADAPTATION = ("4. Families of older people with severe disability receive a home adaptation "
               "subsidy of up to 3,000 dollars per household.")
_LIBRARY = "7. The Ashby library project will start construction before the end of 2027."
_NURSING = ("5. Families with a member holding a first or second grade disability certificate "
            "receive a nursing allowance of 120 dollars per month.")


def test_the_verb_do_carries_is_no_noun_of_its_subject() -> None:
    """Regression (refuse33 probes): asked the home adaptation subsidy of families of elderly
    people with *moderate* disability, the answer quoted the severe-disability families': the
    parser read "… moderate disability get in Tai'an" as one noun phrase headed by "get", which
    no sentence's phrase shares, so the two disabilities were never compared."""
    asked = "What home adaptation subsidy do families of older people with moderate disability get?"
    doc = asked_parse(asked)
    assert (at := carried_verb(doc)) is not None and doc[at].text == "get"
    assert other_holder(asked, _ADAPTATION)
    assert not other_holder(asked.replace("moderate", "severe"), _ADAPTATION)
    # A participle of a noun in the subject is passed; one spelled as the base form may be the
    # verb itself ("did it *set*"), and nothing after it is taken for one.
    fare = asked_parse("What fare do residents aged 60 to 64 pay on Ashby buses?")
    assert (at := carried_verb(fare)) is not None and fare[at].text == "pay"
    assert carried_verb(asked_parse("What did Ashby's 2024 action plan set as its target for "
                                    "humanoid robot output?")) is None
    # A verb the parser read as one, or a question without "do", has nothing misread.
    assert carried_verb(asked_parse("What subsidy does Ashby grant to each family?")) is None
    assert carried_verb(asked_parse("How much is the home adaptation subsidy?")) is None


def test_the_end_of_a_year_names_no_end_of_an_act() -> None:
    """Regression (main-store probes y, h11, h24, h28, h31, h32, written45): asked when the
    Pengcheng Cloud Brain III project is to be *completed*, the answer quoted the date its
    construction *starts*, "before the end of 2023": the date's "end" was read as the sentence
    naming the asked end (completion) too."""
    asked = "When is the Ashby library project due to be completed?"
    assert other_event(asked, _LIBRARY, [_LIBRARY])
    assert not other_event("When will the Ashby library project start construction?", _LIBRARY,
                           [_LIBRARY])
    done = "7. The Ashby library project will be completed before the end of 2027."
    assert not other_event(asked, done, [done])


def test_each_number_of_a_list_labels_its_noun() -> None:
    """Regression (refen48 batch): asked the nursing allowance of a family whose member holds a
    *first* grade certificate, the answer was refused, for "first or second grade" labelled the
    grade 2 only; a third grade is still another grade."""
    assert labels(_NURSING) >= {("grade", 1), ("grade", 2)}
    assert labels("Motors of grade 1, 2 or 3 qualify.") >= {("grade", 1), ("grade", 2),
                                                             ("grade", 3)}
    assert ("level", 2) not in labels("Levels 1 to 3 qualify.")  # a range names no middle
    asked = "What nursing allowance does a family get when a member holds a {} grade certificate?"
    assert relabelled(asked.format("third"), _NURSING)
    assert not relabelled(asked.format("first"), _NURSING)


_ASHBY = f"""Ashby Measures on Family Support (2026)

Issued by the Ashby Municipal Bureau of Civil Affairs on 2 March 2026.

{_ADAPTATION}

{_NURSING}

{_LIBRARY}

8. The library will open on weekdays from 9 am to 6 pm.
"""


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("misreads"), {"ashby-family-support": _ASHBY}) as s:
        yield s


@pytest.mark.parametrize(("question", "quoted"), [
    ("What home adaptation subsidy do families of older people with moderate disability get in "
     "Ashby?", None),
    ("What home adaptation subsidy do families of older people with severe disability get in "
     "Ashby?", "3,000 dollars"),
    ("When is the Ashby library project due to be completed?", None),
    ("When will the Ashby library project start construction?", "2027"),
    ("What nursing allowance does an Ashby family receive when a member holds a third grade "
     "disability certificate?", None),
    ("What nursing allowance does an Ashby family receive when a member holds a first grade "
     "disability certificate?", "120 dollars"),
])
def test_misread_details_are_refused_and_read_ones_answered(client: TestClient, question: str,
                                                            quoted: str | None) -> None:
    body = client.post("/api/ask", json={"question": question, "mode": "extractive"}).json()
    assert body["refused"] is (quoted is None), body
    assert quoted is None or quoted in body["answer"], body["answer"]
