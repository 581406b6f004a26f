"""A question's place's own notices stay within the whole documents' ranking as the store grows
(app/retrieval/document_ranking.py).

Regression (issue 22, h12): as other cities' heating notices were stored, Tongliao's heating
notice fell below the first ``candidates`` documents of the whole-document ranking; its passages,
left unranked there, lost to a national notice in the question's scope, and "By when should
Tongliao pay the heating subsidy …" was answered from elsewhere or refused. The notices here are
written by the test, and the ranking is cut after two documents so that four other cities'
notices on the same words are enough to push the place's own out.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.retrieval.document_ranking import ranked_documents
from app.store.bm25 import LexicalIndex
from ingest.pipeline import ingest
from tests.conftest import make_settings

OWN = (
    "牡丹江市人民政府办公室关于做好困难群众冬季取暖补贴发放工作的通知\n"
    "各县（市）区人民政府：\n"
    "一、城乡低保家庭每户发放一次性冬季取暖补贴900元。\n"
    "二、冬季取暖补贴于2026年12月15日前通过社会保障卡发放到户。\n"
    "牡丹江市人民政府办公室\n2026年10月9日\n"
)
NATIONAL = (
    "民政部 财政部关于做好冬季取暖补贴发放工作的通知\n"
    "各省、自治区、直辖市民政厅（局）、财政厅（局）：\n"
    "一、各地冬季取暖补贴应当通过社会保障卡发放，冬季取暖补贴发放情况按月报送。\n"
    "二、冬季取暖补贴发放到户，不得截留挪用冬季取暖补贴，冬季取暖补贴社会保障卡发放。\n"
    "民政部 财政部\n2026年9月1日\n"
)
OTHER = (
    "{city}人民政府办公室关于冬季取暖补贴发放工作的通知\n"
    "各区人民政府：\n"
    "一、冬季取暖补贴发放到户，冬季取暖补贴通过社会保障卡发放，冬季取暖补贴每户{sum}元。\n"
    "二、冬季取暖补贴发放时间为12月，冬季取暖补贴社会保障卡发放到户。\n"
    "{city}人民政府办公室\n2026年9月20日\n"
)
OTHERS = {"harbin": ("哈尔滨市", 800), "qiqihar": ("齐齐哈尔市", 700),
          "daqing": ("大庆市", 750), "jixi": ("鸡西市", 650)}


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("docrank")
    docs = root / "docs"
    docs.mkdir()
    (docs / "mudanjiang-heating.txt").write_text(OWN, encoding="utf-8")
    (docs / "national-heating.txt").write_text(NATIONAL, encoding="utf-8")
    for name, (city, amount) in OTHERS.items():
        (docs / f"{name}-heating.txt").write_text(OTHER.format(city=city, sum=amount),
                                                  encoding="utf-8")
    settings = make_settings(root / "data", auth="off")
    report = ingest([Path(docs)], settings)
    assert not report.failed, report.failed
    return root / "data"


def test_the_places_own_notice_follows_the_first_documents(data: Path) -> None:
    """The place's notice, below the first two, comes after them; those keep their ranks."""
    settings = make_settings(data)
    documents = LexicalIndex(settings.bm25_dir).documents
    assert documents is not None
    first = ranked_documents(documents, "冬季 取暖 补贴 社会保障卡 发放", [], 2, set())
    assert "mudanjiang-heating" not in first and len(first) == 2
    scope = {"mudanjiang-heating", "national-heating"}
    ranked = ranked_documents(documents, "冬季 取暖 补贴 社会保障卡 发放", [], 2, scope)
    assert ranked[:2] == first and "mudanjiang-heating" in ranked[2:]

