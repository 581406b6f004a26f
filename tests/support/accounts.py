"""A store with two collections of look-alike documents, and an app over it with sign-in on
(SQLite or a real PostgreSQL), with an admin, editors and readers and their API keys."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, make_url, text

from app.access_settings import DatabaseSettings
from app.accounts.keys import create_key
from app.accounts.users import create_user, grant
from app.db import Database
from app.http.factory import create_app
from app.services import Services
from app.settings import Settings

HEALTH_DOC = "northfield-clinic-grants"
TRANSPORT_DOC = "northfield-depot-grants"
# Two look-alike notices of one city: the same measure, different bureaus and figures.
DOCUMENTS = {
    "health": (HEALTH_DOC, "Northfield Health Bureau notice on clinic digitization grants\n\n"
               "Article 1. Each community clinic in Northfield that completes its digitization "
               "receives a one-off grant of 300,000 yuan.\n\n"
               "Article 2. Clinics apply to the Northfield Health Bureau before 30 June 2025.\n"),
    "transport": (TRANSPORT_DOC, "Northfield Transport Bureau notice on depot digitization "
                  "grants\n\nArticle 1. Each bus depot in Northfield that completes its "
                  "digitization receives a one-off grant of 800,000 yuan.\n\n"
                  "Article 2. Depots apply to the Northfield Transport Bureau before "
                  "31 August 2025.\n"),
}
QUESTION = "How large is the one-off digitization grant in Northfield?"
PASSWORD = "correct horse battery"


def ingest_two_collections(root: Path) -> Settings:
    from ingest.pipeline import ingest

    settings = Settings(data_dir=root / "store", auth="on")
    for collection, (doc_id, body) in DOCUMENTS.items():
        folder = root / collection
        folder.mkdir()
        (folder / f"{doc_id}.txt").write_text(body, encoding="utf-8")
        report = ingest([folder], settings, collection=collection)
        assert not report.failed, report.failed
    return settings


@dataclass
class Deployment:
    client: TestClient
    database: Database
    keys: dict[str, str]  # account -> its API key
    settings: Settings

    def as_(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.keys[who]}"}


ACCOUNTS = {  # name: (role, user grants, key grants)
    "root": ("admin", {}, {"health": "write", "transport": "write"}),
    "health-editor": ("editor", {"health": "write"}, {"health": "write"}),
    "health-reader": ("reader", {"health": "read"}, {"health": "read"}),
    "transport-reader": ("reader", {"transport": "read"}, {"transport": "read"}),
    "nobody": ("reader", {}, {}),
}


@dataclass(frozen=True)
class Seed:
    """A database migrated and holding the test accounts, made once a session and copied for
    each test: argon2-hashing the five passwords anew took ~6 s of every test's setup."""

    url: str
    keys: dict[str, str]  # account -> its API key


def seed(url: str) -> Seed:
    """The test accounts and their keys in the database at ``url`` (migrated on open)."""
    database = Database.open(url)
    keys: dict[str, str] = {}
    with database.session() as db:
        for name, (role, grants, key_grants) in ACCOUNTS.items():
            user = create_user(db, name, role, PASSWORD)
            for collection, access in grants.items():
                grant(db, collection, access, user_id=user.id)
            keys[name] = create_key(db, name, "tests", key_grants, 30)[1]
    database.close()  # no connection left: PostgreSQL copies only an unused template
    return Seed(url, keys)


def postgres_seed(server_url: str) -> Seed:
    """The seeded template database on the session's PostgreSQL server."""
    _admin(server_url, f"CREATE DATABASE {SEED_DB}")
    return seed(make_url(server_url).set(database=SEED_DB).render_as_string(False))


def fresh_copy(seeded: Seed, folder: Path) -> str:
    """A database of the test's own, as ``seeded`` was made (SQLite: a copy of the file in
    ``folder``; PostgreSQL: a database created from the template, the last test's dropped)."""
    url = make_url(seeded.url)
    if url.get_backend_name() == "sqlite":
        source = Path(str(url.database))
        for path in source.parent.glob(f"{source.name}*"):  # any -wal or -shm beside it
            if not path.name.endswith(".lock"):
                shutil.copy(path, folder / path.name)
        return url.set(database=str(folder / source.name)).render_as_string(False)
    _admin(seeded.url, f"DROP DATABASE IF EXISTS {TEST_DB} WITH (FORCE)")
    _admin(seeded.url, f"CREATE DATABASE {TEST_DB} TEMPLATE {SEED_DB}")
    return url.set(database=TEST_DB).render_as_string(False)


SEED_DB, TEST_DB = "accounts_seed", "accounts_test"


def _admin(url: str, statement: str) -> None:
    """``statement`` outside a transaction (CREATE and DROP DATABASE), from the server's
    own database."""
    engine = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(statement))
    engine.dispose()


@contextmanager
def deployment(store: Settings, services: Services, url: str,
               keys: dict[str, str]) -> Iterator[Deployment]:
    settings = store.model_copy(update={"database": DatabaseSettings(url=url)})
    database = Database.open(url)
    with TestClient(create_app(settings, services)) as client:
        yield Deployment(client, database, dict(keys), settings)
    database.close()
