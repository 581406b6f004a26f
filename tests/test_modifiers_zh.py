"""Another group's modifier in the question's place (issues 22/23, round 32): a Chinese notice
stating a figure of one group (城镇居民, 小微企业, 居住建筑) was quoted when asked it of another
(农村居民, 大中型企业, 公共建筑) whose modifier shares no morpheme with it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.retrieval.modifiers_zh import other_modifier
from app.retrieval.qualifiers import sibling_named
from tests.support.served import asked, serve_texts

NOTICE = (
    "某市清洁取暖和既有建筑节能改造实施方案\n"
    "一、城镇居民用户实施“煤改气”的，按每户3000元的标准给予一次性设备购置补贴。\n"
    "二、对城镇老旧小区既有居住建筑实施外墙保温节能改造的，市级财政按每平方米60元给予补助。\n"
    "三、参加失业保险且上年度未裁员的中小微企业，按上年度实际缴纳失业保险费的60%返还。\n"
    "某市人民政府\n2026年3月6日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("zh-modifier"), {"heating": NOTICE}) as served:
        yield served


def test_another_group_s_modifier_before_the_asked_noun_is_another_group() -> None:
    """Regression (round 31's Chinese new-city misses, batch zhrefuse33): the sentence names
    the noun the question qualifies (居民, 建筑, 企业) with a modifier of its own in that place
    and never the question's; the two share no morpheme, so ``siblings`` did not read them."""
    assert other_modifier("某市农村居民搞“煤改气”，每户补贴多少？",
                          "城镇居民用户实施“煤改气”的，按每户3000元的标准给予一次性设备购置补贴。")
    assert other_modifier("某市既有公共建筑做外墙保温，每平方米补多少？",
                          "对城镇老旧小区既有居住建筑实施外墙保温节能改造的，市级财政按每平方米60元给予补助。")
    assert other_modifier("某市大型企业稳岗返还比例是多少？",
                          "参加失业保险且上年度未裁员的中小微企业，按上年度实际缴纳失业保险费的60%返还。")
    assert sibling_named("某市农村居民搞“煤改气”，每户补贴多少？", "城镇居民用户每户补贴3000元。")
    # The question's own modifier said (城镇), or said shortened (小微 in 中小微), is no other
    # group; nor is a verb or a number before the noun (按企业, 每户), nor a noun beside an
    # adjective (新能源汽车: the notice's word for the asker's 电动汽车), nor one counted
    # (上一年度).
    assert not other_modifier("某市城镇居民“煤改气”每户补贴多少？", "城镇居民用户每户补贴3000元。")
    assert not other_modifier("某市小微企业稳岗返还比例是多少？", "中小微企业按缴费的60%返还。")
    assert not other_modifier("某市大型企业稳岗返还比例是多少？", "按企业及其职工缴费的60%返还。")
    assert not other_modifier("酒泉外贸补贴每年什么时候申报？",
                              "企业每年1月至3月集中申报上一年度补贴。")
    assert not other_modifier("铜仁开电动汽车停车能免费停多久？",
                              "新能源汽车在公共停车场停放的，首次停放2小时内免费。")


def test_a_figure_of_another_group_is_refused_and_the_group_s_own_answered(
        client: TestClient) -> None:
    """Regression (batch zhrefuse33): asked of 农村居民 or 大型企业, the notice's figure of 城镇居民
    or 中小微企业 was quoted; asked of the groups it names, it still answers."""
    for question in ("某市农村居民实施“煤改气”，每户给多少设备购置补贴？",
                     "某市大型企业的失业保险稳岗返还按缴费的多少比例返还？"):
        assert asked(client, question)["refused"], question
    for question, fact in (("某市城镇居民实施“煤改气”，每户给多少设备购置补贴？", "3000元"),
                           ("某市中小微企业的稳岗返还按缴费的多少比例返还？", "60%"),
                           ("某市既有居住建筑外墙保温节能改造，市级财政每平方米补助多少？",
                            "60元")):
        body = asked(client, question)
        assert fact in str(body["answer"]), body


def test_a_way_to_reach_one_labelled_for_another_purpose_is_another_purpose_s() -> None:
    """Bug (round 37, contact38; zhrank38's 龙岩): asked a notice's 咨询电话, the reader quoted its
    监督举报电话 or 服务监督电话: for a way to reach one it read no label at all. The verbal nouns
    right before the contact noun (its label) name what one calls for; the question's own
    purpose said beside any of the sentence's numbers, or none named, is no other purpose."""
    supervise = "（四）清洁取暖服务监督电话：0372-12345。"
    both = "政策咨询电话：0816-2212333（市就业服务管理局），监督举报电话：0816-2251234。"
    assert sibling_named("某市清洁取暖改造的政策咨询电话是多少？", supervise, True)
    assert sibling_named("某市加装电梯施工的投诉电话是多少？",
                         "居民咨询政策，可拨打市住房和城乡建设局服务热线0817-2224615。", True)
    assert not sibling_named("某市清洁取暖的监督电话是多少？", supervise, True)
    assert not sibling_named("某市稳岗政策的监督举报电话是多少？", both, True)
    assert not sibling_named("某市稳岗政策的咨询电话是多少？", both, True)
    assert not sibling_named("某市育儿补贴申请不明白，打哪个电话问？",
                             "咨询电话：0739-5326120（市卫生健康委人口家庭科）。", True)
    # A verb before its object ("拨打电话") labels nothing; nor are other kinds' siblings read.
    assert not sibling_named("某市政策的咨询电话是多少？", "可拨打电话0739-5326120。", True)
    assert not sibling_named("某市收信地址是什么？", "来信地址：某市某路1号。", True)


CONTACTS = (
    "某市清洁取暖改造实施方案\n"
    "一、对农村居民实施“煤改电”的，按每户2000元给予设备购置补贴。\n"
    "二、各县区于2026年10月底前完成改造任务。\n"
    "三、清洁取暖服务监督电话：0372-12345。\n"
    "某市人民政府\n2026年3月6日\n"
)


def test_a_phone_of_another_purpose_is_refused_and_its_own_purpose_answered(
        tmp_path: Path) -> None:
    """Regression (batch contact38, 安阳): asked the notice's 政策咨询电话, it quoted the
    服务监督电话; asked the 监督电话 it states, it still answers."""
    with serve_texts(tmp_path, {"contacts": CONTACTS}) as served:
        assert asked(served, "某市清洁取暖改造的政策咨询电话是多少？")["refused"]
        body = asked(served, "某市清洁取暖改造的服务监督电话是多少？")
        assert "0372-12345" in str(body["answer"]), body
