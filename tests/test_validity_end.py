"""Issue 26: the end of a document's validity read from an ending verb of the language (ends,
expires, lapses, ceases, terminates; 届满, 到期, 终止, 失效, 自行解除), with a date in the
sentence, a date referred back to ("that date", "该日"), or a term from a start; an end with
no date is an open condition kept as written."""

from __future__ import annotations

import pytest

from ingest.validity import detect


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Vouchers are available from 1 July 2024.\nThe voucher programme lapses on 30 June 2026.",
     None, {"effective_from": "2024-07-01", "effective_until": "2026-06-30"}),
    ("This notice is effective from 3 March 2025. It expires at the end of February 2027.",
     None, {"effective_from": "2025-03-03", "effective_until": "2027-02-28"}),
    ("The scheme commences on 1 May 2023.\nClaims must be lodged by 31 October 2023; the "
     "scheme terminates on that day.",
     None, {"effective_from": "2023-05-01", "effective_until": "2023-10-31"}),
    ("This order runs for eighteen months, starting on 1 October 2023.",
     None, {"effective_from": "2023-10-01", "effective_until": "2025-03-31"}),
    ("These arrangements come into operation on 15 January 2025 and remain in place for 90 "
     "days.", None, {"effective_from": "2025-01-15", "effective_until": "2025-04-14"}),
    ("The waiver applies with immediate effect and will continue until the flood emergency is "
     "lifted.", "2024-08-12",
     {"effective_on_issue": True, "effective_from": "2024-08-12",
      "valid_condition": "will continue until the flood emergency is lifted"}),
    ("三、本办法自2024年3月1日起施行，至2026年2月28日届满。",
     None, {"effective_from": "2024-03-01", "effective_until": "2026-02-28"}),
    ("本政策自2023年4月1日起实施。商户应于2023年9月30日前完成核销结算，本政策于该日终止。",
     None, {"effective_from": "2023-04-01", "effective_until": "2023-09-30"}),
    ("本细则自发布之日起两年内有效。", "2023-05-08",
     {"effective_on_issue": True, "effective_from": "2023-05-08",
      "effective_until": "2025-05-07"}),
    ("第三条 本办法自2022年10月1日起试行，试行期18个月。",
     None, {"effective_from": "2022-10-01", "effective_until": "2024-03-31"}),
    ("以上措施属于临时应急措施，疫情结束后自行解除。",
     None, {"valid_condition": "疫情结束后自行解除"}),
])
def test_an_end_stated_with_an_ending_verb(text: str, published: str | None,
                                           expected: dict[str, object]) -> None:
    found = detect(text, "", published)
    found.pop("validity_text", None)
    assert found == expected


def test_an_end_referred_back_to_a_date_is_that_date() -> None:
    """Regression: "Applications close on 30 September 2023, and the scheme ends on that date."
    was read as the open condition "ends on that date", so the expired grant was quoted as in
    force."""
    found = detect("(3) Applications close on 30 September 2023, and the scheme ends on that "
                   "date.")
    assert found["effective_until"] == "2023-09-30"
    assert "valid_condition" not in found


def test_an_end_referred_back_by_a_relative_clause_is_the_date_before_it() -> None:
    """Regression: "…between 1 November 2022 and 31 March 2023, after which the scheme lapses."
    was read as no end, so an expired rebate was quoted as in force."""
    found = detect("Harrow Vale Energy Rebate\nCafés may claim back 15% of their bills. The "
                   "rebate covers bills dated between 1 November 2022 and 31 March 2023, after "
                   "which the scheme lapses.", "Harrow Vale Energy Rebate", "2022-10-25")
    assert found["effective_until"] == "2023-03-31"


@pytest.mark.parametrize(("text", "end"), [
    ("Households may claim until 31 January 2024, at which point the payment ends.",
     "2024-01-31"),
    ("Payments continue to 31 March 2023, when the scheme ends.", "2023-03-31"),
    ("The rebate covers work done between 1 May 2023 and 31 October 2023. After that, the "
     "scheme lapses.", "2023-10-31"),
    ("The rebate covers work done by 31 October 2023; thereafter the scheme ceases to apply.",
     "2023-10-31"),
])
def test_every_english_way_of_referring_back_is_the_date_before_it(text: str, end: str) -> None:
    """Regression: "…, at which point the payment ends", "…, when the scheme ends", "After
    that, the scheme lapses" and "thereafter" were read as open conditions, not the date just
    written, so the expired scheme was quoted as in force."""
    found = detect(text, "Test Scheme", "2023-01-01")
    assert found.get("effective_until") == end and "valid_condition" not in found


@pytest.mark.parametrize("text", [
    "Applications close on 30 September 2023.",  # a deadline, not the scheme's end
    "本通知自2025年1月1日起施行，原《某区占道停车收费办法》同时废止。",  # another's end
    "以上措施对授信到期暂时还款困难的企业适用。",  # a loan's term, not the measures'
    "The grant ends up covering half of the cost.",
])
def test_an_end_of_something_else_is_not_the_documents(text: str) -> None:
    found = detect(text)
    assert "effective_until" not in found and "valid_condition" not in found


@pytest.mark.parametrize(("text", "start"), [
    ("某市关于恢复道路通行的通告\n一、自2021年3月8日24时，撤销全市道路检查点。\n二、各区做好衔接。",
     "2021-03-08"),
    ("各区人民政府：\n一、自2021年4月起，对小微企业免征场地租金。\n二、……", "2021-04-01"),
])
def test_a_notice_starts_with_its_first_dated_provision(text: str, start: str) -> None:
    """A notice with no sentence about itself whose first numbered provision opens with a
    dated start (a month alone: its first day) starts then."""
    assert detect(text, text.split("\n", 1)[0])["effective_from"] == start


def test_a_later_dated_provision_is_not_the_notices_start() -> None:
    assert "effective_from" not in detect("一、加强排查。\n二、自2021年4月起，每日报告。")
