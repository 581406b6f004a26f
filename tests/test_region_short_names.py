"""An autonomous region's short name is the place its full name is, and a closing list of a
region's prefectures is no signature (app/retrieval/gazetteer.py, app/retrieval/placing.py).

Regressions, from round 24's held realzh questions: 新疆 was no place at all (stripping 自治区
from 新疆维吾尔自治区 leaves 新疆维吾尔; "Xinjiang" read as 新绛县), so "新疆：防疫生产两不误" and
"新疆各地交管部门…电话公布" were placed in 塔城地区, the first prefecture of a phone list ending
the text, and a question about 新疆喀什地区 never reached them.
"""

from __future__ import annotations

from app.retrieval.gazetteer import gazetteer
from app.retrieval.placing import place_fields


def test_a_regions_short_name_is_the_region_in_both_scripts() -> None:
    for name in ("新疆", "Xinjiang", "新疆维吾尔自治区"):
        assert [d.adcode for d in gazetteer().named(name)][:1] == ["650000"], name
    assert [d.name for d in gazetteer().named("伊犁")] == ["伊犁哈萨克自治州"]
    assert [d.name for d in gazetteer().named("黔东南")] == ["黔东南苗族侗族自治州"]


def test_a_question_naming_a_region_and_its_prefecture_reads_both() -> None:
    named = [[d.name for d in found] for *_, found in gazetteer().mentions("新疆喀什地区交警电话")]
    assert named == [["新疆维吾尔自治区"], ["喀什地区"]]


def test_a_closing_list_of_prefectures_is_no_signature() -> None:
    text = ("新疆各地交管部门公布应急保障服务电话。为保障应急运输车辆的通行，新疆各地交警公布了"
            "服务保障专线电话，新疆各地公安交管部门设立专线。各支队电话如下：1、乌鲁木齐市支队 "
            "0991-1234567 2、喀什地区支队 0998-8888122 3、伊犁哈萨克自治州支队 0999-8127261 "
            "4、塔城地区支队 0901-6296959")
    fields = place_fields(text, title="新疆各地交管部门公布应急保障服务电话")
    assert fields.get("province") == "新疆维吾尔自治区"
    assert "city" not in fields


def test_a_signature_still_places_its_notice() -> None:
    text = "关于做好复工复产工作的通知。各区县要做好防控工作。 泰州市人民政府 2020年2月4日"
    assert place_fields(text).get("city") == "泰州市"


def test_a_province_no_document_is_about_is_asked_of_the_national_notices() -> None:
    """Issue 22: a question about a province is answerable from a national notice (addressed to
    every province) though it never names that province; a city no document is about is still
    missing, and so is a province in a store holding no notice without a place."""
    from app.retrieval.places import PlaceIndex
    from app.store.records import StoredDocument

    tibet = StoredDocument("tibet", {"province": "西藏自治区", "adcode": "540000"})
    index = PlaceIndex([StoredDocument("national", {"title": "国家税务总局通知"}), tibet])
    found = index.infer("青海的企业社保费缓缴期限最长多久？")
    assert found.spoken_of == ["青海省"] and not found.missing
    assert found.doc_ids == {"national"}
    assert index.infer("西宁市的企业社保费缓缴期限最长多久？").missing == ["西宁市"]
    assert PlaceIndex([tibet]).infer("青海的企业社保费缓缴期限最长多久？").missing == ["青海省"]
