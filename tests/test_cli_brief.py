"""`policykb brief`: files written, a document with nothing to brief, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.briefing.models import Brief
from app.briefing.render import brief_markdown
from app.cli import main
from app.models import DocumentInfo, ValidityInfo
from app.settings import Settings
from tests.conftest import make_settings

BLAND_ID = "garden-note"
BLAND_TEXT = ("A note on the garden\n\nThe garden behind the hall has roses and a small pond. "
              "Visitors like to sit there in the shade and read.\n")


@pytest.fixture(scope="module")
def bland_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store whose one document states no requirement, figure, date, unit or procedure."""
    from ingest.pipeline import ingest

    corpus = tmp_path_factory.mktemp("bland-corpus")
    (corpus / f"{BLAND_ID}.txt").write_text(BLAND_TEXT, encoding="utf-8")
    settings = make_settings(tmp_path_factory.mktemp("bland-store"))
    assert not ingest([corpus], settings).failed
    return settings.data_dir


@pytest.fixture
def in_bland_store(bland_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYKB_DATA_DIR", str(bland_store))


@pytest.mark.usefixtures("in_bland_store")
def test_a_document_with_nothing_to_brief_says_which_sections_are_empty(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "brief.md"
    assert main(["brief", BLAND_ID, "--out", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    for label in ("Requirements and obligations", "Figures and targets", "Dates and deadlines",
                  "Responsible units: who does what", "Procedures"):
        assert f"## {label}\n\n*The document has no item of this kind.*" in text
    assert "Only 0 question(s) could be verified" in text
    assert main(["brief", BLAND_ID, "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["empty_sections"] == ["requirement", "figure", "date", "responsibility",
                                      "procedure"]
    assert body["document"]["doc_id"] == BLAND_ID and body["quiz"] == []


@pytest.mark.usefixtures("in_bland_store")
@pytest.mark.parametrize(("argv", "message"), [
    (["brief", "no-such-doc"], "no document 'no-such-doc' is stored"),
    (["brief", BLAND_ID, "--out", "/nonexistent-dir/brief.md"], "does not exist"),
    (["brief", BLAND_ID, "--out", "/tmp"], "is a directory"),
    (["brief", BLAND_ID, "--format", "docx"], "DOCX is a binary file: give --out FILE"),
    (["brief"], "give either a DOC_ID or --topic TOPIC"),
])
def test_bad_brief_input_is_one_line_and_nonzero(argv: list[str], message: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("policykb: error:") and message in err[0]


@pytest.mark.usefixtures("in_bland_store")
def test_docx_and_html_files_are_written(tmp_path: Path) -> None:
    from docx import Document

    assert main(["brief", BLAND_ID, "--format", "docx", "--out", str(tmp_path / "b.docx")]) == 0
    headings = [p.text for p in Document(str(tmp_path / "b.docx")).paragraphs]
    assert "Procedures" in headings and "The document has no item of this kind." in headings
    assert main(["brief", BLAND_ID, "--format", "html", "--out", str(tmp_path / "b.html")]) == 0
    assert "@media print" in (tmp_path / "b.html").read_text(encoding="utf-8")


def test_topic_comparison_prints_a_row_per_city(corpus_settings: Settings,
                                                monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """--expired: Shenzhen's and Zhangzhou's plans have expired and are left out without it."""
    monkeypatch.setenv("POLICYKB_DATA_DIR", str(corpus_settings.data_dir))
    assert main(["brief", "--topic", "computing power", "--expired"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| ")]
    cities = [row.split(" | ")[0].lstrip("| ") for row in rows[1:]]
    assert {"Shenzhen", "Zhangzhou", "Guangzhou · Haizhu"} <= set(cities)
    assert main(["brief", "--topic", "computing power"]) == 0
    printed = capsys.readouterr().out
    assert "Shenzhen |" not in printed and "Left out as no longer in force" in printed


def test_a_briefing_pack_states_the_policys_validity_at_its_top() -> None:
    """Issue 26 (Build 5), untested until round 8: the pack's first line under its title is the
    policy's validity, its status in words and the open end as the text writes it."""
    validity = ValidityInfo(status="expired", note="expired on 2022-06-30",
                            effective_from="2020-02-15", condition="有效期至疫情解除之日止")
    info = DocumentInfo(doc_id="stall-fees", title="Stall fee notice", validity=validity)
    lines = brief_markdown(Brief(document=info, sections=[], quiz=[])).splitlines()
    assert lines[0] == "# Briefing: Stall fee notice"
    assert lines[2] == ("- **Validity:** No longer in force: expired on 2022-06-30; from "
                        "2020-02-15; “有效期至疫情解除之日止” (as the text states it)")
