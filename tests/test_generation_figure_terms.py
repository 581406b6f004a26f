"""The passage's English beside a figure a Chinese answer writes in Chinese form."""

from __future__ import annotations

from app.answering.generation.counted import counts_held
from app.answering.generation.figure_terms import gloss_figures

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


def test_a_counted_figure_must_count_what_the_passage_counts() -> None:
    """Regression: 漳州…方案共包含5项任务 passed the check (the passage says "five major parts",
    and "29 tasks"), and its gloss then read 5项（five）任务."""
    passage = ("The Action Plan contains five major parts, including 29 tasks. Eight cases were "
               "selected, and 11 key evaluation indicators. It supports AI joint laboratories.")
    assert not counts_held("方案共包含5项任务", [passage])
    assert counts_held("方案共包含29项任务", [passage])
    assert counts_held("有8个案例入选了省级", [passage])
    assert counts_held("选定11项关键评价指标", [passage])
    assert counts_held("方案分为五个部分", [passage])
    assert counts_held("提出了两项任务", [passage])  # a list summed up, as the figure check


def test_a_count_stops_at_the_next_number_and_may_refer_back() -> None:
    """Regression: "five major parts, 29 tasks" held 5项任务 ("tasks" within four words of
    "five"), and "over 20 application cases, eight of which …" did not hold 8个案例."""
    passage = ("The plan has five major parts, 29 tasks. It released over 20 application "
               "cases, eight of which were selected.")
    assert not counts_held("共包含5项任务", [passage])
    assert counts_held("有8个案例入选", [passage])
