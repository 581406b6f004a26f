"""A year a Chinese question says relative to now (今年, 去年, 明年), read against the notice it is
asked of: the year that notice was published or took effect (app/retrieval/years.py ``asked_of``;
issue 22).

Regression: round 46's held probe "海北今年冬春饲草料全州一共要储备多少？" and "秦皇岛去年电动车以旧
换新一辆补多少？" (notices of 2026 stating 2025's figure beside this year's) were answered with the
other year's figure: a question's 今年 and 去年 were read as no year at all, and as words a sentence
had to write ("玉树今年挖虫草从哪天到哪天？" was refused since the answer says 2026年, not 今年).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.models import AskRequest
from app.retrieval.content_words import content_words
from app.retrieval.years import asked_of, says_year_asked, stated_years
from app.services import Services
from tests.support.served import services_over

_NOTICE = """关于做好蜂产业扶持工作的通知

一、2025年，全市蜂群存栏12万箱，蜂蜜产量1800吨。
二、新建标准化蜂场的，每个给予一次性补助3万元。
三、购置新式蜂箱的，今年按每箱80元给予补贴。
四、2025年购置新式蜂箱的补贴标准为每箱60元。
五、上年度蜂蜜抽检合格率达到98%以上的合作社，奖励2万元。
六、本通知自印发之日起施行，有效期至2027年12月31日。

市农业农村局
2026年3月2日
"""
_PUBLISHED = {"published": "2026-03-02", "doc_number": "农发〔2026〕3号"}


def test_a_relative_year_is_the_notices_year_moved() -> None:
    assert asked_of("去年买新式蜂箱每箱补多少钱？", _PUBLISHED) == {2025}
    assert asked_of("明年还补吗？", _PUBLISHED) == {2027}
    # a notice of December in force from January: this year is either
    assert asked_of("今年补多少？", {"published": "2025-12-20", "effective_from": "2026-01-01"}
                    ) == {2025, 2026}
    assert asked_of("2024年补多少？", _PUBLISHED) == {2024}  # a year written is as it is


def test_an_age_said_with_this_year_is_no_year_asked() -> None:
    assert asked_of("我奶奶今年85岁，每月补多少？", _PUBLISHED) == set()
    assert asked_of("我爷爷今年九十二了，每月补多少？", _PUBLISHED) == set()


def test_the_year_before_a_notice_says_is_stated() -> None:
    assert stated_years("按上年度实际缴纳失业保险费的60%返还", 2026) == {2025}
    assert stated_years("受理当年上半年取得的证书", 2026) == {2026}
    assert stated_years("以上年满60周岁的老人", 2026) == set()  # 以上|年满: no 上年


def test_a_relative_year_is_no_word_to_find() -> None:
    assert "今年" not in content_words("今年买新式蜂箱每箱补多少钱？")
    assert "冬天" in content_words("黑河今年冬天暖气从哪天开始供？")  # jieba's 今年冬天


def test_a_text_says_the_year_asked_in_a_day_too_but_not_in_its_number() -> None:
    question = "今年采集期从哪天到哪天？"
    assert says_year_asked(question, "采集期为2026年5月10日至6月30日。", _PUBLISHED)
    assert not says_year_asked(question, "采集期为每年5月10日至6月30日。", _PUBLISHED)
    assert not says_year_asked(question, "农发〔2026〕3号", _PUBLISHED)
    assert says_year_asked("采集期从哪天到哪天？", "采集期为每年5月。", _PUBLISHED)


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    with services_over(tmp_path_factory.mktemp("relative"), {"bees-2026": _NOTICE}) as built:
        yield built


@pytest.mark.parametrize(("question", "fact"), [
    ("去年买新式蜂箱每箱补多少钱？", "每箱60元"),
    ("今年买新式蜂箱每箱补多少钱？", "每箱80元"),
    ("去年蜂蜜抽检合格率98%以上的合作社奖励多少？", "2万元"),  # 上年度: of last year
])
def test_the_asked_years_figure_answers(services: Services, question: str, fact: str) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert not answer.refused and fact in answer.answer, answer.answer


def test_a_year_the_notice_states_nothing_of_is_refused(services: Services) -> None:
    answer = services.ask(AskRequest(question="前年新建标准化蜂场每个补助多少？",
                                     mode="extractive"))
    assert answer.refused, answer.answer
