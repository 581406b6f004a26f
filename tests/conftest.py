"""Shared fixtures: the real corpus ingested once into a temp store, the real app over it."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
for _name in [n for n in os.environ if n.startswith("POLICYKB_")]:
    del os.environ[_name]  # a developer's own settings must not leak into the suite
# The suite's apps run in the open single-user mode (every endpoint without credentials, as
# before sign-in existed); tests of accounts, grants and the audit log turn sign-in on.
os.environ["POLICYKB_AUTH"] = "off"

from fastapi.testclient import TestClient  # noqa: E402

from app.answering.generation.prompt import Excerpt  # noqa: E402
from app.background import stop_warms  # noqa: E402
from app.http.factory import create_app  # noqa: E402
from app.retrieval.hybrid import Hit  # noqa: E402
from app.retrieval.places import PlaceIndex  # noqa: E402
from app.services import Services  # noqa: E402
from app.settings import Settings  # noqa: E402
from app.store.records import StoredDocument  # noqa: E402
from tests.support.accounts import Deployment, Seed  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
ZHANJIANG = "zhanjiang-2025-digital-intelligent-projects"
SHENZHEN = "shenzhen-2023-ai-action-plan"
HAIZHU = "haizhu-2025-ai-development-bureau"
GUANGZHOU = "guangzhou-2025-digital-transformation-pilot"
ZHANGZHOU = "zhangzhou-2023-new-infrastructure-plan"
ALL_DOCS = {ZHANJIANG, SHENZHEN, HAIZHU, GUANGZHOU, ZHANGZHOU}


def manifest_places() -> PlaceIndex:
    """The place index of the corpus's manifest, without a store (the conversation tests)."""
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    return PlaceIndex([StoredDocument(d["doc_id"], d) for d in manifest["documents"]])


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    return Settings(data_dir=data_dir, **overrides)  # type: ignore[arg-type]


def whole(hits: list[Hit]) -> list[Excerpt]:
    """Retrieved passages as a model reads them whole (app.answering.generation.prompt)."""
    return [Excerpt(h, h.chunk.text.strip()) for h in hits]


@pytest.fixture(scope="session")
def corpus_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A store holding the five corpus documents (ingested once for the whole session)."""
    from ingest.pipeline import ingest

    settings = make_settings(tmp_path_factory.mktemp("corpus-store"))
    report = ingest([CORPUS], settings)
    assert not report.failed, report.failed
    return settings


@pytest.fixture(scope="session")
def services(corpus_settings: Settings) -> Services:
    return Services.build(corpus_settings)


@pytest.fixture(scope="session")
def client(corpus_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(corpus_settings)) as test_client:
        yield test_client


# Sign-in on (issue 24): two collections of look-alike documents, and an app over them with
# accounts and keys, on SQLite and on a real PostgreSQL (tests/support/accounts.py).
@pytest.fixture(scope="session")
def two_collections(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    from tests.support.accounts import ingest_two_collections

    return ingest_two_collections(tmp_path_factory.mktemp("collections"))


@pytest.fixture(scope="session")
def collection_services(two_collections: Settings) -> Services:
    return Services.build(two_collections)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    from tests.support.postgres import postgres_server

    with postgres_server() as url:
        yield url


@pytest.fixture(scope="session")
def sqlite_seed(tmp_path_factory: pytest.TempPathFactory) -> Seed:
    from tests.support.accounts import seed

    return seed(f"sqlite:///{tmp_path_factory.mktemp('accounts') / 'policykb.db'}")


@pytest.fixture(scope="session")
def postgresql_seed(postgres_url: str) -> Seed:
    from tests.support.accounts import postgres_seed

    return postgres_seed(postgres_url)


@pytest.fixture(params=["sqlite", "postgresql"])
def kb(request: pytest.FixtureRequest, two_collections: Settings,
       collection_services: Services, tmp_path: Path) -> Iterator[Deployment]:
    """A fresh accounts database (SQLite, or PostgreSQL) with the test accounts: a copy of
    the one seeded once a session for that backend."""
    from tests.support.accounts import deployment, fresh_copy

    seeded: Seed = request.getfixturevalue(f"{request.param}_seed")
    url = fresh_copy(seeded, tmp_path)
    with deployment(two_collections, collection_services, url, seeded.keys) as found:
        yield found


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Warms still running are finished before the interpreter's exit handlers run: spaCy
    called from a warm after them crashed the run at exit (see app.background)."""
    stop_warms()
