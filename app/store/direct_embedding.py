"""A llama-index embedding model encoding without llama-index's per-call instrumentation.

``BaseEmbedding.get_query_embedding`` and ``get_text_embedding_batch`` wrap every encode in a
span and two events (each a pydantic model with a dump of the model's settings and a uuid4 id)
that nothing in policykb listens to: ~0.3 ms a question's encode, ~1.5% of an English ask and
~4% of a realzh one (os.urandom alone). The vectors are the model's own ``_get_*`` methods',
in the same batches, so they are the same.
"""

from __future__ import annotations

from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding


class DirectEmbedding(BaseEmbedding):
    def get_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def get_text_embedding_batch(self, texts: list[str], show_progress: bool = False,
                                 **kwargs: Any) -> list[list[float]]:
        if show_progress:  # ingest's bar is llama-index's
            return super().get_text_embedding_batch(texts, show_progress, **kwargs)
        size = self.embed_batch_size  # llama-index's batches: a batch-mate may move a vector
        return [vector for start in range(0, len(texts), size)
                for vector in self._get_text_embeddings(texts[start:start + size])]
