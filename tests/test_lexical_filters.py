"""BM25 retrieval honours filters."""

from __future__ import annotations

from pathlib import Path

from llama_index.core.vector_stores.types import MetadataFilters

from app.models import Filters
from app.retrieval.hybrid import HybridRetriever
from app.services import Services
from app.settings import Settings
from app.store.bm25 import LexicalIndex
from tests.conftest import SHENZHEN, ZHANJIANG


def test_bm25_doc_id_filter_keeps_that_documents_passages(corpus_settings: Settings,
                                                          services: Services) -> None:
    """Regression: the persisted BM25 corpus replaced every chunk's doc_id with 'None', so any
    doc_id filter (and so every city-scoped question) got no BM25 passages at all."""
    index = LexicalIndex(corpus_settings.bm25_dir)
    retriever: HybridRetriever = services.retriever
    for doc_id in (SHENZHEN, ZHANJIANG):
        conditions = retriever.metadata_filters(Filters(doc_id=doc_id))
        hits = index.search("artificial intelligence investment", 5,
                            MetadataFilters(filters=list(conditions)))
        assert len(hits) == 5
        assert all(cid.startswith(doc_id + "::") for cid, _ in hits)


def test_bm25_mode_answers_city_scoped_questions(services: Services) -> None:
    # Every document, whatever its validity: Shenzhen's plan is past its period (2023-2024), and
    # the retriever alone (unlike the service, app.retrieval.in_force) keeps to those in force.
    result = services.retriever.retrieve(
        "What is the scale of Shenzhen's artificial intelligence fund group?", None, 5, "bm25",
        in_force=False)
    assert result.hits and result.hits[0].chunk.doc_id == SHENZHEN
    assert any("100 billion yuan" in h.chunk.text for h in result.hits)


def test_scores_computed_beforehand_serve_only_their_own_query_and_index(
        corpus_settings: Settings) -> None:
    """A retrieval scores the question once (while it is encoded) for all its searches; scores
    of another question, or of an index loaded before a later ingest, are not used."""
    index = LexicalIndex(corpus_settings.bm25_dir)
    query = "artificial intelligence fund group scale"
    plain = index.search(query, 5, None)
    assert plain and plain == index.search(query, 5, None, index.score(query))
    other = index.score("government-invested projects digital upgrades")
    assert index.search(query, 5, None, other) == plain
    stale = LexicalIndex(corpus_settings.bm25_dir).score(query)  # another loaded index
    assert stale.base is not None and index.search(query, 5, None, stale) == plain


def test_a_store_whose_index_was_never_written_is_searched_as_empty(tmp_path: Path) -> None:
    """Regression: a store whose ingest stopped before the BM25 index was written (no
    fingerprint on disk) raised AttributeError 'holds_chinese' on its first question."""
    index = LexicalIndex(tmp_path / "bm25")
    assert index.holds_chinese is False and index.documents is not None
    assert index.documents.holds_chinese is False
    assert index.search("rent relief", 5, None) == [] and index.size == 0
