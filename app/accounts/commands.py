"""`policykb users …` and `policykb keys …`: the admin's account work from a shell on the server.

They open the same database the service uses (POLICYKB_DATABASE_URL), migrating it first.
A password or key made here is printed once and never stored in the clear.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.accounts import users
from app.accounts.keys import create_key, list_keys, revoke_key
from app.accounts.principal import check_collection_name
from app.db import Database
from app.errors import InvalidName
from app.settings import Settings

Subparsers = Any  # argparse's _SubParsersAction is private


def _grants(values: list[str] | None) -> dict[str, str]:
    """``["health:read", "roads:write"]`` -> ``{"health": "read", "roads": "write"}``."""
    found: dict[str, str] = {}
    for value in values or []:
        collection, _, access = value.partition(":")
        access = access or "read"
        if access not in ("read", "write"):
            raise InvalidName(f"--grant {value!r}: give COLLECTION:read or COLLECTION:write")
        found[check_collection_name(collection)] = access
    return found


def register(sub: Subparsers) -> None:
    user_cmd = sub.add_parser("users", help="list, add and change accounts and their grants")
    actions = user_cmd.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("list", help="every account, its role and grants")
    add = actions.add_parser("add", help="add an account; prints its password once")
    add.add_argument("name")
    add.add_argument("--role", choices=users.ROLES, default="reader")
    add.add_argument("--grant", action="append", metavar="COLLECTION:ACCESS",
                     help="e.g. health:read or health:write (repeatable)")
    for action, text in (("password", "set a new password, printed once"),
                         ("disable", "refuse the account's sign-ins and keys"),
                         ("enable", "allow the account again"), ("delete", "remove it")):
        actions.add_parser(action, help=text).add_argument("name")
    role = actions.add_parser("role", help="change an account's role")
    role.add_argument("name")
    role.add_argument("role", choices=users.ROLES)
    grant = actions.add_parser("grant", help="grant a collection (read or write)")
    grant.add_argument("name")
    grant.add_argument("collection")
    grant.add_argument("access", choices=["read", "write"])
    revoke = actions.add_parser("revoke", help="take a collection's grant away")
    revoke.add_argument("name")
    revoke.add_argument("collection")
    user_cmd.set_defaults(handler=_run_users)

    key_cmd = sub.add_parser("keys", help="list, create and revoke API keys")
    key_actions = key_cmd.add_subparsers(dest="action", required=True, metavar="ACTION")
    key_list = key_actions.add_parser("list", help="every key (never the secret)")
    key_list.add_argument("--user", help="only this account's keys")
    create = key_actions.add_parser("create", help="a new key for an account; printed once")
    create.add_argument("user")
    create.add_argument("--name", default="", help="what the key is for")
    create.add_argument("--grant", action="append", metavar="COLLECTION:ACCESS", required=True,
                        help="collections the key may read or write (repeatable)")
    create.add_argument("--days", type=int, help="lifetime (default POLICYKB_ACCOUNTS_KEY_DAYS;"
                        " 0: no expiry)")
    key_revoke = key_actions.add_parser("revoke", help="revoke a key: refused at once")
    key_revoke.add_argument("prefix")
    key_cmd.set_defaults(handler=_run_keys)


def _run_users(args: argparse.Namespace, settings: Settings) -> int:
    database = Database.open(settings.database_url)
    with database.session() as db:
        if args.action == "list":
            for view in users.list_users(db):
                grants = ", ".join(f"{c}:{a}" for c, a in sorted(view.grants.items())) or "-"
                state = "" if view.active else "  (disabled)"
                print(f"{view.name}  {view.role}  {grants}{state}")
        elif args.action == "add":
            password = users.new_password()
            user = users.create_user(db, args.name, args.role, password)
            for collection, access in _grants(args.grant).items():
                users.grant(db, collection, access, user_id=user.id)  # type: ignore[arg-type]
            print(f"added {user.name} ({user.role}); password (shown once): {password}")
        elif args.action == "password":
            password = users.new_password()
            users.set_password(db, args.name, password)
            print(f"new password for {args.name} (shown once): {password}")
        elif args.action in ("disable", "enable"):
            users.set_active(db, args.name, args.action == "enable")
            print(f"{args.action}d {args.name}")
        elif args.action == "delete":
            users.delete_user(db, args.name)
            print(f"deleted {args.name}")
        elif args.action == "role":
            users.set_role(db, args.name, args.role)
            print(f"{args.name} is now {args.role}")
        elif args.action == "grant":
            users.grant(db, args.collection, args.access,
                        user_id=users.find_user(db, args.name).id)
            print(f"{args.name} may {args.access} {args.collection}")
        elif args.action == "revoke":
            users.revoke_grant(db, args.collection, user_id=users.find_user(db, args.name).id)
            print(f"{args.name} no longer has {args.collection}")
    database.close()
    return 0


def _run_keys(args: argparse.Namespace, settings: Settings) -> int:
    database = Database.open(settings.database_url)
    with database.session() as db:
        if args.action == "list":
            owner = users.find_user(db, args.user).id if args.user else None
            for view in list_keys(db, owner):
                grants = ", ".join(f"{c}:{a}" for c, a in sorted(view.grants.items())) or "-"
                until = f"until {view.expires_at:%Y-%m-%d}" if view.expires_at else "no expiry"
                state = "revoked" if view.revoked else until
                print(f"{view.prefix}  {view.user}  {view.name or '-'}  {grants}  {state}")
        elif args.action == "create":
            days = settings.accounts.key_days if args.days is None else args.days
            key, token = create_key(db, args.user, args.name, _grants(args.grant), days)
            print(f"key {key.prefix} for {args.user} (shown once): {token}")
        elif args.action == "revoke":
            revoke_key(db, args.prefix)
            print(f"revoked {args.prefix}")
    database.close()
    return 0
