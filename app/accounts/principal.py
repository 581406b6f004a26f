"""The caller of one request: who, with which role, reading and writing which collections."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from app.errors import Forbidden, InvalidName

Role = Literal["admin", "editor", "reader"]
ROLES: tuple[Role, ...] = ("admin", "editor", "reader")
# Which collections a caller may read or write; None: every collection.
Scope = frozenset[str] | None

COLLECTION_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")


def check_collection_name(name: str) -> str:
    if not COLLECTION_PATTERN.fullmatch(name):
        raise InvalidName(f"collection name {name!r} must be 1-40 lowercase letters, digits, "
                          "'-' or '_', starting with a letter or digit")
    return name


@dataclass(frozen=True)
class Principal:
    name: str
    role: Role
    user_id: int | None = None
    key_id: int | None = None
    read: Scope = None
    write: Scope = None
    # Signed in with the page's cookie: writes need the session's CSRF token.
    csrf_token: str | None = None

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def can_read(self, collection: str) -> bool:
        return self.read is None or collection in self.read

    def can_write(self, collection: str) -> bool:
        return self.role != "reader" and (self.write is None or collection in self.write)

    def require_admin(self) -> None:
        if not self.is_admin:
            raise Forbidden(f"{self.name} is {self.role}; only an admin may do this")

    def require_write(self, collection: str) -> None:
        if not self.can_write(collection):
            raise Forbidden(f"{self.name} ({self.role}) may not change collection "
                            f"{collection!r}; an admin can grant write access to an editor")


# Auth off: the single user of a laptop install reads and writes everything.
OPEN = Principal(name="local", role="admin")
