"""A Chinese figure per period said by its period's word (日产, 日均), a multiple (3倍) a ratio
(issue 22, round 46 rzfr47). Real notices' questions were refused as kind_not_stated although the
sentence quoted the figure: "每天产多少面粉" over "日产面粉1300吨" (the rate was read from 每 only),
and "到货量是平日的多少" over "到货量是平日的3倍" (NER tags 3倍 a number, not the ratio asked).

The notice is written here (no place named), so nothing tests a real notice's wording.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.models import AskRequest
from app.numerals import DISTRIBUTIVE
from app.services import Services
from tests.support.served import services_over

NOTICE = (
    "关于做好节日期间蔬菜保供工作的通知\n\n"
    "一、生产情况\n"
    "目前，主要蔬菜基地均已恢复生产，日产蔬菜1200吨，冷库库存保持稳定。\n"
    "二、市场供应\n"
    "超市负责人表示，节日期间鸡蛋到货量是平日的3倍，价格保持平稳。\n"
    "三、登记办理\n"
    "经营户在工作日均可到市场管理处办理登记手续。\n")


@pytest.fixture(scope="module")
def notice(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    with services_over(tmp_path_factory.mktemp("rates"), {"vegetable-supply": NOTICE}) as built:
        yield built


def test_a_period_word_before_a_figure_states_a_rate() -> None:
    """日产, 日均, 年产 say "per day", "per year"; a day's word before 均可 or 产生 says none."""
    for rate in ("日产蔬菜1200吨", "日均人流量近3万", "年均增长5%", "全年产量"):
        assert DISTRIBUTIVE.search(rate), rate
    for none in ("当日均可办理", "工作日均可办理", "当日产生的垃圾", "次日产生费用"):
        assert not DISTRIBUTIVE.search(none), none


def test_a_daily_output_answers_a_question_per_day(notice: Services) -> None:
    """Regression (kind_not_stated): 每天产多少 was refused over 日产…1200吨."""
    answer = notice.ask(AskRequest(question="蔬菜基地现在每天产多少蔬菜？", mode="extractive"))
    assert not answer.refused and "1200吨" in answer.answer


def test_a_multiple_answers_a_ratio_asked(notice: Services) -> None:
    """Regression (kind_not_stated): 是平日的多少 was refused over 是平日的3倍."""
    answer = notice.ask(AskRequest(question="节日期间鸡蛋到货量是平日的多少？", mode="extractive"))
    assert not answer.refused and "3倍" in answer.answer


def test_a_day_without_a_figure_answers_no_rate(notice: Services) -> None:
    """工作日均可 states no rate nor figure: a count per day stays refused."""
    answer = notice.ask(AskRequest(question="市场管理处每天办理多少件登记？", mode="extractive"))
    assert answer.refused
