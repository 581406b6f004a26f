"""A topic asked of places named side by side is read in each place's documents as the topic
alone (issue 23 item 4), over the real corpus."""

from __future__ import annotations

from app.briefing.conjuncts import topic_asked
from app.models import AskRequest
from app.services import Services


def _spans(question: str, *places: str) -> list[tuple[int, int]]:
    return [(question.index(p), question.index(p) + len(p)) for p in places]


def test_the_topic_is_the_question_less_its_places_and_its_asking_across() -> None:
    """Regression (h26): "Compare Zhanjiang and Shenzhen on AI in healthcare: what does each
    document say?" was asked of each place with "Compare" and "what does each document say",
    whose "documents" chose a sentence on the review of documents."""
    compare = "Compare Zhanjiang and Shenzhen on AI in healthcare: what does each document say?"
    assert topic_asked(compare, _spans(compare, "Zhanjiang", "Shenzhen")) == (
        "What about AI in healthcare?")
    # The places say what the topic is ("the firms that X and Y attract"): no topic alone.
    relative = "Compare the AI enterprises that Haizhu and Zhanjiang aim to attract."
    assert topic_asked(relative, _spans(relative, "Haizhu", "Zhanjiang")) is None
    zh = "广州和深圳在智能网联汽车方面分别打算做什么？"
    assert topic_asked(zh, _spans(zh, "广州", "深圳")) == "智能网联汽车"


def test_each_place_quotes_its_sentence_on_the_topic(services: Services) -> None:
    """Regression (h26): Zhanjiang's health care was answered with its review of documents and
    Shenzhen's medical pilots went unquoted."""
    answer = services.ask(AskRequest(
        question="Compare Zhanjiang and Shenzhen on AI in healthcare: what does each document say?",
        mode="extractive"))
    quotes = {g.place: " ".join(answer.citations[n - 1].quote for n in g.citations)
              for g in answer.groups}
    assert "AI + healthcare" in quotes["Zhanjiang"]
    assert "medical imaging assisted diagnosis" in quotes["Shenzhen"]


def test_a_place_not_covering_the_topic_is_named_as_not_answering(services: Services) -> None:
    """Regression (across28): Guangzhou's smart elderly care was answered with the plan's summary
    and Shenzhen with its opening; Shenzhen's plan says nothing of elderly care."""
    answer = services.ask(AskRequest(
        question="Compare Guangzhou and Shenzhen on smart elderly care: what does each plan?",
        mode="extractive"))
    assert [g.place for g in answer.groups] == ["Guangzhou"]
    assert "smart elderly care" in answer.citations[0].quote
    assert "Shenzhen: the documents don't say." in answer.answer


def test_an_imperative_first_word_is_no_topic(services: Services) -> None:
    """Regression (across38, h25's "Compare Guangzhou and Shenzhen on AI in healthcare: in which
    medical uses does each want AI applied?"): spaCy tagged the capitalised "Compare" a name and
    read "Compare Guangzhou" as one noun phrase, a place's "other thing", so no topic was asked
    and Guangzhou was answered "the documents don't say" beside its pathological analysis. The
    first word is parsed lower-case (unless a place's name)."""
    question = ("Compare Guangzhou and Shenzhen on AI in healthcare: in which medical uses does "
                "each want AI applied?")
    topic = topic_asked(question, _spans(question, "Guangzhou", "Shenzhen"))
    assert topic is not None and topic.startswith("What about AI in healthcare")
    assert "Compare" not in topic
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert "pathological analysis" in answer.answer
    assert "clinical assisted decision-making" in answer.answer
