"""Whole responses of the read-only data routes kept for the database's data version, served
before routing: a question asked again (every page open asks the same first page, timeline,
map and stats) costs a lookup instead of FastAPI's parameter checks and a worker thread.

Only a GET of a path in CACHED_PATHS that answered 200 with one JSON body is kept, keyed by
the path, the raw query string and the data version; a write (ingest, merge, correction)
changes the version and drops every kept response. They are bounded by their bytes
(MAX_BYTES) rather than by serve.cache_entries, which bounds the answers (cache.py): analysts'
filters are many and a page of 50 events is ~50 kB; serve.cache_entries 0 turns this off too.
Anything else, and any request made while the database cannot be read, goes to the app as
before (which checks and reports it)."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from flashpoint.store import StoreError
from flashpoint.web.readers import Readers

__all__ = ["CACHED_PATHS", "ResponseCache"]

# Answers that depend only on the query and the data (not on the client, a token or a header).
CACHED_PATHS = frozenset(("/api/events", "/api/timeline", "/api/map", "/api/count", "/api/stats"))
MAX_BYTES = 256 * 1024 * 1024  # all kept bodies together (a page of 1,000 events is ~1 MB)


class ResponseCache:
    """ASGI middleware keeping whole 200 JSON responses of CACHED_PATHS, up to MAX_BYTES
    (none when ``enabled`` is false)."""

    def __init__(self, app: ASGIApp, readers: Readers, enabled: bool) -> None:
        self.app = app
        self.readers = readers
        self.enabled = enabled
        self._version: str | None = None
        self._kept: OrderedDict[tuple[str, bytes], tuple[list[tuple[bytes, bytes]], bytes]]
        self._kept = OrderedDict()
        self._bytes = 0

    def _data_version(self) -> str | None:
        try:
            return self.readers.get().data_version()
        except StoreError:
            self.readers.drop()
            return None  # the app reports the database's state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            not self.enabled
            or scope["type"] != "http"
            or scope["method"] != "GET"
            or scope["path"] not in CACHED_PATHS
        ):
            await self.app(scope, receive, send)
            return
        version = self._data_version()
        if version is None:
            await self.app(scope, receive, send)
            return
        if version != self._version:  # written since: nothing kept is current
            self._kept.clear()
            self._bytes = 0
            self._version = version
        key = (scope["path"], scope["query_string"])
        found = self._kept.get(key)
        if found is not None:
            self._kept.move_to_end(key)
            headers, body = found
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body, "more_body": False})
            return
        await self.app(scope, receive, self._keeping(send, key, version))

    def _keeping(self, send: Send, key: tuple[str, bytes], version: str) -> Send:
        """``send``, keeping the response when it is a 200 JSON answer in one body."""
        start: dict[str, Any] = {}

        async def send_and_keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body" and not message.get("more_body"):
                self._keep(start, bytes(message.get("body", b"")), key, version)
            await send(message)

        return send_and_keep

    def _keep(self, start: dict[str, Any], body: bytes, key: tuple[str, bytes], v: str) -> None:
        headers = [(bytes(k), bytes(val)) for k, val in start.get("headers", [])]
        json_body = any(
            k.lower() == b"content-type" and val.startswith(b"application/json")
            for k, val in headers
        )
        if start.get("status") != 200 or not json_body or v != self._version:
            return
        if len(body) > MAX_BYTES // 4 or key in self._kept:
            return
        self._kept[key] = (headers, body)
        self._bytes += len(body)
        while self._bytes > MAX_BYTES:
            _, (_, dropped) = self._kept.popitem(last=False)
            self._bytes -= len(dropped)
