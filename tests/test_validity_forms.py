"""Issue 26: more ways a text states its validity (and another's), and how the store joins
them: terms from a day, 试行, a start of what the title announces, a year-named predecessor, a
notice extending another's validity, and the sentence that states validity kept out of
answers about content."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app.store.validity import resolve, status_note
from ingest.validity import detect


@pytest.mark.parametrize(("text", "title", "expected"), [
    ("This plan is valid for two years from 1 March 2022.", "",
     {"effective_from": "2022-03-01", "effective_until": "2024-02-29"}),
    ("These rules take effect on 1 April 2023 and will remain in force for two years.", "",
     {"effective_from": "2023-04-01", "effective_until": "2025-03-31"}),
    ("These revised rules apply from 1 April 2025.", "", {"effective_from": "2025-04-01"}),
    ("第四条 本办法自2021年3月1日起试行，有效期2年。", "",
     {"effective_from": "2021-03-01", "effective_until": "2023-02-28"}),
    ("本通知自2022年5月1日起施行，有效期至2022年10月31日止。", "",
     {"effective_from": "2022-05-01", "effective_until": "2022-10-31"}),
    # A term from the issue day, whose date the text does not give: kept as written.
    ("本政策执行期暂定为自政策发布之日起三个月。", "",
     {"effective_on_issue": True, "valid_condition": "执行期暂定为自政策发布之日起三个月"}),
    # A start of what the title announces, its year from the dateline; the title's period.
    ("一、自2月5日起，对在本市注册的中小微企业停征污水处理费。\n某市水务局 2020年2月7日",
     "某市水务局关于疫情期间停征部分中小微企业污水处理费的通知",
     {"effective_from": "2020-02-05", "valid_condition": "疫情期间"}),
])
def test_more_forms_of_validity(text: str, title: str, expected: dict[str, object]) -> None:
    found = detect(text, title)
    found.pop("validity_text", None)
    assert found == expected


def test_a_dated_item_unrelated_to_the_title_is_not_the_documents_start() -> None:
    """Regression: a tax notice's item "从2月9日起至2月29日，…免收邮寄费用" is one measure among
    many, not the notice's own validity (the start must do what the title announces)."""
    text = ("七、便利发票领购。从2月9日00:00起至2月29日24:00，纳税人申请发票寄递免收邮寄费用。"
            "\n2020年2月6日")
    assert detect(text, "某市税务局关于优化税收服务的通知") == {}


def test_what_a_document_does_to_others() -> None:
    found = detect("决定将《南浔区小微企业房租减免试行办法》有效期延长至2023年12月31日。"
                   "本通知自印发之日起施行。")
    assert json.loads(found["extends"]) == [["南浔区小微企业房租减免试行办法", "2023-12-31"]]
    assert json.loads(detect("They replace the Brookfield Grants rules of 2023.")["supersedes"]) \
        == ["Brookfield Grants rules of 2023"]


def test_the_store_joins_extensions_and_year_named_predecessors() -> None:
    documents = {
        "old": {"title": "Ashford Apprentice Wage Support Plan", "effective_from": "2022-03-01",
                "effective_until": "2024-02-29"},
        "new": {"title": "Ashford Apprentice Wage Support Plan (2024 edition)",
                "effective_from": "2024-03-01", "supersedes": json.dumps(["2022 plan"])},
        "relief": {"title": "南浔区小微企业房租减免试行办法", "effective_from": "2022-01-01",
                   "effective_until": "2022-12-31"},
        "notice": {"title": "关于延长《南浔区小微企业房租减免试行办法》有效期的通知",
                   "extends": json.dumps([["南浔区小微企业房租减免试行办法", "2023-12-31"]])},
    }
    found = resolve(documents)
    assert found["old"].superseded_by == "new" and found["new"].supersedes == ("old",)
    assert found["relief"].effective_until == date(2023, 12, 31)
    assert found["relief"].status_on(date(2023, 6, 1)) == "in_force"
    assert found["relief"].status_on(date(2024, 1, 1)) == "expired"


def test_a_plan_reissued_under_its_title_is_superseded_by_its_new_edition() -> None:
    """Regression: the note read "《盐城市…办法》已被《盐城市…办法》取代" when a plan was
    re-issued under the same title."""
    documents = {"a": {"title": "盐城市就业见习管理办法", "effective_from": "2021-07-01"},
                 "b": {"title": "盐城市就业见习管理办法", "effective_from": "2024-07-01",
                       "supersedes": json.dumps(["盐城市就业见习管理办法"])}}
    validity = resolve(documents)["a"]
    titles = {d: m["title"] for d, m in documents.items()}
    assert status_note(validity, date(2025, 1, 1), titles, True) == \
        "已被新版《盐城市就业见习管理办法》取代（自2024-07-01起）"
