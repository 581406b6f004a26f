"""The service's ONNX question encoder, and the chunk cache that lets a query ask for ids only."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from app.models import SearchRequest
from app.services import Services
from app.settings import Settings
from app.store.embedding import MINILM, MINILM_INT8, load_embedding
from app.store.onnx_encoder import OnnxSentenceEncoder, load_onnx_encoder
from app.store.query_encoder import load_query_encoder
from ingest.pipeline import ingest
from tests.conftest import CORPUS, HAIZHU, ROOT, make_settings

TEXTS = [
    "What share of investment must go to digital-intelligent upgrades in Zhanjiang?",
    "湛江的政府投资项目，数字化智能化改造的投入至少要占项目总投资的百分之几？",
    # Longer than the model's 256 tokens: both engines must cut it at the same place.
    "The construction unit shall report the investment in digital construction. " * 40,
]


def test_the_float_model_on_onnx_gets_torchs_vectors(corpus_settings: Settings) -> None:
    settings = corpus_settings.model_copy(update={"embedding": corpus_settings.embedding.model_copy(
        update={"model": MINILM, "runtime": "onnx"})})
    encoder = load_query_encoder(settings)
    assert isinstance(encoder, OnnxSentenceEncoder)
    onnx = np.asarray(encoder.get_text_embedding_batch(TEXTS))
    torch = np.asarray(load_embedding(settings).get_text_embedding_batch(TEXTS))
    assert onnx.shape == torch.shape == (3, 384)
    assert np.all(np.sum(onnx * torch, axis=1) > 0.9999)
    query = np.asarray(encoder.get_query_embedding(TEXTS[0]))
    assert float(query @ torch[0]) > 0.9999


def test_the_default_int8_model_stays_close_to_the_float_one(services: Services) -> None:
    """The service runs the default model (int8 MiniLM) on ONNX Runtime: its vectors are its
    own, but must stay near the float model's, or the quantization went wrong."""
    assert services.settings.embedding.model == MINILM_INT8
    encoder = services.retriever.embedder
    assert isinstance(encoder, OnnxSentenceEncoder)
    int8 = np.asarray(encoder.get_text_embedding_batch(TEXTS))
    float_model = np.asarray(load_embedding(services.settings, MINILM)
                             .get_text_embedding_batch(TEXTS))
    cosines = np.sum(int8 * float_model, axis=1)
    assert np.all(cosines > 0.85) and not np.all(cosines > 0.9999)


def test_a_model_without_a_graph_falls_back_to_torch(tmp_path: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    empty = tmp_path / "not-a-model"
    empty.mkdir()
    assert load_onnx_encoder(empty, tmp_path / "onnx", "fingerprint", 8) is None
    assert "questions are encoded by torch" in caplog.text


def test_a_rewritten_document_is_served_with_its_new_text(tmp_path: Path) -> None:
    """Bug guard: the store keeps chunks by id, and an id names a place in a document, not its
    text; after ingest rewrote the document, the running service served the old text."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / f"{HAIZHU}.txt", corpus)
    shutil.copy(CORPUS / "manifest.json", corpus)
    settings = make_settings(tmp_path / "data", server={"store_check_s": 0})
    assert not ingest([corpus], settings).failed
    services = Services.build(settings)
    question = SearchRequest(query="office opened by the bureau in Pazhou", top_k=1)
    first = services.search(question).passages[0]
    assert "Guangzhou Qianhai Digital Office" not in first.text

    path = corpus / f"{HAIZHU}.txt"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    # The first chunk's id stays (same document, same place); its text changes.
    lines.insert(1, "The bureau opened the Guangzhou Qianhai Digital Office in Pazhou.\n")
    path.write_text("".join(lines), encoding="utf-8")
    assert ingest([corpus], settings).updated == [HAIZHU]
    again = services.search(question).passages
    assert any("Guangzhou Qianhai Digital Office" in hit.text for hit in again)


def test_a_texts_vector_does_not_depend_on_its_batch(services: Services) -> None:
    """Bug: the int8 model quantizes activations with one scale per run, and run as a padded
    batch a text's vector changed with its batch-mates (so with the order of ingest)."""
    encoder = services.retriever.embedder
    assert isinstance(encoder, OnnxSentenceEncoder)
    alone = encoder.get_text_embedding_batch([TEXTS[0]])[0]
    together = encoder.get_text_embedding_batch([TEXTS[2], TEXTS[0], TEXTS[1]])[1]
    assert np.array_equal(np.asarray(alone), np.asarray(together))


def test_processes_starting_at_once_each_get_the_int8_graph(tmp_path: Path) -> None:
    """Bug: two servers starting at once on a fresh machine both quantized the graph, and the
    quantizer's fixed-name intermediate file ("...-inferred.onnx") vanished under one of them:
    "cannot load embedding model ... No such file"."""
    script = ("from app.settings import Settings; from app.store.embedding import load_embedding;"
              " print(len(load_embedding(Settings()).get_query_embedding('5%')))")
    env = {**os.environ, "POLICYKB_EMBEDDING_ONNX_DIR": str(tmp_path / "onnx"),
           "POLICYKB_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}
    runs = [subprocess.Popen([sys.executable, "-c", script], env=env, cwd=ROOT, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    results = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], [err[-500:] for _, err in results]
    assert all(out.strip() == "384" for out, _ in results)
