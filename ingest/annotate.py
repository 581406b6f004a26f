"""Each chunk's named entities and vector, computed side by side over a batch of chunks.

The two are independent: the entities are stored in metadata no model embeds, the vector is
of the chunk's text (``app.store.embedding.passage_text``). The entity recognisers hold the
GIL for much of their work (spaCy entirely, LAC between its ONNX runs) while the embedding
model's ONNX runs release it, so NER runs on a thread of its own while the chunks are
embedded: on 2 cores an English batch's NER (one core) hides behind its embedding.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.schema import BaseNode, TransformComponent
from pydantic import PrivateAttr

from app.store.embedding import passage_text
from ingest.entities import ChunkEntities

_NER = ThreadPoolExecutor(1, thread_name_prefix="policykb-ner")


class EntitiesAndVectors(TransformComponent):
    """llama-index transform: ``ChunkEntities`` and the embedding, at once."""

    _model: BaseEmbedding = PrivateAttr()
    _model_name: str = PrivateAttr()

    def __init__(self, model: BaseEmbedding, model_name: str) -> None:
        super().__init__()
        self._model = model
        self._model_name = model_name

    def __call__(self, nodes: Sequence[BaseNode], **kwargs: Any) -> Sequence[BaseNode]:
        # The texts are read before NER starts writing metadata (the entities are never
        # embedded, so the texts are the same either way).
        texts = [passage_text(node, self._model_name) for node in nodes]
        entities = _NER.submit(ChunkEntities(), nodes)
        # A text embedded once however many chunks embed it: a Chinese chunk's embedded prefix
        # (section path, opening) is often its neighbour's (~8% of realzh-dev's chunks).
        distinct = list(dict.fromkeys(texts))
        try:
            vectors = dict(zip(distinct, self._model.get_text_embedding_batch(distinct),
                               strict=True))
        finally:
            entities.result()  # its error, if any, is the run's
        for node, text in zip(nodes, texts, strict=True):
            node.embedding = list(vectors[text])  # each node its own list, as before
        return nodes
