"""The web page's routes (no browser): `/`, its files, and nothing else on disk."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.http.web import WEB_DIR


def test_index_is_served_with_a_strict_content_security_policy(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert '<script type="module" src="/web/app.js">' in response.text
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert client.head("/").status_code == 200


@pytest.mark.parametrize(("name", "media_type"), [
    ("app.js", "text/javascript"), ("api.js", "text/javascript"), ("i18n.js", "text/javascript"),
    ("render.js", "text/javascript"), ("style.css", "text/css"), ("favicon.svg", "image/svg+xml"),
    ("brief.js", "text/javascript"), ("brief.css", "text/css"),
])
def test_page_files_are_served(client: TestClient, name: str, media_type: str) -> None:
    response = client.get(f"/web/{name}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    assert response.content == (WEB_DIR / name).read_bytes()


@pytest.mark.parametrize("path", [
    "/web/..%2Fweb.py", "/web/..%2F..%2Fpyproject.toml", "/web/%2Fetc%2Fpasswd", "/web/missing.js",
    "/web/index.py", "/web/.hidden.js",
])
def test_nothing_else_is_reachable(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_web_routes_stay_out_of_the_api_schema(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert "/" not in paths
    assert not [p for p in paths if p.startswith("/web/")]
    assert "/api/ask" in paths


def test_no_page_script_builds_html_from_strings() -> None:
    """Data is rendered with textContent / text nodes only (the browser tests check behaviour)."""
    for script in WEB_DIR.glob("*.js"):
        source = script.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in source, f"{script.name} uses {sink}"
