"""API errors: one JSON shape, ``{"error": {"code": ..., "message": ...}}``, with stable codes."""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse

# Stable codes: clients may match on them; they never change meaning once released.
CODES: dict[str, str] = {
    "bad_parameter": "a query parameter is malformed, out of range or unknown",
    "bad_body": "the request body is not the JSON object this endpoint takes",
    "page_too_large": "limit is above serve.max_page_size",
    "not_found": "no such event, article or route",
    "method_not_allowed": "the route exists but not for this method",
    "unauthorized": "a write endpoint was called without the right bearer token",
    "too_large": "the request body is over serve.max_body_bytes",
    "bad_host": "the Host header is not one this server answers to",
    "writer_busy": "another process is writing to the database; try again when it finishes",
    "database_unavailable": "the database cannot be opened or read (missing, damaged, full, "
    "an older schema); the message says which",
    "ingest_rejected": "the posted document could not be ingested",
    "data_changed": "the data changed since the cursor's first page; start again without it",
}


class ApiError(Exception):
    """An error the client can act on: an HTTP status, a stable code and one sentence."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None):
        if code not in CODES:
            raise ValueError(f"unknown API error code {code!r}")
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, **extra}}


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(error_body(code, message), status_code=status, headers=headers)
