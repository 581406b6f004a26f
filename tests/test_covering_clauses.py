"""A county inside a prefecture whose documents stand for it is answered by the prefecture's
clauses said of each county (各县（市）…, "every other county or city …"), not by a total of the
whole or another county's own figure; a county of another prefecture is not covered
(app/retrieval/place_inference.py ``covers_each``).

Regression: "How many patrol teams does Shangdu County need to set up?" was refused over
Ulanqab's plan, whose sentence "Jining District forms two such teams and every other banner or
county forms four" covers Shangdu: a passage answered a county only where it named it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.retrieval.gazetteer import gazetteer
from app.retrieval.place_inference import covers_each
from app.retrieval.places import PlaceIndex
from app.store.records import StoredDocument
from tests.support.served import asked, serve_texts

DALI = StoredDocument("dali", {"city": "大理白族自治州", "title": "大理州山塘安全管理办法"})
LINCANG = StoredDocument("lincang", {"city": "临沧市", "title": "临沧市茶园管护办法"})


@pytest.mark.parametrize(("sentence", "covers"), [
    ("各县（市）组建不少于20人的抢险队伍，汛期实行24小时值班。", True),
    ("州财政按每县（市）30万元的标准给予补助。", True),
    ("祥云县配备3台泵车，其余各县（市）各配备1台。", True),
    # beside a county named by name, a clause deferring to an allotment states no figure of the rest
    ("全州新建山塘40座，其中祥云县10座，其余各县（市）按下达的任务完成。", False),
    ("祥云县、弥渡县各配备2台应急泵车。", False),
    ("全州各区域要加强巡查。", False),  # 各区域: each area, no level noun
    ("Xiangyun County adds 8 ponds; every other county or city adds no fewer than two.", True),
    ("The prefecture will keep 46 ponds, a dozen of them in Xiangyun County.", False),
])
def test_a_clause_covers_each_county_only_as_the_language_says(sentence: str,
                                                               covers: bool) -> None:
    assert covers_each(sentence) is covers


def test_a_county_of_the_prefecture_is_answered_by_a_clause_covering_each_county() -> None:
    found = PlaceIndex([DALI, LINCANG]).infer("宾川县要组建多少人的抢险队伍？")
    assert found.held and [n.name for n in found.narrower] == ["宾川县"]
    assert found.at_level("dali", "各县（市）组建不少于20人的抢险队伍。")
    assert not found.at_level("dali", "全州组建抢险队伍共300人。")  # the whole's total
    assert not found.at_level("dali", "祥云县组建不少于50人的抢险队伍。")  # another county's


def test_a_county_of_another_prefecture_is_not_covered() -> None:
    """凤庆县 lies in Lincang (its adcode's prefix): Dali's clause for each of its counties says
    nothing of it."""
    county = gazetteer().named("凤庆县")[0]
    assert gazetteer().contains("530900", county.adcode)
    found = PlaceIndex([DALI, LINCANG]).infer("凤庆县要组建多少人的抢险队伍？")
    assert not found.at_level("dali", "各县（市）组建不少于20人的抢险队伍。")


PLAN = (
    "大理白族自治州人民政府办公室关于印发大理州2031年山塘安全管理办法的通知\n"
    "大政办发〔2031〕7号\n"
    "各县（市）人民政府，州直有关部门：\n"
    "一、全州2031年新建山塘抢险队伍，各县（市）组建不少于25人的山塘抢险队伍，汛期实行24小时值班。\n"
    "二、祥云县、弥渡县山塘较多，各配备2台应急抽水泵车。\n"
    "三、山塘巡查员每月补助300元。\n"
)


def test_a_county_is_answered_from_the_clause_for_each_county_and_refused_another_s_figure(
        tmp_path: Path) -> None:
    with serve_texts(tmp_path, {"dali-2031-ponds": PLAN}) as client:
        team = asked(client, "宾川县要组建不少于多少人的山塘抢险队伍？")
        assert not team["refused"] and "25人" in str(team["answer"]), team["answer"]
        pumps = asked(client, "宾川县配备几台应急抽水泵车？")
        assert pumps["refused"], pumps["answer"]
