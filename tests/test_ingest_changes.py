"""Update, delete, prune, the --json summary, and Chinese structure."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.store.bm25 import LexicalIndex
from app.store.chroma import Store
from ingest.pipeline import ingest
from tests.conftest import CORPUS, HAIZHU, ZHANJIANG, make_settings

SMALL = (HAIZHU, ZHANJIANG)


def _copy_small_corpus(target: Path) -> Path:
    target.mkdir()
    for doc_id in SMALL:
        shutil.copy(CORPUS / f"{doc_id}.txt", target)
    shutil.copy(CORPUS / "manifest.json", target)
    return target


def test_update_replaces_chunks_delete_and_prune_remove(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _copy_small_corpus(tmp_path / "corpus")
    settings = make_settings(tmp_path / "data")
    monkeypatch.setenv("POLICYKB_DATA_DIR", str(settings.data_dir))
    first = ingest([corpus], settings)
    assert sorted(first.added) == sorted(SMALL)
    store = Store(settings)

    path = corpus / f"{HAIZHU}.txt"
    path.write_text(
        "The bureau will open a second office in Pazhou in 2026.\n"
        + path.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    second = ingest([corpus], settings)
    assert second.updated == [HAIZHU] and second.unchanged == [ZHANJIANG]
    haizhu = [c for c in store.all_chunks() if c.doc_id == HAIZHU]
    assert any("second office in Pazhou" in c.text for c in haizhu)
    doc = store.get_document(HAIZHU)
    assert doc is not None and len(haizhu) == doc.metadata["chunks"]
    assert all(c.metadata["doc_hash"] == doc.doc_hash for c in haizhu)

    path.unlink()
    kept = ingest([corpus], settings, prune=False)
    assert kept.removed == [] and store.get_document(HAIZHU) is not None
    pruned = ingest([corpus], settings)
    assert pruned.removed == [HAIZHU]
    assert store.get_document(HAIZHU) is None
    assert all(m["doc_id"] != HAIZHU for m in store.chunk_metadata().values())

    assert main(["delete", "no-such-doc"]) == 1
    assert "no document 'no-such-doc'" in capsys.readouterr().err
    assert main(["delete", ZHANJIANG]) == 0
    assert store.chunk_count() == 0 and store.document_count() == 0


def test_cli_json_summary_and_second_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _copy_small_corpus(tmp_path / "corpus")
    monkeypatch.setenv("POLICYKB_DATA_DIR", str(tmp_path / "data"))
    assert main(["ingest", str(corpus), "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert {"added", "updated", "unchanged", "removed", "failed", "chunks", "seconds"} <= set(first)
    assert (first["added"], first["failed"]) == (2, 0) and first["chunks"] > 10
    assert main(["ingest", str(corpus), "--json"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert (second["added"], second["updated"], second["unchanged"]) == (0, 0, 2)
    assert second["chunks"] == first["chunks"]
    assert main(["documents", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["documents"]
    assert {d["doc_id"] for d in listed} == set(SMALL)
    assert next(d for d in listed if d["doc_id"] == ZHANJIANG)["city"] == "Zhanjiang"


def test_chinese_structure_and_sentences(tmp_path: Path) -> None:
    corpus = tmp_path / "zh"
    corpus.mkdir()
    (corpus / "maoming-plan.md").write_text(
        "茂名市人工智能行动方案\n一、总体要求\n（一）指导思想。坚持创新驱动。推进数字化转型！\n"
        "（二）发展目标。到2027年，建成10个智能计算中心；培育50家企业。\n"
        "二、保障措施\n（三）加强组织领导。成立工作专班。\n",
        encoding="utf-8",
    )
    settings = make_settings(tmp_path / "data")
    assert ingest([corpus], settings).added == ["maoming-plan"]
    chunks = sorted(Store(settings).all_chunks(), key=lambda c: c.start)
    sections = [c.section for c in chunks]
    assert "一、总体要求 > （二）发展目标" in sections
    assert "二、保障措施 > （三）加强组织领导" in sections
    goal = next(c for c in chunks if c.text.startswith("（二）"))
    assert goal.text == "（二）发展目标。到2027年，建成10个智能计算中心；培育50家企业。"


def test_ingest_reads_the_whole_store_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    """Regression (issue 12): every ingest read all chunk metadata twice (repair, then the
    BM25 check) and once more to rebuild BM25: at 100k chunks ~20 s a read."""
    corpus = _copy_small_corpus(tmp_path / "corpus")
    settings = make_settings(tmp_path / "data")
    reads: list[str] = []
    for name in ("chunk_metadata", "all_chunks"):
        original = getattr(Store, name)

        def spy(self: Store, _original: Any = original, _name: str = name) -> Any:
            reads.append(_name)
            return _original(self)

        monkeypatch.setattr(Store, name, spy)
    first = ingest([corpus], settings)
    assert sorted(first.added) == sorted(SMALL) and first.chunks > 0
    assert reads == ["chunk_metadata", "all_chunks"]  # the repair's read, the rebuild's
    reads.clear()
    second = ingest([corpus], settings)
    assert sorted(second.unchanged) == sorted(SMALL)
    assert reads == ["chunk_metadata"]  # one read serves the repair and the BM25 check
    # The index still covers every chunk: a change after it is seen.
    (corpus / f"{HAIZHU}.txt").write_text("Pazhou gets a third office in 2027.\n", "utf-8")
    reads.clear()
    third = ingest([corpus], settings)
    assert third.updated == [HAIZHU] and reads == ["chunk_metadata", "all_chunks"]
    hits = LexicalIndex(settings.bm25_dir).search("third office Pazhou", 3, None)
    assert hits and hits[0][0].startswith(HAIZHU)
