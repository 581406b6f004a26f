"""A sum asked by its noun and answered by a share said in words was refused (issue 22, round 48,
batch realzh-rzfresh49): "个人创业贷款最多能享受多少贴息？" over "最高可享受一年全额贴息" and
"企业所得税能抵扣多少？" over "…税前全额扣除" were refused as stating no figure. Chinese says the
whole sum (全额) and a half (减半, 一半, 半数) in words, which no NER tags: the sentence held no
share, and a share right before the asked noun (全额贴息, with no 的 between) set no sum of it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.numerals import RATIO
from tests.support.served import asked, serve_texts

ZH = (
    "某区关于支持创业就业的若干措施\n"
    "一、创业贷款贴息。符合条件的个人创业贷款，由区财政给予全额贴息，贴息期限不超过2年。\n"
    "二、公益捐赠。企业通过公益性社会组织捐赠防疫物资的，"
    "允许在计算企业所得税应纳税所得额时全额扣除。\n"
    "三、场地租金。入驻创业园的企业，首年免收场地租金，第二年场地租金减半收取。\n"
    "四、培训补贴。参加创业培训并取得合格证书的，每人给予800元培训补贴。\n"
    "某区人力资源和社会保障局\n2026年3月1日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("word-shares"), {"startups": ZH}) as served:
        yield served


def test_chinese_shares_in_words_are_shares() -> None:
    """全额 and 减半 are read as shares, as "half of" is in English; a 一 of a count is not."""
    found = [m.group() for m in RATIO.finditer("首年全额补贴，第二年减半收取，超过一半的分担")]
    assert found == ["全额", "减半", "一半"]
    assert not [m.group() for m in RATIO.finditer("每人一次性给予800元补贴")]


@pytest.mark.parametrize(("question", "share"), [
    ("个人创业贷款最多能享受多少贴息？", "全额贴息"),
    ("企业捐赠防疫物资，企业所得税能抵扣多少？", "全额扣除"),
    ("入驻创业园的企业第二年场地租金交多少？", "减半收取"),
])
def test_a_sum_asked_by_its_noun_is_answered_by_a_share_in_words(
        client: TestClient, question: str, share: str) -> None:
    """Regression (batch realzh-rzfresh49): each was refused as stating no figure."""
    body = asked(client, question)
    assert not body["refused"], body["answer"]
    assert share in str(body["answer"])


def test_a_sum_in_yuan_is_its_figure_not_a_share(client: TestClient) -> None:
    """A sum asked in yuan is answered by its figure in yuan; a share in words answers none."""
    body = asked(client, "参加创业培训能拿多少钱补贴？")
    assert not body["refused"] and "800元" in str(body["answer"])
    assert asked(client, "个人创业贷款贴息多少钱？")["refused"]
