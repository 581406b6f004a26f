"""The first start with sign-in on creates the account 'admin' and prints its password once;
with sign-in off no account is made."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.accounts.users import list_users, verify_password
from app.http.startup import open_database
from app.settings import Settings


def test_the_first_start_prints_the_admin_password_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = Settings(data_dir=tmp_path, auth="on")
    database = open_database(settings)
    printed = capsys.readouterr().err
    assert "created the account 'admin' with the password " in printed
    password = printed.split("with the password ", 1)[1].split()[0]
    with database.session() as db:
        assert verify_password(db, "admin", password) is not None
        assert [(u.name, u.role) for u in list_users(db)] == [("admin", "admin")]
    database.close()
    open_database(settings).close()
    assert "password" not in capsys.readouterr().err  # shown once, never again


def test_sign_in_off_makes_no_account(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = open_database(Settings(data_dir=tmp_path, auth="off"))
    with database.session() as db:
        assert list_users(db) == []
    assert capsys.readouterr().err == ""
