"""Uploads into a collection (issue 24): checked before anything is stored, ingested in the
background, replaced and deleted; hostile files are refused with one line; a killed ingest
leaves no half document."""

from __future__ import annotations

import io
import os
import signal
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.accounts.keys import create_key
from app.accounts.users import create_user, grant
from app.db import Database
from app.http.factory import create_app
from app.settings import IngestSettings, Settings
from app.store.chroma import Store

NOTICE = ("Southbay Water Bureau notice on meter upgrade subsidies\n\n"
          "Article 1. Each household that replaces an old water meter receives a subsidy of "
          "{amount} yuan.\n\nArticle 2. Households apply to the Southbay Water Bureau.\n")
QUESTION = "How large is the subsidy for replacing a water meter in Southbay?"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    root = tmp_path_factory.mktemp("uploads")
    # Small batches: a long upload is written in many steps, so a kill can land mid-document.
    settings = Settings(data_dir=root / "store", auth="on",
                        ingest=IngestSettings(batch_chunks=8))
    database = Database.open(settings.database_url)
    keys = {}
    with database.session() as db:
        for name, role, access in (("editor", "editor", "write"), ("reader", "reader", "read"),
                                   ("root", "admin", "write")):
            user = create_user(db, name, role, "a long password")
            grant(db, "water", access, user_id=user.id)
            keys[name] = {"Authorization": "Bearer " + create_key(
                db, name, "", {"water": access, "roads": access}, 1)[1]}
    with TestClient(create_app(settings)) as client:
        yield {"client": client, "keys": keys, "settings": settings, "root": root}
    database.close()


def _wait(check: Callable[[], Any], timeout: float = 240.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.3)
    raise AssertionError("timed out")


def _upload(site: dict[str, Any], files: list[tuple[str, bytes]], who: str = "editor",
            collection: str = "water") -> Any:
    return site["client"].post(f"/api/collections/{collection}/documents",
                               headers=site["keys"][who],
                               files=[("files", (name, data)) for name, data in files])


def _finished(site: dict[str, Any], upload_id: str) -> dict[str, Any]:
    def done() -> dict[str, Any] | None:
        status = site["client"].get(f"/api/uploads/{upload_id}",
                                    headers=site["keys"]["editor"]).json()
        return status if status["status"] not in ("queued", "ingesting") else None
    return _wait(done)  # type: ignore[no-any-return]


def _stored(site: dict[str, Any]) -> list[str]:
    listed = site["client"].get("/api/documents", headers=site["keys"]["root"]).json()
    return sorted(d["doc_id"] for d in listed["documents"])


def _answer(site: dict[str, Any]) -> str:
    body = site["client"].post("/api/ask", json={"question": QUESTION},
                               headers=site["keys"]["reader"]).json()
    return str(body["answer"])


def test_an_upload_is_ingested_into_its_collection_then_replaced_and_deleted(
        site: dict[str, Any]) -> None:
    accepted = _upload(site, [("Meter subsidies.txt", NOTICE.format(amount="450").encode())])
    assert accepted.status_code == 202, accepted.text
    job = accepted.json()[0]
    assert job["doc_id"] == "water.meter-subsidies" and job["status"] == "queued"
    finished = _finished(site, job["id"])
    assert finished["status"] == "done", finished
    _wait(lambda: "water.meter-subsidies" in _stored(site))
    _wait(lambda: "450" in _answer(site))
    info = site["client"].get("/api/documents/water.meter-subsidies",
                              headers=site["keys"]["reader"]).json()
    assert info["collection"] == "water" and Path(info["source"]).name != "Meter subsidies.txt"

    again = _upload(site, [("Meter subsidies.txt", NOTICE.format(amount="520").encode())])
    assert _finished(site, again.json()[0]["id"])["status"] == "done"
    _wait(lambda: "520" in _answer(site))
    folders = list((site["root"] / "store" / "uploads" / "water").iterdir())
    assert len(folders) == 1  # the replaced version's file is gone

    deleted = site["client"].delete("/api/documents/water.meter-subsidies",
                                    headers=site["keys"]["editor"])
    assert deleted.status_code == 204, deleted.text
    _wait(lambda: "water.meter-subsidies" not in _stored(site))


def test_only_editors_with_write_access_upload(site: dict[str, Any]) -> None:
    refused = _upload(site, [("a.txt", b"text")], who="reader")
    assert refused.status_code == 403
    elsewhere = _upload(site, [("a.txt", b"text")], collection="roads")
    assert elsewhere.status_code == 403  # the key grants roads, the account does not


@pytest.mark.parametrize(("name", "data", "says"), [
    ("../../x.txt", b"escape", "holds a path"),
    ("big.txt", b"x" * (60 * 1024 * 1024), "over the 20 MB upload limit"),
    ("notes.exe", b"MZ", "not supported"),
    ("fake.docx", b"not a zip at all", "not a .docx"),
])
def test_hostile_uploads_are_refused_with_one_line_and_nothing_changes(
        site: dict[str, Any], name: str, data: bytes, says: str) -> None:
    before = _stored(site)
    uploads = site["root"] / "store" / "uploads"
    kept = sorted(uploads.rglob("*")) if uploads.exists() else []
    response = _upload(site, [("ok.txt", b"fine text"), (name, data)])
    assert response.status_code == 422
    message = response.json()["error"]["message"]
    assert says in message and "\n" not in message
    assert _stored(site) == before
    assert (sorted(uploads.rglob("*")) if uploads.exists() else []) == kept
    assert not (site["root"] / "x.txt").exists() and not (site["root"].parent / "x.txt").exists()


def test_a_zip_bomb_disguised_as_docx_is_refused_before_it_is_unpacked(
        site: dict[str, Any]) -> None:
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as entry:
            block = b"\0" * (1024 * 1024)
            for _ in range(300):  # 300 MB that deflate to ~300 KB
                entry.write(block)
    assert len(bomb.getvalue()) < 2 * 1024 * 1024
    response = _upload(site, [("report.docx", bomb.getvalue())])
    assert response.status_code == 422
    assert "zip bomb" in response.json()["error"]["message"]


def test_a_killed_ingest_leaves_no_half_document(site: dict[str, Any]) -> None:
    """kill -9 of the ingest at work, after some of its batches are written."""
    long_text = "Southbay road resurfacing plan\n\n" + "\n\n".join(
        f"Article {n}. Road section {n} of Southbay is resurfaced in stage {n % 7} "
        f"with a budget of {n * 1000} yuan, checked by the district works office."
        for n in range(1, 1500))
    job = _upload(site, [("Road plan.txt", long_text.encode())]).json()[0]
    store = Store(site["settings"])

    def written() -> bool:
        store.reopen()
        return bool(store.chunk_metadata() and any(
            m.get("doc_id") == job["doc_id"] for m in store.chunk_metadata().values()))

    _wait(written)
    uploads = site["client"].app.state.uploads
    os.kill(uploads.running.pid, signal.SIGKILL)
    finished = _finished(site, job["id"])
    assert finished["status"] == "failed" and "Road plan.txt" in finished["message"]
    _wait(lambda: uploads.idle.is_set())  # the repair run has ended
    store.reopen()
    record = store.get_document(job["doc_id"])
    chunks = [m for m in store.chunk_metadata().values() if m.get("doc_id") == job["doc_id"]]
    if record is None:  # the usual case: cut off mid-write, purged
        assert chunks == []
        _wait(lambda: job["doc_id"] not in _stored(site))
    else:  # the kill came after the last write: the document is whole
        assert len(chunks) == int(record.metadata["chunks"])
        assert {m.get("doc_hash") for m in chunks} == {record.doc_hash}
