"""Hostile or careless input to ingest (issue 14): each test names the bug it stops."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from app.cli import main
from app.store.chroma import Store
from ingest.chunking import chunk_spans
from ingest.cleaning import clean_text
from ingest.loaders import html_to_text
from ingest.pipeline import ingest
from tests.conftest import CORPUS, HAIZHU, ZHANJIANG, make_settings


def test_cleaning_keeps_comparisons_and_decodes_entities_once() -> None:
    """Bug: "< a threshold and >" was taken for a tag and its words deleted; HTML
    "&amp;lt;b&amp;gt;" was decoded twice into <b>."""
    sentence = "Projects with cost < a threshold and > b shall apply."
    assert clean_text(sentence) == sentence
    assert clean_text("x <a href='u'>link</a> < strong>y</ strong> &amp;lt;") == "x link y &lt;"
    html = "<p>&amp;lt;b&amp;gt; marks bold; 3 &lt; 4</p><script>no</script>"
    assert clean_text(html_to_text(html), markup=False) == "&lt;b&gt; marks bold; 3 < 4"


@pytest.mark.parametrize(
    "text",
    ["x " * 1_000_000, "湛江市政府投资项目数字化建设" * 400, "word" * 3000],
    ids=["spaced words", "chinese without spaces", "one long token"],
)
def test_chunks_are_capped_without_sentence_punctuation(text: str) -> None:
    """Bug: a paragraph without sentence punctuation became one chunk of any size (2 MB)."""
    spans = chunk_spans(text, [], 700)
    assert max(s.end - s.start for s in spans) <= 700
    assert len(spans) >= len(text.strip()) // 700
    if " " in text:  # cut at word boundaries: every piece holds whole words
        assert all(text[s.start : s.end].split(" ")[-1] == "x" for s in spans)
    covered = "".join(text[s.start : s.end] for s in spans)
    assert "".join(covered.split()) == "".join(text.split())  # no word lost at the cuts


# A notice as a web copy gives it: one line, each paragraph opened by the typesetting's
# full-width indent ("\u3000\u3000") after the space that stood for its line break.
INDENTED = (
    "常州市商务局关于支持商贸企业复工的通知 \u3000\u3000一、减免租金。对承租国有房产的商贸企业，"
    "免收2月份租金； \u3000\u3000二、发放补贴。对复工的商贸企业给予每家5000元补贴。"
    " \u3000\u3000常州市商务局 2020年2月20日"
)


def test_full_width_indents_are_stored_as_received(tmp_path: Path) -> None:
    """Bug (issue 22): cleaning collapsed full-width and other typeset spaces with the layout
    spaces around them into one space, so a span holding one ("…租金； \u3000\u3000二、…", as
    7 of realzh-dev's dev answers do) could never be quoted verbatim. They stay as received;
    runs of ASCII spaces, tabs and no-break spaces still become one space."""
    assert clean_text(f"a  b\tc\u00a0\u00a0d {INDENTED}\u2002e") == f"a b c d {INDENTED}\u2002e"
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "changzhou-trade.txt").write_text(INDENTED, encoding="utf-8")
    settings = make_settings(tmp_path / "data")
    assert not ingest([folder], settings).failed
    doc = Store(settings).get_document("changzhou-trade")
    assert doc is not None and doc.text == INDENTED
    assert (doc.info["issuer"], doc.info["published"]) == ("常州市商务局", "2020-02-20")
    chunks = [c for c in Store(settings).all_chunks() if c.doc_id == "changzhou-trade"]
    assert any("5000元" in c.text for c in chunks)
    for chunk in chunks:
        assert doc.text[chunk.start : chunk.end] == chunk.text
        assert chunk.text == chunk.text.strip()  # no chunk opens or closes on an indent


def _small_dir(path: Path, *doc_ids: str) -> Path:
    path.mkdir()
    for doc_id in doc_ids:
        shutil.copy(CORPUS / f"{doc_id}.txt", path)
    return path


def test_bad_manifest_entries_fail_their_file_naming_the_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bug: wrong-typed manifest fields were stored (then 500s) or crashed ingest."""
    data = tmp_path / "data"
    monkeypatch.setenv("POLICYKB_DATA_DIR", str(data))
    folder = tmp_path / "typed"
    folder.mkdir()
    bad = {
        "m01": ("year", "abc"),
        "m02": ("covers", 5),
        "m03": ("city", 123),
        "m04": ("published", 2025),
        "m05": ("year", 2025.7),
        "m06": ("year", 1e30),
        "m07": ("title", True),
        "m08": ("title", ["a"]),
        "m09": ("issuer", {}),
        "m10": ("published", "2025-13-45"),
    }
    entries = [{"doc_id": d, "file": f"{d}.txt", field: value} for d, (field, value) in bad.items()]
    entries.append({"doc_id": "good", "file": "good.txt", "year": 2024, "covers": ["A plan"]})
    (folder / "manifest.json").write_text(json.dumps({"documents": entries}))
    for name in [*bad, "good", "loose"]:
        (folder / f"{name}.txt").write_text(f"The {name} policy sets a 7% target.\n")
    deep = tmp_path / "deep"
    deep.mkdir()
    (deep / "manifest.json").write_text("[" * 100_000 + "]" * 100_000)
    (deep / "kept-back.txt").write_text("A policy under a broken manifest.\n")

    assert main(["ingest", str(folder), str(deep)]) == 1
    err = capsys.readouterr().err.splitlines()
    for doc_id, (field, _) in bad.items():
        line = next(line for line in err if f"{doc_id}.txt" in line)
        assert f"field {field!r}" in line, line
    assert any("manifest.json" in line and "nested too deep" in line for line in err)
    assert len(err) == len(bad) + 1 and all(line.startswith("policykb: ") for line in err)

    store = Store(make_settings(data))
    docs = {d.doc_id: d for d in store.list_documents()}
    assert set(docs) == {"good", "loose"}
    assert docs["good"].info["year"] == 2024 and docs["good"].info["covers"] == ["A plan"]
    # The contract with answering: manifest-described documents are official, others not.
    assert docs["good"].metadata["official"] is True and docs["loose"].metadata["official"] is False
    official = {c.doc_id: c.metadata["official"] for c in store.all_chunks()}
    assert official == {"good": True, "loose": False}


def test_a_doc_id_belongs_to_the_file_it_came_from(tmp_path: Path) -> None:
    """Bug: a second file (another m.txt, or a manifest naming a taken doc_id) replaced a
    stored document silently."""
    settings = make_settings(tmp_path / "data")
    first = _small_dir(tmp_path / "first", ZHANJIANG)
    (first / "m.txt").write_text("The first m policy: 5% of investment.\n")
    assert sorted(ingest([first], settings).added) == ["m", ZHANJIANG]

    second = tmp_path / "second"
    second.mkdir()
    (second / "m.txt").write_text("The second m policy: 50% of investment.\n")
    (second / "fake.txt").write_text("Zhanjiang requires no less than 50% of investment.\n")
    (second / "manifest.json").write_text(
        json.dumps([{"doc_id": ZHANJIANG, "file": "fake.txt", "title": "Official title"}])
    )
    report = ingest([second], settings)
    reasons = {Path(p).name: r for p, r in report.failed}
    assert set(reasons) == {"m.txt", "fake.txt"} and report.updated == []
    assert str((first / "m.txt").resolve()) in reasons["m.txt"]
    assert "--replace" in reasons["fake.txt"]
    store = Store(settings)
    zhanjiang = store.get_document(ZHANJIANG)
    assert zhanjiang is not None and "no less than 5%" in zhanjiang.text
    assert store.get_document("m") is not None
    assert "5% of" in store.get_document("m").text  # type: ignore[union-attr]

    replaced = ingest([second / "m.txt"], settings, replace=True)
    assert replaced.updated == ["m"]
    m = store.get_document("m")
    assert m is not None and "50% of" in m.text
    assert m.metadata["source"] == str((second / "m.txt").resolve())
    # Re-ingesting the first directory now refuses its m.txt and keeps the rest.
    again = ingest([first], settings)
    assert [Path(p).name for p, _ in again.failed] == ["m.txt"] and again.removed == []


def test_file_over_the_size_limit_fails_before_it_is_read(tmp_path: Path) -> None:
    """Bug: a 200 MB .txt ran 300 s with no output; files now have a size limit (50 MB)."""
    folder = _small_dir(tmp_path / "big", HAIZHU)
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(51 * 1024 * 1024)  # sparse: nothing is written, reading would take long
    report = ingest([folder], make_settings(tmp_path / "data"))
    assert [(Path(p).name, "51.0 MB, over the 50 MB limit" in r) for p, r in report.failed] == [
        ("huge.txt", True)
    ]
    assert report.added == [HAIZHU]


def test_undecodable_file_name_fails_one_line_and_reruns_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bug: a file name that is not valid UTF-8 crashed ingest with a traceback, left orphan
    chunks, and crashed every re-run."""
    data = tmp_path / "data"
    monkeypatch.setenv("POLICYKB_DATA_DIR", str(data))
    folder = _small_dir(tmp_path / "names", HAIZHU)
    with open(os.path.join(os.fsencode(folder), b"bad-\xff-name.txt"), "wb") as handle:
        handle.write(b"A policy whose file name is Latin-1.\n")
    for run in range(2):
        assert main(["ingest", str(folder), "--json"]) == 1
        captured = capsys.readouterr()
        summary = json.loads(captured.out)
        assert (summary["failed"], summary["added"] + summary["unchanged"]) == (1, 1)
        [line] = captured.err.splitlines()
        assert "bad-\\xff-name.txt" in line and "not valid UTF-8" in line, (run, line)
    store = Store(make_settings(data))
    assert {d.doc_id for d in store.list_documents()} == {HAIZHU}
    assert {c.doc_id for c in store.all_chunks()} == {HAIZHU}  # no orphan chunks


def test_links_out_of_the_directory_loops_and_fifos_are_reported(tmp_path: Path) -> None:
    """Bug: a symlink to a file outside the ingested directory was followed silently, and
    fifos and symlink loops were skipped without a word."""
    outside = tmp_path / "secret.txt"
    outside.write_text("A private note that is not a policy.\n")
    folder = _small_dir(tmp_path / "links", HAIZHU)
    (folder / "leak.txt").symlink_to(outside)
    (folder / "alias.txt").symlink_to(folder / f"{HAIZHU}.txt")  # inside: followed
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    os.mkfifo(folder / "pipe.txt")
    report = ingest([folder], make_settings(tmp_path / "data"))
    reasons = {Path(p).name: r for p, r in report.failed}
    assert set(reasons) == {"leak.txt", "loop-a.txt", "loop-b.txt", "pipe.txt"}
    assert "outside the ingested directory" in reasons["leak.txt"]
    assert str(outside) in reasons["leak.txt"]
    assert "loop" in reasons["loop-a.txt"] and "fifo" in reasons["pipe.txt"]
    assert sorted(report.added) == sorted(["alias", HAIZHU])
