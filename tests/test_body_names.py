"""A Chinese body's name as government writes it, its level first and its organ's word last, is
one format (``app.text.ZH_BODY_NAME``) that ``said_of`` (another body's phone line) and
``answerability`` (a body of the kind 哪个部门 asks, where LAC tagged none) both read.

Regression (tidy42): answerability held its own copy, 1-10 characters ending in an organ's word
(局, 委, 中心 …) only, so a station's or an office's name (县农业技术推广站, 区不动产登记所), which
LAC cuts into common nouns, was no body: "由哪个部门负责解释" was refused (no_passage). The
documents are the test's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.background import stop_warms
from app.models import AskRequest
from app.services import Services
from app.text import ZH_BODY_NAME
from ingest.pipeline import ingest
from tests.conftest import make_settings

SEEDS = """青溪县2026年农作物良种补贴实施办法
一、对种植水稻的农户，每亩补贴30元。
二、对种植玉米的农户，每亩补贴20元。
三、补贴资金于每年10月底前发放到户。
本办法由县农业技术推广站负责解释。
青溪县人民政府
2026年3月2日
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    root = tmp_path_factory.mktemp("body-names")
    docs = root / "docs"
    docs.mkdir()
    (docs / "qingxi-2026-seed-subsidies.txt").write_text(SEEDS, encoding="utf-8")
    settings = make_settings(root / "data")
    report = ingest([Path(docs)], settings)
    assert not report.failed, report.failed
    yield Services.build(settings)
    stop_warms()


def test_a_body_name_is_level_first_and_organ_word_last() -> None:
    """The format itself: any body's ending (a station, an office, a detachment), up to 14
    characters after the level word; a common noun after a level word is none."""
    names = re.compile(ZH_BODY_NAME)
    for name in ("县农业技术推广站", "区不动产登记所", "市财政局",
                 "市公安局交通警察支队车辆管理所"):
        assert names.fullmatch(name), name
    assert not names.search("市区公交线路延长运营")


def test_a_body_lac_does_not_tag_answers_which_department(services: Services) -> None:
    answer = services.ask(AskRequest(question="青溪县良种补贴办法由哪个部门负责解释？",
                                     mode="extractive"))
    assert not answer.refused, answer.refusal_code
    assert "县农业技术推广站" in answer.answer
