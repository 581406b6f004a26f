"""A sentence-transformers model run by ONNX Runtime: how the service encodes questions.

Why: on 2 cores torch spends ~19 ms on a 20-token question (operator dispatch dominates so
small an input), ONNX Runtime ~5 ms, and the service then never imports torch, which starts
faster and holds less memory. The vectors are the same (cosine 1.0000 with torch's), so the
stored passages need no re-embedding and the store's model identity is unchanged. Ingest keeps
torch: on long passages it batches faster here.

The graph (the transformer with the model's mean pooling and normalisation) is exported once
from the packaged weights, by torch and onnx, into ``POLICYKB_EMBEDDING_ONNX_DIR`` under a
name derived from the weights' fingerprint; a later process only loads it.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import tempfile
import warnings
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import PrivateAttr

from app.store.direct_embedding import DirectEmbedding

log = logging.getLogger(__name__)

# No attention mask: a text is always encoded alone and unpadded, so every token attends to
# every other. Graph 1 took a mask of ones anyway, and its exported attention built an additive
# mask and a NaN guard after each softmax (Where, IsNaN: ~14% of the int8 graph's run time on a
# 128-token chunk) that only change a padded row; the vectors are bit-identical without them.
INPUTS = ("input_ids", "token_type_ids")
# Part of the exported file's name: bump when the exported graph changes.
GRAPH_FORMAT = "2"


class OnnxSentenceEncoder(DirectEmbedding):
    """A BERT-style sentence-transformers model (mean pooling, normalised) on ONNX Runtime.

    Each text is encoded alone, one intra-op thread per run, and a batch is spread over
    ``threads`` such runs at once. Why: with the int8 model's dynamic quantization a batch
    shares one activation scale, so a text's vector would depend on its batch-mates (a
    chunk's vector would change with the order of ingest); and on 2 cores two single runs at
    once embedded real passages 2.5x faster than padded batches (76 against 29 texts/s).
    The service and ingest both spread a batch over every core: a question's new passage
    sentences are encoded side by side, its question alone."""

    _session: Any = PrivateAttr()
    _tokenizer: Any = PrivateAttr()
    _dimension: int = PrivateAttr()
    _threads: int = PrivateAttr()
    _pool: ThreadPoolExecutor | None = PrivateAttr(default=None)

    def __init__(self, model_dir: Path, graph: Path, embed_batch_size: int = 32,
                 threads: int = 1) -> None:
        super().__init__(model_name=graph.stem, embed_batch_size=embed_batch_size)
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # its warnings about unused initializers are noise
        self._session = onnxruntime.InferenceSession(
            str(graph), options, providers=["CPUExecutionProvider"]
        )
        tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        tokenizer.enable_truncation(max_sequence_length(model_dir))
        tokenizer.no_padding()
        self._tokenizer = tokenizer
        self._threads = max(1, threads)
        self._dimension = len(self._encode_one("dimension"))

    def _encode_one(self, text: str) -> np.ndarray:
        ids = np.array([self._tokenizer.encode(text).ids], dtype=np.int64)
        feed = {"input_ids": ids, "token_type_ids": np.zeros_like(ids)}
        return np.asarray(self._session.run(None, feed)[0][0], dtype=np.float32)

    def _encode(self, texts: list[str]) -> list[np.ndarray]:
        if self._threads == 1 or len(texts) == 1:
            return [self._encode_one(text) for text in texts]
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self._threads, thread_name_prefix="policykb-onnx")
        return list(self._pool.map(self._encode_one, texts))

    @classmethod
    def class_name(cls) -> str:
        return "OnnxSentenceEncoder"

    @property
    def dimension(self) -> int:
        return self._dimension

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._encode_one(query).tolist()  # the same floats as float(x) each, in one call

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return [row.tolist() for row in self._encode(list(texts))]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    async def _aget_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embedding(text)


def max_sequence_length(model_dir: Path) -> int:
    """The sentence-transformers truncation length (256 for all-MiniLM-L6-v2), as torch uses."""
    try:
        config = json.loads((model_dir / "sentence_bert_config.json").read_text())
        return int(config.get("max_seq_length") or 512)
    except (OSError, ValueError):
        return 512


def graph_path(onnx_dir: Path, fingerprint: str) -> Path:
    return onnx_dir / f"{fingerprint}-g{GRAPH_FORMAT}.onnx"


def export_graph(model_dir: Path, target: Path) -> None:
    """Write the model's ONNX graph to ``target`` atomically (processes may race to it)."""
    import torch
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # the CLI prints one line, not a weight bar
    model = AutoModel.from_pretrained(str(model_dir)).eval()
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
    sample = tokenizer(["a question", "a longer sample passage"], return_tensors="pt",
                       padding=True)

    class Pooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, token_type_ids: Any) -> Any:
            hidden = self.model(input_ids=input_ids,
                                token_type_ids=token_type_ids).last_hidden_state
            # Mean pooling as sentence-transformers computes it, over a mask of ones.
            weights = torch.ones_like(input_ids).unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1)

    target.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=target.parent, suffix=".onnx.tmp")
    os.close(handle)
    try:
        # The exporter warns about its own deprecations and tracing details, none of which
        # concern the graph it writes (checked against torch's vectors by the tests).
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Pooled(), tuple(sample[name] for name in INPUTS), tmp,
                input_names=list(INPUTS), output_names=["embedding"],
                dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in INPUTS},
                              "embedding": {0: "batch"}},
                opset_version=17, dynamo=False,
            )
        os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)


