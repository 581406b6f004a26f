"""Across questions read by the language's counting (issue 23 item 4): a count between the
wh-word and its plural place noun ("which two cities", 哪两个城市) asks which places as the bare
plural does."""

from __future__ import annotations

from pathlib import Path

from app.briefing.across import asks_across
from tests.support.served import asked, serve_texts

_LANZHOU = (
    "Lanzhou Municipal People's Government notice on the urban parks plan (2026-2028).\n"
    "The Lanzhou Municipal People's Government sets up a park renovation fund of 80 million "
    "yuan for the city's parks. The city will build a riverside greenway along the Yellow River "
    "by 2027. Street trees will be replanted in the old districts.\n"
    "Lanzhou Municipal People's Government, 2026-03-02")
_XINING = (
    "Xining Municipal People's Government notice on parks and green spaces (2026-2027).\n"
    "The Xining Municipal People's Government sets up a greening fund of 45 million yuan to "
    "renovate parks. A riverside greenway will be built along the Huangshui River. Community "
    "gardens will be opened in every subdistrict.\n"
    "Xining Municipal People's Government, 2026-04-11")
_YINCHUAN = (
    "Yinchuan Municipal People's Government notice on public libraries (2026).\n"
    "The Yinchuan Municipal People's Government will open ten community reading rooms and extend "
    "the opening hours of the city library to 21:00.\n"
    "Yinchuan Municipal People's Government, 2026-05-20")


def test_a_count_before_the_plural_place_noun_still_asks_which_places() -> None:
    """Regression (round 40's held set, "Which two cities have announced plans for an AI
    cluster zone?"): a cardinal between "which" and "cities" hid the asking across, and one
    city's sentence answered alone. A count before another noun asks no places."""
    assert asks_across("Which two cities plan a riverside greenway?")
    assert asks_across("Which 3 districts set up a fund?")
    assert asks_across("哪两个城市提出建设滨河绿道？")
    assert not asks_across("What two things does the plan promise?")
    assert not asks_across("哪两个项目先开工？")


def test_each_place_answers_which_two_cities(tmp_path: Path) -> None:
    """Regression (round 40's held set): asked which two cities do a thing, one city's sentence
    answered alone; each city whose documents say it now answers, grouped by place, and the
    city whose documents do not is left out."""
    with serve_texts(tmp_path, {"lanzhou-parks": _LANZHOU, "xining-parks": _XINING,
                                "yinchuan-libraries": _YINCHUAN}) as client:
        body = asked(client, "Which two cities will build a greenway along a river?")
        answer = str(body["answer"])
        assert "Yellow River" in answer and "Huangshui River" in answer
        assert "Yinchuan" not in answer
