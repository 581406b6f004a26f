"""A generated sentence must state a figure of its cited passage about what the passage states
it about, and name nothing the passage does not (issue 23: an unanswerable question was answered
with a figure its passage gives for something else, and the figure check passed it).

Real passages of corpus/, checked as the grounder checks them.
"""

from __future__ import annotations

import pytest

from app.answering.generation.check import counts_held, figures_attached, names_held
from app.answering.generation.grounding import ground
from app.retrieval.hybrid import Hit
from app.store.records import Chunk
from tests.conftest import CORPUS, GUANGZHOU, HAIZHU, SHENZHEN, ZHANGZHOU


def paragraph(doc_id: str, holding: str) -> tuple[str, int]:
    text = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
    start = text.index(holding)
    start = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return text[start:end if end > 0 else len(text)], start


FUND, FUND_AT = paragraph(SHENZHEN, "100 billion yuan")
STATIONS, _ = paragraph(ZHANGZHOU, "5G base stations per 10,000 people")
HAIZHU_FUND, HAIZHU_AT = paragraph(HAIZHU, "310 million yuan")


def test_the_fund_paragraph_names_no_cloud_brain() -> None:
    """The premise of the tests below: the paragraph with the fund says nothing of the project."""
    assert "Pengcheng" not in FUND and "100 billion yuan" in FUND


@pytest.mark.parametrize("claim", [
    "Shenzhen will form an artificial intelligence fund group with a scale of 100 billion yuan.",
    "The AI fund group has a scale of 100 billion yuan.",
    "深圳将组建规模1000亿元的人工智能基金群。",
])
def test_a_figure_stated_about_what_its_passage_states_it_about_is_kept(claim: str) -> None:
    assert figures_attached(claim, [FUND]) and names_held(claim, [FUND])


@pytest.mark.parametrize("claim", [
    "The Shenzhen plan budgets 100 billion yuan for the Pengcheng Cloud Brain III project.",
    "鹏城云脑III项目的预算为1000亿元。",
])
def test_a_figure_paired_with_another_subject_is_removed(claim: str) -> None:
    grounded = ground(claim.replace(".", " [1].").replace("。", "[1]。"),
                      [Hit(Chunk("sz-fund", SHENZHEN, FUND, FUND_AT, FUND_AT + len(FUND),
                                 {"doc_id": SHENZHEN, "title": "Shenzhen AI action plan",
                                  "city": "Shenzhen"}), 0.8, 1)])
    assert grounded.answer == "" and grounded.citations == []
    assert len(grounded.unsupported) == 1


def test_a_year_is_attached_to_what_its_passage_dates() -> None:
    """By 2025 the passage dates its new infrastructure's breakthrough, not a congress."""
    assert figures_attached("By 2025 the city's new infrastructure construction will have made "
                            "breakthrough progress.", [STATIONS])
    assert not figures_attached("The 20th National Congress of the Party is held in 2025.",
                                [STATIONS])


def test_a_name_the_passage_never_states_is_not_held() -> None:
    assert not names_held("The fund finances PZ-SPACE.", [FUND])
    assert not names_held("湛江将组建人工智能基金群。", [FUND])  # a place the passage lacks
    assert names_held("Shenzhen will set up the fund.", [FUND])
    assert names_held("The fund is set up in Shenzhen.", [FUND, "Shenzhen AI plan Shenzhen"])


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


@pytest.mark.parametrize("claim", [
    "Guangzhou will allocate a special fund of 310 million yuan annually.",
    "The Pazhou cluster receives a special fund of 310 million yuan annually.",
    "广州每年安排3.1亿元专项资金。",
])
def test_a_figure_given_to_another_subject_the_passage_names_is_removed(claim: str) -> None:
    """Issue 23.5: the passage names Guangzhou and Pazhou too, but writes the 310 million
    yuan beside Haizhu District; the words near the figure were mostly the passage's, so a
    sentence handing Haizhu's fund to Guangzhou passed the check."""
    hit = Hit(Chunk("hz-fund", HAIZHU, HAIZHU_FUND, HAIZHU_AT, HAIZHU_AT + len(HAIZHU_FUND),
                    {"doc_id": HAIZHU, "title": "Haizhu AI bureau", "city": "Guangzhou",
                     "district": "Haizhu"}), 0.8, 1)
    assert not figures_attached(claim, [HAIZHU_FUND])
    grounded = ground(claim.replace(".", " [1].").replace("。", "[1]。"), [hit])
    assert grounded.answer == "" and len(grounded.unsupported) == 1
    for kept in ("Haizhu District will allocate a special fund of 310 million yuan annually.",
                 "The special fund is 310 million yuan a year.", "海珠区每年安排3.1亿元专项资金。"):
        assert figures_attached(kept, [HAIZHU_FUND]) and names_held(kept, [HAIZHU_FUND])


def test_a_place_the_passage_does_not_name_is_not_held_even_first_in_its_sentence() -> None:
    """Issue 23.5: a capitalised first word was never taken for a name, so "Nansha District
    will allocate … 310 million yuan" passed for Haizhu's fund."""
    assert not names_held("Nansha District will allocate a special fund of 310 million yuan "
                          "annually.", [HAIZHU_FUND])
    assert not names_held("Shenzhen allocates 310 million yuan a year.", [HAIZHU_FUND])
    assert names_held("Guangzhou has a Haizhu District AI bureau.", [HAIZHU_FUND])


def test_a_count_in_a_chinese_passage_holds_the_same_count_in_a_chinese_answer() -> None:
    """Regression: the count check read only a passage's Latin words, so a Chinese answer's
    29项任务 was removed for want of "tasks" after 29 in a Chinese passage that says 29项任务."""
    passage = "行动方案共包含五大部分、29项任务。"
    assert counts_held("方案共包含29项任务", [passage])
    assert not counts_held("方案共包含5项任务", [passage])


