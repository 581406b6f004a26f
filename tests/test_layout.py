"""The import direction of ``app/``: each stage imports only the stages before it.

Parsed from the source, so the test also fails for an import inside a function.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app"

BASE = {"app.settings", "app.access_settings", "app.errors", "app.models", "app.text",
        "app.numerals", "app.bands", "app.negation", "app.in_situ", "app.chinese_words",
        "app.mastheads", "app.fields", "app.background", "app.measures", "app.figure_subjects",
        "app.addressing", "app.figure_forms", "app.figure_wholes", "app.one_question"}
# For each group, the groups it may import besides itself and the base.
ALLOWED: dict[str, set[str]] = {
    "base": set(),
    "db": set(),
    "store": set(),
    # Who may do what, and the record of what was answered: SQL storage, never the answers.
    "accounts": {"db", "store"},
    "audit": {"db", "accounts"},
    "uploads": {"db", "accounts"},
    "retrieval": {"store"},
    # The model server's client: no passages, no citations.
    "llm": set(),
    "answering": {"store", "retrieval", "llm"},
    "briefing": {"store", "retrieval", "answering"},
    # A follow-up completed before retrieval, and the conversations kept in SQL.
    "conversation": {"db", "store", "retrieval", "answering", "llm"},
    "services": {"store", "retrieval", "answering", "briefing", "conversation", "llm"},
    "http": {"store", "retrieval", "answering", "briefing", "services", "db", "accounts",
             "audit", "uploads", "conversation"},
    "cli": {"services", "http", "briefing", "db", "accounts", "audit"},
}


def group_of(module: str) -> str:
    if module == "app" or module in BASE or module.startswith("app.models."):
        return "base"
    parts = module.split(".")
    if parts[1] in {"store", "retrieval", "answering", "briefing", "http", "services", "db",
                    "accounts", "audit", "uploads", "conversation", "llm"}:
        return parts[1]
    if parts[1] in {"cli", "commands", "running_service", "settings_doc"}:
        return "cli"
    raise AssertionError(f"{module} belongs to no group: place it in a stage package")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


MODULES = sorted(APP.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_follow_the_stages(path: Path) -> None:
    source = module_name(path)
    own = group_of(source)
    for target in imported_modules(path):
        top = target.split(".")[0]
        assert top not in {"ingest", "eval", "tests"}, f"{source} imports {target}"
        if top != "app":
            continue
        other = group_of(target)
        assert other in {own, "base"} | ALLOWED[own], (
            f"{source} ({own}) imports {target} ({other}); {own} may import only "
            f"{sorted(ALLOWED[own]) or 'the base'}"
        )


def base_paths() -> list[Path]:
    """The base's files: a module, or every module of a package (app.models)."""
    paths: list[Path] = []
    for name in sorted(BASE):
        package = APP / name.split(".")[1]
        paths += sorted(package.rglob("*.py")) if package.is_dir() else [package.with_suffix(".py")]
    return paths


def test_base_modules_import_no_stage() -> None:
    for path in base_paths():
        stages = {m for m in imported_modules(path)
                  if m.startswith("app.") and group_of(m) != "base"}
        assert not stages, f"{module_name(path)} imports {stages}"


def test_every_package_says_what_it_holds_and_may_import() -> None:
    for init in APP.rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert len(doc) > 80, f"{init} has no docstring describing the package"
        if init.parent.parent == APP:
            assert "May import" in doc, f"{init} does not say what it may import"
