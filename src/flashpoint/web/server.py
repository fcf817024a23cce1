"""Running the app: uvicorn with httptools' HTTP parser (C: half the CPU per request of the
pure-Python h11, bench/README.md) and a header-read timeout, so idle or slow clients cannot
hold the server's connections (uvicorn arms its keep-alive timer only after a first response,
and any byte received disarms it)."""

from __future__ import annotations

import asyncio
import json
import math
import os
import resource
from typing import Any, ClassVar

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from flashpoint.settings import Settings
from flashpoint.web.app import create_app, warm_in_background

# The app's database, settings and hosts, for worker processes (holds serve.token: the
# workers are this server's own children).
WORKER_SPEC = "FLASHPOINT_INTERNAL_WORKER_SPEC"


class HeaderTimeout(HttpToolsProtocol):
    """An httptools protocol that closes a connection whose request headers have not all
    arrived ``seconds`` after it opened, or after it fell idle (its last response sent and
    its last request read to the end): idle sockets and byte-by-byte senders alike. A
    request whose body is still arriving is never cut (an early answer, such as a 413, comes
    before the client has sent it all)."""

    seconds: ClassVar[float] = 10.0
    _header_timer: asyncio.TimerHandle | None = None
    _headers_pending = False
    _in_message = False  # a request begun and not yet read to its end

    def _arm(self) -> None:
        self._disarm()
        self._headers_pending = True
        self._header_timer = self.loop.call_later(self.seconds, self._headers_late)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _arm_if_idle(self) -> None:
        answered = self.cycle is None or self.cycle.response_complete  # none pipelined
        if answered and not self._in_message and not self.transport.is_closing():
            self._arm()

    def _headers_late(self) -> None:
        self._header_timer = None
        if self._headers_pending and not self.transport.is_closing():
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_message_begin(self) -> None:
        self._in_message = True
        super().on_message_begin()

    def on_headers_complete(self) -> None:
        self._headers_pending = False
        self._disarm()
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._in_message = False
        super().on_message_complete()
        self._arm_if_idle()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm_if_idle()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)


def header_timeout_protocol(seconds: float) -> type[HttpToolsProtocol]:
    """:class:`HeaderTimeout` closing after ``seconds``."""
    return type("HeaderTimeout", (HeaderTimeout,), {"seconds": seconds})


def _allow_files(connections: int) -> None:
    """Raise the soft limit on open files to fit ``connections`` (never above the hard one)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = connections + 256  # the database, static files, logs
    if soft != resource.RLIM_INFINITY and soft < want:
        top = want if hard == resource.RLIM_INFINITY else min(want, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (top, hard))


def worker_app() -> Any:
    """The app of one worker process (``serve.workers`` > 1): made from what the parent put
    in the environment, with its own read connections and answers."""
    spec = json.loads(os.environ[WORKER_SPEC])
    settings = Settings(spec["settings"])
    HeaderTimeout.seconds = settings.float("serve.header_timeout_s")
    app = create_app(spec["db"], settings, allowed_hosts=spec["hosts"])
    warm_in_background(app)
    return app


def server_workers(setting: int) -> int:
    """``serve.workers``: 0 means one process per core this server may run on (its affinity
    mask, so a server pinned to one core runs one)."""
    if setting > 0:
        return setting
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def serve_app(app: Any, host: str, port: int, settings: Settings) -> None:
    """Serve ``app`` until Ctrl-C; with more than one worker (``serve.workers``), that many
    processes, each making the same app (uvicorn imports it by name in each)."""
    connections = settings.int("serve.max_connections")
    _allow_files(connections)
    workers = server_workers(settings.int("serve.workers"))
    target: Any = app
    http: Any = header_timeout_protocol(settings.float("serve.header_timeout_s"))
    if workers > 1:
        hosts = app.state.allowed_hosts
        spec = {"db": str(app.state.db_path), "settings": dict(settings), "hosts": hosts}
        os.environ[WORKER_SPEC] = json.dumps(spec)
        target, http = f"{__name__}:worker_app", f"{__name__}:HeaderTimeout"
    else:
        warm_in_background(app)
    uvicorn.run(
        target,
        factory=workers > 1,
        workers=workers if workers > 1 else None,
        host=host,
        port=port,
        http=http,
        log_level="warning",
        access_log=False,
        server_header=False,
        proxy_headers=False,
        # an idle keep-alive connection lives as long as serve.header_timeout_s says (the
        # header timer closes it then): uvicorn's own 5 s closed connections a page open was
        # about to reuse while its slowest file was still on the way
        timeout_keep_alive=max(1, math.ceil(settings.float("serve.header_timeout_s"))),
        limit_concurrency=connections,
    )
