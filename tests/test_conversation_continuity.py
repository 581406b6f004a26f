"""A follow-up that is a complete clause naming no place, over the real corpus, models and BM25
index: it reads on in the document the last answer cited when that document answers its words
about as well as any other, and opens a new topic when another document holds them."""

from __future__ import annotations

from app.conversation import Turn
from app.models import AskRequest, HistoryTurn
from app.services import Services
from tests.conftest import GUANGZHOU, HAIZHU, ZHANGZHOU, ZHANJIANG


def _resolve(services: Services, question: str, earlier: str,
             doc_id: str) -> tuple[str, str | None]:
    with services.watch.reading():
        resolution = services.conversations.resolve(
            question, [Turn(earlier, earlier, (doc_id,))], "extractive")
    return resolution.question, resolution.doc_id


def test_a_clause_naming_no_place_reads_on_in_the_last_document(services: Services) -> None:
    """Regression: "数智化投入原则上不低于项目总投资的多少？" and "How many people attended
    the training?" after a question about Zhanjiang's notice are complete clauses, so they
    were answered as asked, from whichever document matched best, not the notice the
    conversation was about."""
    question, doc_id = _resolve(services, "数智化投入原则上不低于项目总投资的多少？",
                                "湛江市政务服务和数据管理局联合哪些部门印发了通知？", ZHANJIANG)
    assert doc_id == ZHANJIANG and question.startswith("湛江")
    question, doc_id = _resolve(services, "How many people attended the training?",
                                "What share must digital-intelligent upgrades take in "
                                "Zhanjiang's government-invested projects?", ZHANJIANG)
    assert doc_id == ZHANJIANG and "Zhanjiang" in question


def test_a_clause_whose_words_another_document_holds_is_a_new_topic(
        services: Services) -> None:
    earlier = "海珠区每年安排多少专项资金？"
    for question in ("When will construction of the Pengcheng Cloud Brain III project start?",
                     "鹏城云脑III项目什么时候开工建设？",
                     "广州城市全面数字化转型试点实施方案提出了多少项重点任务？"):
        assert _resolve(services, question, earlier, HAIZHU) == (question, None)


def test_a_follow_up_naming_no_place_is_answered_from_the_conversation(
        services: Services) -> None:
    """Chinese drops what the conversation gave: the share asked after the notice's question
    is the notice's 5%, cited from it."""
    history = [HistoryTurn(question="湛江市政务服务和数据管理局联合哪些部门印发了通知？",
                           doc_ids=[ZHANJIANG])]
    answer = services.ask(AskRequest(question="数智化投入原则上不低于项目总投资的多少？",
                                     mode="extractive", history=history))
    assert not answer.refused
    resolved = answer.resolved_question or ""
    assert resolved.startswith("湛江")
    assert resolved.endswith("数智化投入原则上不低于项目总投资的多少？")
    assert answer.citations[0].doc_id == ZHANJIANG
    assert "5%" in answer.citations[0].quote


def test_what_about_another_place_and_thing_asks_the_last_question_of_them(
        services: Services) -> None:
    history = [HistoryTurn(question="How many key tasks does Guangzhou's digital "
                           "transformation pilot plan put forward?", doc_ids=[GUANGZHOU])]
    answer = services.ask(AskRequest(question="What about Zhangzhou's action plan?",
                                     mode="extractive", history=history))
    assert answer.citations and answer.citations[0].doc_id == ZHANGZHOU
    assert "29" in answer.answer


def test_a_clause_another_document_outscores_only_in_its_senses_reads_on(
        services: Services) -> None:
    """Regression: a count asked after a question about Guangzhou's plan ("总共列出了几项重点
    任务？") was a new topic: 重点's dictionary senses ("important point", "focus") are other
    plans' words, not "key", so Guangzhou's "25 key tasks" scored under the share of another
    document's passage, though that passage said no word of the question Guangzhou's plan does
    not also say. It reads on in Guangzhou's plan, and a name only another document holds
    still opens a new topic."""
    earlier = "广州城市全域数字化转型试点实施方案由哪个部门印发？"
    question, doc_id = _resolve(services, "总共列出了几项重点任务？", earlier, GUANGZHOU)
    assert doc_id == GUANGZHOU and question.startswith("广州")
    named = "鹏城云脑III项目什么时候开工建设？"
    assert _resolve(services, named, earlier, GUANGZHOU) == (named, None)
