"""A question's noun that no candidate sentence holds, said otherwise by the texts (issue 23):
"drones" for "unmanned aerial vehicles", "key jobs" for "key tasks". The bug: every sentence's
share of the question's words fell by the unheld word, and the sentence that answers was refused
(round 9's fresh batch paraphrase9, and the drone and investors' gathering questions of
paraphrase8)."""

from __future__ import annotations

from pathlib import Path

from app.models import AskRequest
from app.retrieval.kindred import _nouns, credit, kindred, without_light
from app.services import Services
from tests.support.served import services_over


def test_a_word_is_found_by_meaning_only_where_a_sentence_says_it(services: Services) -> None:
    vectors = services.answerers["extractive"].ranker.vectors  # type: ignore[attr-defined]
    sentences = [["promote", "civil", "unmanned", "aerial", "vehicles", "urban", "management"],
                 ["form", "lecturer", "group", "support", "schools"]]
    found = kindred(vectors, 0.0, {"drone": "drones", "salari": "salary"}, sentences)
    assert found == [{"drone"}, set()]  # no word of the lecturers' sentence is a salary


def test_only_an_unheld_noun_of_an_english_question_is_credited(services: Services) -> None:
    vectors = services.answerers["extractive"].ranker.vectors  # type: ignore[attr-defined]
    texts = ["It puts forward 25 key tasks in six major areas.", "It wants to hand out maps."]
    held = [{"put", "forward", "key", "task"}, {"want", "hand", "map"}]
    terms = [frozenset([s]) for s in ("key", "job", "hand", "want")]
    credit(vectors, 0.0, "How many key jobs does the plan want to hand out?", terms, held, texts)
    assert "job" in held[0] and "job" not in held[1]
    chinese = [{"fund"}]
    credit(vectors, 0.0, "总投资是多少？", [frozenset(["投资", "invest"])], chinese, ["a fund"])
    assert chinese == [{"fund"}]  # a Chinese word is read through its dictionary senses


def test_a_paraphrased_noun_finds_its_sentence(services: Services) -> None:
    answer = services.ask(AskRequest(
        question="For my slide on Guangzhou's digital pilot: how many key jobs does the plan "
                 "hand out?", mode="extractive"))
    assert not answer.refused and "25 key tasks" in answer.answer
    answer = services.ask(AskRequest(
        question="In my training on Guangzhou's transformation plan, what should I tell "
                 "participants the city will use drones for?", mode="extractive"))
    assert not answer.refused and "unmanned aerial vehicles" in answer.answer


def test_the_noun_a_question_asks_by_is_not_found_by_meaning(services: Services) -> None:
    # "company" lies close to "industry": credited, the unanswerable question was answered.
    answer = services.ask(AskRequest(
        question="Which company will build the second phase of the Pazhou computing center?",
        mode="extractive"))
    assert answer.refused


def test_a_verb_the_tagger_takes_for_a_noun_is_not_placed_by_meaning() -> None:
    """Bug (merge of paraphrase9 and validity9): spaCy tags the last verb of "What extra does a
    Fernley childminder working from home get?" NN, and "get" lay close to "work" in an
    out-of-work extra's sentence, which then outranked the working-from-home clause."""
    nouns = _nouns("What extra does a Fernley childminder working from home get?")
    assert "get" not in nouns and "childminder" in nouns


def test_the_nouns_are_read_from_the_parse_retrieval_made() -> None:
    """Bug (issue 23, round 15's latency): every English question went through spaCy twice, its
    parse for its frame and the tagger again for its nouns (~6 ms of a ~40 ms ask). The nouns
    are now the parse's tags, which are the tagger pipeline's: the parser does not change them."""
    from app.retrieval.question_frame import question_frame
    from app.retrieval.taggers import english, parsed

    question = "When preparing a session on Zhangzhou's plan, how many key jobs does it list?"
    question_frame(question)  # retrieval parses the question first
    before = parsed.cache_info()
    nouns = _nouns(question)
    assert parsed.cache_info().hits == before.hits + 1  # no second pass of spaCy
    tagged = english("tags")(question)
    assert nouns == {t.lower_ for t in tagged if t.tag_ in {"NN", "NNS"} and not t.is_stop}
    assert {"session", "jobs"} <= nouns and "plan" in nouns


def test_a_word_repeated_across_sentences_is_placed_in_each(services: Services) -> None:
    """Each distinct candidate word is now judged once (round 15's latency): a word two
    sentences share is still found in both, and a question with nothing unheld reads none."""
    vectors = services.answerers["extractive"].ranker.vectors  # type: ignore[attr-defined]
    sentences = [["unmanned", "aerial", "patrols"], ["build", "unmanned", "hubs"], ["schools"]]
    assert kindred(vectors, 0.0, {"drone": "drones"}, sentences) == [{"drone"}, {"drone"}, set()]
    assert kindred(vectors, 0.0, {}, sentences) == [set(), set(), set()]


_ALLOWANCES = """Marlow Measures on Allowances for Older Residents (2026)

1. Residents aged 80 and above receive an old-age allowance of 100 yuan per month.
2. Families with a member holding a first grade disability certificate receive 120 yuan a month.
3. A community canteen that passes acceptance receives a one-off construction grant of 80,000 yuan.
4. Travel agencies that bring groups of visitors receive a reward of 2,000 yuan per group.
"""


def test_a_question_s_words_of_grammar_no_sentence_holds_are_not_counted(tmp_path: Path) -> None:
    """Bug (issue 23, enfalse43): "does she still get anything …", "put into fixing up": a
    pronoun, a particle or a light verb no candidate sentence held weighed as a detail the texts
    lack, lowering every sentence's share of the question's words, and the answer was refused."""
    question = "My dad in Marlow just turned 81: does he get anything each month?"
    weights = {frozenset([s]): 1.0 for s in ("dad", "just", "turn", "he", "anyth", "citi", "month",
                                             "81")}
    held = [{"resid", "age", "receiv", "allow", "month"}, {"citi", "grant"}]
    kept = without_light(question, weights, held)
    assert set(weights) - set(kept) == {frozenset([w]) for w in ("just", "he", "anyth")}
    assert without_light("他每个月能领多少？", weights, held) == weights  # English questions only
    with services_over(tmp_path, {"marlow-2026-allowances": _ALLOWANCES}) as services:
        answer = services.ask(AskRequest(question=question, mode="extractive"))
        assert not answer.refused and "100 yuan per month" in answer.answer
        for unstated in ("How much does Marlow pay for a resident's funeral?",
                         "What does Marlow give residents aged 70 to 79 each month?"):
            assert services.ask(AskRequest(question=unstated, mode="extractive")).refused

