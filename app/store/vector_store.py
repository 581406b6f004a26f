"""The chunk collection as llama-index writes it: ``ChromaVectorStore`` within Chroma's limits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from chromadb.api.models.Collection import Collection
from llama_index.core.schema import BaseNode
from llama_index.vector_stores.chroma import ChromaVectorStore
from pydantic import PrivateAttr


class BatchedChromaVectorStore(ChromaVectorStore):
    """``ChromaVectorStore`` whose ``add`` writes in slices the Chroma client accepts.

    llama-index slices at 41,665 records, but Chroma refuses more than
    ``client.get_max_batch_size()`` (5,461 for the embedded store): a document set with more
    chunks than that failed to ingest at all.
    """

    _max_batch: int = PrivateAttr(5461)

    def __init__(self, chroma_collection: Collection, **kwargs: Any) -> None:
        super().__init__(chroma_collection=chroma_collection, **kwargs)

    def set_max_batch(self, size: int) -> None:
        self._max_batch = max(1, size)

    def add(self, nodes: Sequence[BaseNode], **add_kwargs: Any) -> list[str]:
        ids: list[str] = []
        for first in range(0, len(nodes), self._max_batch):
            ids.extend(super().add(list(nodes[first : first + self._max_batch]), **add_kwargs))
        return ids
