"""Page sign-in: a random session token in an HttpOnly cookie (its SHA-256 in the table), a
CSRF token the page sends back on every write, and a limit on failed attempts."""

from __future__ import annotations

import secrets
import threading
import time
from collections import deque
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.accounts.keys import digest
from app.accounts.principal import Principal
from app.accounts.users import principal_of, verify_password
from app.db.tables import SignInSession, User, utcnow
from app.errors import NotSignedIn, TooManySignIns

SESSION_COOKIE = "policykb_session"
CSRF_HEADER = "X-CSRF-Token"


class SignInLimiter:
    """At most ``attempts`` failures per account and per client address in ``window_s``.

    Kept in the process's memory: several workers each count their own (a limit of N becomes
    N per worker), which still stops guessing at scale without a write per attempt."""

    def __init__(self, attempts: int, window_s: float) -> None:
        self.attempts, self.window_s = attempts, window_s
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        found = self._failures.setdefault(key, deque())
        while found and found[0] <= now - self.window_s:
            found.popleft()
        return found

    def check(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in keys:
                recent = self._recent(key, now)
                if len(recent) >= self.attempts:
                    wait = int(recent[0] + self.window_s - now) + 1
                    raise TooManySignIns(f"too many failed sign-ins; try again in {wait} s")

    def failed(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)


def sign_in(db: Session, name: str, password: str,
            hours: float) -> tuple[str, str] | None:
    """A new session (token, CSRF token) for a right name and password; None otherwise."""
    user = verify_password(db, name, password)
    if user is None:
        return None
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    now = utcnow()
    db.execute(delete(SignInSession).where(SignInSession.expires_at <= now))
    db.add(SignInSession(token_hash=digest(token), user_id=user.id, csrf_token=csrf,
                         created_at=now, expires_at=now + timedelta(hours=hours)))
    return token, csrf


def sign_out(db: Session, token: str) -> None:
    db.execute(delete(SignInSession).where(SignInSession.token_hash == digest(token)))


def principal_for_session(db: Session, token: str) -> Principal:
    row = db.execute(select(SignInSession, User).join(User, User.id == SignInSession.user_id)
                     .where(SignInSession.token_hash == digest(token))).first()
    if row is None:
        raise NotSignedIn("not signed in (the session ended); sign in again")
    session, user = row
    if session.expires_at <= utcnow() or not user.active:
        raise NotSignedIn("the session expired; sign in again")
    return principal_of(db, user, csrf_token=session.csrf_token)


def end_sessions_of(db: Session, user_id: int) -> None:
    db.execute(delete(SignInSession).where(SignInSession.user_id == user_id))
