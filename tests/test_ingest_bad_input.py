"""Bad files: each fails with one clear line, the rest of the batch ingests, nothing is lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.cli import main
from app.store.chroma import Store
from ingest.pipeline import ingest
from tests.conftest import CORPUS, HAIZHU, make_settings
from tests.support.pdfs import (
    write_image_only_pdf,
    write_text_pdf,
    write_truncated_pdf,
)

PAGES = [
    "Page one. The Pazhou pilot zone opens in March 2026 with 12 testing sites.",
    "Page two. The city will train 3,000 officials in artificial intelligence by 2027.",
    "Page three. Each district appoints a chief data officer.",
]


def test_multi_page_pdf_keeps_page_numbers(tmp_path: Path) -> None:
    folder = tmp_path / "pdfs"
    folder.mkdir()
    write_text_pdf(folder / "pazhou-pilot.pdf", PAGES)
    settings = make_settings(tmp_path / "data")
    assert ingest([folder], settings).added == ["pazhou-pilot"]
    store = Store(settings)
    doc = store.get_document("pazhou-pilot")
    assert doc is not None
    chunks = store.all_chunks()
    by_page = {c.page: c for c in chunks}
    assert sorted(by_page) == [1, 2, 3]
    assert "3,000 officials" in by_page[2].text and "chief data officer" in by_page[3].text
    for chunk in chunks:
        assert doc.text[chunk.start : chunk.end] == chunk.text


def test_bad_files_fail_one_line_each_and_the_rest_ingests(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("POLICYKB_DATA_DIR", str(data))
    stored = tmp_path / "stored"
    stored.mkdir()
    shutil.copy(CORPUS / f"{HAIZHU}.txt", stored)
    assert main(["ingest", str(stored)]) == 0
    capsys.readouterr()

    bad = tmp_path / "batch"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    (bad / "latin1.txt").write_bytes("Politique de données à Zhanjiang".encode("latin-1"))
    (bad / "gbk.txt").write_bytes("湛江市政府投资项目".encode("gbk"))
    (bad / "broken.docx").write_bytes(b"PK\x03\x04 not really a docx")
    (tmp_path / "notes.wps").write_bytes(b"\xd0\xcf\x11\xe0 a WPS Writer file")
    write_image_only_pdf(bad / "scanned.pdf")
    write_text_pdf(bad / "locked.pdf", PAGES[:1], password="secret")
    write_truncated_pdf(bad / "truncated.pdf", write_text_pdf(tmp_path / "whole.pdf", PAGES))
    (bad / "garbage.pdf").write_bytes(b"%PDF-1.7\n this is not a pdf at all \x00\x01\x02")
    (bad / "good.md").write_text("# Good policy\n\nThe good policy sets a 7% target.\n")
    missing = tmp_path / "does-not-exist.txt"
    explicit = [str(tmp_path / "notes.wps"), str(missing), str(bad)]

    assert main(["ingest", *explicit]) == 1
    err = capsys.readouterr().err.splitlines()

    def reason(name: str) -> str:
        return next(line for line in err if name in line)

    assert "file is empty" in reason("empty.txt")
    assert "not UTF-8" in reason("latin1.txt") and "not UTF-8" in reason("gbk.txt")
    assert "not a readable .docx" in reason("broken.docx")
    assert "not read; save it as .docx" in reason("notes.wps")
    assert "no text layer" in reason("scanned.pdf")
    assert "encrypted" in reason("locked.pdf")
    assert "PDF" in reason("truncated.pdf") and "PDF" in reason("garbage.pdf")
    assert "no such file or directory" in reason("does-not-exist.txt")
    assert len(err) == 10 and all(line.startswith("policykb: ") for line in err)

    store = Store(make_settings(data))
    ids = {d.doc_id for d in store.list_documents()}
    assert ids == {HAIZHU, "good"}  # the good file ingested, nothing stored was lost
    assert any("7% target" in c.text for c in store.all_chunks())


def test_encrypted_pdf_with_empty_user_password_is_read(tmp_path: Path) -> None:
    """Owner-only encryption (no user password) still opens: such PDFs are common."""
    folder = tmp_path / "pdfs"
    folder.mkdir()
    write_text_pdf(folder / "owner-only.pdf", PAGES[:1], password="")
    settings = make_settings(tmp_path / "data")
    report = ingest([folder], settings)
    assert report.added == ["owner-only"], report.failed


def test_parser_time_limit_skips_the_slow_file_only(tmp_path: Path) -> None:
    folder = tmp_path / "slow"
    folder.mkdir()
    write_text_pdf(folder / "huge.pdf", [" ".join(PAGES) * 12] * 400)
    (folder / "small.txt").write_text("A small policy on open data.\n", encoding="utf-8")
    settings = make_settings(tmp_path / "data", ingest={"file_timeout_s": 0.2})
    report = ingest([folder], settings)
    assert [Path(p).name for p, _ in report.failed] == ["huge.pdf"]
    assert "longer than 0.2 s" in report.failed[0][1]
    assert report.added == ["small"]
