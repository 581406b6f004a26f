"""Ingesting the real corpus: idempotency, offsets, structure-aware chunks."""

from __future__ import annotations

import re

from app.settings import Settings
from app.store.chroma import Store
from ingest.pipeline import ingest
from tests.conftest import ALL_DOCS, CORPUS, SHENZHEN, ZHANGZHOU


def test_reingesting_unchanged_corpus_changes_nothing(corpus_settings: Settings) -> None:
    store = Store(corpus_settings)
    before = store.chunk_metadata()
    report = ingest([CORPUS], corpus_settings)
    assert (len(report.added), len(report.updated), len(report.removed)) == (0, 0, 0)
    assert sorted(report.unchanged) == sorted(ALL_DOCS)
    assert store.chunk_metadata() == before  # same ids, same metadata


def test_every_chunk_is_an_exact_slice_of_its_stored_document(corpus_settings: Settings) -> None:
    store = Store(corpus_settings)
    chunks = store.all_chunks()
    assert {c.doc_id for c in chunks} == ALL_DOCS
    for doc_id in ALL_DOCS:
        doc = store.get_document(doc_id)
        assert doc is not None and doc.text
        mine = [c for c in chunks if c.doc_id == doc_id]
        assert len(mine) == doc.metadata["chunks"]
        for chunk in mine:
            assert doc.text[chunk.start : chunk.end] == chunk.text


def test_chunks_carry_document_metadata(corpus_settings: Settings) -> None:
    chunk = next(c for c in Store(corpus_settings).all_chunks() if c.doc_id == SHENZHEN)
    meta = chunk.metadata
    assert meta["city"] == "Shenzhen" and meta["year"] == 2023
    assert meta["issuer"].startswith("General Office of the CPC Shenzhen")
    assert meta["title"].startswith("Action Plan for Accelerating")
    assert isinstance(meta["paragraph"], int)


def test_each_shenzhen_measure_begins_a_chunk_with_its_section_path(
    corpus_settings: Settings,
) -> None:
    chunks = sorted(
        (c for c in Store(corpus_settings).all_chunks() if c.doc_id == SHENZHEN),
        key=lambda c: c.start,
    )
    starts = {int(m.group(1)): c for c in chunks if (m := re.match(r"\((\d+)\) ", c.text))}
    assert sorted(starts) == list(range(1, 19))
    assert starts[13].section == (
        "5. Strengthen the supply of data and talent elements > "
        "(13) Cultivate a market for high-quality data elements"
    )
    assert starts[1].section.startswith("1. Strengthen the supply of intelligent computing")
    for chunk in chunks:  # never two measures in one chunk
        assert len(re.findall(r"(?m)^\(\d+\) ", chunk.text)) <= 1


def test_zhangzhou_parts_and_stray_markup(corpus_settings: Settings) -> None:
    store = Store(corpus_settings)
    doc = store.get_document(ZHANGZHOU)
    assert doc is not None
    assert "< strong>" not in doc.text and "Cultivation of the digital industry" in doc.text
    sections = {c.section for c in store.all_chunks() if c.doc_id == ZHANGZHOU}
    assert (
        "2. Main content > The second part is to accelerate the construction of "
        "information infrastructure"
    ) in sections
    assert "1. Background" in sections
