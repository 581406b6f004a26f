"""What a follow-up carries from a question that opens with a frame (the document it looks in)
or one that sums its own topic up with a demonstrative, with the real taggers (LAC, spaCy) and
the place index of the corpus's manifest."""

from __future__ import annotations

import pytest

from app.conversation.resolve import Resolver
from app.conversation.turns import Turn
from app.conversation.words import words
from app.retrieval.places import PlaceIndex
from tests.conftest import GUANGZHOU, ZHANGZHOU, manifest_places

NETWORK = ("In Zhangzhou's three-year action plan for new infrastructure, what is proposed for "
           "the \"new network\" infrastructure?")
NETWORK_TASKS = ("Under Zhangzhou's new infrastructure action plan, which tasks are listed for "
                 "the \"new network\" infrastructure?")
GUANGZHOU_BASE = "广州城市全域数字化转型试点方案在数据基础和共性能力建设方面要推进哪些网络建设？"


@pytest.fixture(scope="module")
def index() -> PlaceIndex:
    return manifest_places()


@pytest.fixture(scope="module")
def resolver(index: PlaceIndex) -> Resolver:
    return Resolver(lambda: index, reads_on=lambda question, doc_id: True)


@pytest.mark.parametrize(("question", "pointing"), [
    ("数据要素这块要打造一个什么样的生态体系？", []),
    ("制造业那边要把人工智能用在哪些环节？", []),
    ("养老那块具体要打造什么？", []),
    ("民生诉求平台那边呢？", []),
    ("这项措施由哪些单位负责？", ["这"]),
    ("完成这项任务需要多久？", ["这"]),
    ("负责这个的是哪个单位？", ["这个"]),
])
def test_a_demonstrative_after_a_noun_sums_it_up(question: str, pointing: list[str]) -> None:
    """Regression (chains h23-07.2, h24-05.3, h25-07.2): "数据要素这块…" (as for data elements)
    took 这块 for a pronoun pointing back, which became the last subject in its place
    ("数据要素广州城市全域数字化转型试点方案要打造…"); a demonstrative that determines a noun
    ("这项任务") or is a verb's object ("负责这个的") still points back."""
    assert [w.text for w in words(question) if w.pointing] == pointing


def test_a_complete_follow_up_in_the_carried_document_names_the_place_not_the_title(
        resolver: Resolver) -> None:
    """Regression (chains h23-07.2, h25-07.2, f9-03.3): a complete follow-up read on in the
    carried document was given the last question's place as written, the whole title
    ("广州城市全域数字化转型试点方案"), whose words the plan's summary matches best: the summary
    was quoted instead of the part asked about."""
    resolution = resolver.resolve("政务模型那块要建什么？",
                                  [Turn(GUANGZHOU_BASE, GUANGZHOU_BASE, (GUANGZHOU,))])
    assert resolution.question == "广州的政务模型那块要建什么？"
    assert resolution.doc_id == GUANGZHOU


def test_a_clause_pointing_back_stands_for_the_subject_inside_the_frame(
        resolver: Resolver) -> None:
    """Regression (chain h28-03.2): "How many tasks is that?" after "In Zhangzhou's three-year
    action plan …, what is proposed for the "new network" infrastructure?" carried the plan,
    the longest noun phrase, which only said where to look; the plan's summary counted 29."""
    resolution = resolver.resolve("How many tasks is that?",
                                  [Turn(NETWORK, NETWORK, (ZHANGZHOU,))])
    assert "action plan" not in resolution.question
    assert "infrastructure in Zhangzhou" in resolution.question
    assert resolution.doc_id == ZHANGZHOU


def test_a_parallel_keeps_the_frame(resolver: Resolver) -> None:
    """"And for X?" puts X in the last subject's place, within the frame: the plan stays its
    owner (the "new network" infrastructure is X's sibling, not its whole)."""
    resolution = resolver.resolve("And for \"new computing power\"?",
                                  [Turn(NETWORK_TASKS, NETWORK_TASKS, (ZHANGZHOU,))])
    assert "action plan" in resolution.question
