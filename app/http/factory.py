"""The FastAPI application factory and its one error handler."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from app.errors import PolicyKBError
from app.http.openai_compat import router as openai_router
from app.http.routes import router
from app.http.streaming import router as stream_router
from app.http.web import router as web_router
from app.services import Services
from app.settings import Settings


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": {"code": code, "message": message}})


def _describe_validation(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        loc = [str(p) for p in error.get("loc", ()) if p != "body"]
        if error.get("type") == "json_invalid":
            ctx = error.get("ctx", {})
            parts.append(f"malformed JSON body ({ctx.get('error', 'cannot parse')})")
        elif error.get("type") == "missing":
            parts.append(f"missing field '{'.'.join(loc)}'")
        elif error.get("type") == "extra_forbidden":
            parts.append(f"unknown field '{'.'.join(loc)}'")
        else:
            where = ".".join(loc) or "body"
            parts.append(f"{where}: {error.get('msg')}")
    return "; ".join(parts) or "invalid request"


def create_app(settings: Settings | None = None, services: Services | None = None) -> FastAPI:
    """The app over ``services`` (built at startup when not given: models and indexes load
    once, never per request; a store built with another embedding model fails startup)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.services = services or Services.build(settings)
        yield

    app = FastAPI(
        title="policykb",
        description="Answers questions about policy documents with cited passages.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings

    @app.exception_handler(PolicyKBError)
    async def policykb_error(request: Request, exc: PolicyKBError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, "invalid_request", _describe_validation(exc))

    @app.exception_handler(httpx.TransportError)
    async def store_unreachable(request: Request, exc: httpx.TransportError) -> JSONResponse:
        # Only the Chroma server (http mode) is reached through httpx outside of generation,
        # which handles its own faults.
        return _error(503, "service_unavailable", f"the Chroma server cannot be reached ({exc})")

    @app.exception_handler(json.JSONDecodeError)
    async def json_error(request: Request, exc: json.JSONDecodeError) -> JSONResponse:
        return _error(422, "invalid_request", f"malformed JSON body ({exc.msg})")

    app.include_router(router)
    app.include_router(stream_router)
    app.include_router(openai_router)
    app.include_router(web_router)
    return app
