"""Per place, the sentence holding more of an across question answers for it (issue 23, item 4):
the place's own answer or the topic reading's sentence, by the question's words each holds."""

from __future__ import annotations

from app.briefing.across import topic_of
from app.briefing.grouped import answer_by_place
from app.briefing.topic_words import holding
from app.models import Answer, Citation, DocumentInfo

_DOCS = [DocumentInfo(doc_id="a", city="Lanzhou"), DocumentInfo(doc_id="b", city="Xining")]
_OPENING = "This plan is formulated to promote the high-quality development of Lanzhou."
_TOPIC = "Lanzhou will purify the water of the Yellow River and monitor its quality."


def _cited(doc_id: str, quote: str, n: int = 1, start: int = 0) -> Citation:
    return Citation(n=n, doc_id=doc_id, title=doc_id, quote=quote, start=start, score=1.0,
                    end=start + len(quote))


def _answered(quote: str, doc_id: str) -> Answer:
    return Answer(answer=f"{quote} [1]", citations=[_cited(doc_id, quote)])


def test_a_place_name_and_a_plan_word_hold_less_than_the_topic() -> None:
    """A Chinese question over English sentences: the topic's words through the glossary; the
    places' names say where, not what."""
    held = holding(topic_of("兰州和西宁在水质净化方面各有什么安排？"),
                   {"兰州", "西宁", "Lanzhou", "Xining"})
    assert held(_TOPIC) > held(_OPENING)
    assert holding("净化水质", set())("加快建设污水净化站，提升水质。") == 2


def test_the_topic_sentence_answers_where_the_own_answer_holds_less() -> None:
    """Regression (across42's sort of the main store's across misses: 64 of 84): a place's own
    answer quoted its plan's opening ("深圳和广州在低空经济方面各有什么安排？" cited Guangzhou's
    opening) while the topic reading had found the sentence saying the topic; the own answer was
    preferred whenever it was not refused."""
    own = {"a": _answered(_OPENING, "a"), "b": _answered("Xining will purify water.", "b")}
    topic = Answer(answer="", citations=[_cited("a", _TOPIC, start=500),
                                             _cited("b", "Xining roads.", 2, start=500)])
    held = holding("Compare how Lanzhou and Xining purify water.",
                   {"Lanzhou", "Xining"})
    found = answer_by_place({"Lanzhou": {"a"}, "Xining": {"b"}}, _DOCS,
                            lambda _, docs: own[min(docs)], topical=lambda: topic, holds=held)
    assert found is not None
    quotes = [c.quote for c in found.citations]
    # Lanzhou: the topic's sentence; Xining: its own answer holds more than the topic's.
    assert quotes == [_TOPIC, "Xining will purify water."]
    # Without the measure, the own answer stands (as before).
    kept = answer_by_place({"Lanzhou": {"a"}, "Xining": {"b"}}, _DOCS,
                           lambda _, docs: own[min(docs)], topical=lambda: topic)
    assert kept is not None and kept.citations[0].quote == _OPENING


def test_a_noun_naming_the_document_holds_nothing_of_the_question() -> None:
    """Regression (round 41, the first measure): "What do X's pilot plan and Y's action plan each
    say about …?" -- Y's opening, issuing "the Action Plan for …", outheld the sentence on the
    topic by the document's nouns ("action", "plan" asked twice) and the possessive's "s"."""
    held = holding(topic_of("What do Lanzhou's plan and Xining's plan each say about flood "
                            "warning?"), {"Lanzhou", "Xining"})
    opening = "The People's Government of Xining issued the plan."
    topic = "Build a flood warning system along the river."
    assert held(topic) > held(opening)


def test_the_verb_asking_how_holds_nothing_of_an_english_question() -> None:
    """Regression (issue 23, across52 "How do Shenzhen, Guangzhou and Zhanjiang use AI in
    healthcare?"): Shenzhen's own answer (AI in medical institutions) gave way to its plan's
    opening, which held "use" ("use the strength of the whole city") beside AI: the English
    question's verb counted as a topic word, where a Chinese question's nouns alone do (by
    spaCy's tags, which read "use" a noun after names it does not know: then as before)."""
    held = holding(topic_of("How do Shenzhen and Zhanjiang use AI in healthcare?"),
                   {"Shenzhen", "Zhanjiang"})
    opening = "Use the strength of the whole city to build an artificial intelligence pilot zone."
    own = "Carry out pilot projects of artificial intelligence applications in hospitals."
    assert held(opening) == held(own) == 1
