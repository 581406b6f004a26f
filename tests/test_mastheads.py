"""A web page's masthead stamp and a news item's dateline say when the page was published, not
when anything it tells of happens (issues 22 + 23)."""

from __future__ import annotations

from app.answering.citations import sentences_of
from app.mastheads import is_stamp, laid_out, masthead_end
from app.models import AskRequest
from app.retrieval.hybrid import Hit
from app.services import Services
from app.store.records import Chunk

PAGE = ("Interpretation of the Action Plan\nRelease time:2024-08-15click:0\n"
        "Wedoany.com Report-Dec.29, On December 28th, the District AI Bureau was inaugurated.\n"
        "The project will start construction before the end of 2023.")


def _quotes() -> list[str]:
    chunk = Chunk("c-0", "doc", PAGE, 0, len(PAGE), {"doc_id": "doc"})
    return [s.text for s in sentences_of([Hit(chunk, 1.0, 1)])]


def test_a_stamp_is_the_page_s_and_a_field_with_a_date_is_the_document_s() -> None:
    """Regression (round 7): "鹏城云脑III项目什么时候开工？" was answered by the Zhangzhou page's
    "Release time:2024-08-15click:0": a stamp line held the only ISO date of the passages."""
    for stamp in ("Release time:2024-08-15click:0", "2025-12-29 15:05",
                  "发布时间：2023-05-06 来源：市发改委", "Published: 12 March 2024"):
        assert is_stamp(stamp), stamp
    for field in ("Deadline: 2024-12-31", "截止时间：2024年12月31日", "Favorite",
                  "On May 31, the plan was issued.",
                  "09:30 主持人：首先，通报情况：3月2日新增病例2例；",
                  "联系人：王明 电话：0571-8765432 某市商务局办公室 2020年3月2日",
                  "两会期间 2020年3月2日 Reporters met the mayor"):
        assert not is_stamp(field), field
    assert not any("Release time" in q for q in _quotes())


def test_a_lead_is_quoted_without_its_dateline() -> None:
    """Regression (round 7): a who/what question was answered by the news lead quoted with its
    dateline "Wedoany.com Report-Dec.29, ", the site and the day it reported, not the event's."""
    assert "On December 28th, the District AI Bureau was inaugurated." in _quotes()
    for lead, kept in (("BEIJING, Dec. 29 (Xinhua) -- China's plan", "China's plan"),
                       ("新华社北京12月29日电 记者从", "记者从"),
                       ("明查暗访时间 2020年2月19日 二、重点", "明查暗访时间"),
                       ("截止时间 2020年3月1日 逾期不予受理", "截止时间"),
                       ("On May 31, Shenzhen issued the plan.", "On May 31, Shenzhen issued"),
                       ("By 2025, the city will build 30 stations.", "By 2025, the city")):
        assert lead[masthead_end(lead):].startswith(kept), lead


def test_an_event_s_date_is_not_the_page_s(services: Services) -> None:
    """Regression (round 7): Haizhu's bureau was "inaugurated" on December 28th, not on the
    page's Dec.29; the answer quotes the lead without the site's dateline."""
    answer = services.ask(AskRequest(
        question="When was the Haizhu District AI Development Bureau officially inaugurated?",
        mode="extractive"))
    assert not answer.refused
    assert answer.citations[0].quote.startswith("On December 28th")


def test_the_page_s_own_date_is_its_stored_fact(services: Services) -> None:
    """Regression (round 7): the stamp is no candidate sentence, but it is where ingest read the
    document's date of issue, and the fact's line was not found ("2024-08-15click:0": the date
    pattern wanted a word boundary after the day), so the question was read from the text."""
    answer = services.ask(AskRequest(
        question="漳州新基建三年行动方案的政策解读是哪天发布的？", mode="extractive"))
    assert not answer.refused
    assert "2024-08-15" in answer.citations[0].quote


def test_a_flat_page_parts_at_layout_spaces_but_not_inside_brackets() -> None:
    """A flattened page's headline, dateline and body part at the white space between Chinese
    text, the dateline dropped; a reporter's credit's space ("（记者 栗雅婷）") parts nothing."""
    text = ("全市推进复工复产\u3000新华社北京2月10日电 记者从市发改委获悉，全市已有500家企业复工"
            "（记者 栗雅婷）。")
    assert [text[a:b] for a, b in laid_out(text)] == [
        "全市推进复工复产", "记者从市发改委获悉，全市已有500家企业复工（记者 栗雅婷）。"]
