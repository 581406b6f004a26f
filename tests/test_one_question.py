"""One question computes a retrieval or an extractive answer once (app.one_question)."""

from __future__ import annotations

from inspect import signature
from typing import Any

from app.models import Answer, AskRequest
from app.one_question import once, one_question
from app.retrieval.in_force import left_out
from app.services import Services


def test_once_keeps_values_within_a_question_only() -> None:
    """The kept value is handed out for equal arguments, a copy of it when asked to, and nothing
    is kept outside a question."""
    runs: list[int] = []

    def compute() -> Answer:
        runs.append(1)
        return Answer(answer="the fee is 5 yuan")

    with one_question():
        first = once("answer", ("q", [1, 2]), compute, lambda a: a.model_copy(deep=True))
        first.answer = "changed by its first caller"
        again = once("answer", ("q", [1, 2]), compute, lambda a: a.model_copy(deep=True))
        other = once("answer", ("q", [1, 3]), compute, lambda a: a.model_copy(deep=True))
    assert again.answer == "the fee is 5 yuan" and again is not first
    assert other.answer == "the fee is 5 yuan" and len(runs) == 2
    once("answer", ("q", [1, 2]), compute)
    assert len(runs) == 3


def test_refused_answer_read_from_every_document_retrieves_once(services: Services) -> None:
    """Bug (perf49): a refused answer read again from every document (asking's fallback when a
    document out of force was left out) ran again the very retrieval its in-force search had
    just run, and answered the same passages again: a fifth of eval dev's retrievals and
    answers. Each retrieval now runs once per question; the answer is unchanged."""
    question = ("Who is the director of the Haizhu District Artificial Intelligence Development "
                "Bureau?")
    assert left_out(services.retriever, question)  # the fallback is taken
    retriever, seen = services.retriever, []
    real = retriever.retrieve

    def recording(*args: Any, **kwargs: Any) -> Any:
        call = signature(real).bind(*args, **kwargs)
        call.apply_defaults()
        seen.append(dict(call.arguments))
        return real(*args, **kwargs)

    retriever.retrieve = recording  # type: ignore[method-assign]
    try:
        answer = services.ask(AskRequest(question=question, mode="extractive"))
    finally:
        del retriever.retrieve
    assert answer.refused and not answer.citations
    assert any(not call["in_force"] for call in seen)  # every document was read
    assert len(seen) == len({repr(call) for call in seen})  # each retrieval once
    again = services.ask(AskRequest(question=question, mode="extractive"))
    assert again.answer == answer.answer
