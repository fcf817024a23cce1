"""The server under hostile use: 4xx for any bad body (never 500), 503 with a reason on a
damaged database, a health check that reads the database, and idle or slow connections that
cannot starve other clients (all on 127.0.0.1)."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashpoint.settings import load
from flashpoint.web import app as web_app
from flashpoint.web import create_app

with warnings.catch_warnings():  # starlette asks for httpx2; httpx is what is pinned
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from synthetic import build_event_db

TOKEN = "test-token-robust-0123456"
AUTH = {"Authorization": f"Bearer {TOKEN}", "content-type": "application/json"}


@pytest.fixture(scope="module")
def events_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_event_db(tmp_path_factory.mktemp("robust") / "r.db", 30, seed=2)


@pytest.fixture(scope="module")
def writer(events_db: Path) -> Iterator[tuple[TestClient, str]]:
    config = load(overrides={"store.path": str(events_db), "serve.token": TOKEN}, environ={})
    with TestClient(create_app(events_db, config), raise_server_exceptions=False) as c:
        eid = c.get("/api/events?limit=1").json()["events"][0]["id"]
        yield c, eid


def _correction(value: str) -> bytes:
    return ('{"field": "location", "value": ' + value + ', "reason": "r"}').encode()


BAD_BODIES = {
    "ingest: lone surrogate in text": ("ingest", b'{"text": "war \\ud800 here"}'),
    "ingest: lone surrogate in outlet": ("ingest", b'{"text": "war", "outlet": "\\udfff"}'),
    "ingest: not UTF-8": ("ingest", b'{"text": "\xff\xfe"}'),
    "ingest: not JSON": ("ingest", b"{"),
    "ingest: a list": ("ingest", b"[1]"),
    "ingest: 5000-digit number": ("ingest", b'{"text": ' + b"9" * 5000 + b"}"),
    "ingest: nested 100000 deep": ("ingest", b"[" * 100000 + b"]" * 100000),
    "correction: 400-digit latitude": (
        "correct",
        _correction('{"name": "X", "latitude": ' + "9" * 400 + ', "longitude": 1}'),
    ),
    "correction: 1e400 latitude": (
        "correct",
        _correction('{"name": "X", "latitude": 1e400, "longitude": 1}'),
    ),
    "correction: NaN": ("correct", _correction('{"name": "X", "latitude": NaN, "longitude": 1}')),
    "correction: surrogate name": ("correct", _correction('{"name": "\\ud800"}')),
    "correction: surrogate key": ("correct", _correction('{"name": "X", "\\ud800": 1}')),
    "correction: huge count": (
        "correct",
        b'{"field": "killed", "value": ' + b"9" * 300 + b', "reason": "r"}',
    ),
    "correction: surrogate reason": (
        "correct",
        b'{"field": "mode", "value": "claimed", "reason": "\\ud800"}',
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_BODIES))
def test_a_bad_body_is_a_clear_400(writer: tuple[TestClient, str], name: str) -> None:
    c, eid = writer
    route, body = BAD_BODIES[name]
    url = "/api/ingest" if route == "ingest" else f"/api/events/{eid}/corrections"
    res = c.post(url, content=body, headers=AUTH)
    assert res.status_code == 400, (res.status_code, res.text)
    assert res.json()["error"]["code"] == "bad_body"


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    field=st.sampled_from(["type", "mode", "date", "location", "killed", "status", "x"]), value=JSON
)
def test_any_correction_value_gives_4xx_or_201(
    writer: tuple[TestClient, str], field: str, value: Any
) -> None:
    c, eid = writer
    body = json.dumps({"field": field, "value": value, "reason": "fuzz"}, allow_nan=True)
    res = c.post(f"/api/events/{eid}/corrections", content=body.encode(), headers=AUTH)
    assert res.status_code in (201, 400), (res.status_code, res.text)


# -- a damaged database ---------------------------------------------------------------------------


def _damage(db: Path) -> None:
    """Random bytes over every page but the first (the schema stays readable)."""
    size = db.stat().st_size
    with db.open("r+b") as fh:
        fh.seek(4096)
        fh.write(os.urandom(size - 4096))


def test_a_damaged_database_is_a_503_with_a_reason(tmp_path: Path) -> None:
    db = build_event_db(tmp_path / "d.db", 200, seed=3)
    _damage(db)
    with TestClient(create_app(db, load(environ={})), raise_server_exceptions=False) as c:
        health = c.get("/api/health")
        assert health.status_code == 503 and health.json()["ok"] is False
        assert "d.db" in health.json()["reason"] and str(tmp_path) not in health.text
        for url in ("/api/events", "/api/stats", "/api/timeline", "/api/events/evx"):
            res = c.get(url)
            assert res.status_code == 503, (url, res.status_code, res.text)
            error = res.json()["error"]
            assert error["code"] == "database_unavailable" and "d.db" in error["message"]


def test_health_reads_the_database(tmp_path: Path, events_db: Path) -> None:
    with TestClient(create_app(events_db, load(environ={}))) as c:
        assert c.get("/api/health").json()["ok"] is True
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(4096))
    with TestClient(create_app(junk, load(environ={}))) as c:
        res = c.get("/api/health")
        assert res.status_code == 503 and "not a readable" in res.json()["reason"]


@pytest.mark.parametrize("fails", [False, True])
def test_health_says_warming_until_the_start_up_answers_are_made(
    events_db: Path, monkeypatch: pytest.MonkeyPatch, fails: bool
) -> None:
    release = threading.Event()

    def warm(state: Any, flt: Any) -> None:
        release.wait(10)
        if fails:
            raise RuntimeError("a bug in warming")

    monkeypatch.setattr(web_app, "warm", warm)
    app = create_app(events_db, load(environ={}))
    with TestClient(app) as c:
        assert c.get("/api/health").json()["warming"] is False  # nothing started yet
        thread = web_app.warm_in_background(app)
        assert c.get("/api/health").json()["warming"] is True
        release.set()
        thread.join(10)
        health = c.get("/api/health").json()
        assert health["ok"] is True and health["warming"] is False


# -- idle and slow connections ----------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(events_db: Path) -> Iterator[int]:
    port = _free_port()
    env = {**os.environ, "FLASHPOINT_SERVE_HEADER_TIMEOUT_S": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "flashpoint", "serve", "--db", str(events_db), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _health(port: int) -> int:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=5) as res:
        return int(res.status)


def test_idle_connections_do_not_starve_others_and_are_closed(server: int) -> None:
    idle = []
    try:
        for _ in range(520):
            idle.append(socket.create_connection(("127.0.0.1", server), timeout=5))
        assert _health(server) == 200  # another client is served at once
        slow = socket.create_connection(("127.0.0.1", server), timeout=5)
        idle.append(slow)
        for byte in b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n":  # one byte at a time
            try:
                slow.sendall(bytes([byte]))
            except OSError:
                break  # closed under it
            time.sleep(0.1)
        time.sleep(1.5)
        for s in idle:  # the idle ones and the slow one: closed by the server, unanswered
            s.settimeout(5)
            with contextlib.suppress(ConnectionResetError):
                assert s.recv(1) == b""
        assert _health(server) == 200
    finally:
        for s in idle:
            s.close()


def _early_answer_then_health(port: int, seconds: float) -> bytes:
    """POST a body too large (answered 413 from its Content-Length before it is read),
    send the body over ``seconds``, then ask for the health: what came back."""
    size = load(environ={}).int("serve.max_body_bytes") + 1
    head = f"POST /api/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {size}\r\n\r\n"
    answers = b""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
        conn.sendall(head.encode())
        third = size // 3
        with contextlib.suppress(OSError):  # closed under it
            for part in (third, third, size - 2 * third):
                time.sleep(seconds / 3)
                conn.sendall(b"x" * part)
            conn.sendall(
                b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
            )
        with contextlib.suppress(OSError):
            while chunk := conn.recv(65536):
                answers += chunk
    return answers


def test_the_rest_of_an_answered_body_has_the_header_timeout(server: int) -> None:
    """After an early answer (a 413 from the Content-Length) the client has the header
    timeout (1 s here) to finish the body it no longer needs: in time, its next request is
    answered; trickled past it, the connection is closed (it was held forever)."""
    prompt = _early_answer_then_health(server, 0.45)
    assert prompt.startswith(b"HTTP/1.1 413"), prompt[:300]
    assert prompt.count(b"HTTP/1.1 ") == 2 and b'"ok":true' in prompt, prompt[:600]
    late = _early_answer_then_health(server, 2.4)
    assert late.startswith(b"HTTP/1.1 413") and late.count(b"HTTP/1.1 ") == 1, late[:600]


def test_no_byte_keeps_a_connection_without_a_request_open(server: int) -> None:
    """A GET with a body it need not read, or a pipelined head sent slowly after an answer:
    each is closed after the header timeout (1 s here), however it trickles bytes."""
    openers = [
        b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000000\r\n\r\n",
        b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /api/health HTTP/1.1\r\n",
    ]
    for opener in openers:
        with socket.create_connection(("127.0.0.1", server), timeout=5) as conn:
            conn.sendall(opener)
            began = time.monotonic()
            with contextlib.suppress(OSError):  # closed under it
                for _ in range(12):  # a byte every 0.3 s for up to 3.6 s
                    time.sleep(0.3)
                    conn.sendall(b"x")
            conn.settimeout(5)
            try:
                while conn.recv(65536):
                    pass
                closed = True  # end of stream
            except ConnectionResetError:
                closed = True
            except OSError:  # timed out: still open
                closed = False
            assert closed and time.monotonic() - began < 5, opener
