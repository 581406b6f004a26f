"""`policykb users …` and `policykb keys …` (issue 24): passwords and keys printed once, bad
input one line and exit 1, and a key made on the CLI works (and is refused once revoked)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.accounts.keys import principal_for_key
from app.cli import main
from app.db import Database
from app.errors import NotSignedIn
from app.settings import Settings


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_users_and_keys_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYKB_DATA_DIR", str(tmp_path))
    code, out, _ = _run(capsys, "users", "add", "mei", "--role", "editor", "--grant",
                        "health:write")
    assert code == 0 and "password (shown once): " in out
    assert len(out.rsplit(": ", 1)[1].strip()) >= 20
    code, out, _ = _run(capsys, "users", "list")
    assert out.strip() == "mei  editor  health:write"

    code, out, _ = _run(capsys, "keys", "create", "mei", "--grant", "health:read", "--days", "7")
    token = out.rsplit(": ", 1)[1].strip()
    database = Database.open(Settings(data_dir=tmp_path).database_url)
    with database.engine.connect() as connection:
        assert principal_for_key(connection, token).read == frozenset({"health"})
    code, out, _ = _run(capsys, "keys", "list")
    assert token not in out and "mei" in out and "health:read" in out
    prefix = token.split("_")[1]
    assert _run(capsys, "keys", "revoke", prefix)[0] == 0
    with database.engine.connect() as connection, pytest.raises(NotSignedIn, match="revoked"):
        principal_for_key(connection, token)

    code, _, err = _run(capsys, "users", "add", "mei")
    assert code == 1 and err.strip() == "policykb: error: a user 'mei' exists already"
    code, _, err = _run(capsys, "users", "add", "../x")
    assert code == 1 and len(err.strip().splitlines()) == 1 and "user name" in err
    code, _, err = _run(capsys, "keys", "create", "mei", "--grant", "Health:all")
    assert code == 1 and "--grant 'Health:all'" in err
