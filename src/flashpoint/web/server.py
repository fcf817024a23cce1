"""Running the app: uvicorn with a header-read timeout, so idle or slow clients cannot hold
the server's connections (uvicorn arms its keep-alive timer only after a first response, and
any byte received disarms it)."""

from __future__ import annotations

import asyncio
import resource
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from flashpoint.settings import Settings


def header_timeout_protocol(seconds: float) -> type[H11Protocol]:
    """An h11 protocol that closes a connection whose request headers have not all arrived
    ``seconds`` after it opened (or after its last response): idle sockets and byte-by-byte
    senders alike."""

    class HeaderTimeout(H11Protocol):
        _header_timer: asyncio.TimerHandle | None = None

        def _arm(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
            self._header_timer = self.loop.call_later(seconds, self._headers_late)

        def _headers_late(self) -> None:
            self._header_timer = None
            waiting = self.conn.their_state is h11.IDLE  # no complete request line + headers
            if waiting and not self.transport.is_closing():
                self.transport.close()

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
                self._header_timer = None
            super().connection_lost(exc)

    return HeaderTimeout


def _allow_files(connections: int) -> None:
    """Raise the soft limit on open files to fit ``connections`` (never above the hard one)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = connections + 256  # the database, static files, logs
    if soft != resource.RLIM_INFINITY and soft < want:
        top = want if hard == resource.RLIM_INFINITY else min(want, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (top, hard))


def serve_app(app: Any, host: str, port: int, settings: Settings) -> None:
    """Serve ``app`` until Ctrl-C."""
    connections = settings.int("serve.max_connections")
    _allow_files(connections)
    uvicorn.run(
        app,
        host=host,
        port=port,
        http=header_timeout_protocol(settings.float("serve.header_timeout_s")),
        log_level="warning",
        access_log=False,
        server_header=False,
        proxy_headers=False,
        timeout_keep_alive=5,
        limit_concurrency=connections,
    )
