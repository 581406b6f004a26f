"""Who may do what: users and roles, API keys, page sign-in sessions, collection grants.

Roles: ``admin`` (everything: accounts, keys, grants, the audit log, every collection),
``editor`` (reads its granted collections, uploads/replaces/deletes in those granted for
writing), ``reader`` (reads its granted collections). An API key acts for its user, limited to
the collections granted to the key itself. ``Settings.auth == "off"`` makes everyone the open
single user (``OPEN``).

May import: app.db and app.store.records (a document's collection).
"""

from app.accounts.principal import OPEN, ROLES, Principal, Scope

__all__ = ["OPEN", "ROLES", "Principal", "Scope"]
