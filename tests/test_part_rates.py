"""A second part refused or answered with its neighbour's clause though its own sentence was
retrieved (issue 23, round 41, batch parts42): "in what ratio do the finances share the funds?"
found "in a ratio of 6 to 4", which states no share (only 6:4 and 按…比例 did), and "担保费率不高
于多少？" was no rate asked (a bound stood between 率 and 多少), so the guarantee cap in the same
sentence was quoted instead of the rate; "what share of … construction cost" asked a sum as well
as a share (cost), and the sentence giving the share alone was refused."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.answering.question_kinds import Kind, asked_kinds
from app.numerals import RATIO
from tests.support.served import asked, serve_texts

EN = (
    "Notice on Subsidies for Community Canteens for Older People\n"
    "1. Each community canteen for older people receives a one-off construction subsidy of "
    "50,000 yuan.\n"
    "2. Funds are shared between the municipal finance and the district finance in a ratio of "
    "7 to 3.\n"
    "3. The renovation subsidy shall not exceed 40% of a canteen's audited renovation cost.\n"
    "4. The Municipal Civil Affairs Bureau inspects the canteens every year.\n"
)
ZH = (
    "某市关于支持农家乐提质升级的通知\n"
    "一、贷款贴息。农家乐经营者改造贷款按实际利息给予贴息，贴息期限不超过3年。\n"
    "二、融资担保。市融资担保公司为农家乐经营者提供担保的，担保费率不高于1.5%，"
    "单户担保额度不超过300万元。\n"
    "某市文化旅游局\n2026年2月1日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("part-rates"), {"canteens": EN, "farmstays": ZH}
                     ) as served:
        yield served


def test_a_ratio_of_parts_in_words_and_a_bounded_rate_are_read() -> None:
    """"a ratio of 7 to 3" is a proportion, as 7:3 is; a rate bounded before its asking word
    (费率不高于多少, 利率最高是多少) is asked as a rate; 率先 ("take the lead") is no rate."""
    assert [m.group() for m in RATIO.finditer("shared in a ratio of 7 to 3.")] == ["7 to 3"]
    assert [m.group() for m in RATIO.finditer("a ratio of 1:1")] == ["1:1"]
    assert Kind.PERCENT in asked_kinds("担保费率不高于多少？")
    assert Kind.PERCENT in asked_kinds("贷款利率最高是多少？")
    assert Kind.PERCENT not in asked_kinds("哪个区率先建设多少个基站？")
    assert asked_kinds("What share of the renovation cost is covered?") == {Kind.PERCENT}
    assert Kind.MONEY in asked_kinds("How much does the renovation cost?")


def test_each_part_is_answered_by_its_own_clause(client: TestClient) -> None:
    """Regression (batch parts42): the ratio part was named unanswered, and the rate part quoted
    the guarantee cap; each part's figure now stands beside the other's."""
    body = asked(client, "How much construction subsidy does a community canteen get, and in "
                         "what ratio do the municipal and district finances share the funds?")
    assert "50,000 yuan" in str(body["answer"]) and "7 to 3" in str(body["answer"]), body
    assert "don't say" not in str(body["answer"]), body
    body = asked(client, "How many canteens are inspected, and what share of a canteen's "
                         "renovation cost can the subsidy cover at most?")
    assert "40%" in str(body["answer"]), body
    body = asked(client, "农家乐贷款贴息期限最长几年，以及市融资担保公司的担保费率不高于多少？")
    assert "3年" in str(body["answer"]) and "1.5%" in str(body["answer"]), body
