"""The store knows which embedding model wrote its vectors."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.cli import main
from app.errors import EmbeddingModelMismatch
from app.http.factory import create_app
from app.settings import Settings
from app.store.chroma import Store
from app.store.embedding import MINILM, USE_MULTILINGUAL
from ingest.pipeline import ingest
from tests.conftest import make_settings

TEXT = (
    "Harbour City Notice on Data Centres\n\n"
    "The municipal data bureau shall build two green data centres by 2026.\n\n"
    "Each centre shall reach a power usage effectiveness of no more than 1.3.\n"
)


def _settings(data_dir: Path, model: str) -> Settings:
    return make_settings(data_dir, embedding={"model": model})


@pytest.fixture(scope="module")
def minilm_store(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A one-document store built with all-MiniLM-L6-v2."""
    root = tmp_path_factory.mktemp("model-store")
    docs = root / "docs"
    docs.mkdir()
    (docs / "harbour-data-centres.txt").write_text(TEXT, encoding="utf-8")
    settings = _settings(root / "data", MINILM)
    report = ingest([docs], settings)
    assert not report.failed and report.reembedded is None
    return settings


def test_changing_the_configured_model_re_embeds_every_chunk(
    minilm_store: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(minilm_store.data_dir, data)
    before = Store(_settings(data, MINILM))
    identity = before.embedding_identity()
    assert identity is not None and identity.name == MINILM and identity.dimension == 384
    chunks = before.chunk_count()

    settings = _settings(data, USE_MULTILINGUAL)
    report = ingest([minilm_store.data_dir.parent / "docs"], settings)
    assert report.reembedded is not None
    assert MINILM in report.reembedded and USE_MULTILINGUAL in report.reembedded
    why = [line for line in capsys.readouterr().err.splitlines() if "re-embedding" in line]
    assert len(why) == 1 and f"all {chunks} chunks" in why[0]

    after = Store(settings)
    recorded = after.embedding_identity()
    assert recorded is not None and recorded.name == USE_MULTILINGUAL
    assert recorded.dimension == 512 and recorded.fingerprint != identity.fingerprint
    vectors = after.chunks.get(include=["embeddings"])["embeddings"]
    assert vectors is not None and len(vectors) == chunks and len(vectors[0]) == 512
    assert report.unchanged == ["harbour-data-centres"]  # nothing parsed again
    assert ingest([], settings).reembedded is None  # once only


def test_a_store_of_another_model_stops_the_api_with_one_line(minilm_store: Settings) -> None:
    settings = _settings(minilm_store.data_dir, USE_MULTILINGUAL)
    with pytest.raises(EmbeddingModelMismatch) as raised, TestClient(create_app(settings)):
        pass
    message = raised.value.message
    assert "\n" not in message
    assert f"'{MINILM}'" in message and f"'{USE_MULTILINGUAL}'" in message
    assert "policykb ingest" in message


def test_a_store_of_another_model_stops_the_cli_with_one_line(
    minilm_store: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("POLICYKB_DATA_DIR", str(minilm_store.data_dir))
    monkeypatch.setenv("POLICYKB_EMBEDDING_MODEL", USE_MULTILINGUAL)
    for argv in (["search", "data centres"], ["serve", "--port", "8135"]):
        assert main(argv) == 1
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1, err
        assert MINILM in err and USE_MULTILINGUAL in err and "policykb ingest" in err
