"""SQL storage: accounts, API keys, collections and grants, the audit log, feedback, uploads.

One declarative ``Base`` (``app.db.tables``); one ``Database`` per process (``app.db.engine``)
over ``Settings.database_url`` (SQLite in WAL mode under the data dir by default, PostgreSQL
when several workers share it). Alembic migrations (``app/db/migrations``) run when the database
is opened, never by hand. Other packages add their tables on the same ``Base`` with a migration
of their own whose ``down_revision`` is the current head.

May import: the base only (settings, errors).
"""

from app.db.engine import Database
from app.db.tables import Base, utcnow

__all__ = ["Base", "Database", "utcnow"]
