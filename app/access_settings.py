"""The settings of who may use the service and what it keeps: the database holding accounts,
keys, the audit log, uploads and conversations; sign-ins and key lifetimes; how long the audit
log is kept; the size of uploads. Sections of ``app.settings.Settings``, read as every setting
is (``POLICYKB_DATABASE_URL``, ``POLICYKB_ACCOUNTS_KEY_DAYS`` …).
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class DatabaseSettings(BaseModel):
    url: str | None = Field(
        None,
        description="SQLAlchemy URL of the database holding accounts, API keys, collections, "
        "the audit log, feedback, uploads and conversations. Empty: SQLite in WAL mode at "
        "DATA_DIR/policykb.db (one process). Several workers share PostgreSQL, e.g. "
        "'postgresql+psycopg://policykb:secret@127.0.0.1/policykb'. Migrations run at start-up.",
    )


class AccountSettings(BaseModel):
    session_hours: float = Field(
        12.0, gt=0, le=24 * 90, description="How long a page sign-in lasts (hours)."
    )
    key_days: int = Field(
        90, ge=0, le=3650,
        description="Default lifetime of a new API key in days (0: keys never expire unless "
        "an expiry is given).",
    )
    sign_in_attempts: int = Field(
        5, ge=1, le=1000,
        description="Failed sign-ins allowed per account and per client address within "
        "ACCOUNTS_SIGN_IN_WINDOW_S; more are refused (429) until the window passes.",
    )
    sign_in_window_s: float = Field(
        900.0, gt=0, description="The window (seconds) failed sign-ins are counted in."
    )
    cookie_secure: bool = Field(
        False, description="Mark the session cookie Secure (set it when served over HTTPS)."
    )


class AuditSettings(BaseModel):
    retention_days: int = Field(
        365, ge=0, le=36500,
        description="Audit entries (and their feedback) older than this many days are pruned "
        "at start-up and hourly; 0 keeps them forever.",
    )


class UploadSettings(BaseModel):
    max_mb: float = Field(
        20.0, gt=0, le=1024, description="Largest file accepted by an upload, in MB."
    )
    max_files: int = Field(
        20, ge=1, le=1000, description="Most files one upload request may carry."
    )
    max_unpacked_mb: float = Field(
        200.0, gt=0,
        description="Largest total a .docx (a zip archive) may unpack to, in MB; a bigger or "
        "more compressed one (a zip bomb) is refused before it is read.",
    )
