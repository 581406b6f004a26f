"""Who is calling: an API key (``Authorization: Bearer pkb_…`` or ``X-API-Key``) or the page's
session cookie, whose writes must carry the session's CSRF token (``X-CSRF-Token``).

With ``POLICYKB_AUTH=off`` everyone is the open single user. ``/`` and its files, ``/healthz``
and the sign-in route are open; every route that reaches text asks for ``PrincipalDep``.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request

from app.accounts import OPEN, Principal
from app.accounts.keys import principal_for_key
from app.accounts.sessions import CSRF_HEADER, SESSION_COOKIE, principal_for_session
from app.db import Database
from app.errors import CsrfFailed, NotSignedIn

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def _key_of(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise NotSignedIn("the Authorization header must read 'Bearer <API key>'")
        return token.strip()
    return request.headers.get("x-api-key")


def current_principal(request: Request) -> Principal:
    if request.app.state.settings.auth == "off":
        return OPEN
    database: Database = request.app.state.database
    key = _key_of(request)
    cookie = request.cookies.get(SESSION_COOKIE)
    if key:
        with database.engine.connect() as connection:
            return principal_for_key(connection, key)
    with database.sessions() as db:
        if cookie:
            who = principal_for_session(db, cookie)
            sent = request.headers.get(CSRF_HEADER, "")
            if request.method not in SAFE_METHODS and not (
                    who.csrf_token and hmac.compare_digest(sent, who.csrf_token)):
                raise CsrfFailed(f"a write signed in by cookie needs the {CSRF_HEADER} header "
                                 "the sign-in returned; reload the page")
            return who
    raise NotSignedIn("sign in on the page, or send an API key "
                      "('Authorization: Bearer pkb_…'); `policykb keys create` makes one")


PrincipalDep = Annotated[Principal, Depends(current_principal)]
