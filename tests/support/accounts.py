"""A store with two collections of look-alike documents, and an app over it with sign-in on
(SQLite or a real PostgreSQL), with an admin, editors and readers and their API keys."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

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


@contextmanager
def deployment(store: Settings, services: Services, url: str) -> Iterator[Deployment]:
    settings = store.model_copy(update={"database": DatabaseSettings(url=url)})
    database = Database.open(url)
    keys: dict[str, str] = {}
    with database.session() as db:
        for name, (role, grants, key_grants) in ACCOUNTS.items():
            user = create_user(db, name, role, PASSWORD)
            for collection, access in grants.items():
                grant(db, collection, access, user_id=user.id)
            keys[name] = create_key(db, name, "tests", key_grants, 30)[1]
    with TestClient(create_app(settings, services)) as client:
        yield Deployment(client, database, keys, settings)
    database.close()


def empty_postgres(url: str) -> str:
    """``url`` with every table dropped: each test starts from an empty database."""
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    return url
