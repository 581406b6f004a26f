"""The embedding model, loaded once per process, never from a hub."""

from __future__ import annotations

import threading
from pathlib import Path

from llama_index.embeddings.huggingface import HuggingFaceEmbedding
from transformers.utils import logging as transformers_logging

from app.errors import ServiceUnavailable
from app.settings import Settings


def load_embedding(settings: Settings) -> HuggingFaceEmbedding:
    """The configured sentence-transformers model on the CPU (GPU-less machines are the norm)."""
    name = settings.embedding.model
    # The weights load from disk in well under a second; a progress bar would only be noise
    # in the CLI's one-line output and in logs.
    transformers_logging.disable_progress_bar()
    try:
        return HuggingFaceEmbedding(
            model_name=name,
            device="cpu",
            embed_batch_size=settings.embedding.batch_size,
            cache_folder=str(settings.data_dir / "models"),
        )
    except Exception as exc:  # the library raises OSError, ValueError or hub errors alike
        where = "directory" if Path(name).exists() else "name (offline: it must be a local path)"
        raise ServiceUnavailable(
            f"cannot load embedding model {name!r} by {where}: {exc}"
        ) from exc


class OneAtATime:
    """The model, run by one request at a time.

    torch runs each encode on every core already; requests encoding at once from the
    server's worker threads each start their own OpenMP team on the same cores, and the
    oversubscribed teams make the whole server slower than one encode at a time."""

    def __init__(self, model: HuggingFaceEmbedding) -> None:
        self.model = model
        self._lock = threading.Lock()

    def get_query_embedding(self, query: str) -> list[float]:
        with self._lock:
            return self.model.get_query_embedding(query)

    def get_text_embedding_batch(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            return self.model.get_text_embedding_batch(texts)
