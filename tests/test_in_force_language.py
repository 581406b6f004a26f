"""Which document a question is about, before it is answered from the documents in force
(app.retrieval.in_force)."""

from __future__ import annotations

from app.retrieval.hybrid import Hit, RetrievalResult
from app.retrieval.in_force import _best_document
from app.retrieval.place_inference import PlaceInference
from app.store.records import Chunk


def _hit(doc_id: str, text: str, language: str, rank: int) -> Hit:
    chunk = Chunk(f"{doc_id}-{rank}", doc_id, text, 0, len(text), {"language": language})
    return Hit(chunk, 0.5, rank)


def _found(question: str, held: list[str]) -> RetrievalResult:
    return RetrievalResult(question, [
        _hit("shenzhen-2023-ai-action-plan", "(16) Strengthen financial guarantee.", "en", 1),
        _hit("shangwu-2020-supply", "中央财政资金向承担保供任务的流通企业倾斜。", "zh", 2),
    ], PlaceInference(held=held))


def test_a_chinese_question_is_not_about_an_english_plan_found_across_languages() -> None:
    """Regression (realzh-dev dev, 国家要求中央财政资金如何倾斜？): the expired English Shenzhen
    plan came first for a Chinese question about a national notice, by the cross-lingual
    model alone, so the question was taken to ask about the plan and the notice's clause lost
    to another notice's; its own language's best passage says what it asks about."""
    assert _best_document("国家要求中央财政资金如何倾斜？", _found("", [])) == "shangwu-2020-supply"


def test_a_place_named_decides_whatever_the_language() -> None:
    found = _found("深圳对人工智能有什么资金保障？", ["深圳市"])
    assert _best_document("深圳对人工智能有什么资金保障？", found) == "shenzhen-2023-ai-action-plan"


def test_with_no_passage_in_its_language_the_best_of_all_decides() -> None:
    found = _found("", [])
    found.hits = found.hits[:1]
    assert _best_document("人工智能有什么资金保障？", found) == "shenzhen-2023-ai-action-plan"
