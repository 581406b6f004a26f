"""A question asked across documents, in a store holding notices in the question's language.

Regression (issue 22): documents are compared across by English words, which a Chinese notice
never holds, so a Chinese question that reads as one asked across documents ("…优先安排哪些地区？",
"各地交通运输部门…") was answered by an English plan's sentence alone, while the Chinese notice
that search ranked first went unquoted (realzh-dev's dev split: 3 of its 305 questions). The texts
here are written by the test.
"""

from __future__ import annotations

from app.briefing.across import answer_across, asks_across
from app.models import DocumentInfo
from app.retrieval.hybrid import Hit, RetrievalResult
from app.store.records import Chunk

QUESTION = "各地如何保障煤炭供应？"
NOTICE = "各地能源主管部门要优先保障重点地区的煤炭供应，确保电厂存煤充足。"
PLAN = "The city will secure coal supply for power plants during the winter peak."
OTHER_PLAN = "The port will expand coal supply storage by two million tonnes."
DOCUMENTS = [DocumentInfo(doc_id="notice", title="煤炭供应通知"),
             DocumentInfo(doc_id="plan", title="Energy plan", city="Shenzhen"),
             DocumentInfo(doc_id="port", title="Port plan", city="Zhanjiang")]
TEXTS = {"notice": NOTICE, "plan": PLAN, "port": OTHER_PLAN}


def _hit(doc_id: str, text: str, language: str, rank: int) -> Hit:
    chunk = Chunk(f"{doc_id}::0000", doc_id, text, 0, len(text),
                  {"doc_id": doc_id, "title": doc_id, "start": 0, "language": language})
    return Hit(chunk, 0.5, rank)


def _across(hits: list[Hit]) -> str | None:
    answer = answer_across(QUESTION, RetrievalResult(QUESTION, hits), DOCUMENTS, TEXTS.__getitem__)
    return None if answer is None else answer.answer


def test_an_english_plan_alone_does_not_answer_beside_a_chinese_notice() -> None:
    assert asks_across(QUESTION)
    # None: the question is answered as any other is, from the notice search ranked first.
    assert _across([_hit("notice", NOTICE, "zh", 1), _hit("plan", PLAN, "en", 2)]) is None


def test_several_english_plans_still_answer_beside_a_chinese_notice() -> None:
    """Asked which cities' documents say something, English plans that do answer it, though a
    Chinese notice was retrieved too (the cities store: "哪些城市的文件提到了智慧教育？")."""
    answer = _across([_hit("notice", NOTICE, "zh", 1), _hit("plan", PLAN, "en", 2),
                      _hit("port", OTHER_PLAN, "en", 3)])
    # Labelled in the question's language (round 9), the manifest's name after it.
    assert answer is not None and "深圳市（Shenzhen）" in answer and "湛江市（Zhanjiang）" in answer


def test_an_english_plan_still_answers_a_chinese_question_asked_across_english_texts() -> None:
    answer = _across([_hit("plan", PLAN, "en", 1)])
    assert answer is not None and "深圳市（Shenzhen）" in answer and "coal supply" in answer
