"""Issue 26: a plan's next edition and a plan of the same name of another place.

A re-issue marks its edition in brackets ("(revised 2025)", "（2024年修订）") and may not name
what it replaces; a look-alike plan of another place is never its edition, nor what a repeal by
title means. And the forms of a validity's start and end stated in one phrase."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app.store.validity import resolve
from ingest.validity import detect


def test_an_edition_marked_in_brackets_supersedes_the_plan_it_revises() -> None:
    """Regression: "Heron Vale Home Insulation Grant (revised 2025)" did not replace the grant
    of 2022 (its bracketed edition mark made another title), so both were quoted as current."""
    documents = {
        "old": {"title": "Heron Vale Home Insulation Grant", "city": "Heron Vale",
                "effective_from": "2022-04-01"},
        "new": {"title": "Heron Vale Home Insulation Grant (revised 2025)", "city": "Heron Vale",
                "effective_from": "2025-05-01"},
        "zh_old": {"title": "安吉县家庭农场培育扶持办法", "adcode": "330523",
                   "effective_from": "2021-05-01"},
        "zh_new": {"title": "安吉县家庭农场培育扶持办法（2024年修订）", "adcode": "330523",
                   "effective_from": "2024-07-01"},
    }
    found = resolve(documents)
    assert found["old"].superseded_by == "new"
    assert found["old"].status_on(date(2023, 6, 1)) == "in_force"
    assert found["old"].status_on(date(2025, 6, 1)) == "superseded"
    assert found["zh_old"].superseded_by == "zh_new"
    assert found["new"].superseded_by is None and found["zh_new"].superseded_by is None


def test_a_plan_of_the_same_name_in_another_place_is_not_an_edition() -> None:
    """A later plan of one name issued by another place neither follows it as its next
    edition nor is what its repeal by title ends."""
    documents = {
        "anji": {"title": "家庭农场培育扶持办法", "adcode": "330523",
                 "effective_from": "2021-05-01"},
        "anxi": {"title": "家庭农场培育扶持办法", "adcode": "350524",
                 "effective_from": "2023-09-01"},
        "anxi_new": {"title": "家庭农场培育扶持办法（2025年修订）", "adcode": "350524",
                     "effective_from": "2025-01-01",
                     "supersedes": json.dumps(["家庭农场培育扶持办法"])},
    }
    found = resolve(documents)
    assert found["anji"].superseded_by is None
    assert found["anxi"].superseded_by == "anxi_new"


@pytest.mark.parametrize(("text", "expected"), [
    ("本通知执行期限为2023年1月1日至2023年12月31日。",
     {"effective_from": "2023-01-01", "effective_until": "2023-12-31"}),
    ("本细则有效期自2023年1月1日起至2027年12月31日止。",
     {"effective_from": "2023-01-01", "effective_until": "2027-12-31"}),
    ("本通知自印发之日起至2023年12月31日止。",
     {"effective_on_issue": True, "effective_from": "2020-01-20",
      "effective_until": "2023-12-31"}),
    ("本措施自2022年5月1日起执行，至2022年12月31日止。",
     {"effective_from": "2022-05-01", "effective_until": "2022-12-31"}),
    # What a notice announces, with the end's year the start's.
    ("为支持疫情防控，自2020年1月1日至3月31日，实行更优惠的进口税收政策，现公告如下：",
     {"effective_from": "2020-01-01", "effective_until": "2020-03-31"}),
    ("These regulations come into force on 6 April 2024 and cease to have effect on "
     "5 April 2026.", {"effective_from": "2024-04-06", "effective_until": "2026-04-05"}),
    ("The programme will operate for a trial period of two years from 1 July 2023.",
     {"effective_from": "2023-07-01", "effective_until": "2025-06-30"}),
    # A period of something else the document names is not its own validity.
    ("本办法所称新招用人员，是指2020年1月1日至2020年6月30日期间新招用的员工。", {}),
])
def test_a_start_and_an_end_in_one_phrase(text: str, expected: dict[str, object]) -> None:
    found = detect(text, "", "2020-01-20")
    found.pop("validity_text", None)
    assert found == expected


def test_a_report_of_one_measure_ends_when_the_measure_does() -> None:
    """A report whose title is one measure ("…对全国医务工作者免门票") ends with the day the
    sentence doing it names ("…至2020年12月31日，对…实行免门票")."""
    text = ("某市A级旅游景区今年对医务工作者免门票 记者获悉，全市所有A级旅游景区将于恢复营业后"
            "至2020年12月31日，对医务工作者实行免门票。")
    found = detect(text, "某市A级旅游景区今年对医务工作者免门票")
    assert found["effective_until"] == "2020-12-31" and "effective_from" not in found


def test_a_report_of_one_measure_for_a_period_has_that_open_end() -> None:
    """Regression: a report whose headline is one measure ("…对返乡务工包车免收停车费") and
    whose text does it "疫情防控期间，…" got no validity; an official notice naming such a
    period of its instructions still gets none."""
    report = ("青州市对返乡务工包车免收停车费 记者3日获悉，疫情防控期间，青州市对返乡务工人员"
              "包车免收停车费。同时加强包车管理。")
    assert detect(report, "青州市对返乡务工包车免收停车费")["valid_condition"] == "疫情防控期间"
    notice = ("关于做好疫情防控期间车辆维护工作的通知\n疫情防控期间，各单位要做好车辆维护，"
              "免收检测费。")
    assert detect(notice, "关于做好疫情防控期间车辆维护工作的通知") == {}


def test_a_reports_sub_headline_names_its_measure_and_a_month_span_bounds_it() -> None:
    """Regression (issue 26, realzh-dev detection 36/40): a report's acts were read from the
    first part of its headline only, so a sub-headline's measure ("某市出台政策稳就业 对企业招工
    给予补助") had no verb to find in the lead, and neither "在疫情防控期间将给予…" (no comma after
    the period) nor "2020年3月至8月，…下调…" (a span of months) was read as its validity."""
    period = ("某市出台政策稳就业 对企业招工给予补助 为企业招工的中介机构，在疫情防控期间将给予最高"
              "5万元补助。")
    assert detect(period, "某市出台政策稳就业")["valid_condition"] == "疫情防控期间"
    months = ("某市失业保险费率阶段性调整 单位费率下调0.5个百分点 记者昨天获悉，市人社局落实阶段性"
              "降费部署。2020年3月至8月，单位缴费比例下调0.5个百分点。")
    found = detect(months, "某市失业保险费率阶段性调整")
    assert (found["effective_from"], found["effective_until"]) == ("2020-03-01", "2020-08-31")
    # A span over a clause that sums up what was done is a tally's period.
    tally = ("某银行发放支持春耕备耕贷款30亿元 2020年1月至2月，某银行共发放支持春耕备耕"
             "贷款30亿元。")
    assert "effective_from" not in detect(tally, "某银行发放支持春耕备耕贷款30亿元")
    # The headline ends at a dateline: what follows it is the story, not a sub-headline.
    dateline = ("某市出台政策稳就业 新华社某市2月3日电 对企业招工给予补助 为企业招工的中介机构，"
                "在疫情防控期间将给予最高5万元补助。")
    assert "valid_condition" not in detect(dateline, "某市出台政策稳就业")


def test_a_reports_tallies_are_no_validity() -> None:
    """Regression: a report of loans made ("某银行发放支持春耕备耕贷款…") was given a start
    from "从1月26日起，对春耕备耕企业实行…" (jieba took the nouns 春耕, 备耕 for the title's
    verbs) and an end from the tallies "截至2月10日，…" and "…至2020年2月10日，发放…"."""
    text = ("某银行发放支持春耕备耕贷款30亿元 截至2月10日，某银行共发放支持春耕备耕贷款30亿元。"
            "2019年10月1日至2020年2月10日，发放化肥贷款8亿元。从1月26日起，对春耕备耕企业实行"
            "优惠利率。")
    found = detect(text, "某银行发放支持春耕备耕贷款30亿元")
    assert "effective_from" not in found and "effective_until" not in found


def test_an_edition_stating_no_start_replaces_the_old_one_from_its_publication() -> None:
    """Regression: a next edition with no start of its own left the day of the supersession
    unknown, so the old plan was quoted for every past day, even after the new one appeared."""
    documents = {"old": {"title": "Ashby Bus Pass Scheme 2022", "published": "2022-01-10"},
                 "new": {"title": "Ashby Bus Pass Scheme 2024", "published": "2024-02-01"}}
    old = resolve(documents)["old"]
    assert old.superseded_on == date(2024, 2, 1)
    assert old.status_on(date(2023, 6, 1)) == "in_force"
    assert not old.in_force_during(date(2024, 6, 1), date(2024, 6, 1))


@pytest.mark.parametrize(("text", "named"), [
    ("This scheme applies from 1 January 2025 and takes the place of the Kestrel Bay Digital "
     "Voucher Scheme 2023-2024.", "Kestrel Bay Digital Voucher Scheme 2023-2024"),
    ("It revokes the Heron Vale Home Insulation Grant of 2022.",
     "Heron Vale Home Insulation Grant of 2022"),
    ("This grant replaces, from 1 May 2025, the Heron Vale Home Insulation Grant.",
     "Heron Vale Home Insulation Grant"),
    ("本办法自2024年7月1日起施行，原《安吉县家庭农场培育扶持办法》同时作废。",
     "安吉县家庭农场培育扶持办法"),
])
def test_more_verbs_of_replacing_another_document(text: str, named: str) -> None:
    """Regression: "takes the place of", "revokes", "replaces, from …, the" and 作废 were not read
    as repeals, so a successor under another title left its predecessor in force."""
    assert json.loads(detect(text)["supersedes"]) == [named]


def test_a_repeal_by_document_number_supersedes_that_document() -> None:
    """A successor may name what it repeals by its number alone ("原安政办发〔2021〕15号文件同时
    废止"): the stored document of that number, and of the same place, is superseded."""
    found = detect("本办法自2024年7月1日起施行，原安政办发〔2021〕15号文件同时废止。")
    assert json.loads(found["supersedes"]) == ["安政办发〔2021〕15号"]
    documents = {
        "old": {"title": "安吉县家庭农场扶持办法", "doc_number": "安政办发〔2021〕15号",
                "adcode": "330523", "effective_from": "2021-05-01"},
        "other": {"title": "安溪县家庭农场扶持办法", "doc_number": "安政办发〔2021〕15号",
                  "adcode": "350524", "effective_from": "2021-06-01"},
        "new": {"title": "安吉县家庭农场培育办法", "adcode": "330523",
                "effective_from": "2024-07-01", "supersedes": found["supersedes"]},
    }
    resolved = resolve(documents)
    assert resolved["old"].superseded_by == "new" and resolved["other"].superseded_by is None
