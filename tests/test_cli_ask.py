"""`policykb ask` and `policykb search` against a real store."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.settings import Settings
from tests.conftest import ZHANJIANG


@pytest.fixture
def in_corpus_store(corpus_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYKB_DATA_DIR", str(corpus_settings.data_dir))


@pytest.mark.usefixtures("in_corpus_store")
def test_ask_prints_answer_and_citations(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "ask",
                "What share of total project investment must digital-intelligent "
                "upgrades account for?",
                "--city",
                "Zhanjiang",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "5%" in out and "[1]" in out and ZHANJIANG in out


@pytest.mark.usefixtures("in_corpus_store")
def test_ask_json_and_search_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "Which city plans a 310 million yuan special fund?", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert "310 million yuan" in answer["answer"]
    assert main(["search", "Pengcheng Cloud Brain III", "--json", "--top-k", "2"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert len(found["passages"]) == 2
    assert "Pengcheng Cloud Brain III" in found["passages"][0]["text"]


@pytest.mark.usefixtures("in_corpus_store")
def test_cli_bad_input_is_one_line_and_nonzero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "   "]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("policykb: error: question is empty")
    assert main(["ask", "fund", "--top-k", "0"]) == 1
    assert "top_k must be between 1 and 50" in capsys.readouterr().err


def test_bad_setting_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("POLICYKB_CHROMA_MODE", "cloud")
    assert main(["documents"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("policykb: error: setting POLICYKB_CHROMA_MODE")