def quantized_graph(model_dir: Path, onnx_dir: Path, fingerprint: str) -> Path:
    """The int8 graph of ``model_dir`` (weights quantized per tensor, activations at run time:
    ONNX Runtime's dynamic quantization), made once from its float graph."""
    graph = onnx_dir / f"{fingerprint}-g{GRAPH_FORMAT}-int8.onnx"
    if graph.exists():
        return graph
    with _exclusive(onnx_dir):
        if not graph.exists():  # another process may have made it while this one waited
            _quantize(model_dir, graph_path(onnx_dir, fingerprint), graph)
    return graph


@contextmanager
def _exclusive(onnx_dir: Path) -> Iterator[None]:
    """One exporting process at a time: the quantizer writes a fixed-name intermediate file
    beside its source, and two servers starting at once broke each other's ("No such file
    ... -inferred.onnx")."""
    onnx_dir.mkdir(parents=True, exist_ok=True)
    with (onnx_dir / "export.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, or the process dies
        yield


def _quantize(model_dir: Path, source: Path, graph: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    if not source.exists():
        export_graph(model_dir, source)
    handle, tmp = tempfile.mkstemp(dir=graph.parent, suffix=".onnx.tmp")
    os.close(handle)
    try:
        # It logs advice through the root logger, whose first use would install a handler
        # that then prints every library's debug lines in the CLI.
        root, quiet = logging.getLogger(), logging.NullHandler()
        root.addHandler(quiet)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                quantize_dynamic(source, tmp, weight_type=QuantType.QInt8)
        finally:
            root.removeHandler(quiet)
        os.replace(tmp, graph)
    finally:
        Path(tmp).unlink(missing_ok=True)


def load_onnx_encoder(model_dir: Path, onnx_dir: Path, fingerprint: str,
                      batch_size: int) -> OnnxSentenceEncoder | None:
    """The float ONNX encoder of ``model_dir`` for the service, exporting its graph first if
    none is cached; None (the caller keeps torch, whose vectors are the same) when ONNX
    Runtime or the export is unavailable."""
    try:
        graph = graph_path(onnx_dir, fingerprint)
        if not graph.exists():
            with _exclusive(onnx_dir):
                if not graph.exists():
                    log.info("exporting %s to ONNX at %s (once)", model_dir.name, graph)
                    export_graph(model_dir, graph)
        return OnnxSentenceEncoder(model_dir, graph, embed_batch_size=batch_size)
    except Exception as exc:  # a missing onnx/onnxruntime or a model the exporter cannot read
        log.warning("questions are encoded by torch: no ONNX graph of %s (%s)", model_dir, exc)
        return None