def test_a_figure_is_the_subject_s_of_its_own_sentence_not_of_the_next() -> None:
    """Issue 23.5: the next sentence's district stood within twelve words of the fund, so
    "番禺区每年安排3.1亿元" passed for Haizhu's 3.1亿元."""
    passage = ("为加快人工智能产业发展，海珠区每年安排3.1亿元专项资金，支持琶洲试验区建设。"
               "番禺区设立10亿元产业基金。")
    assert figures_attached("海珠区每年安排3.1亿元专项资金。", [passage])
    assert figures_attached("番禺区设立10亿元产业基金。", [passage])
    assert not figures_attached("番禺区每年安排3.1亿元专项资金。", [passage])
    assert not figures_attached("海珠区设立10亿元产业基金。", [passage])


def test_a_decimal_or_a_code_is_no_count() -> None:
    """Regression: 0.5个百分点 was read as the count 5个 (and, with 次 among the measure words,
    G9383次列车 as 9383次), so verbatim sentences failed the count check on their own passage."""
    assert counts_held("缴费比例降低0.5个百分点", ["单位缴费比例降低0.5个百分点。"])
    assert counts_held("G9383次列车开出", ["G9383次列车从西站开出。"])


def test_english_names_written_against_chinese_words_are_held() -> None:
    """Regression (probe s, generate mode): a Latin word ran on into the Chinese after it
    ("Holdings共同建设"), so the names of a right Chinese answer quoting the passage's English
    names were "not in the passage" and the sentence was removed."""
    passage, _ = paragraph(HAIZHU, "Jiazhi Huixing")
    claim = ("琶洲空间智算中心由Haizhu District Artificial Intelligence Development Bureau、"
             "Jiazhi Huixing、Guoxing Yuhang和Qianxing Holdings共同建设。")
    assert names_held(claim, [passage])
    assert not names_held(claim.replace("Qianxing", "Tianxing"), [passage])


def test_a_subject_far_from_its_figure_in_the_same_sentence_holds_it() -> None:
    """Regression (probe s, generate mode): "广州试点方案提出了25项重点任务" was removed because
    the passage names Guangzhou more than twelve words after "25 key tasks", while the
    capitalised "Five in One" stood beside it; the figure's own sentence names the subject."""
    passage, _ = paragraph(GUANGZHOU, "25 key tasks")
    assert figures_attached("广州试点方案提出了25项重点任务。", [passage])
    assert figures_attached("Guangzhou's pilot plan puts forward 25 key tasks.", [passage])
    assert not names_held("深圳试点方案提出了25项重点任务。", [passage])


def test_a_recurrence_the_passage_does_not_state_is_removed() -> None:
    """Regression (probe s, generate mode): "深圳人工智能产业的统计数据每年发布一次" passed for
    data the passage releases "on a quarterly basis": no figure, name or count differed."""
    passage, at = paragraph(SHENZHEN, "on a quarterly basis")
    hit = Hit(Chunk("sz-stats", SHENZHEN, passage, at, at + len(passage),
                    {"doc_id": SHENZHEN, "title": "Shenzhen AI action plan", "city": "Shenzhen"}),
              0.8, 1)
    for wrong in ("深圳人工智能产业的统计数据每年发布一次[1]。",
                  "Shenzhen releases its AI industry statistics annually [1]."):
        grounded = ground(wrong, [hit])
        assert grounded.answer == "" and grounded.unsupported == [wrong]
    for right in ("深圳人工智能产业的统计数据每季度发布一次[1]。",
                  "Shenzhen releases its AI industry statistics quarterly [1]."):
        assert ground(right, [hit]).answer == right


def test_a_rescue_that_restates_the_question_is_removed() -> None:
    """Regression (probe q, generate mode with rescue): for questions the extractive rules
    refused, the 1.5B restated them as answers ("The director of the Haizhu AI bureau receives
    a salary [1]", "漳州云计算中心有12个机柜" from "12 tasks"), and the check passed them: every
    word it judged was the passage's or the model's own. A word of the refused question the
    sentence repeats must be in the passage."""
    passage, at = paragraph(HAIZHU, "310 million yuan")
    hit = Hit(Chunk("hz", HAIZHU, passage, at, at + len(passage),
                  {"doc_id": HAIZHU, "title": "Haizhu AI bureau", "city": "Guangzhou"}), 0.8, 1)
    question = "What salary does the director of the Haizhu AI bureau receive?"
    restated = "The director of the Haizhu AI bureau receives a salary [1]."
    assert ground(restated, [hit]).answer == restated  # nothing in it contradicts the passage
    assert ground(restated, [hit], question, rescue=True).unsupported == [restated]
    kept = "Haizhu District plans a special fund of 310 million yuan annually [1]."
    assert ground(kept, [hit], "How much does Haizhu's special fund hold each year?",
                  rescue=True).answer == kept


def test_a_place_that_only_holds_the_passages_place_is_no_answer() -> None:
    """Regression (round 49's held set, generate mode): asked where in 图木舒克 a centre will be
    built, the model wrote the province-level grouping that holds it, and the check took a place
    the passage's place lies in as held; a containing place says no more than the question."""
    passage = "仙桃市将在彭场镇建设一座农膜回收加工中心。"
    assert not names_held("回收加工中心将建在湖北省。", [passage])
    assert names_held("回收加工中心将建在湖北省仙桃市。", [passage])
    assert names_held("回收加工中心将建在仙桃市。", [passage])
