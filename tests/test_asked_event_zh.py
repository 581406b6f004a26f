"""A well-supported Chinese sentence quoted for what it does not state (issues 22/23, round 35):
asked what 县级财政 pays, a sentence giving 省级 and 市级 sums and leaving 县级's "适当补助" unset
was quoted for its total; asked how long the acceptance result is posted (公示几天), the days
within which the money is paid (30日内拨付) were; asked of 城镇低保户 or 淡水池塘, a notice of 农村
households and of seaweed rafts answered, because jieba tags 城镇 and 池塘 places and a place's
word was no group word to say."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.retrieval.modifiers_zh import siblings_figured
from tests.support.served import asked, serve_texts

NOTICE = (
    "某市2026年农村低收入群体住房安全保障实施方案\n"
    "一、D级危房拆除重建的，每户补助4万元，其中省级补助2.5万元，市级补助0.8万元，其余部分由县级财政根据财力适当补助。\n"
    "二、村民委员会组织评议后，将评议结果在村务公开栏公示，公示时间不少于7天。\n"
    "三、拆除重建项目开工后，县级财政部门预拨补助资金的50%；竣工验收合格后30日内拨付剩余资金。\n"
    "四、海带、紫菜等藻类养殖设施升级为塑胶浮筏的，每亩补助500元。\n"
    "五、县级住建部门在15个工作日内组织完成房屋安全性鉴定。\n"
    "某市住房和城乡建设局\n2026年3月18日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("zh-asked-event"), {"notice": NOTICE}) as served:
        yield served


def test_a_group_named_beside_no_figure_while_its_siblings_have_one() -> None:
    """Regression (batch zhrefuse36): 县级 named only in a figureless clause, 省级 and 市级 beside
    sums, states no 县级 sum; a 县级 clause with its own figure does."""
    sentence = "每户补助4万元，其中省级补助2.5万元，市级补助0.8万元，其余部分由县级财政适当补助。"
    assert siblings_figured("县级财政每户补助多少钱？", sentence)
    assert not siblings_figured("县级财政每户补助多少钱？", sentence.replace("适当", "1万元"))
    assert not siblings_figured("市级财政每户补助多少钱？", sentence)


def test_the_group_nouns_own_word_is_no_sibling_of_its_modifier() -> None:
    """Regression (round 35's end, a chains-cities first turn): asked 绍兴对实施数字化改造的
    规上工业企业按多少比例补助, the sentence "…规上工业企业，按软硬件投入的15%给予补助，
    单个企业最高200万元" was refused: 企业, the group's own noun, shares 业 with its modifier
    工业 and was read as a sibling group beside a figure."""
    sentence = "对实施数字化改造的规上工业企业，按软硬件投入的15%给予补助，单个企业最高200万元。"
    assert not siblings_figured("绍兴对实施数字化改造的规上工业企业按多少比例补助？", sentence)
    county = "每户补助4万元，其中省级补助2.5万元，市级补助0.8万元，其余部分由县级财政适当补助。"
    assert siblings_figured("县级财政每户补助多少钱？", county)


def test_another_body_event_or_group_is_refused_and_the_stated_ones_answered(
        client: TestClient) -> None:
    """Regression (batch zhrefuse36): 县级's unset share, a posting's days (only a payment's are
    stated), 城镇 households and 淡水 ponds were answered with the notice's other figures; the
    figures the notice states for what is asked still answer."""
    for question in ("某市D级危房拆除重建，县级财政每户补助多少钱？",
                     "某市危房改造竣工验收合格后，验收结果要公示几天？",
                     "某市城镇低保户的D级危房拆除重建每户补助多少？",
                     "某市淡水池塘养殖设施改造每亩补助多少？"):
        body = asked(client, question)
        assert body["refused"], (question, body["answer"])
    # 市级 is named beside its sum: its sentence answers (the reader quotes the clause it picks)
    for question, fact in (("某市D级危房拆除重建，市级财政每户补助多少？", "万元"),
                           ("某市危房改造村里评议后公示几天？", "7天"),
                           ("某市危房改造竣工验收合格后多少天内拨付剩余资金？", "30日内"),
                           ("某市海带养殖换成塑胶浮筏，每亩补多少？", "500元"),
                           # 需要 unsaid, but what is done in the time stated says 鉴定
                           ("某市危房的安全鉴定需要多长时间？", "15个工作日")):
        body = asked(client, question)
        assert fact in str(body["answer"]), (question, body)
