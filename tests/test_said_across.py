"""The thing a question asks the sum, count or holder of, named in the other language by another
word than the dictionary's (issue 22, round 51, xlang52): an English question asking what a
homestay is "awarded" over a Chinese notice saying 一次性奖励5万元, a Chinese question asking
补贴 over "are subsidised at 200 yuan per tonne". The bug: the dictionary renders "award" as
授予, 大奖, 奖项 (not 奖励) and 补贴 as "subsidy" (whose stem "subsidised" does not share), so the
answering sentence was read as naming something else, its support halved below the refusal
threshold, and the question refused (the batch's Garze and Xilingol lines)."""

from __future__ import annotations

from pathlib import Path

from app.retrieval.kindred import said_across
from app.services import Services
from tests.support.served import asked, serve_texts

_GRADE_A = "经州文化广播电视和旅游局评定为甲级民宿的，一次性奖励5万元；"
_HAY = "(1) Hay and silage bought for the winter and spring reserve are subsidised at 200 yuan " \
       "per tonne."


def test_a_word_the_multilingual_model_places_near_names_the_thing(services: Services) -> None:
    vectors = services.answerers["extractive"].ranker.crosslingual_vectors  # type: ignore
    award = "How much does Garze award a homestay rated Grade A?"
    assert said_across(vectors, ["award"], award, _GRADE_A)  # 奖励
    assert not said_across(vectors, ["award"], award, "民宿应当在显著位置公示服务价格。")
    assert said_across(vectors, ["补贴"], "储备饲草每吨补贴多少钱？", _HAY)  # "subsidised"
    assert not said_across(vectors, ["补贴"], "储备饲草每吨补贴多少钱？",
                           "The league will hold its fodder reserves in 12 county depots.")
    # A sentence in the question's own language is left to the dictionary and the stems.
    assert not said_across(vectors, ["award"], award, "A Grade A homestay receives a reward.")
    assert not said_across(None, ["award"], award, _GRADE_A)  # no multilingual model


_NOTICE = (
    "甘孜藏族自治州文化广播电视和旅游局关于印发《甘孜州乡村民宿等级评定奖补办法》的通知\n\n"
    "甘文旅发〔2026〕8号\n\n"
    "一、奖补标准\n"
    f"（一）{_GRADE_A}经评定为乙级民宿的，一次性奖励3万元。\n"
    "（二）民宿应当在显著位置公示服务价格，接受游客监督。\n\n"
    "二、申报程序\n"
    "（一）民宿经营者于每年6月30日前向所在县文化广播电视和旅游局提出申请。\n\n"
    "甘孜藏族自治州文化广播电视和旅游局\n2026年3月2日\n")


def test_an_english_question_over_a_chinese_notice_is_answered(tmp_path: Path) -> None:
    """Regression: "How much does Garze award a homestay rated Grade A?" was refused beside
    一次性奖励5万元; a detail the notice does not give is still refused."""
    with serve_texts(tmp_path, {"garze-homestays": _NOTICE}) as client:
        body = asked(client, "How much does Garze award a homestay rated Grade A?")
        assert not body["refused"] and "5万元" in str(body["answer"])
        assert asked(client, "How much does Garze charge a homestay for the grading visit?"
                     )["refused"]
