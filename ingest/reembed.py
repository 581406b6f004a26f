"""Before an ingest run: when the configured embedding model is not the one that wrote the
store's vectors, re-embed every stored chunk with it.

The chunks are re-embedded from the store itself (each record keeps its node, hence the exact
text the model saw), so documents ingested from other paths are kept, and no file is parsed
again. The new vectors are written aside and swapped in whole.
"""

from __future__ import annotations

import sys
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.vector_stores.utils import metadata_dict_to_node

from app.store.chroma import Store
from app.store.embedding import EmbeddingIdentity, passage_text


def reembed_reason(stored: EmbeddingIdentity | None, configured: EmbeddingIdentity,
                   chunks: int) -> str | None:
    """Why every chunk must be re-embedded, or None when the stored vectors can stay."""
    if chunks == 0 or (stored is not None and stored.fingerprint == configured.fingerprint):
        return None
    if stored is None:
        return (f"re-embedding all {chunks} chunks: the store does not record its embedding "
                f"model; the configured one is {configured.name}")
    if stored.name == configured.name:
        return (f"re-embedding all {chunks} chunks: embedding model {configured.name} changed "
                f"(fingerprint {stored.fingerprint} -> {configured.fingerprint})")
    return (f"re-embedding all {chunks} chunks: the store was built with {stored.name}, "
            f"the configured embedding model is {configured.name}")


def ensure_store_model(store: Store, model: BaseEmbedding,
                       configured: EmbeddingIdentity) -> str | None:
    """Make the store's vectors the configured model's; returns the reason when it re-embedded
    (printed as one progress line), None when nothing had to change."""
    reason = reembed_reason(store.embedding_identity(), configured, store.chunk_count())
    if reason is None:
        if store.embedding_identity() != configured:
            store.record_embedding(configured)
        return None
    print(f"policykb: {reason}", file=sys.stderr, flush=True)
    _reembed(store, model, configured)
    return reason


def _reembed(store: Store, model: BaseEmbedding, configured: EmbeddingIdentity,
             batch: int = 256) -> None:
    """Every chunk embedded anew into a collection built aside, batch by batch (memory stays
    bounded at any store size), then swapped in."""
    name = f"{store.chunks.name}_reembed"
    if name in {c.name for c in store.client.list_collections()}:
        store.client.delete_collection(name)  # left by a run that died midway
    aside = store.client.create_collection(
        name, metadata={"hnsw:space": "cosine", **configured.as_metadata()}
    )
    ids = store.chunks.get(include=[])["ids"]
    for i in range(0, len(ids), batch):
        got = store.chunks.get(ids=ids[i : i + batch], include=["metadatas", "documents"])
        aside.add(
            ids=got["ids"],
            embeddings=model.get_text_embedding_batch(  # type: ignore[arg-type]
                _embedded_texts(dict(got), configured.name)),
            documents=got["documents"],
            metadatas=got["metadatas"],
        )
    store.swap_chunks(aside)


def _embedded_texts(got: dict[str, Any], model_name: str) -> list[str]:
    return [
        passage_text(metadata_dict_to_node(dict(meta or {}), text=text or ""), model_name)
        for text, meta in zip(got["documents"] or [], got["metadatas"] or [], strict=True)
    ]
