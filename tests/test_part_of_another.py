"""A sentence answering another part of the question is no answer to this one (issue 23, round 36).

Regressions (parts37): Daqing's "…What meal subsidy does the canteen get for his meal, and how
many hours of home care a month can be subsidised if he becomes severely disabled?" answered its
second part, read beside the first part's meal sentence, with the next one ("Each resident is
counted for no more than one meal a day."), which says none of that part's words and the first
part's "meal"; 辽源's "养犬登记证多久年检一次？犬只死亡的，饲养人应在几日内办理注销？" answered its
first part with the sentence after "养犬登记证每年年检一次。" (restated whole by the question, it
was read as a lead-in), the 15日内注销 sentence, which the second part asks. The documents are the
test's own.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.models import AskRequest
from app.retrieval.antecedents import answering_part, of_another_part
from app.services import Services
from tests.support.served import services_over

MEASURES = "\n".join([
    "Jinchang Measures for Home-Based Elderly Care (2026)",
    "Jinchang Municipal People's Government Office, Jin Zheng Ban [2026] No. 3",
    "1. A community elderly care station of at least 300 square metres receives a one-off "
    "construction subsidy of 120,000 yuan.",
    "2. An elderly canteen receives a meal subsidy of 4 yuan for each meal served to a resident "
    "aged 80 or above. Each resident is counted for no more than one meal a day.",
    "3. Residents aged 60 to 79 pay the canteen's posted price.",
    "4. A home-based care provider receives 25 yuan per hour of service delivered to a severely "
    "disabled older person, for no more than 40 hours per person per month.",
    "5. Subsidies are settled twice a year, in July and in January.",
    "Jinchang Municipal People's Government Office",
    "2 March 2026", ""])

NOTICE = """金昌市养犬管理办法
金政发〔2026〕4号
一、登记管理
1.养犬人应当在取得犬只之日起30日内办理养犬登记。
2.养犬登记证由公安派出所免费发放。
3.养犬登记证每年年检一次。犬只死亡、丢失或者转让的，饲养人应当在15日内到原登记的公安派出所办理注销或者变更手续。
二、外出管理
4.携犬出户应当束犬链，犬链长度不超过1.5米。
金昌市人民政府
2026年3月5日
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    with services_over(tmp_path_factory.mktemp("parts-beside"), {
            "jinchang-2026-elderly-care": MEASURES, "jinchang-2026-养犬管理": NOTICE}) as built:
        yield built


def test_a_sentence_of_another_parts_words_only_is_that_parts() -> None:
    """The reading: none of this part's words (less a lone character) and some of another's; a
    part of a word or less of its own, or in another language than the sentence, reads none."""
    meal = "Each resident is counted for no more than one meal a day."
    hours = "how many hours of home care can be subsidised if he is disabled?"
    with answering_part(hours, hours, ["What meal subsidy does the canteen get?"]):
        assert of_another_part(meal)
        assert not of_another_part("A provider receives 25 yuan per hour of home care.")
    with answering_part(hours, "一个月补几小时？", ["What meal subsidy does the canteen get?"]):
        assert not of_another_part(meal)
    with answering_part("Jinchang how many in the third?", "how many in the third?",
                        ["What meal subsidy does the canteen get?"]):
        assert not of_another_part(meal)
    asked = "What meal subsidy does the canteen get?"
    with answering_part(asked, asked, [hours]):
        assert not of_another_part(meal)
    # An English word inflected or derived ("capped" of "cap") is the part's word (a first form
    # of the rule named h35's "…, and what is the yearly cap?" unanswered); a Chinese one is not.
    cap = "A hiring employer gets 1,500 yuan per graduate, capped at 150,000 yuan a year."
    with answering_part("what is the yearly cap?", "what is the yearly cap?",
                        ["What one-off subsidy does an employer get per graduate?"]):
        assert not of_another_part(cap)
    first = "养犬登记证多久年检一次？"
    with answering_part(first, first, ["饲养人应在几日内办理注销？"]):
        assert of_another_part("饲养人应当在15日内到原登记的公安派出所办理注销手续。")
    assert not of_another_part(meal)  # a question of one part: no other part


def test_a_part_pointing_back_is_not_answered_with_the_next_sentence_on_the_other_part(
        services: Services) -> None:
    answer = services.ask(AskRequest(
        question="My mother is 82 and lives in Jinchang. What meal subsidy does the canteen get "
                 "for her meal, and how many hours of home care a month can be subsidised if "
                 "she becomes severely disabled?", mode="extractive"))
    assert not answer.refused and len(answer.parts) == 2
    assert "4 yuan" in answer.parts[0].answer
    assert "40 hours per person per month" in answer.parts[1].answer
    assert "one meal a day" not in answer.answer


def test_a_restated_sentence_does_not_hand_its_part_the_next_parts_sentence(
        services: Services) -> None:
    answer = services.ask(AskRequest(
        question="金昌养犬登记证多久年检一次？犬只死亡的，饲养人应在几日内办理注销？",
        mode="extractive"))
    assert len(answer.parts) == 2
    assert "每年年检一次" in answer.parts[0].answer and "15日内" not in answer.parts[0].answer
    assert "15日内" in answer.parts[1].answer
