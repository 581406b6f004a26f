"""Settings: environment names, validation, and the README listing every one."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from app.settings import Settings
from app.settings_doc import describe_settings
from app.store.embedding import BUNDLED
from tests.conftest import ROOT


def test_nested_settings_read_from_single_underscore_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("POLICYKB_DATA_DIR", "/srv/kb")
    monkeypatch.setenv("POLICYKB_LLM_BASE_URL", "http://127.0.0.1:8080/v1")
    monkeypatch.setenv("POLICYKB_CHROMA_MODE", "http")
    monkeypatch.setenv("POLICYKB_ANSWER_REFUSAL_THRESHOLD", "0.5")
    settings = Settings()
    assert settings.data_dir == Path("/srv/kb")
    assert settings.llm.base_url == "http://127.0.0.1:8080/v1"
    assert settings.default_mode == "extractive"  # quotes stay the default (docs/model.md)
    monkeypatch.setenv("POLICYKB_LLM_DEFAULT_MODE", "generate")
    assert Settings().default_mode == "generate"
    assert settings.chroma.mode == "http" and settings.answer.refusal_threshold == 0.5


def test_default_embedding_model_ships_inside_a_package() -> None:
    assert Settings().embedding.model in BUNDLED
    assert Settings().default_mode == "extractive"


def test_invalid_values_are_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYKB_RETRIEVAL_TOP_K", "0")
    with pytest.raises(ValidationError, match="top_k"):
        Settings()


def test_docs_list_every_setting() -> None:
    page = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    missing = [env for env, _, _ in describe_settings() if f"`{env}`" not in page]
    assert not missing, f"docs/settings.md does not list: {missing}"
