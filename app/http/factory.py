"""The FastAPI application factory and its one error handler."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException

from app.accounts.sessions import SignInLimiter
from app.background import stop_warms
from app.errors import Language, MalformedBody, PolicyKBError, describe_validation, error_body
from app.http.accounts import router as accounts_router
from app.http.audit import router as audit_router
from app.http.briefing import router as briefing_router
from app.http.conversations import router as conversations_router
from app.http.openai_compat import router as openai_router
from app.http.routes import router
from app.http.startup import open_database, start_pruning
from app.http.streaming import router as stream_router
from app.http.uploads import router as uploads_router
from app.http.web import router as web_router
from app.http.worker import WorkerHeader
from app.services import Services
from app.settings import Settings
from app.text import has_cjk
from app.uploads.jobs import Uploads

# Where a request carries the asker's own words: a question, a query, a topic, chat messages.
ASKER_TEXT_FIELDS = ("question", "query", "topic")


def _error(status: int, code: str, message: str, language: Language = "en",
           headers: dict[str, str] | None = None) -> JSONResponse:
    # A message may quote the request; whatever it quotes must still encode as UTF-8.
    message = message.encode("utf-8", "backslashreplace").decode("utf-8")
    return JSONResponse(status_code=status, content=error_body(code, message, language),
                        headers=headers)


def _asker_texts(body: object, request: Request) -> list[str]:
    texts = [request.query_params.get(name) or "" for name in ASKER_TEXT_FIELDS]
    if isinstance(body, dict):
        texts += [value for name in ASKER_TEXT_FIELDS if isinstance(value := body.get(name), str)]
        messages = body.get("messages")
        if isinstance(messages, list):
            texts += [m["content"] for m in messages
                      if isinstance(m, dict) and isinstance(m.get("content"), str)]
    return texts


async def asker_language(request: Request) -> Language:
    """Chinese when the asker wrote Chinese (question, query, topic, chat message) or the client
    prefers it (``Accept-Language``, which the page sets to its own language); else English."""
    try:
        body: object = json.loads(await request.body() or b"null")
    except (ValueError, RecursionError, RuntimeError):
        body = None
    if any(has_cjk(text) for text in _asker_texts(body, request)):
        return "zh"
    preferred = request.headers.get("accept-language", "").split(",")[0].strip().lower()
    return "zh" if preferred.startswith("zh") else "en"


def _unparsable_body(cause: BaseException | None) -> str | None:
    """What was wrong with a JSON body Starlette could not parse, or None if not the body."""
    if isinstance(cause, UnicodeDecodeError):
        return (f"the body is not valid UTF-8 (byte 0x{cause.object[cause.start]:02X} at "
                f"offset {cause.start}); send JSON encoded as UTF-8")
    if isinstance(cause, RecursionError):
        return "malformed JSON body (nested too deeply)"
    if isinstance(cause, ValueError):
        return f"malformed JSON body ({cause})"
    return None


def _declare_limits(schema: dict[str, Any], settings: Settings) -> dict[str, Any]:
    """The schema states this deployment's limits (settings), as the service enforces them."""
    components = schema.get("components", {}).get("schemas", {})
    for name, text_field in (("AskRequest", "question"), ("SearchRequest", "query")):
        properties = components.get(name, {}).get("properties", {})
        if text_field in properties:
            properties[text_field]["maxLength"] = settings.answer.max_question_chars
        if "top_k" in properties:
            properties["top_k"]["maximum"] = settings.retrieval.max_top_k
    return schema


def create_app(settings: Settings | None = None, services: Services | None = None) -> FastAPI:
    """The app over ``services`` (built at startup when not given: models and indexes load
    once, never per request; a store built with another embedding model fails startup)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.services = services or Services.build(settings)
        app.state.database = open_database(settings)
        app.state.services.conversations.store.use(app.state.database)
        stop_pruning = start_pruning(app.state.database, settings)
        app.state.uploads = Uploads(settings, app.state.database)
        app.state.uploads.start()
        try:
            yield
        finally:
            stop_warms()  # before the interpreter's own exit handlers: see app.background
            stop_pruning()
            app.state.uploads.stop()
            app.state.database.close()

    # /docs and /redoc from assets shipped in the fastapi-offline package: no CDN, so the
    # docs work on a network with no way out.
    app = FastAPIOffline(
        title="policykb",
        description="Answers questions about policy documents with cited passages.",
        version="0.1.0",
        lifespan=lifespan,
        static_url="/docs-assets",
        favicon_url="/web/favicon.svg",
        swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from swagger.io
    )
    app.state.settings = settings
    app.state.sign_in_limiter = SignInLimiter(settings.accounts.sign_in_attempts,
                                              settings.accounts.sign_in_window_s)
    app.add_middleware(WorkerHeader)  # which of several workers answered (README 'Scaling out')

    @app.exception_handler(PolicyKBError)
    async def policykb_error(request: Request, exc: PolicyKBError) -> JSONResponse:
        # 401 names the scheme that would work (RFC 9110): an API key as a bearer token.
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return _error(exc.status, exc.code, exc.message, await asker_language(request), headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, "invalid_request", describe_validation(exc.errors()),
                      await asker_language(request))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        # FastAPI answers a body it cannot decode (not UTF-8, nested past the parser's depth)
        # with a bare 400 {"detail"}; it is a malformed request like any other.
        language = await asker_language(request)
        body_problem = _unparsable_body(exc.__cause__) if exc.status_code == 400 else None
        if body_problem:
            return _error(MalformedBody.status, MalformedBody.code, body_problem, language)
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return _error(exc.status_code, code, str(exc.detail), language, dict(exc.headers or {}))

    @app.exception_handler(httpx.TransportError)
    async def store_unreachable(request: Request, exc: httpx.TransportError) -> JSONResponse:
        # Only the Chroma server (http mode) is reached through httpx outside of generation,
        # which handles its own faults.
        return _error(503, "service_unavailable", f"the Chroma server cannot be reached ({exc})",
                      await asker_language(request))

    @app.exception_handler(json.JSONDecodeError)
    async def json_error(request: Request, exc: json.JSONDecodeError) -> JSONResponse:
        return _error(422, "invalid_request", f"malformed JSON body ({exc.msg})",
                      await asker_language(request))

    app.include_router(accounts_router)
    app.include_router(audit_router)
    app.include_router(briefing_router)
    app.include_router(router)
    app.include_router(stream_router)
    app.include_router(uploads_router)
    app.include_router(conversations_router)
    app.include_router(openai_router)
    app.include_router(web_router)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _declare_limits(FastAPI.openapi(app), settings)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
