"""Hostile or careless input at the HTTP API and CLI (issue 14): each is a 4xx or one CLI line
naming the problem, answered at once, never a 500."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.cli import main
from app.http.factory import create_app
from app.settings import Settings
from app.store.chroma import Store
from ingest.pipeline import ingest
from tests.conftest import make_settings

QUESTION_ENDPOINTS = [
    ("/api/ask", "question"),
    ("/api/search", "query"),
    ("/api/ask/stream", "question"),
    ("/v1/chat/completions", None),
]


def _body(field: str | None, escaped: str) -> bytes:
    """A JSON body holding ``escaped`` verbatim (json.dumps would refuse a lone surrogate)."""
    if field is None:
        return b'{"messages": [{"role": "user", "content": "' + escaped.encode() + b'"}]}'
    return b'{"' + field.encode() + b'": "' + escaped.encode() + b'"}'


@pytest.mark.parametrize(("path", "field"), QUESTION_ENDPOINTS)
def test_lone_surrogate_is_422_at_once(client: TestClient, path: str, field: str | None) -> None:
    """Bug: {"question": "\\ud800"} spent 8 s in embedding retries, then answered 500, on all
    four question endpoints."""
    response = client.post(path, content=_body(field, "fund \\ud800"),
                           headers={"content-type": "application/json"})
    assert response.status_code == 422
    message = response.json()["error"]["message"]
    assert "U+D800" in message and "surrogate" in message, message


def test_cli_ask_undecodable_argument_is_one_line(
    corpus_settings: Settings, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Bug: `policykb ask $'\\xff'` printed a 122-line traceback."""
    monkeypatch.setenv("POLICYKB_DATA_DIR", str(corpus_settings.data_dir))
    # What Python makes of the byte 0xFF in argv under a UTF-8 locale (surrogateescape).
    assert main(["ask", b"\xff".decode("utf-8", "surrogateescape")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "0xFF" in err and "UTF-8" in err, err


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (b'{"question": "\xff fund"}', "not valid UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
    ids=["invalid-utf8", "deep-nesting"],
)
def test_undecodable_body_is_documented_422(client: TestClient, body: bytes, needle: str) -> None:
    """Bug: invalid UTF-8 and deep nesting in a JSON body got 400 {"detail": ...} instead of
    the documented 422 {"error": ...}."""
    response = client.post("/api/ask", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert needle in response.json()["error"]["message"]


def test_docs_page_needs_no_outside_host(client: TestClient) -> None:
    """Bug: /docs loaded Swagger UI from a CDN, so it was blank on an offline network."""
    page = client.get("/docs")
    assert page.status_code == 200
    assert not re.findall(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page.text)
    assets = re.findall(r"""(?:src|href)=["'](/[^"']+)["']""", page.text)
    assert any(a.endswith(".js") for a in assets) and any(a.endswith(".css") for a in assets)
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
    assert "https://" not in page.text.split("SwaggerUIBundle(")[1]  # no validator badge
    assert client.get("/redoc").status_code in (200, 404)
    assert "//" not in "".join(re.findall(r"""src=["']([^"']+)""", client.get("/redoc").text))


def test_healthz_shows_no_file_system_path(client: TestClient) -> None:
    """Bug: /healthz showed the venv's file path (the bundled embedding model's directory)."""
    body = client.get("/healthz").json()
    assert body["embedding_model"] == "all-MiniLM-L6-v2-int8"
    assert "/" not in str(body)


OLD_DOC = "m05"
SLASHED = "guides/2024/notes"
BAD_VALUES = {"year": "abc", "city": 123, "title": True, "covers": "5", "published": 2025,
              "issuer": 7.5}


@pytest.fixture(scope="module")
def old_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A store as an older ingest left it: manifest values of the wrong type stored on a
    document and its chunks, and a document whose doc_id holds "/"."""
    root = tmp_path_factory.mktemp("old-store")
    folder = root / "docs"
    folder.mkdir()
    (folder / "m.txt").write_text(
        "Harbour notes.\n\nThe harbour office opens a data service centre in 2024.\n",
        encoding="utf-8",
    )
    (folder / "manifest.json").write_text(
        '[{"doc_id": "m05", "file": "m.txt", "city": "Beihai", "year": 2024}]', encoding="utf-8"
    )
    settings = make_settings(root / "data")
    assert ingest([folder], settings).added == [OLD_DOC]
    store = Store(settings)
    store.documents.update(ids=[OLD_DOC], metadatas=[BAD_VALUES])  # type: ignore[list-item]
    chunks = store.chunks.get(where={"doc_id": OLD_DOC}, include=["metadatas"])
    metadatas = []
    for meta in chunks["metadatas"] or []:  # llama-index reads the node's JSON copy too
        node = json.loads(str(meta["_node_content"]))
        node["metadata"].update(BAD_VALUES)
        metadatas.append({**meta, **BAD_VALUES, "_node_content": json.dumps(node)})
    store.chunks.update(ids=chunks["ids"], metadatas=metadatas)  # type: ignore[arg-type]
    stored = store.documents.get(ids=[OLD_DOC])["metadatas"]
    assert stored and stored[0]["year"] == "abc" and stored[0]["city"] == 123  # the premise
    store.put_document(SLASHED, "Notes kept under a path-like id.", {"title": "Notes"})
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def test_wrong_typed_stored_metadata_never_500s(old_store: TestClient) -> None:
    """Bug: a manifest value of the wrong type ("year": "abc", "city": 123, ...), once stored,
    made GET /api/documents, GET /api/documents/m05, every year filter and /api/search 500."""
    listed = old_store.get("/api/documents")
    assert listed.status_code == 200
    old = next(d for d in listed.json()["documents"] if d["doc_id"] == OLD_DOC)
    assert old["year"] is None and old["city"] is None and old["title"] is None
    detail = old_store.get(f"/api/documents/{OLD_DOC}")
    assert detail.status_code == 200 and "data service centre" in detail.json()["text"]
    filtered = old_store.post("/api/search", json={"query": "harbour data service centre",
                                                   "filters": {"year_from": 2020}})
    assert filtered.status_code == 200 and filtered.json()["passages"] == []
    found = old_store.post("/api/search", json={"query": "harbour data service centre"})
    assert found.status_code == 200
    passage = found.json()["passages"][0]
    assert passage["doc_id"] == OLD_DOC and passage["city"] is None and passage["year"] is None
    answer = old_store.post("/api/ask", json={"question": "What does the harbour office open?"})
    assert answer.status_code == 200
    assert "data service centre" in answer.json()["citations"][0]["quote"]


def test_doc_id_with_slash_can_be_fetched(old_store: TestClient) -> None:
    """Bug: a doc_id containing "/" could not be fetched (GET /api/documents/a/b was 404)."""
    response = old_store.get(f"/api/documents/{SLASHED}")
    assert response.status_code == 200
    assert response.json()["doc_id"] == SLASHED
    assert response.json()["text"] == "Notes kept under a path-like id."
    missing = old_store.get("/api/documents/guides/none")
    assert missing.status_code == 404 and "guides/none" in missing.json()["error"]["message"]


def test_unknown_route_error_has_the_documented_shape(client: TestClient) -> None:
    response = client.get("/api/nothing-here")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


