"""Which copy of a reprinted passage answers (app/retrieval/copies.py).

Regressions, from round 25's held-out questions over realzh-dev's notices: "国家扩大捐赠免税进口范围
后…" was answered from 山东's tax bureau's reprint of the ministry's guide, the same passage the
national guide states; "重庆市政府…二十条措施执行期限…" from a district's (渝北区) repost of the
city's report. The rankings read the same words in both and ordered them by chance.
"""

from __future__ import annotations

from app.retrieval.copies import are_copies, copy_first, place_fit
from app.retrieval.place_inference import PlaceInference
from app.retrieval.places import PlaceIndex
from app.store.records import StoredDocument

PASSAGE = ("（3）受赠人增加省级民政部门或其指定的单位。省级民政部门将指定的单位名单函告"
           "所在地直属海关及省级税务部门。有关进口单位应在2020年9月30日前向海关办理退税手续。")
OTHER = "对疫情防控重点保障物资生产企业全额退还增值税增量留抵税额，按月向主管税务机关申请。"


def _index() -> PlaceIndex:
    def doc(doc_id: str, **place: str) -> StoredDocument:
        return StoredDocument(doc_id=doc_id, metadata=dict(place))
    return PlaceIndex([doc("national"), doc("shandong", province="山东省", adcode="370000"),
                       doc("chongqing", province="重庆市", city="重庆市", adcode="500000"),
                       doc("yubei", province="重庆市", city="重庆市", district="渝北区",
                           adcode="500112")])


def _order(ids: list[str], texts: dict[str, str], places: PlaceInference) -> list[str]:
    index = _index()
    codes = {"shandong": "370000", "chongqing": "500000", "yubei": "500112"}
    return copy_first(ids, texts.__getitem__, lambda cid: cid.split("#")[0],
                      lambda doc: place_fit(doc, places, index, codes.get))


def test_a_copy_laid_out_otherwise_is_a_copy_and_another_clause_is_not() -> None:
    assert are_copies(PASSAGE, " ".join(PASSAGE[i:i + 20] for i in range(0, len(PASSAGE), 20)))
    assert not are_copies(PASSAGE, OTHER)


def test_a_question_naming_no_place_takes_the_national_copy() -> None:
    texts = {"shandong#1": PASSAGE, "shandong#2": OTHER, "national#1": "  " + PASSAGE}
    order = _order(["shandong#1", "shandong#2", "national#1"], texts, PlaceInference())
    assert order == ["national#1", "shandong#1", "shandong#2"]


def test_a_question_naming_a_city_takes_its_own_copy_not_a_districts() -> None:
    texts = {"yubei#1": PASSAGE, "chongqing#1": PASSAGE + "执行期限至2020年6月30日。"}
    asked = PlaceInference(held=["重庆市"])
    assert _order(["yubei#1", "chongqing#1"], texts, asked)[0] == "chongqing#1"
    # The city's own copy first stays first; so does a first passage with no copy.
    assert _order(["chongqing#1", "yubei#1"], texts, asked)[0] == "chongqing#1"
    assert _order(["yubei#1", "national#1"], {"yubei#1": PASSAGE, "national#1": OTHER},
                  asked)[0] == "yubei#1"


RULE = "四、受疫情影响较大的困难行业企业2020年度发生的亏损，最长结转年限由5年延长至8年。"
DEFINED = ("困难行业企业，包括交通运输、餐饮、住宿、旅游四大类，"
           "具体判断标准按照现行国民经济行业分类执行。")
REPORT = ("同时，全市8.2万馀名医师、10.3万馀名护士坚守在一线，保障市民的日常医疗服务。"
          "重庆对受疫情影响较大的困难行业企业2020年度发生的亏损，最长结转年限由5年延长至8年。"
          "市交通局开通应急运输绿色通道，累计保障车辆3.6万辆次，市商务委组织蔬菜日上市量1.2万吨。")


def test_a_placed_question_takes_its_places_report_restating_the_answering_sentence() -> None:
    """Round 35 (rzrepo-tune): "重庆对…困难行业企业，亏损最长结转年限延长到几年？" cited the
    ministry's notice, whose passage defines the industries too, above 重庆's report restating
    the one clause amid other news: no passage copy of the other, so the place never weighed
    them."""
    texts = {"national#1": RULE + DEFINED, "chongqing#1": REPORT}
    asked = "重庆对受疫情影响较大的困难行业企业，亏损最长结转年限延长到几年？"
    order = ["national#1", "chongqing#1"]
    assert not are_copies(texts["national#1"], REPORT)
    assert copy_first(order, texts.__getitem__, lambda cid: cid.split("#")[0],
                      lambda doc: place_fit(doc, PlaceInference(held=["重庆市"]), _index(),
                                            {"chongqing": "500000"}.get), asked
                      ) == ["chongqing#1", "national#1"]
    # Asked of no place, or a report restating another clause: the fused order stays.
    assert _order(order, texts, PlaceInference()) == order
    other = {"national#1": DEFINED + RULE, "chongqing#1": REPORT.replace("亏损", "收入")}
    assert copy_first(order, other.__getitem__, lambda cid: cid.split("#")[0],
                      lambda doc: place_fit(doc, PlaceInference(held=["重庆市"]), _index(),
                                            {"chongqing": "500000"}.get),
                      "重庆困难行业企业的定义包括哪几类？") == order
