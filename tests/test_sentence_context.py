"""What a sentence is scored as: a measure's closing remark under its heading, a verb's past
form as the verb, a percent sign as the word."""

from __future__ import annotations

from app.answering.citations import Sentence
from app.answering.sentence_forms import in_context
from app.models import AskRequest
from app.numerals import ordinals
from app.services import Services
from app.store.records import Chunk

REMARK = "Explore pilot projects. (Responsible units: Municipal Fire Rescue Detachment, etc.)"


def _sentence(text: str, section: str) -> Sentence:
    chunk = Chunk("c-0", "doc", text, 0, len(text), {"doc_id": "doc", "section": section})
    return Sentence(chunk, 0, len(text), text, 1)


def test_a_remark_is_read_under_its_heading_and_other_sentences_alone() -> None:
    section = "4. Scenarios > (11) Promoting “Urban Governance + AI”"
    assert in_context(_sentence(REMARK, section)) == (
        f"(11) Promoting “Urban Governance + AI”: {REMARK}")
    assert in_context(_sentence("Explore pilot projects.", section)) == "Explore pilot projects."


def test_which_units_carry_out_a_measure_named_by_its_heading(services: Services) -> None:
    """Asked which units are responsible for a Shenzhen measure, the answer quoted another
    measure's units: the remark "(Responsible units: …)" holds no word of the measure's name,
    which is its heading, sentences away."""
    answer = services.ask(AskRequest(
        question="Which units are responsible for Shenzhen's \"public service + AI\" measure?",
        mode="extractive"))
    assert not answer.refused
    assert "Municipal Health Commission" in answer.citations[0].quote


def test_an_irregular_verb_meets_its_past_form(services: Services) -> None:
    """举行 renders "hold", the text says the event is "held on the 8th of each month": the
    stemmer keeps "held" apart from "hold", and the question was refused."""
    answer = services.ask(AskRequest(question="深圳创投日每月几号举行？", mode="extractive"))
    assert not answer.refused
    assert "8th of each month" in answer.answer


def test_a_percent_sign_says_percent(services: Services) -> None:
    """Asked in Chinese what share of investment the upgrades take (百分之几, rendered
    "percent"), the 5% clause scored 0.17 and the question was refused: "5%" held no word
    "percent" for the question's to meet."""
    answer = services.ask(AskRequest(question="湛江要求数智化升级至少占总投资的百分之几？",
                                     mode="extractive"))
    assert not answer.refused
    assert "5%" in answer.citations[0].quote


def test_words_inside_a_cited_title_weigh_less_than_what_a_sentence_says(
        services: Services) -> None:
    """Asked how often Shenzhen publishes AI industry statistics, the answer quoted "release
    policies … on an annual basis": its question words ("Artificial Intelligence Industry")
    are those of a regulation's title it cites, while the sentence that answers ("release
    relevant data on a quarterly basis") states them itself, and scored too far below it to be
    quoted beside it."""
    answer = services.ask(AskRequest(
        question="How often will Shenzhen publish AI industry statistics?", mode="extractive"))
    assert not answer.refused
    assert any("on a quarterly basis" in c.quote for c in answer.citations)


def test_a_name_the_question_quotes_is_what_it_asks_about(services: Services) -> None:
    """Regression: words inside quotes weigh half (a cited title), so the sentence naming the
    "Sui Biao Tong" system, which the question quotes itself, was refused."""
    answer = services.ask(AskRequest(
        question='What\'s the "Sui Biao Tong" system in Guangzhou supposed to do?',
        mode="extractive"))
    assert not answer.refused
    assert "unified data collection" in answer.answer


def test_a_sentence_without_a_subject_is_read_under_its_heading() -> None:
    """"Includes 12 tasks …" names no part: under its heading it says which part it counts; an
    opening phrase before a subject ("Focusing on …, the plan …") and an order stay alone."""
    section = "2. Main content > The second part is to accelerate information infrastructure"
    counted = "Includes 12 tasks in building infrastructures."
    assert in_context(_sentence(counted, section)) == (
        f"The second part is to accelerate information infrastructure: {counted}")
    for alone in ("Focusing on the 29 tasks, the plan selected 11 indicators.",
                  "Build a smart computing power hub."):
        assert in_context(_sentence(alone, section)) == alone


def test_how_many_tasks_a_part_has_is_not_the_whole_plans_count(services: Services) -> None:
    """Asked how many tasks the second part of Zhangzhou's plan has, the answer quoted "The
    Action Plan contains five parts … 29 tasks" (the whole plan's count, naming "parts") over
    "Includes 12 tasks", whose part is named by the heading before it."""
    for question in ("How many tasks are in the third part of Zhangzhou's new infrastructure plan?",
                     "漳州新基建三年行动计划的第二部分有多少项任务？"):
        answer = services.ask(AskRequest(question=question, mode="extractive"))
        assert not answer.refused
        assert "29 tasks" not in answer.citations[0].quote
        assert any(n in answer.citations[0].quote for n in ("15 tasks", "12 tasks"))


def test_ordinals_are_read_in_both_languages() -> None:
    """第四部分 was not found as "fourth part": the dictionary renders 第二 and 第五, not 第四."""
    assert ordinals("漳州行动计划第四部分包括几项任务？") == {"fourth"}
    assert ordinals("The Second part; the 第十一 item") == {"second"}
    assert ordinals("Which bureau is listed first, and the plan's third part?",
                    picking=True) == {"third"}
