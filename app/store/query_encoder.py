"""The embedding model as the service runs it for questions: one encoder, from any thread.

Ingest embeds passages in batches through ``app.store.embedding``; the service encodes a
question (and the sentences of new passages) per request, so it needs the model behind a
lock, or the ONNX encoder that is safe to share.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Protocol

from llama_index.core.base.embeddings.base import BaseEmbedding

from app.settings import Settings
from app.store.embedding import (
    E5_MULTILINGUAL,
    MINILM,
    MINILM_INT8,
    USE_MULTILINGUAL,
    bundled_minilm,
    identity,
    load_embedding,
    load_int8,
)
from app.store.vectors import KeptQueries


def load_query_encoder(settings: Settings) -> QueryEncoder:
    """The configured model as the service runs it: on ONNX Runtime when it is a
    sentence-transformers model and the runtime is 'onnx' (see ``app.store.onnx_encoder``),
    else the library's model, one encode at a time."""
    name = settings.embedding.model
    if name == MINILM_INT8:
        # A question's new passage sentences are encoded on every core, each alone as
        # before (so the same vectors): a first question about new passages waited for
        # ~10 encodes in a row while the other core was idle.
        return load_int8(settings, threads=os.cpu_count() or 1)
    if settings.embedding.runtime == "onnx" and name not in (USE_MULTILINGUAL, E5_MULTILINGUAL):
        from app.store.onnx_encoder import load_onnx_encoder

        model_dir = Path(bundled_minilm() if name == MINILM else name)
        if model_dir.is_dir():
            encoder = load_onnx_encoder(model_dir, settings.embedding.onnx_dir,
                                        identity(settings, 0).fingerprint,
                                        settings.embedding.batch_size)
            if encoder is not None:
                return encoder
    return OneAtATime(load_embedding(settings))


class QueryEncoder(Protocol):
    """What the service needs of a model: questions and sentences, from any thread."""

    def get_query_embedding(self, query: str) -> list[float]: ...

    def get_text_embedding_batch(self, texts: list[str]) -> list[list[float]]: ...


class OneAtATime:
    """The model, run by one request at a time.

    torch runs each encode on every core already; requests encoding at once from the
    server's worker threads each start their own OpenMP team on the same cores, and the
    oversubscribed teams make the whole server slower than one encode at a time."""

    def __init__(self, model: BaseEmbedding) -> None:
        self.model = model
        self._lock = threading.Lock()
        # The questions' vectors, kept for every reader of this one model: the multilingual
        # model encoded an English question again in the answer's sentence ranking (5 of its
        # 18 encodes on eval dev en, ~8 ms each) whenever it was answered a second time.
        self._kept = KeptQueries(self._encode)

    def get_query_embedding(self, query: str) -> list[float]:
        return self._kept(query)

    def _encode(self, query: str) -> list[float]:
        with self._lock:
            return self.model.get_query_embedding(query)

    def get_text_embedding_batch(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            return self.model.get_text_embedding_batch(texts)


def embedding_dimension(model: BaseEmbedding | QueryEncoder) -> int:
    if isinstance(model, OneAtATime):
        model = model.model
    dimension = getattr(model, "dimension", None)  # packaged and ONNX models know theirs
    if isinstance(dimension, int):
        return dimension
    return len(model.get_query_embedding("dimension"))
