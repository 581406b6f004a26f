"""The docs stay true: docs/settings.md is what the settings class and the Makefile say, every
link in README.md and docs/ resolves, and README.md stays a newcomer's page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app import settings_doc
from app.settings_doc import describe_settings
from tests.conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```", re.S | re.M)


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*_]", "", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    return {_slug(m.group(1)) for m in re.finditer(r"^#+\s+(.*)$", text, re.M)}


def test_settings_doc_matches_the_settings_class_and_the_makefile() -> None:
    """Regression: the README's hand-kept settings table drifted from app/settings.py."""
    written = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert written == settings_doc.render(), "docs/settings.md drifted: python -m app.settings_doc"
    for env, _default, _description in describe_settings():
        assert f"| `{env}` |" in written
    for name in ("HOST", "PORT", "LLM_HOST", "LLM_PORT", "LLM", "MODEL", "LLM_WAIT"):
        assert f"| `{name}` |" in written


def test_every_make_variable_is_described() -> None:
    variables = settings_doc.make_variables()
    assert {"HOST", "PORT", "LLM_HOST", "LLM_PORT", "LLM_CTX"} <= {n for n, _, _ in variables}
    undescribed = [name for name, _, description in variables if len(description) < 20]
    assert not undescribed, f"Makefile variables without a comment above them: {undescribed}"


def test_the_drift_check_fails_on_a_stale_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = tmp_path / "settings.md"
    stale.write_text("# Settings\n", encoding="utf-8")
    monkeypatch.setattr(settings_doc, "DOC", stale)
    monkeypatch.setattr(settings_doc, "ROOT", tmp_path)
    assert settings_doc.main(["--check"]) == 1
    assert settings_doc.main([]) == 0 and settings_doc.main(["--check"]) == 0
    assert stale.read_text(encoding="utf-8") == settings_doc.render()


def test_every_link_in_readme_and_docs_resolves() -> None:
    broken = []
    for page in PAGES:
        text = FENCE.sub("", page.read_text(encoding="utf-8"))
        for target in LINK.findall(text):
            if re.match(r"^[a-z]+://", target) or target.startswith("mailto:"):
                continue
            path, _, anchor = target.partition("#")
            resolved = (page.parent / path).resolve() if path else page
            if not resolved.exists():
                broken.append(f"{page.name}: {target} (no such file)")
            elif anchor and resolved.suffix == ".md" and anchor not in _anchors(resolved):
                broken.append(f"{page.name}: {target} (no such heading)")
    assert not broken, broken


def test_readme_is_a_newcomers_page() -> None:
    """Regression: README.md had grown to 710 lines; the first run's cost was 340 lines down."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 200
    first_screen = "\n".join(lines[:40])
    assert "make run" in first_screen and "make test" in first_screen
    assert "8 min" in first_screen and "1.1 GB" in first_screen
    assert "http://127.0.0.1:8000/" in first_screen
    for name in ("usage", "api", "settings", "architecture", "operations", "model"):
        assert (ROOT / "docs" / f"{name}.md").exists()
        assert f"(docs/{name}.md)" in "\n".join(lines)
