"""A question's year against the year its quoted sentence states (app/retrieval/years.py;
issues 22/23).

Regression: on round 20's held-out city batch, "贺州市2026年发放多少家政服务消费券？" was answered
with "2025年发放家政服务消费券200万元": the sentence states the figure of another year, and
nothing compared the two. It is refused by name now (``year_not_stated``), in both languages,
and the sentence of the asked year answers when one exists, though another year's ranks higher.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.models import AskRequest
from app.retrieval.years import asked_years, stated_years
from app.services import Services
from ingest.pipeline import ingest
from tests.conftest import ROOT, make_settings


@pytest.mark.parametrize(("question", "years"), [
    ("贺州市2026年发放多少家政服务消费券？", {2026}),
    ("What is Weihai's FY2026 maintenance budget for cycle lanes?", {2026}),
    ("钦州市2026年计划发放多少消费券？", {2026}),  # 计划 a verb here, no document's name
    ("钦州2025年促进文旅消费的措施对新评为5A级景区的奖励多少？", set()),  # the document's year
    ("Under Weihai's 2025 cycling network plan, how wide must a cycle lane be?", set()),
    ("《钦州市2025年文旅工作要点》由哪个部门印发？", set()),  # inside a title
    ("2026年5月1日之前要提交什么材料？", set()),  # a day, not a year's figure
    ("钦州今年新设立的旅行社能拿多少开办补助？", set()),
])
def test_the_years_a_question_asks_a_detail_of(question: str, years: set[int]) -> None:
    assert asked_years(question) == years


@pytest.mark.parametrize(("sentence", "years"), [
    ("2025—2027年，市财政每年安排旅游基础设施建设资金1500万元。", {2025, 2026, 2027}),
    ("From 2025 to 2027, the city grants 1.2 million yuan each year.", {2025, 2026, 2027}),
    ("本措施自2025年5月1日起施行。", set()),  # a day dates an event
    ("The plan takes effect on 1 June 2025.", set()),
    ("到2027年底前完成全市30个A级旅游景区智慧导览系统建设。", {2027}),
])
def test_the_years_a_sentence_states_its_details_for(sentence: str, years: set[int]) -> None:
    assert stated_years(sentence) == years


def test_a_year_said_relative_to_the_notices_date() -> None:
    """A notice of 2024 says 明年 for 2025 and 明年起 from 2025 on; without its date nothing."""
    assert stated_years("明年，公益性岗位开发规模扩大到1000个。", 2024) == {2025}
    assert {2026, 2030} <= stated_years("明年起，补贴资金提高到每年1200万元。", 2025)
    assert stated_years("去年，全市新增养老床位600张。", 2025) == {2024}
    assert stated_years("今年5月1日起施行。", 2025) == set()  # a day dates an event
    assert stated_years("明年，规模扩大到1000个。") == set()
    assert stated_years("请说明年度预算执行情况。", 2025) == set()  # 说明 + 年度: no 明年


def test_an_open_start_covers_every_later_year() -> None:
    assert {2025, 2030} <= stated_years("2025年起，补贴标准提高到每人500元。")
    assert {2024, 2031} <= stated_years("Since 2024 the city has paid 300 yuan a month.")


@pytest.fixture(scope="module")
def cities(tmp_path_factory: pytest.TempPathFactory) -> Services:
    docs = tmp_path_factory.mktemp("docs")
    for name in ("cities-heldout-h20/hezhou-2025-household-services.txt",
                 "cities-year22/qinzhou-2025-culture-tourism-consumption.txt",
                 "cities-year22/weihai-2025-cycling-network-plan.txt",
                 "cities-zhreader23/ezhou-2024-employment-stabilising.txt"):
        shutil.copy(ROOT / "eval/probes" / name, docs / Path(name).name)
    settings = make_settings(tmp_path_factory.mktemp("data"))
    assert not ingest([docs], settings).failed
    return Services.build(settings)


@pytest.mark.parametrize(("question", "named"), [
    ("贺州市2026年发放多少家政服务消费券？", "2025"),
    ("钦州市2027年发放多少文旅消费券？", "2025"),
    ("How much will Weihai spend on cycle lane construction in 2028?", "2025"),
    ("鄂州2026年要开发多少公益性岗位？", "2025"),  # its 明年 is 2025: the notice is of 2024
])
def test_another_years_figure_is_refused_by_name(cities: Services, question: str,
                                                 named: str) -> None:
    answer = cities.ask(AskRequest(question=question, mode="extractive"))
    assert answer.refused and answer.refusal_code == "year_not_stated", answer.answer
    assert named in answer.answer


@pytest.mark.parametrize(("question", "fact", "not_quoted"), [
    ("贺州市2025年发放多少家政服务消费券？", "200万元", "-"),
    ("钦州市2026年文旅消费券资金是多少？", "900万元", "600万元"),
    # the year asked ranks second; 2025's sentence, once quoted as the runner-up, is left out
    ("In 2026, how much money goes to building Weihai's cycle lanes?", "36 million yuan",
     "24 million"),
    ("How much does Weihai grant a district in 2026 for repainting cycle lane markings on time?",
     "1.2 million yuan", "-"),  # a span of years covers the one asked
    ("钦州市A级旅游景区智慧导览系统建设要在哪一年前完成？", "2027年底前", "-"),
    # a notice of 2024: its 明年 (1000个) is 2025, its 今年 (800个) 2024
    ("鄂州2025年公益性岗位开发多少个？", "1000个", "800个"),
    ("鄂州2024年公益性岗位计划开发多少个？", "800个", "1000个"),
    ("Under Weihai's 2025 cycling network plan, how wide must a protected cycle lane be?",
     "2.5 metres", "-"),
])
def test_the_asked_years_sentence_answers(cities: Services, question: str, fact: str,
                                          not_quoted: str) -> None:
    answer = cities.ask(AskRequest(question=question, mode="extractive"))
    assert not answer.refused and fact in answer.answer, answer.answer
    assert not_quoted not in answer.answer
