"""A city whose notices are in two languages: an English question answered from the English one.

Regression (round 22): the cross-lingual ranking ranks only the passages in the other language
than the question's, and the fusion weighs each passage by the rankings that read it, so once a
Chinese notice of the same city on another matter was stored, its passages (cosine ~0.2) came
first for an English question whose English answer scored ~0.75, and the question was refused
(round 9's Jiujiang flood questions, after a Chinese 九江 waste-sorting notice joined the cities
store). The notices are eval/probes' city documents.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.background import stop_warms
from app.models import AskRequest
from app.services import Services
from tests.conftest import make_settings

# Three folders of the cities probe store, as they are there: Jiujiang's English flood plan and
# two other cities' (round 9), Jiujiang's Chinese waste-sorting notice and Mianyang's (round 22),
# and a national notice with two provinces' forwardings (round 22).
PROBES = Path(__file__).resolve().parents[1] / "eval" / "probes"
NOTICES = [PROBES / "cities-heldout-h9", PROBES / "cities-extent23", PROBES / "cities-docs23"]


@pytest.fixture(scope="module")
def two_language_city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    from ingest.pipeline import ingest

    settings = make_settings(tmp_path_factory.mktemp("jiujiang-store"))
    assert not ingest(NOTICES, settings).failed
    yield Services.build(settings)
    stop_warms()


@pytest.mark.parametrize(("question", "fact"), [
    ("How many mobile drainage pumps does Jiujiang keep in its city-level flood stockpile?",
     "60 mobile drainage pumps"),
    ("How fast does a serious dike danger have to be reported up to the Jiujiang flood "
     "headquarters?", "within 1 hour"),
])
def test_an_english_question_is_answered_from_the_english_notice_of_its_city(
        two_language_city: Services, question: str, fact: str) -> None:
    answer = two_language_city.ask(AskRequest(question=question, mode="extractive"))
    assert not answer.refused and fact in answer.answer
    assert {c.doc_id for c in answer.citations} == {"jiujiang-2025-flood-control"}, answer.answer


def test_the_chinese_notice_still_answers_a_chinese_question(two_language_city: Services) -> None:
    answer = two_language_city.ask(AskRequest(question="九江垃圾分类办公室的联系电话是多少？",
                                              mode="extractive"))
    assert not answer.refused and "0792-8123456" in answer.answer
