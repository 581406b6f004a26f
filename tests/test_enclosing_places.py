"""A province's notice holds in its cities: a question naming a city the store holds documents
about is also answered from the documents about the whole of its province
(app/retrieval/places.py).

Regression (issue 22, realzh-dev): "莆田市的“八闽健康码”涵盖了哪些内容？" searched only the
one notice about 莆田 (face masks), though two notices about all of Fujian describe the code:
documents about the province were scoped out because 莆田 held a document of its own, while
they would have stood in for a city holding none.
"""

from __future__ import annotations

from app.retrieval.places import PlaceIndex
from app.store.records import StoredDocument

FUJIAN = StoredDocument("fujian", {"province": "福建省", "title": "福建省推出“八闽健康码”"})
PUTIAN = StoredDocument("putian", {"province": "福建省", "city": "莆田市",
                                   "title": "莆田市口罩预约通告"})
XIAMEN = StoredDocument("xiamen", {"province": "福建省", "city": "厦门市",
                                   "title": "厦门市税务局办税指南"})
SIMING = StoredDocument("siming", {"province": "福建省", "city": "厦门市", "district": "思明区",
                                   "title": "思明区复工指引"})
HEBEI = StoredDocument("hebei", {"province": "河北省", "title": "河北省医疗废物管理通知"})


def test_a_city_question_also_reads_its_provinces_notices() -> None:
    index = PlaceIndex([FUJIAN, PUTIAN, XIAMEN, HEBEI])
    found = index.infer("莆田市的“八闽健康码”涵盖了哪些内容？")
    assert found.held == ["莆田市"]
    assert {"putian", "fujian"} <= found.doc_ids
    assert not {"xiamen", "hebei"} & found.doc_ids  # a sibling city's, another province's


def test_a_district_question_keeps_to_its_own_documents() -> None:
    """What a district holding documents asks is its own: its city's and province's documents
    stand in only for a district holding none (a probe comparing 深圳 and 海珠区 was answered
    from a Guangzhou-wide passage when they joined)."""
    index = PlaceIndex([FUJIAN, XIAMEN, SIMING, PUTIAN])
    assert index.infer("思明区复工有什么要求？").doc_ids == {"siming"}
    assert "siming" not in index.infer("莆田市复工有什么要求？").doc_ids
    # The province's question keeps all of it, as before.
    assert {"fujian", "putian", "xiamen", "siming"} <= index.infer("福建省有什么要求？").doc_ids


def test_a_city_coordinated_with_its_district_is_compared_with_it() -> None:
    """Regression (issue 23, probe h18 "广州和海珠分别在建什么算力中心？"): a city joined to one of
    its districts by a conjunction gave way to the district as if it only said where the
    district lies, so the answer grouped the district's passage alone under "广州市 · 海珠区".
    Coordinated, the city keeps its documents other than the district's; in apposition it still
    gives way."""
    index = PlaceIndex([XIAMEN, SIMING, PUTIAN])
    for question in ("厦门和思明区分别有什么复工要求？",
                     "Compare Xiamen's tax guide and Siming District's requirements."):
        assert sorted(map(sorted, index.infer(question).by_place.values())) == [
            ["siming"], ["xiamen"]]
    for question in ("厦门市思明区有什么复工要求？", "What does Siming District, Xiamen require?"):
        assert list(index.infer(question).by_place.values()) == [{"siming"}]


def test_a_city_listed_with_its_district_among_other_places_is_compared_with_it() -> None:
    """Regression (issue 23, across52 "广州、漳州和海珠分别提出了多少项任务或措施？"): a city listed
    beside one of its districts with another place between them ("A、B和C") was taken to say
    where the district lies, as in apposition: the answer named no city and asked the other
    places "广州、漳州提出了…". Each member of a list is compared; a comma alone still places."""
    index = PlaceIndex([XIAMEN, SIMING, PUTIAN])
    for question in ("厦门、莆田和思明区分别有什么复工要求？",
                     "What do Xiamen, Putian and Siming District each require?"):
        assert sorted(map(sorted, index.infer(question).by_place.values())) == [
            ["putian"], ["siming"], ["xiamen"]]
    assert sorted(map(sorted, index.infer(
        "What do Siming District, Xiamen and Putian each require?").by_place.values())) == [
            ["putian"], ["siming"]]
