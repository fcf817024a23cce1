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
    """An httptools protocol that closes a connection which holds no request the app is
    working on ``seconds`` after it opened, after its last response, or after the body of an
    answered request finished arriving: idle sockets, byte-by-byte senders of a request head
    and trickled bodies of requests already answered (a 413 from the Content-Length) alike.
    A client gets ``seconds`` to send a whole request head, and to finish a body the server
    has answered without reading; while the app works on a request nothing is timed."""

    seconds: ClassVar[float] = 10.0
    _timer: asyncio.TimerHandle | None = None

    def _arm(self) -> None:
        self._disarm()
        self._timer = self.loop.call_later(self.seconds, self._late)

    def _disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _working(self) -> bool:
        """The app holds a request not yet answered (a pipelined one included)."""
        return self.cycle is not None and not self.cycle.response_complete

    def _late(self) -> None:
        self._timer = None
        if self.transport.is_closing() or self.transport.get_protocol() is not self:
            return  # closed, or handed to another protocol (an upgrade)
        if not self._working():  # on_response_complete arms the timer again
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        if not self._working():  # the rest of an answered body came: time the next head
            self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()

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
