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
    LexicalPiece,
    joined_terms,
    lexical_piece,
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


def build_index(chunks: list[Chunk], directory: Path, print_: str) -> None:
    """Build from ``chunks`` and replace ``directory`` whole, so readers never see half of it:
    the passages' index, and under ``documents/`` the whole documents' (``indexed_texts``)."""
    tmp = directory.with_name(directory.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    if chunks:
        passages, documents = indexed_texts(chunks)
        _persist([_node(c.chunk_id, c.doc_id, text, c.metadata)
                  for c, text in zip(chunks, passages, strict=True)], tmp)
        _persist([_node(doc_id, doc_id, text, meta) for doc_id, text, meta in documents],
                 tmp / DOCUMENTS_DIR)
    (tmp / FINGERPRINT_FILE).write_text(print_)
    old = directory.with_name(directory.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if directory.exists():
        directory.rename(old)
    tmp.rename(directory)
    shutil.rmtree(old, ignore_errors=True)


def indexed_texts(chunks: list[Chunk]
                  ) -> tuple[list[str], list[tuple[str, str, dict[str, object]]]]:
    """What BM25 reads of each chunk (in order), and (doc_id, indexed text, metadata) of each
    document: ``lexical_terms`` of a chunk's head (its document's title, issuer and city, its
    section's title: a question names the notice it asks about by them, though they are no part
    of the quote) and text, and of a document's head and its passages in order.

    Each piece is cut by jieba once (``joined_terms``): a chunk's text is read twice, as a
    passage and in its document, and its head is mostly its neighbours'; cut again each time,
    they took ~45% of realzh-dev's index build."""
    passages = [""] * len(chunks)
    by_doc: dict[str, list[int]] = {}
    for row, chunk in enumerate(chunks):
        by_doc.setdefault(chunk.doc_id, []).append(row)
    documents = []
    for doc_id, rows in by_doc.items():
        rows.sort(key=lambda row: chunks[row].start)
        meta = chunks[rows[0]].metadata
        head_line = " ".join(str(meta.get(k) or "") for k in HEAD_KEYS if k != "section")
        heads: dict[str, LexicalPiece] = {}  # by section: a document's chunks share a few
        texts = []
        for row in rows:
            chunk = chunks[row]
            head = " ".join(str(chunk.metadata.get(k) or "") for k in HEAD_KEYS)
            if head not in heads:
                heads[head] = lexical_piece(head)
            texts.append(lexical_piece(chunk.text))
            passages[row] = joined_terms([heads[head], texts[-1]])
        documents.append((doc_id, joined_terms([lexical_piece(head_line), *texts]), meta))
    return passages, documents


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
