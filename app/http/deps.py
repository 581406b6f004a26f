"""FastAPI dependencies: components built once in the lifespan, reached through these aliases."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request, Response
from sqlalchemy.orm import Session

from app.accounts import Principal
from app.db import Database
from app.http.auth import current_principal
from app.services import Services
from app.settings import Settings


# async, though they only read app state: FastAPI runs a plain `def` dependency on its thread
# pool, one more thread hop per request (a sync route's own body runs there anyway).
async def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


OWNER_COOKIE = "policykb_owner"
OWNER_COOKIE_MAX_AGE_S = 365 * 24 * 3600


def get_owner(request: Request, response: Response,
              who: Annotated[Principal, Depends(current_principal)]) -> str:
    """Whose conversations a request reads and writes: the signed-in user's (or an API key's
    own, for a key of no user); with sign-in off, this browser's own random key, kept in an
    HttpOnly cookie (set on the first JSON response that needs it). A client that keeps no
    cookies keeps its conversation itself (``history``)."""
    if who.user_id is not None:
        return f"user:{who.user_id}"
    if who.key_id is not None:
        return f"key:{who.key_id}"
    key = request.cookies.get(OWNER_COOKIE)
    if not key:
        key = secrets.token_urlsafe(24)
        response.set_cookie(OWNER_COOKIE, key, max_age=OWNER_COOKIE_MAX_AGE_S, httponly=True,
                            samesite="lax")
    return f"browser:{key}"


ServicesDep = Annotated[Services, Depends(get_services)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
OwnerDep = Annotated[str, Depends(get_owner)]


def db_session(request: Request) -> Iterator[Session]:
    """A database session for one request: committed when the route returns, rolled back
    when it raises."""
    database: Database = request.app.state.database
    with database.session() as session:
        yield session


# scope="function": committed before the response is sent. With the default ("request") the
# commit ran after it, and a page that signed in and at once asked for its collections was
# told "not signed in (the session ended)" when the sign-in's row was not yet committed.
DbDep = Annotated[Session, Depends(db_session, scope="function")]
