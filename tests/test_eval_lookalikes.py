"""The look-alike corpus generator behind `policykb eval --lookalikes N` (issue 9's target)."""

from __future__ import annotations

import json
from pathlib import Path

from eval.lookalikes import write_corpus
from tests.conftest import CORPUS, HAIZHU, ZHANJIANG


def test_each_document_gets_copies_for_other_cities_with_other_figures(tmp_path: Path) -> None:
    written = write_corpus(CORPUS, tmp_path, copies=3)
    manifest = json.loads((tmp_path / "manifest.json").read_text("utf-8"))["documents"]
    assert written == len(manifest) == 5 * 4
    copies = [d for d in manifest if d["doc_id"].startswith(f"{ZHANJIANG}-lookalike-")]
    assert len(copies) == 3 and len({d["city"] for d in copies}) == 3
    original = (tmp_path / f"{ZHANJIANG}.txt").read_text("utf-8")
    assert original == (CORPUS / f"{ZHANJIANG}.txt").read_text("utf-8")  # kept as received
    copy = (tmp_path / f"{copies[0]['doc_id']}.txt").read_text("utf-8")
    assert "Zhanjiang" not in copy and copies[0]["city"] in copy
    assert "no less than 5%" in original and "no less than 5%" not in copy
    assert "(2025-2027)" in copy  # years stay: only figures change
    haizhu = next(d for d in manifest if d["doc_id"] == f"{HAIZHU}-lookalike-01")
    text = (tmp_path / f"{haizhu['doc_id']}.txt").read_text("utf-8")
    assert "Haizhu" not in text and haizhu["district"] in text
