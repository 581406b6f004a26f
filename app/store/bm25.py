"""The BM25 index: llama-index's ``BM25Retriever`` (bm25s) over jieba-segmented text.

Ingest builds it from the chunks in the store and saves it under ``DATA_DIR/bm25`` with a
fingerprint of what it covers; the service loads it once and reloads only when the fingerprint
on disk changes (a later ingest), so no query ever rebuilds it.

bm25s tokenizes with a regular expression, which would keep a run of Chinese characters as one
token; segmenting Chinese with jieba first (``app.text.segment``) lets the same tokenizer serve
both languages.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from llama_index.core.schema import (
    BaseNode,
    NodeRelationship,
    QueryBundle,
    RelatedNodeInfo,
    TextNode,
)
from llama_index.core.vector_stores.types import MetadataFilters
from llama_index.retrievers.bm25 import BM25Retriever

from app.store.chroma import Chunk
from app.text import segment

TOKEN_PATTERN = r"(?u)\b\w+\b"
FINGERPRINT_FILE = "fingerprint.txt"
FILTER_KEYS = ("doc_id", "city", "year")
# Part of the fingerprint: bump when the index layout changes, so ingest rebuilds old ones.
INDEX_FORMAT = "2"


def fingerprint(chunks: dict[str, str]) -> str:
    """Digest of chunk id -> document hash: changes whenever any chunk does."""
    digest = hashlib.sha256(f"format {INDEX_FORMAT}\n".encode())
    for chunk_id in sorted(chunks):
        digest.update(f"{chunk_id}\t{chunks[chunk_id]}\n".encode())
    return digest.hexdigest()


def stored_fingerprint(directory: Path) -> str | None:
    try:
        return (directory / FINGERPRINT_FILE).read_text().strip()
    except OSError:
        return None


def _indexed_text(chunk: Chunk) -> str:
    # The section title and city are searchable words too, though not part of the quote.
    head = " ".join(str(chunk.metadata.get(k) or "") for k in ("city", "section"))
    return segment(f"{head}\n{chunk.text}")


def build_index(chunks: list[Chunk], directory: Path, print_: str) -> None:
    """Build from ``chunks`` and replace ``directory`` whole, so readers never see half of it."""
    tmp = directory.with_name(directory.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    if chunks:
        nodes: list[BaseNode] = [
            TextNode(
                id_=c.chunk_id,
                text=_indexed_text(c),
                metadata={k: c.metadata[k] for k in FILTER_KEYS if k in c.metadata},
                excluded_embed_metadata_keys=list(FILTER_KEYS),
                # The persisted corpus sets "doc_id" from the source node, whatever the
                # metadata says: without it every doc_id filter matched nothing.
                relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id=c.doc_id)},
            )
            for c in chunks
        ]
        retriever = BM25Retriever(nodes=nodes, token_pattern=TOKEN_PATTERN, similarity_top_k=1)
        retriever.persist(str(tmp), show_progress=False)
    (tmp / FINGERPRINT_FILE).write_text(print_)
    old = directory.with_name(directory.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if directory.exists():
        directory.rename(old)
    tmp.rename(directory)
    shutil.rmtree(old, ignore_errors=True)


class LexicalIndex:
    """Loaded BM25 index; ``search`` returns (chunk_id, score) best first."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.loaded_fingerprint: str | None = None
        self._retriever: BM25Retriever | None = None
        self.refresh()

    def refresh(self) -> None:
        """Reload when ingest has written a new index since we last loaded."""
        current = stored_fingerprint(self.directory)
        if current == self.loaded_fingerprint:
            return
        self.loaded_fingerprint = current
        self._retriever = None
        if current is not None and (self.directory / "params.index.json").exists():
            self._retriever = BM25Retriever.from_persist_dir(
                str(self.directory), show_progress=False
            )

    @property
    def size(self) -> int:
        return len(self._retriever.corpus) if self._retriever else 0

    def search(
        self, query: str, k: int, filters: MetadataFilters | None
    ) -> list[tuple[str, float]]:
        base = self._retriever
        if base is None or not query.strip():
            return []
        k = min(k, self.size)
        try:
            # A retriever sharing the loaded index: only the filter mask is computed per query.
            retriever = BM25Retriever(
                existing_bm25=base.bm25,
                similarity_top_k=k,
                token_pattern=TOKEN_PATTERN,
                filters=filters,
            )
        except ValueError:  # every chunk filtered out
            return []
        hits = retriever.retrieve(QueryBundle(query_str=segment(query)))
        return [(h.node.node_id, h.score) for h in hits if h.score is not None and h.score > 0]
