"""Chinese must-refuse questions answered by a sentence stating something else (issue 22, round 37,
zhfigure38): a count dropped as "stated" because the asker's age had its value (60次 for a 60岁
asker), a total answered by its parts, a yes-no question answered by a sentence saying neither yes
nor no of the thing asked, "which company/bank" answered by a bureau or a bank account, and a
duration answered by a count of visits."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.measures import stated_alike
from app.numerals import measured_otherwise
from app.retrieval.totals import states_parts_only
from app.retrieval.whether import whether_asked
from tests.support.served import asked, serve_texts

NOTICE = (
    "某市2026年老年人关爱服务实施方案\n"
    "一、老年助餐。年满60周岁的老年人在社区老年食堂就餐的，每餐减免2元。每人每天最多享受2餐减免，"
    "每月最多享受60次。\n"
    "二、上门助浴。对经评估为失能的老年人，每月上门助浴2次，每次补贴50元。\n"
    "三、公租房管理。市住房和城乡建设局负责全市公共租赁住房的监督管理工作。\n"
    "四、见习补贴。人力资源和社会保障部门应在20个工作日内完成审核，审核通过后将补贴资金拨付至见习单位银行账户。\n"
    "五、资金保障。市级财政2026年安排助餐补助资金600万元、高龄津贴资金1200万元、上门助浴资金150万元。"
    "2026年至2027年，全市计划筹集保障性租赁住房12000套，其中市区不少于8000套。\n"
    "六、体育场馆。市体育中心体育场、市全民健身中心、市游泳馆以及各县（市、区）纳入补助范围的公共体育场馆"
    "按规定向社会开放。室外篮球场全天免费开放。\n"
    "某市民政局\n2026年2月10日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("zh-asked-kinds"), {"notice": NOTICE}) as served:
        yield served


def test_a_figure_of_the_question_is_stated_only_in_its_measure() -> None:
    """Regression (batch zhfigure38): 60次 was dropped as already stated because the asker is
    60岁; an age states no count, but the same figure in the same measure is stated."""
    text = "每人每天最多享受2餐减免，每月最多享受60次。"
    at = text.index("60")
    assert not stated_alike("我今年60岁，一个月最多能享受多少次减免？", {60.0}, text, at, at + 3)
    assert stated_alike("每月60次减免够吗？", {60.0}, text, at, at + 3)


def test_a_total_is_not_stated_by_its_parts() -> None:
    """Regression (batch zhfigure38): "总共安排了多少资金" was answered with three items' sums;
    a whole stated before 其中 or after 总额 still answers."""
    parts = "市级财政2026年安排助餐补助资金600万元、高龄津贴资金1200万元、上门助浴资金150万元。"
    assert states_parts_only("市级财政总共安排了多少资金？", parts)
    assert not states_parts_only("这两年一共筹集多少套保障性租赁住房？",
                                 "全市计划筹集保障性租赁住房12000套，其中市区不少于8000套。")
    assert not states_parts_only("每年安排的算力券总额是多少？",
                                 "每年安排算力券总额2000万元，单个企业每年最高50万元。")


def test_what_a_yes_no_question_asks_whether_of() -> None:
    """Regression (cities tune files): a yes-no question asks of the noun closing its clause
    before 吗 or following its frame; a verb (要钱吗) or a one-character noun asks of none."""
    assert whether_asked("济宁租房补贴的申请要不要交押金？") == ["押金"]
    assert whether_asked("宜宾市以工代训补贴能不能同时领取住房补贴？") == ["住房补贴"]
    assert whether_asked("通化市体育中心停车收费吗？") == ["收费"]
    assert whether_asked("宜春公共自行车骑一个小时要钱吗？") == []
    assert whether_asked("某市助浴补贴多少钱？") == []


def test_a_duration_is_not_a_count_of_visits() -> None:
    """Regression (batch zhfigure38): 每次服务多长时间 was answered 每月上门助浴2次; a time
    still answers it, and a rate (多长时间…一次) is still answered by a count."""
    text = "对经评估为失能的老年人，每月上门助浴2次，每次补贴50元。"
    at = text.index("2次")
    assert measured_otherwise("每次服务多长时间？", text, at, at + 1)
    assert not measured_otherwise("多长时间上门一次？", text, at, at + 1)
    assert not measured_otherwise("多长时间内告知？", "在15个工作日内告知", 1, 3)


def test_the_asked_kinds_are_refused_and_the_stated_ones_answered(client: TestClient) -> None:
    """Regression (batch zhfigure38 and the cities tune files' start outs): each question below
    was answered by a sentence stating something else; the figures stated still answer."""
    for question in ("某市市级财政2026年为老年人关爱服务总共安排了多少资金？",
                     "某市体育中心停车收费吗？",
                     "某市公租房由哪家物业公司管理？",
                     "某市见习补贴由哪家银行代发？"):
        body = asked(client, question)
        assert body["refused"], (question, body["answer"])
    for question, fact in (
            ("我今年60岁，在某市社区老年食堂吃饭，一个月最多享受多少次减免？", "60次"),
            ("某市室外篮球场要收费吗？", "免费开放"),
            ("某市失能老人上门助浴每次补贴多少？", "50元")):
        body = asked(client, question)
        assert fact in str(body["answer"]), (question, body)
