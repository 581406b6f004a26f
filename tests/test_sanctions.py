"""A question asking the penalty for breaking a rule is answered only by a sentence stating one
(issues 22 + 23).

Regression: "What penalty do Zhanjiang project units face if they leave out the … Plan?" (round 9's
batch h9), "What happens to a Zhanjiang project unit whose digital-intelligent investment falls
below 5%?" (refusal10's batch) and eval dev's zh-f-un-01 quoted the requirement itself ("project
units are required to include …", "no less than 5%"), which says nothing of a sanction.
"""

from __future__ import annotations

import pytest

from app.answering.question_kinds import Kind, asked_kinds
from app.models import AskRequest
from app.retrieval.sanctions import STATES
from app.services import Services


@pytest.mark.parametrize(("question", "asks"), [
    ("What penalty applies if a project unit leaves out its plan?", True),
    ("What happens to a firm that misuses the subsidy?", True),
    ("What fine does the city impose on a late filer?", True),
    ("项目单位不按要求编制方案的，会受到什么处罚？", True),
    ("没按要求编制方案的话，会怎么样？", True),
    ("What happens at the Shenzhen industrial exhibition hall?", False),
    ("What is the fine-tuning budget of the model?", False),
])
def test_a_question_asks_a_sanction_by_the_words_for_one(question: str, asks: bool) -> None:
    assert (Kind.SANCTION in asked_kinds(question)) is asks


@pytest.mark.parametrize(("sentence", "states"), [
    ("Funds obtained by fraud will be recovered and the firm blacklisted.", True),
    ("Projects without the plan will not be approved.", True),
    ("对骗取补贴的企业，追回已拨付资金，并取消其三年内申报资格。", True),
    ("Project units are required to include a Digital-Intelligence and AI Plan.", False),
    ("数智化投入原则上不低于项目总投资的5%。", False),
])
def test_a_sentence_states_a_sanction_by_the_words_for_one(sentence: str, states: bool) -> None:
    assert bool(STATES.search(sentence)) is states


@pytest.mark.parametrize("question", [
    "What penalty do Zhanjiang project units face if they leave out the Digital-Intelligence and "
    "AI Application Plan?",
    "湛江政府投资项目不按要求编制数智化方案的，会受到什么处罚？",
])
def test_a_rule_does_not_answer_what_befalls_one_who_breaks_it(services: Services,
                                                               question: str) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert answer.refused, answer.answer
    assert answer.refusal_code == "kind_not_stated"


@pytest.mark.parametrize("sentence", [
    "新生应当于8月30日至8月31日到学校报到，逾期未报到且未说明理由的，视为自动放弃学位。",
    "逾期未提交材料的，补贴资格自动失效。",
    "超过有效期未使用的消费券作废。",
])
def test_a_deemed_or_void_outcome_states_what_befalls_one(sentence: str) -> None:
    """Regression (round 36, zhkind37): "宜昌新生开学报到去晚了又没说原因，会怎么样？" was refused
    as lacking the sanction asked, though its notice says the outcome: "…的，视为自动放弃学位".
    What one is deemed to have done (视为), or a right that lapses (失效, 作废), befalls one too."""
    assert STATES.search(sentence)
