"""An acronym the passages never mention, as written or spelled out, is a detail they lack."""

from __future__ import annotations

from app.models import AskRequest
from app.retrieval.acronyms import unmentioned, unnamed_by
from app.services import Services

TEXTS = ["Support small and medium-sized enterprises with a large language model.",
         "Build green data centers; launch PZ-SPACE and DeepSeek-R1 on Pengcheng Cloud Brain III."]


def test_an_acronym_counts_as_mentioned_when_written_or_spelled_out() -> None:
    assert unmentioned("What PUE must new data centers reach?", TEXTS) == ["PUE"]
    assert unmentioned("漳州新建数据中心的PUE要求是多少？", TEXTS) == ["PUE"]
    assert unmentioned("Capacity in PFLOPS?", TEXTS) == ["PFLOPS"]
    for question in ("How do SMEs get help?", "Which LLM does it use?", "What is PZ-SPACE?",
                     "What AI plan?", "Is DeepSeek-R1 used?", "鹏城云脑III项目在哪？"):
        assert unmentioned(question, TEXTS) == [], question


def test_a_measure_the_texts_never_name_is_refused(services: Services) -> None:
    """Regression: asked for the PUE Zhangzhou requires of new green data centres (the texts
    give none), the answer quoted the plan's sentence on green data centres."""
    answer = services.ask(AskRequest(question="漳州新建绿色数据中心的PUE要求是多少？",
                                     mode="extractive"))
    assert answer.refused
    assert "PUE" in answer.answer
    answered = services.ask(AskRequest(question="Which DeepSeek model does Zhanjiang use?",
                                       mode="extractive"))
    assert "DeepSeek-R1-671B" in answered.answer


def test_a_name_one_document_holds_is_not_answered_from_another() -> None:
    texts = [("gz", "build the Guangzhou Artificial Intelligence Public Computing Power Center"),
             ("hz", "the PZ-SPACE Pazhou Space Intelligent"), ("hz", "Computing Center: 500P")]
    asked = ("What capacity will the Guangzhou Artificial Intelligence Public Computing Power "
             "Center have?")
    assert unnamed_by(asked, texts) == {"hz"}
    assert unnamed_by("Which Pazhou Space Intelligent Computing Center phase is 100P?",
                      texts) == {"gz"}
    # A name no text holds as written, or one of two words, tells no document from another.
    assert unnamed_by("What does the Guangzhou AI Computing Hub cost?", texts) == set()
    assert unnamed_by("What Is The Scale of Computing Power?", texts) == set()


def test_a_figure_of_another_named_thing_does_not_answer(services: Services) -> None:
    """Regression: asked the capacity of Guangzhou's AI Public Computing Power Center (the texts
    give none), the answer quoted the sentence naming it beside "5G" (spaCy's "5" read as a
    figure), and, that mended, the Pazhou Space Intelligent Computing Center's 500P (another
    document's center, in Guangzhou's district Haizhu)."""
    for question in ("What computing capacity will the Guangzhou Artificial Intelligence Public "
                     "Computing Power Center have?",
                     "What computing power scale is planned for the Guangzhou Artificial "
                     "Intelligence Public Computing Power Center?"):
        answer = services.ask(AskRequest(question=question, mode="extractive"))
        assert answer.refused, answer.answer
    answered = services.ask(AskRequest(
        question="What computing power scale will the first phase of the Pazhou Space "
                 "Intelligent Computing Center reach?", mode="extractive"))
    assert "100P" in answered.answer


def test_a_place_inside_a_name_is_not_asked_of(services: Services) -> None:
    """Regression: "What budget does Zhanjiang give the Digital Shenzhen-Digital Zhanjiang Joint
    Innovation Center?" (none is given) was answered for Shenzhen by its AI fund group's 100
    billion yuan: the Shenzhen inside the centre's name was read as a second place asked of."""
    answer = services.ask(AskRequest(
        question="What budget does Zhanjiang give the Digital Shenzhen-Digital Zhanjiang Joint "
                 "Innovation Center?", mode="extractive"))
    assert answer.refused, answer.answer
