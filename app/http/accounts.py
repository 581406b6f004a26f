"""Sign-in, the caller's own account, and the admin's users, grants, collections and keys."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from app.accounts import users
from app.accounts.keys import create_key, find_key, list_keys, revoke_key
from app.accounts.sessions import (
    SESSION_COOKIE,
    SignInLimiter,
    end_sessions_of,
    sign_in,
    sign_out,
)
from app.errors import Forbidden, NotSignedIn
from app.http.auth import PrincipalDep
from app.http.deps import DbDep, ServicesDep, SettingsDep
from app.http.routes import ERRORS

router = APIRouter(responses=ERRORS, tags=["accounts"])
Access = Literal["read", "write"]


class SignIn(BaseModel):
    name: str = Field(..., max_length=100)
    password: str = Field(..., max_length=1000)


class Me(BaseModel):
    auth: Literal["on", "off"]
    name: str
    role: str
    read: list[str] | None = Field(None, description="Collections read; null: every one.")
    write: list[str] | None = Field(None, description="Collections written; null: every one.")
    csrf_token: str | None = Field(None, description="Send as X-CSRF-Token on cookie writes.")


class NewUser(BaseModel):
    name: str = Field(..., max_length=100)
    role: Literal["admin", "editor", "reader"]
    password: str | None = Field(None, description="Empty: one is made and returned once.")
    grants: dict[str, Access] = Field(default_factory=dict)


class UserChange(BaseModel):
    role: Literal["admin", "editor", "reader"] | None = None
    active: bool | None = None
    password: str | None = None


class PasswordChange(BaseModel):
    current: str
    new: str


class GrantBody(BaseModel):
    access: Access


class NewCollection(BaseModel):
    name: str
    description: str = Field("", max_length=500)


class NewKey(BaseModel):
    name: str = Field("", max_length=100)
    user: str | None = Field(None, description="Admins only: whose key (default: the caller).")
    grants: dict[str, Access] = Field(..., description="collection -> read | write")
    days: int | None = Field(None, ge=0, le=3650,
                             description="Lifetime; default accounts.key_days; 0: no expiry.")


class KeyInfo(BaseModel):
    prefix: str
    user: str
    name: str
    created_at: datetime
    expires_at: datetime | None
    revoked: bool
    grants: dict[str, str]
    key: str | None = Field(None, description="The key itself: returned once, at creation.")


def _me(who: PrincipalDep, settings: SettingsDep) -> Me:
    return Me(auth=settings.auth, name=who.name, role=who.role,
              read=sorted(who.read) if who.read is not None else None,
              write=sorted(who.write) if who.write is not None else None,
              csrf_token=who.csrf_token)


@router.post("/api/auth/sign-in", response_model=Me)
def sign_in_route(body: SignIn, request: Request, response: Response, db: DbDep,
                  settings: SettingsDep) -> Me:
    """Sign in with name and password: sets the HttpOnly session cookie and returns the CSRF
    token the page sends with every write."""
    limiter: SignInLimiter = request.app.state.sign_in_limiter
    client = request.client.host if request.client else "?"
    limiter.check(f"user:{body.name}", f"client:{client}")
    signed = sign_in(db, body.name, body.password, settings.accounts.session_hours)
    if signed is None:
        limiter.failed(f"user:{body.name}", f"client:{client}")
        raise NotSignedIn("wrong name or password")
    token, csrf = signed
    response.set_cookie(SESSION_COOKIE, token, max_age=int(settings.accounts.session_hours * 3600),
                        httponly=True, samesite="strict", secure=settings.accounts.cookie_secure,
                        path="/")
    user = users.find_user(db, body.name)
    who = users.principal_of(db, user, csrf_token=csrf)
    return _me(who, settings)


@router.post("/api/auth/sign-out", status_code=204)
def sign_out_route(request: Request, response: Response, db: DbDep, who: PrincipalDep) -> None:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        sign_out(db, token)
    response.delete_cookie(SESSION_COOKIE, path="/")


@router.get("/api/auth/me", response_model=Me)
def me(who: PrincipalDep, settings: SettingsDep) -> Me:
    """Who the caller is; with sign-in off, the open single user (auth: "off")."""
    return _me(who, settings)


@router.post("/api/auth/password", status_code=204)
def change_password(body: PasswordChange, db: DbDep, who: PrincipalDep) -> None:
    """Change one's own password (ends one's other sign-ins)."""
    if who.user_id is None or users.verify_password(db, who.name, body.current) is None:
        raise Forbidden("the current password is wrong")
    users.set_password(db, who.name, body.new)
    end_sessions_of(db, who.user_id)


@router.get("/api/users", response_model=list[users.UserView])
def list_users(db: DbDep, who: PrincipalDep) -> list[users.UserView]:
    who.require_admin()
    return users.list_users(db)


@router.post("/api/users", status_code=201)
def create_user(body: NewUser, db: DbDep, who: PrincipalDep) -> dict[str, str]:
    """Create an account; a password made here is returned this once."""
    who.require_admin()
    password = body.password or users.new_password()
    user = users.create_user(db, body.name, body.role, password)
    for collection, access in body.grants.items():
        users.grant(db, collection, access, user_id=user.id)
    return {"name": user.name, "role": user.role,
            **({"password": password} if body.password is None else {})}


@router.patch("/api/users/{name}", status_code=204)
def change_user(name: str, body: UserChange, db: DbDep, who: PrincipalDep) -> None:
    who.require_admin()
    if body.role is not None:
        users.set_role(db, name, body.role)
    if body.active is not None:
        users.set_active(db, name, body.active)
    if body.password is not None:
        users.set_password(db, name, body.password)
    if body.active is False or body.password is not None:
        end_sessions_of(db, users.find_user(db, name).id)


@router.delete("/api/users/{name}", status_code=204)
def delete_user(name: str, db: DbDep, who: PrincipalDep) -> None:
    who.require_admin()
    if name == who.name:
        raise Forbidden("an admin cannot delete their own account")
    users.delete_user(db, name)


@router.put("/api/users/{name}/grants/{collection}", status_code=204)
def grant_user(name: str, collection: str, body: GrantBody, db: DbDep,
               who: PrincipalDep) -> None:
    who.require_admin()
    users.grant(db, collection, body.access, user_id=users.find_user(db, name).id)


@router.delete("/api/users/{name}/grants/{collection}", status_code=204)
def revoke_user_grant(name: str, collection: str, db: DbDep, who: PrincipalDep) -> None:
    who.require_admin()
    users.revoke_grant(db, collection, user_id=users.find_user(db, name).id)


@router.get("/api/collections")
def collections(db: DbDep, who: PrincipalDep, services: ServicesDep) -> list[dict[str, object]]:
    """The collections the caller may read, with their document counts."""
    names = set(users.collection_names(db)) | {d.collection for d in services.documents()}
    counts: dict[str, int] = {}
    for doc in services.documents(who.read):
        counts[doc.collection] = counts.get(doc.collection, 0) + 1
    return [{"name": n, "documents": counts.get(n, 0), "write": who.can_write(n)}
            for n in sorted(names) if who.can_read(n)]


@router.post("/api/collections", status_code=201)
def create_collection(body: NewCollection, db: DbDep, who: PrincipalDep) -> dict[str, str]:
    who.require_admin()
    collection = users.ensure_collection(db, body.name)
    collection.description = body.description
    return {"name": collection.name}


def _key_info(view: object, key: str | None = None) -> KeyInfo:
    return KeyInfo(**{**vars(view), "key": key})


@router.get("/api/keys", response_model=list[KeyInfo])
def keys(db: DbDep, who: PrincipalDep) -> list[KeyInfo]:
    """API keys: an admin sees every one, others their own."""
    return [_key_info(v) for v in list_keys(db, None if who.is_admin else who.user_id)]


@router.post("/api/keys", response_model=KeyInfo, status_code=201)
def new_key(body: NewKey, db: DbDep, who: PrincipalDep, settings: SettingsDep) -> KeyInfo:
    """A new API key, returned this once. It reads (writes) no more than its user may."""
    owner = body.user or who.name
    if owner != who.name:
        who.require_admin()
    if who.user_id is None and body.user is None:
        raise Forbidden("with sign-in off there are no accounts to make keys for")
    days = settings.accounts.key_days if body.days is None else body.days
    key, token = create_key(db, owner, body.name, dict(body.grants), days)
    view = next(v for v in list_keys(db, key.user_id) if v.id == key.id)
    return _key_info(view, token)


@router.delete("/api/keys/{prefix}", status_code=204)
def revoke(prefix: str, db: DbDep, who: PrincipalDep) -> None:
    """Revoke a key: refused at once from then on."""
    key = find_key(db, prefix)
    if key.user_id != who.user_id:
        who.require_admin()
    revoke_key(db, prefix)
