"""An acronym the passages never mention, as written or spelled out, is a detail they lack."""

from __future__ import annotations

from app.models import AskRequest
from app.retrieval.acronyms import unmentioned
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
