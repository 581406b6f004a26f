"""API keys: ``pkb_<prefix>_<secret>``, shown once; the table keeps the prefix (to find the key)
and a SHA-256 of the whole key. A plain hash, not argon2: the secret is 256 random bits, so
nothing can be guessed, and checking it on every request must cost microseconds, not 50 ms."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts.principal import Principal
from app.accounts.users import find_user, grant, grants_of, principal_of
from app.db.tables import ApiKey, User, utcnow
from app.errors import InvalidName, NotFound, NotSignedIn

KEY_PREFIX = "pkb_"


@dataclass(frozen=True)
class KeyView:
    id: int
    user: str
    name: str
    prefix: str
    created_at: datetime
    expires_at: datetime | None
    revoked: bool
    grants: dict[str, str]


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_key(db: Session, user_name: str, name: str, grants: dict[str, str],
               days: int | None) -> tuple[ApiKey, str]:
    """A new key for ``user_name`` with access to ``grants`` (collection -> read | write);
    returns the row and the key itself, which is never stored or shown again."""
    user = find_user(db, user_name)
    if days is not None and days < 0:
        raise InvalidName(f"a key's lifetime must be 0 or more days, got {days}")
    prefix = secrets.token_hex(6)
    token = f"{KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    key = ApiKey(user_id=user.id, name=name[:100], prefix=prefix, secret_hash=digest(token),
                 expires_at=utcnow() + timedelta(days=days) if days else None)
    db.add(key)
    db.flush()
    for collection, access in grants.items():
        grant(db, collection, access, key_id=key.id)  # type: ignore[arg-type]
    return key, token


def find_key(db: Session, prefix: str) -> ApiKey:
    key = db.scalar(select(ApiKey).where(ApiKey.prefix == prefix.removeprefix(KEY_PREFIX)))
    if key is None:
        raise NotFound(f"no API key {prefix!r}")
    return key


def revoke_key(db: Session, prefix: str) -> None:
    key = find_key(db, prefix)
    if key.revoked_at is None:
        key.revoked_at = utcnow()


def list_keys(db: Session, user_id: int | None = None) -> list[KeyView]:
    query = select(ApiKey, User.name).join(User, User.id == ApiKey.user_id).order_by(ApiKey.id)
    if user_id is not None:
        query = query.where(ApiKey.user_id == user_id)
    return [KeyView(k.id, owner, k.name, k.prefix, k.created_at, k.expires_at,
                    k.revoked_at is not None, grants_of(db, key_id=k.id))
            for k, owner in db.execute(query)]


def principal_for_key(db: Session, token: str) -> Principal:
    """The caller a key stands for; 401 for an unknown, revoked or expired key, at once."""
    parts = token.removeprefix(KEY_PREFIX).split("_", 1)
    key = db.scalar(select(ApiKey).where(ApiKey.prefix == parts[0])) if len(parts) == 2 \
        else None
    if key is None or not hmac.compare_digest(key.secret_hash, digest(token)):
        raise NotSignedIn("the API key is not valid")
    if key.revoked_at is not None:
        raise NotSignedIn(f"the API key {key.prefix} was revoked")
    if key.expires_at is not None and key.expires_at <= utcnow():
        raise NotSignedIn(f"the API key {key.prefix} expired on {key.expires_at:%Y-%m-%d}")
    user = db.get(User, key.user_id)
    if user is None or not user.active:
        raise NotSignedIn("the API key's account is disabled")
    return principal_of(db, user, key)
