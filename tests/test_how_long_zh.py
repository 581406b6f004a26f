"""多久 asks a length of time, as 多长时间 does: of a sentence's figures, a count or a number
answers none (issues 22/23, round 42).

Regressions (cities probes, zhlong43): "…续借多久", "…机构多久内会联系" and "…服务期限是多久"
quoted the clause of "续借一次", of a hotline's number or of "600个" posts, not the one going on to
"续借期限为15天", "24小时内" or "服务期限为2年".
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.numerals import measured_otherwise
from tests.support.served import asked, serve_texts

HOTLINE = (
    "临江市供水服务规定\n"
    "（三）居民可拨打96116供水服务热线反映问题，供水企业应在接到反映后12小时内答复。\n"
    "（四）供水企业每年开展一次管网巡检，共设置巡检点位800个，巡检周期为1年。\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serve_texts(tmp_path_factory.mktemp("howlong"), {"hotline": HOTLINE}) as served:
        yield served


@pytest.mark.parametrize(("question", "quoted", "not_quoted"), [
    ("临江市居民打热线反映供水问题后，供水企业多久内答复？", "12小时内", "96116"),
    ("临江市供水管网巡检周期是多久？", "1年", "800个"),
])
def test_how_long_answered_by_a_time(client: TestClient, question: str, quoted: str,
                                    not_quoted: str) -> None:
    body = asked(client, question)
    assert not body["refused"], body
    quote = str(body["citations"][0]["quote"])  # type: ignore[index]
    assert quoted in quote and not_quoted not in quote, quote


def test_how_long_asks_a_time() -> None:
    text = "可拨打96116热线，受理后12小时内答复，共800个点位。"
    question = "多久内答复？"
    assert measured_otherwise(question, text, text.index("800"), text.index("800") + 4)
    assert not measured_otherwise(question, text, text.index("12小时"), text.index("12小时") + 4)
    assert not measured_otherwise("多久一次？", text, text.index("800"), text.index("800") + 4)
    rinse = "每次冲洗不少于30秒。"  # a second is a unit of time too
    assert not measured_otherwise("冲洗多久？", rinse, rinse.index("30"), rinse.index("30") + 3)
    half = "补贴期限为半年。"
    assert not measured_otherwise(question, half, half.index("半年"), half.index("半年") + 2)

