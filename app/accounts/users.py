"""Users, collections and grants: the admin's operations (CLI and HTTP call the same ones)."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Literal

from pwdlib import PasswordHash
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.accounts.principal import (
    ROLES,
    Principal,
    Role,
    Scope,
    check_collection_name,
)
from app.db.tables import Collection, Grant, User
from app.errors import AlreadyExists, InvalidName, NotFound
from app.store.records import DEFAULT_COLLECTION

Access = Literal["read", "write"]
USER_PATTERN = re.compile(r"[\w.@-]{1,100}")
MIN_PASSWORD = 10
HASHER = PasswordHash.recommended()  # argon2id with pwdlib's current parameters
# Checked when the account does not exist, so that a wrong name costs as long as a wrong
# password (the time of a sign-in does not tell which names exist).
_UNKNOWN_USER_HASH = HASHER.hash(secrets.token_urlsafe(16))


@dataclass(frozen=True)
class UserView:
    id: int
    name: str
    role: str
    active: bool
    grants: dict[str, str]  # collection -> read | write


def check_user_name(name: str) -> str:
    if not USER_PATTERN.fullmatch(name):
        raise InvalidName(f"user name {name!r} must be 1-100 letters, digits, '.', '@', '-' or '_'")
    return name


def check_role(role: str) -> Role:
    if role not in ROLES:
        raise InvalidName(f"role {role!r} is not one of {', '.join(ROLES)}")
    return role


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InvalidName(f"a password needs at least {MIN_PASSWORD} characters")
    return password


def new_password() -> str:
    return secrets.token_urlsafe(15)  # 20 characters, ~120 bits


def find_user(db: Session, name: str) -> User:
    user = db.scalar(select(User).where(User.name == name))
    if user is None:
        raise NotFound(f"no user {name!r}")
    return user


def create_user(db: Session, name: str, role: str, password: str) -> User:
    check_user_name(name)
    if db.scalar(select(User).where(User.name == name)) is not None:
        raise AlreadyExists(f"a user {name!r} exists already")
    user = User(name=name, role=check_role(role), active=True,
                password_hash=HASHER.hash(check_password(password)))
    db.add(user)
    db.flush()
    return user


def set_password(db: Session, name: str, password: str) -> None:
    find_user(db, name).password_hash = HASHER.hash(check_password(password))


def set_role(db: Session, name: str, role: str) -> None:
    find_user(db, name).role = check_role(role)


def set_active(db: Session, name: str, active: bool) -> None:
    find_user(db, name).active = active


def delete_user(db: Session, name: str) -> None:
    db.delete(find_user(db, name))


def verify_password(db: Session, name: str, password: str) -> User | None:
    """The active user with this name and password, or None (same cost either way)."""
    user = db.scalar(select(User).where(User.name == name))
    valid = HASHER.verify(password, user.password_hash if user else _UNKNOWN_USER_HASH)
    return user if valid and user is not None and user.active else None


def ensure_collection(db: Session, name: str) -> Collection:
    collection = db.get(Collection, check_collection_name(name))
    if collection is None:
        collection = Collection(name=name, description="")
        db.add(collection)
        db.flush()
    return collection


def collection_names(db: Session) -> list[str]:
    return list(db.scalars(select(Collection.name).order_by(Collection.name)))


def grant(db: Session, collection: str, access: Access, *, user_id: int | None = None,
          key_id: int | None = None) -> None:
    """Give a user or a key read or write access to a collection (replacing what it had)."""
    if access not in ("read", "write"):
        raise InvalidName(f"access {access!r} is not 'read' or 'write'")
    ensure_collection(db, collection)
    revoke_grant(db, collection, user_id=user_id, key_id=key_id)
    db.add(Grant(user_id=user_id, key_id=key_id, collection=collection, access=access))
    db.flush()


def revoke_grant(db: Session, collection: str, *, user_id: int | None = None,
                 key_id: int | None = None) -> None:
    db.execute(delete(Grant).where(Grant.collection == collection, Grant.user_id == user_id,
                                   Grant.key_id == key_id))


def grants_of(db: Session, *, user_id: int | None = None,
              key_id: int | None = None) -> dict[str, str]:
    rows = db.execute(select(Grant.collection, Grant.access).where(
        Grant.user_id == user_id, Grant.key_id == key_id))
    return {collection: access for collection, access in rows}


def list_users(db: Session) -> list[UserView]:
    return [UserView(u.id, u.name, u.role, u.active, grants_of(db, user_id=u.id))
            for u in db.scalars(select(User).order_by(User.name))]


def _scopes(grants: dict[str, str]) -> tuple[frozenset[str], frozenset[str]]:
    return (frozenset(grants),
            frozenset(c for c, access in grants.items() if access == "write"))


def scoped_principal(name: str, role: Role, user_id: int, user_grants: dict[str, str],
                     key_id: int | None = None, key_grants: dict[str, str] | None = None,
                     csrf_token: str | None = None) -> Principal:
    """What a user (through a key, when given) may read and write.

    An admin reads and writes every collection; others their grants. A key narrows its user's
    access to the key's own grants (a key granted nothing reads nothing)."""
    read: Scope
    write: Scope
    if role == "admin":
        read, write = None, None
    else:
        read, write = _scopes(user_grants)
    if key_id is not None:
        key_read, key_write = _scopes(key_grants or {})
        read = key_read if read is None else read & key_read
        write = key_write if write is None else write & key_write
    return Principal(name=name, role=role, user_id=user_id, key_id=key_id, read=read,
                     write=write, csrf_token=csrf_token)


def principal_of(db: Session, user: User, csrf_token: str | None = None) -> Principal:
    """What a signed-in ``user`` may read and write."""
    return scoped_principal(user.name, check_role(user.role), user.id,
                            grants_of(db, user_id=user.id), csrf_token=csrf_token)


def bootstrap_admin(db: Session) -> str | None:
    """On the first start (no user at all): create ``admin`` with a one-time password and
    return it, to be printed once; None when any user exists."""
    ensure_collection(db, DEFAULT_COLLECTION)
    if db.scalar(select(User.id).limit(1)) is not None:
        return None
    password = new_password()
    create_user(db, "admin", "admin", password)
    return password
