"""The passage's English beside a figure a Chinese answer writes in Chinese form."""

from __future__ import annotations

from app.answering.generation.grounding import gloss_figures

PASSAGE = ("In November 2025, Zhanjiang issued the Notification. Eight cases were selected. "
           "Haizhu will allocate 310 million yuan annually. It opened on December 28th. "
           "Investment should be no less than 5%, by 2025.")


def test_a_chinese_figure_gets_the_passage_s_own_words() -> None:
    assert gloss_figures("通知是2025年11月印发的[1]。", [PASSAGE]) == (
        "通知是2025年11月（November 2025）印发的[1]。")
    assert gloss_figures("有8个案例入选[1]。", [PASSAGE]) == "有8个（Eight）案例入选[1]。"
    assert gloss_figures("每年安排3.1亿元[1]。", [PASSAGE]) == (
        "每年安排3.1亿元（310 million yuan）[1]。")
    assert gloss_figures("于12月28日挂牌[1]。", [PASSAGE]) == "于12月28日（December 28th）挂牌[1]。"


def test_figures_the_passage_writes_in_digits_or_not_at_all_are_left_alone() -> None:
    for sentence in ("投入不低于5%[1]。", "到2025年完成[1]。", "共有百分之五[1]。",
                     "有9个案例[1]。", "Eight cases were selected [1]."):
        assert gloss_figures(sentence, [PASSAGE]) == sentence
