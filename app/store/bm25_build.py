"""Building the BM25 index (``app.store.bm25``) from the stored chunks: ingest's side.

The passages' index and, under ``documents/``, the whole documents' are written to a temporary
directory and swapped in whole, with a fingerprint of the chunks they cover, so the service
reloads them only when an ingest changed something and never sees half an index.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from llama_index.core.schema import (
    BaseNode,
    NodeRelationship,
    RelatedNodeInfo,
    TextNode,
)
from llama_index.retrievers.bm25 import BM25Retriever

from app.store.bm25 import (
    DOCUMENTS_DIR,
    FILTER_KEYS,
    FINGERPRINT_FILE,
    TOKEN_PATTERN,
    lexical_terms,
)
from app.store.records import Chunk

HEAD_KEYS = ("title", "issuer", "city", "section")
# Part of the fingerprint: bump when the index layout changes, so ingest rebuilds old ones.
INDEX_FORMAT = "3"  # 3: Chinese character pairs; titles and issuers


def fingerprint(chunks: dict[str, str]) -> str:
    """Digest of chunk id -> document hash: changes whenever any chunk does."""
    digest = hashlib.sha256(f"format {INDEX_FORMAT}\n".encode())
    for chunk_id in sorted(chunks):
        digest.update(f"{chunk_id}\t{chunks[chunk_id]}\n".encode())
    return digest.hexdigest()


def _indexed_text(chunk: Chunk) -> str:
    # The document's title, issuer and city and the section's title are searchable words too,
    # though not part of the quote: a question names the notice it asks about by them.
    head = " ".join(str(chunk.metadata.get(k) or "") for k in HEAD_KEYS)
    return lexical_terms(f"{head}\n{chunk.text}")


def build_index(chunks: list[Chunk], directory: Path, print_: str) -> None:
    """Build from ``chunks`` and replace ``directory`` whole, so readers never see half of it:
    the passages' index, and under ``documents/`` the whole documents' (``documents_of``)."""
    tmp = directory.with_name(directory.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    if chunks:
        _persist([_node(c.chunk_id, c.doc_id, _indexed_text(c), c.metadata) for c in chunks], tmp)
        _persist([_node(doc_id, doc_id, text, meta) for doc_id, text, meta in documents_of(chunks)],
                 tmp / DOCUMENTS_DIR)
    (tmp / FINGERPRINT_FILE).write_text(print_)
    old = directory.with_name(directory.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if directory.exists():
        directory.rename(old)
    tmp.rename(directory)
    shutil.rmtree(old, ignore_errors=True)


def documents_of(chunks: list[Chunk]) -> list[tuple[str, str, dict[str, object]]]:
    """(doc_id, indexed text, metadata) of each document: its head and its passages in order."""
    by_doc: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        by_doc.setdefault(chunk.doc_id, []).append(chunk)
    documents = []
    for doc_id, held in by_doc.items():
        held.sort(key=lambda c: c.start)
        meta = held[0].metadata
        head = " ".join(str(meta.get(k) or "") for k in HEAD_KEYS if k != "section")
        body = "\n".join([head, *(c.text for c in held)])
        documents.append((doc_id, lexical_terms(body), meta))
    return documents


def _node(node_id: str, doc_id: str, text: str, metadata: dict[str, object]) -> BaseNode:
    return TextNode(
        id_=node_id,
        text=text,
        metadata={k: metadata[k] for k in FILTER_KEYS if k in metadata},
        excluded_embed_metadata_keys=list(FILTER_KEYS),
        # The persisted corpus sets "doc_id" from the source node, whatever the metadata
        # says: without it every doc_id filter matched nothing.
        relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id=doc_id)},
    )


def _persist(nodes: list[BaseNode], directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    retriever = BM25Retriever(nodes=nodes, token_pattern=TOKEN_PATTERN, similarity_top_k=1)
    retriever.persist(str(directory), show_progress=False)
