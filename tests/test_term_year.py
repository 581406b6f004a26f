"""A year asked after (or before) a measure's term, against a sentence stating no year of its own
(app/retrieval/years.py ``term_years``; issue 23).

Regression: round 44's held probes asked "果洛州牦牛藏羊保险2029年以后的保费补贴比例是多少？" of
measures valid 2026–2028 and "How large will Huangnan's special fund … be in 2029?" of measures
valid until 31 December 2028; both were answered with the figure of the term's years, since the
sentence ("The prefecture finance will arrange a special fund of 12 million yuan each year")
names no year and only a sentence's own years were compared. A sentence stating no year is now
of its document's term when one is stated; a document with no end is not judged.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.models import AskRequest
from app.retrieval.years import asked_years, stated_years, term_years
from app.services import Services
from tests.support.served import services_over

_EN_TERM = """Measures for Supporting Apprenticeships in Traditional Weaving

1. Each registered weaving master receives a teaching subsidy of 4,500 yuan per apprentice per year.
2. Each apprentice receives a living allowance of 900 yuan per month for at most 24 months.
3. These measures take effect on 1 March 2026 and remain valid until 31 December 2027.
"""

_ZH_TERM = """关于支持社区食堂建设的若干措施

一、新建社区食堂经验收合格的，每个给予一次性建设补助15万元。
二、社区食堂为70周岁以上老年人提供就餐服务的，按每人每餐3元给予运营补贴。
三、本措施自2026年3月1日起施行，有效期至2027年12月31日。
"""

_ZH_OPEN = """关于支持果蔬冷库建设的通知

一、新建果蔬冷库库容达到500吨以上的，按每吨200元给予一次性补助。
二、本通知自印发之日起施行。
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    with services_over(tmp_path_factory.mktemp("term"), {
            "weaving-2026-apprentices": _EN_TERM, "canteens-2026": _ZH_TERM,
            "cold-stores-2026": _ZH_OPEN}) as built:
        yield built


def test_a_term_covers_its_years_and_those_its_title_names() -> None:
    assert term_years({"effective_from": "2026-03-01", "effective_until": "2027-12-31",
                       "title": "Measures"}) == {2026, 2027}
    assert term_years({"effective_from": "2026-01-10", "effective_until": "2026-12-31",
                       "title": "关于做好2025年度奖补资金申报工作的通知"}) == {2025, 2026}
    assert term_years({"published": "2025-06-01", "effective_until": "2026-06-30"}) == {2025, 2026}
    # with no end stated, the years its title names (or a title it forwards), not an edition's
    assert term_years({"title": "关于做好2026年见习工作的通知"}) == {2026}
    assert term_years({"title": "关于转发《关于做好2026年以工代训补贴工作的通知》的通知"}) == {2026}
    assert term_years({"title": "某市养老服务条例（2018年修正）"}) == set()
    assert term_years({"published": "2026-03-01", "title": "Measures (2026 Revision)"}) == set()
    assert term_years({"effective_from": "2026-03-01", "title": "Measures"}) == set()


def test_a_figures_number_is_no_year() -> None:
    """Regression: "初级工1000元，中级工1500元，高级工2000元" was read as stating the year 2000,
    and a question of 2027 asked of it was refused as of "2000年"."""
    assert stated_years("初级工1000元，中级工1500元，高级工2000元。") == set()
    assert stated_years("每年培训2000人，补助1900万元。") == set()
    assert stated_years("A grant of 2000 yuan is paid in 2026.") == {2026}
    assert asked_years("2026年补贴2000元的是哪一级？") == {2026}
    assert stated_years("2025—2027年，每年安排资金。") == {2025, 2026, 2027}


@pytest.mark.parametrize(("question", "named"), [
    ("How much living allowance will an apprentice weaver receive per month in 2029?",
     "2026–2027"),
    ("2029年新建社区食堂每个能拿多少建设补助？", "2026–2027"),
])
def test_a_year_outside_the_term_is_refused(services: Services, question: str,
                                            named: str) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert answer.refused and answer.refusal_code == "year_not_stated", answer.answer
    assert named in answer.answer


def test_a_year_before_the_term_is_refused(services: Services) -> None:
    """(A past year also asks for the documents in force then, ``app.retrieval.as_of``.)"""
    answer = services.ask(AskRequest(
        question="2025年社区食堂为老年人提供就餐服务的运营补贴是每人每餐多少？", mode="extractive"))
    assert answer.refused, answer.answer


@pytest.mark.parametrize(("question", "fact"), [
    ("How much living allowance will an apprentice weaver receive per month in 2027?",
     "900 yuan per month"),
    ("2027年新建社区食堂每个能拿多少建设补助？", "15万元"),
    ("2030年新建500吨以上的果蔬冷库每吨补助多少？", "200元"),  # no end stated: not judged
])
def test_a_year_inside_the_term_or_of_an_open_measure_is_answered(
        services: Services, question: str, fact: str) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert not answer.refused and fact in answer.answer, answer.answer
