"""The web page for officials and trainers: `/` and its static files from app/http/web/.

Plain HTML, CSS and JavaScript committed under app/http/web/ (no front-end build). Only the files
that ship in that directory are served, by name; nothing else on disk is reachable.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

WEB_DIR = Path(__file__).resolve().parent / "web"
MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
}
# Data from documents and answers is only ever rendered as text; the policy also forbids
# inline scripts and foreign origins, so injected markup could not run even if it got in.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    # Revalidate every time (cheap: ETag), so an upgrade is never half old, half new.
    "Cache-Control": "no-cache",
}

router = APIRouter(include_in_schema=False)


def _web_file(name: str) -> FileResponse:
    path = WEB_DIR / name
    media_type = MEDIA_TYPES.get(path.suffix)
    # A bare file name of a known type that exists directly in app/http/web/: no traversal.
    if "/" in name or "\\" in name or name.startswith(".") or media_type is None \
            or not path.is_file():
        raise HTTPException(status_code=404, detail="Not Found")
    return FileResponse(path, media_type=media_type, headers=SECURITY_HEADERS)


@router.api_route("/", methods=["GET", "HEAD"])
def index() -> FileResponse:
    """The page: ask, read cited clauses in their documents, browse the policies."""
    return _web_file("index.html")


@router.api_route("/web/{name}", methods=["GET", "HEAD"])
def web_file(name: str) -> FileResponse:
    return _web_file(name)
