"""The app factory: API routes, the page and its static files, safety middleware."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import FileResponse, JSONResponse, Response

from flashpoint import __version__
from flashpoint.ontology import hidden_types
from flashpoint.settings import Settings
from flashpoint.store import EventFilter, Store, StoreError, WriterBusy
from flashpoint.web.aggregate import router as aggregate_router
from flashpoint.web.aggregate import warm
from flashpoint.web.assets import mount_assets
from flashpoint.web.cache import AnswerCache
from flashpoint.web.errors import ApiError, error_response
from flashpoint.web.exports import router as export_router
from flashpoint.web.readers import Readers
from flashpoint.web.response_cache import ResponseCache
from flashpoint.web.routes import router as read_router
from flashpoint.web.security import BodyLimit, HostCheck, SecurityHeaders

STATIC = Path(__file__).resolve().parent / "static"
VENDOR = STATIC / "vendor"
VENDOR_FILES = ("d3.min.js", "topojson-client.min.js", "countries-50m.json")

log = logging.getLogger("flashpoint.web")

DESCRIPTION = """\
Events extracted from news articles about armed conflict, with the sentences behind them.

Read-only unless the server has a token (`serve.token`, env `FLASHPOINT_SERVE_TOKEN`): then
`POST /api/ingest` and `POST /api/events/{id}/corrections` exist and take
`Authorization: Bearer <token>`. Errors are JSON: `{"error": {"code": ..., "message": ...}}`.
"""


MIN_TOKEN = 24  # characters: a shorter write token can be guessed


def check_token(token: str) -> None:
    """ValueError unless ``token`` is empty (read-only) or at least MIN_TOKEN characters."""
    if token and len(token) < MIN_TOKEN:
        raise ValueError(
            f"serve.token (or FLASHPOINT_SERVE_TOKEN) is {len(token)} characters; give at least "
            f"{MIN_TOKEN} (e.g. from `python -c 'import secrets; print(secrets.token_urlsafe())'`) "
            "or none for a read-only server"
        )


def warm_in_background(app: FastAPI) -> threading.Thread:
    """Compute the first page's whole-database answers (count, list, timeline, map, stats),
    then the maps of nearby zooms, on a thread, so the first analyst to open the page does
    not wait for them (`flashpoint serve`; see aggregate.warm)."""
    settings: Settings = app.state.settings
    first_page = EventFilter().shown(
        settings.float("events.min_confidence"),
        hidden=hidden_types(settings),
    )

    def run() -> None:
        try:
            warm(app.state, first_page)
        except StoreError as exc:  # the requests will report it; the server still starts
            log.warning("could not compute the answers asked first: %s", exc)
        except Exception:  # a bug here must not pass unseen, nor stop the server
            log.exception("computing the answers asked first failed")
        finally:
            app.state.warming = False

    app.state.warming = True  # before the thread starts: a health check right after sees it
    thread = threading.Thread(target=run, name="flashpoint-warm", daemon=True)
    thread.start()
    return thread


def vendor_missing() -> list[str]:
    """Front-end files the page needs that are not built (run `make install`)."""
    return [name for name in VENDOR_FILES if not (VENDOR / name).is_file()]


def _status_code(status: int, message: str) -> str:
    if status == 400 and "body" in message:  # FastAPI could not parse the body as JSON
        return "bad_body"
    return {404: "not_found", 405: "method_not_allowed", 413: "too_large"}.get(
        status, "bad_parameter"
    )


def _client_message(exc: StoreError, db_path: Path) -> str:
    """The store's line without the server's folders: clients see the file's name only."""
    return str(exc).replace(str(db_path), db_path.name)


def create_app(
    db_path: str | Path,
    settings: Settings,
    *,
    allowed_hosts: Sequence[str] | None = None,
) -> FastAPI:
    """The HTTP API and page over the database at ``db_path``.

    Write routes are mounted only when ``serve.token`` is set; a token under 24 characters
    is a ValueError. ``allowed_hosts`` limits the
    Host header (``flashpoint serve`` passes the loopback names when bound to loopback);
    None accepts any.
    """
    app = FastAPI(
        title="flashpoint",
        version=__version__,
        description=DESCRIPTION,
        openapi_url="/api/openapi.json",
        docs_url=None,  # the Swagger and ReDoc pages load from a CDN: not offered
        redoc_url=None,
    )
    token = settings.str("serve.token").strip()
    check_token(token)
    app.state.db_path = Path(db_path)
    app.state.settings = settings
    app.state.token = token
    app.state.write_enabled = bool(token)
    app.state.max_page_size = settings.int("serve.max_page_size")
    app.state.answers = AnswerCache(settings.int("serve.cache_entries"))
    app.state.readers = Readers(app.state.db_path)
    app.state.allowed_hosts = None if allowed_hosts is None else list(allowed_hosts)
    app.state.warming = False  # True while warm_in_background computes the first answers

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return error_response(exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = exc.errors()
        first: dict[str, Any] = problems[0] if problems else {}
        where = [str(p) for p in first.get("loc", ()) if p not in ("query", "path")]
        in_body = bool(first.get("loc")) and first["loc"][0] == "body"
        name = ".".join(where[1:] if in_body else where) or "request"
        message = f"{name}: {first.get('msg', 'invalid')}"
        if len(problems) > 1:
            message += f" (and {len(problems) - 1} more)"
        return error_response(400, "bad_body" if in_body else "bad_parameter", message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = str(exc.detail) if exc.detail else "error"
        if exc.status_code == 404:
            message = f"no route {request.url.path!r} (see /api/openapi.json)"
        return error_response(exc.status_code, _status_code(exc.status_code, message), message)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        # The database failed under a request (damaged, full, locked): say so, not a bare 500.
        log.warning("database error: %s", exc)
        message = _client_message(exc, app.state.db_path)
        if isinstance(exc, WriterBusy):
            return error_response(409, "writer_busy", message)
        return error_response(503, "database_unavailable", message, {"Retry-After": "30"})

    app.include_router(read_router)
    app.include_router(aggregate_router)
    app.include_router(export_router)
    if token:
        # here, not at the top: the write routes run the pipeline, which loads scipy (~1 s)
        from flashpoint.web.write import router as write_router

        app.include_router(write_router)

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get(
        "/api/health",
        summary="Health: the server answers and can read its database; `warming` is true "
        "while it computes, after starting, the answers a page open asks first",
        responses={503: {"description": "`{ok: false, reason}`: the database cannot be read."}},
    )
    def health() -> JSONResponse:
        try:
            with Store(app.state.db_path, read_only=True) as store:
                store.check()
        except StoreError as exc:
            reason = _client_message(exc, app.state.db_path)
            return JSONResponse(
                {"ok": False, "reason": reason, "write_enabled": app.state.write_enabled},
                status_code=503,
            )
        return JSONResponse(
            {
                "ok": True,
                "write_enabled": app.state.write_enabled,
                "warming": app.state.warming,
            }
        )

    mount_assets(app, STATIC)
    missing = vendor_missing()
    if missing:
        log.warning(
            "front-end files missing under %s: %s; the page needs them (run `make install`)",
            VENDOR,
            ", ".join(missing),
        )

    # innermost: a kept response still passes the body limit, Host check and headers
    app.add_middleware(
        ResponseCache, readers=app.state.readers, enabled=settings.int("serve.cache_entries") > 0
    )
    app.add_middleware(BodyLimit, max_bytes=settings.int("serve.max_body_bytes"))
    if allowed_hosts is not None:
        app.add_middleware(HostCheck, allowed=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    return app
