"""What the service does with its database when it starts: migrate, make the first admin,
and prune the audit log by age (then hourly)."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable

from sqlalchemy.exc import IntegrityError

from app.accounts.users import bootstrap_admin
from app.audit.log import prune
from app.db import Database
from app.settings import Settings

log = logging.getLogger(__name__)
PRUNE_EVERY_S = 3600.0


def open_database(settings: Settings) -> Database:
    """The migrated database; on the first start with sign-in on, an ``admin`` account whose
    password is printed this once (it is stored only as an argon2 hash)."""
    database = Database.open(settings.database_url)
    if settings.auth == "on":
        try:
            with database.session() as db:
                password = bootstrap_admin(db)
        except IntegrityError:  # another worker made the first admin at the same moment
            password = None
        if password is not None:
            print(f"policykb: first start: created the account 'admin' with the password "
                  f"{password}\npolicykb: sign in on the page and change it (Account); it is "
                  "not shown again", file=sys.stderr, flush=True)
    return database


def prune_once(database: Database, settings: Settings) -> int:
    with database.session() as db:
        removed = prune(db, settings.audit.retention_days)
    if removed:
        log.info("pruned %d audit entries older than %d days", removed,
                 settings.audit.retention_days)
    return removed


def start_pruning(database: Database, settings: Settings) -> Callable[[], None]:
    """Prune now and every hour on a daemon thread; returns the function that stops it."""
    stop = threading.Event()

    def run() -> None:
        while True:
            try:
                prune_once(database, settings)
            except Exception:  # a failed prune is retried at the next hour
                log.warning("pruning the audit log failed", exc_info=True)
            if stop.wait(PRUNE_EVERY_S):
                return

    if settings.audit.retention_days > 0:
        threading.Thread(target=run, daemon=True, name="policykb-audit-prune").start()
    return stop.set
