"""Chinese questions in officials' everyday words find the English clause that answers them.

Regression: the hand term list only knew the eval questions' words, so "数字化智能化改造" got an
unrelated first sentence instead of the 5% clause (issue 9).
"""

from __future__ import annotations

import pytest

from app.answering.ranking import semantic_texts
from app.models import AskRequest
from app.services import Services
from tests.conftest import GUANGZHOU, SHENZHEN, ZHANGZHOU, ZHANJIANG


@pytest.mark.parametrize(
    ("question", "doc_id", "fact"),
    [
        (
            "湛江的政府投资项目，数字化智能化改造的投入至少要占项目总投资的百分之几？",
            ZHANJIANG,
            "5%",
        ),
        ("深圳准备打造的人工智能基金群，资金盘子有多大？", SHENZHEN, "100 billion yuan"),
        # Bug: the answer is one clause of a long English sentence listing a dozen measures,
        # whose whole vector is far from the question: another sentence was quoted.
        ("广州想建一个怎样的岭南文化体验空间？", GUANGZHOU,
         "Lingnan cultural digital experience space"),
        # Regression (round 8): 鹏城 is in no dictionary, so the question was searched without
        # its name and refused; it is now read in the pinyin the text writes ("Pengcheng").
        ("鹏城云脑III项目什么时候开工？", SHENZHEN, "before the end of 2023"),
        # Regression (round 8): 重点 rendered "recount", 指标 "target, quota, index" (three
        # senses a word): "11 key evaluation indicators" held neither and was refused.
        ("漳州的新基建行动计划挑了几个重点评价指标？", ZHANGZHOU, "11 key evaluation indicators"),
        # Bug: "总投资的多少" (how much of the total) was read as asking a sum of money, so
        # the 5% clause, which names no sum, was scored down and the question refused.
        # (an xfail until round 8: 升级 rendered no "upgrade", its fourth sense, so the 5%
        # clause held too few of the question's words and scored 0.31, below the threshold)
        ("湛江要求数智化升级投入不低于项目总投资的多少？", ZHANJIANG, "5%"),
    ],
)
def test_chinese_question_is_answered_by_the_english_clause(
    services: Services, question: str, doc_id: str, fact: str
) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert not answer.refused, answer.answer
    first = answer.citations[0]
    assert first.doc_id == doc_id and fact in first.quote


def test_an_english_sentence_is_encoded_with_each_clause_long_enough_to_stand_alone() -> None:
    sentence = ("Initiatives include establishing a joint innovation center, building a large "
                "language model inference platform, deploying an AI testing zone on the "
                "government cloud, and releasing cases.")
    assert semantic_texts(sentence) == [
        sentence, "Initiatives include establishing a joint innovation center",
        " building a large language model inference platform",
        " deploying an AI testing zone on the government cloud"]
    assert semantic_texts("Promote data, build platforms, and train staff.") == [
        "Promote data, build platforms, and train staff."]  # no clause stands alone
    assert semantic_texts("建设人工智能测试区，部署在政务云上，并发布二十多个应用案例。") == [
        "建设人工智能测试区，部署在政务云上，并发布二十多个应用案例。"]
