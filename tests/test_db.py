"""The SQL storage foundation: migrations build exactly the tables of ``Base``, at start-up."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from app.db import Base, Database
from app.settings import Settings


def test_migrations_build_every_table_of_the_models(tmp_path: Path) -> None:
    database = Database.open(f"sqlite:///{tmp_path / 'kb.db'}")
    with database.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == [], diff
    assert {"users", "api_keys", "collections", "grants", "sessions", "audit_entries",
            "feedback", "uploads"} <= set(inspect(database.engine).get_table_names())


def test_opening_again_is_a_no_op_and_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    Database.open(settings.database_url).close()
    database = Database.open(settings.database_url)
    with database.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert version == "0002_conversations"  # the newest migration
    assert (tmp_path / "policykb.db").is_file()
