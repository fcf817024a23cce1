"""The analyst page in a real browser: Playwright driving Debian's chromium against
`flashpoint serve` on a database of the seed articles.

Screenshots go to test-artifacts/ (timeline.png, map.png, event.png, payload.png). Every
request the page makes is checked to stay on the server (the page must work offline), and any
console error, CSP violation included, fails the test that caused it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, run_cli, shared_path

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
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
# An article a scraper might bring back: markup and event handlers in its text and metadata.
PAYLOAD = (
    '<script>window.__pwned=1</script> Soldiers cross the border again <img src=x onerror="'
    'window.__pwned=1">\n\n'
    "SEOUL - North Korean soldiers crossed the Military Demarcation Line and retreated after "
    "South Korean troops fired warning shots near <script>window.__pwned=1</script> Panmunjom "
    '<img src=x onerror="window.__pwned=1"> on Tuesday, the Joint Chiefs of Staff said.\n\n'
    "The crossing was the fourth this year, officials said.\n"
)
PAYLOAD_OUTLET = 'Test <b onmouseover="window.__pwned=1">Wire</b>'


def _need(condition: bool, why: str) -> None:
    if not condition:
        if os.environ.get("CI"):
            pytest.fail(f"{why} (CI must have it)")
        pytest.skip(why)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=2) as res:
            return int(res.status)
    except OSError:
        return 0


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """`flashpoint serve` (default host, read-only) on a fresh database of the seeds."""
    _need(CHROMIUM.exists(), f"{CHROMIUM} is not installed (apt-get install chromium)")
    from flashpoint.web.app import vendor_missing

    _need(not vendor_missing(), "the page's libraries are not built (make install)")
    seeds = shared_path("seeds")
    db = tmp_path_factory.mktemp("browser") / "seeds.db"
    proc = run_cli("ingest", str(seeds), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("FLASHPOINT_")}
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
        while _get(base + "/api/health") != 200:
            assert server.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.1)
        yield {"base": base, "db": db, "log": log}
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(served: dict[str, Any]) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, served: dict[str, Any]) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
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


def _open(page: Any, base: str, fragment: str = "") -> None:
    page.goto(base + "/" + fragment)
    page.wait_for_selector("body[data-ready='1']", timeout=20_000)


def test_server_binds_loopback_and_is_read_only(served: dict[str, Any]) -> None:
    assert f"at http://127.0.0.1:{served['base'].rsplit(':', 1)[1]}/" in served["log"].read_text()
    assert "read-only" in served["log"].read_text()
    request = urllib.request.Request(served["base"] + "/api/ingest", data=b"{}", method="POST")
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request, timeout=5)
    assert err.value.code in (404, 405)


def test_timeline_shows_june_and_october_2024(page: Any, served: dict[str, Any]) -> None:
    _open(page, served["base"])
    ticks = page.locator("#timeline .axis.x .tick text").all_text_contents()
    assert "June" in ticks and "October" in ticks, ticks
    days = page.locator("#timeline rect.bar").evaluate_all(
        "bars => bars.map(b => b.getAttribute('data-day'))"
    )
    assert any(d.startswith("2024-06") for d in days) and any(d.startswith("2024-10") for d in days)
    june = page.locator("#timeline rect.bar[data-day^='2024-06']").first.bounding_box()
    october = page.locator("#timeline rect.bar[data-day^='2024-10']").first.bounding_box()
    assert june and october and june["x"] < october["x"] and june["height"] > 0
    page.locator("#timeline-panel").screenshot(path=str(ARTIFACTS / "timeline.png"))


def test_brushing_the_timeline_selects_a_date_range(page: Any, served: dict[str, Any]) -> None:
    _open(page, served["base"])
    first = page.locator("#timeline rect.bar[data-day='2024-06-18']").first.bounding_box()
    last = page.locator("#timeline rect.bar[data-day^='2024-06-2']").last.bounding_box()
    assert first and last
    y = first["y"] + first["height"] - 2
    page.mouse.move(first["x"] + first["width"] / 2, y)
    page.mouse.down()
    page.mouse.move(last["x"] + last["width"] / 2, y, steps=8)
    page.mouse.up()
    # (functions, not expressions: the page's CSP forbids eval, which expressions need)
    page.wait_for_function("() => location.hash.includes('since=2024-06-18')")
    until = page.evaluate("() => new URLSearchParams(location.hash.slice(1)).get('until')")
    assert "2024-06-20" <= until <= "2024-06-30"
    # the list now holds the events that overlap the range: start before its end, end after
    # its start (a week- or month-long event that began earlier is in it too)
    page.wait_for_function(
        "u => [...document.querySelectorAll('#events tbody tr')].every("
        "r => r.dataset.date <= u && r.dataset.dateEnd >= '2024-06-18')",
        arg=until,
    )
    dates = page.locator("#events tbody tr").evaluate_all("rs => rs.map(r => r.dataset.date)")
    assert "2024-06-18" in dates and until in dates
    assert not any(d.startswith("2024-10") for d in dates)
    assert page.locator("#filters input[name=since]").input_value() == "2024-06-18"


def test_map_has_markers_on_the_korean_dmz(page: Any, served: dict[str, Any]) -> None:
    _open(page, served["base"])
    svg = page.locator("#map svg").bounding_box()
    markers = page.locator("#map circle.point").evaluate_all(
        "cs => cs.map(c => { const b = c.getBoundingClientRect(); return {"
        "lat: +c.dataset.lat, lon: +c.dataset.lon, n: +c.dataset.sources,"
        "x: b.x + b.width / 2, y: b.y + b.height / 2, r: b.width / 2}; })"
    )
    dmz = [m for m in markers if 37.5 <= m["lat"] <= 38.8 and 125.5 <= m["lon"] <= 129.0]
    assert dmz, markers
    assert svg is not None
    for m in dmz:  # drawn inside the visible map, not off in a corner
        assert svg["x"] < m["x"] < svg["x"] + svg["width"]
        assert svg["y"] < m["y"] < svg["y"] + svg["height"]
    # sized by the number of sources: more outlets, bigger circle
    one = [m["r"] for m in markers if m["n"] == 1]
    more = [m["r"] for m in markers if m["n"] >= 2]
    assert one and more and min(more) > max(one)
    # the outlines are the shipped Natural Earth countries
    assert page.locator("#map path.country").count() > 200
    page.locator("#map-panel").screenshot(path=str(ARTIFACTS / "map.png"))


def test_the_18_june_crossing_shows_its_sentence_highlighted(
    page: Any, served: dict[str, Any]
) -> None:
    _open(page, served["base"])
    row = page.locator("#events tbody tr[data-date='2024-06-18'][data-type='border_crossing']")
    row.first.click()
    page.wait_for_selector("#article-text mark.sentence")
    sentence = "".join(page.locator("#article-text mark.sentence").all_text_contents())
    # the sentence that dates the crossing to "Tuesday" (18 June), whichever report founds it
    assert "Tuesday" in sentence and "cross" in sentence, sentence
    assert page.locator("#article-text mark.sentence").first.is_visible()
    # the date beside its words, in the fields table and inside the raw article
    date_row = page.locator("#fields tr[data-field='date']")
    assert "2024-06-18" in date_row.locator("td.value").inner_text()
    assert date_row.locator("mark.word").all_text_contents() == ["Tuesday"]
    assert page.locator("#article-text mark.word[data-role='date']").inner_text() == "Tuesday"
    for field in ("type", "mode", "actor", "location"):
        assert page.locator(f"#fields tr[data-field='{field}']").count() >= 1
    # what cleaning removed is there, greyed, with the reason on hover
    removed = page.locator("#article-text .removed")
    assert removed.count() > 0
    assert removed.first.get_attribute("title").startswith("removed by cleaning: ")
    grey = removed.first.evaluate("e => getComputedStyle(e).color")
    assert grey == "rgb(154, 161, 168)"
    page.screenshot(path=str(ARTIFACTS / "event.png"), full_page=True)


def test_live_ingest_shows_up_and_script_payload_is_inert(
    page: Any, served: dict[str, Any], tmp_path: Path
) -> None:
    from flashpoint.records import article_id

    _open(page, served["base"])
    before = page.locator("#summary").inner_text()
    folder = tmp_path / "payload"
    folder.mkdir()
    (folder / "payload.txt").write_text(PAYLOAD, encoding="utf-8")
    # another process ingests while the server runs
    proc = run_cli(
        "ingest",
        str(folder),
        "--db",
        str(served["db"]),
        "--published",
        "2024-07-02",
        "--outlet",
        PAYLOAD_OUTLET,
    )
    assert proc.returncode == 0, proc.stderr
    page.click("#refresh")
    page.wait_for_selector("body[data-ready='1']")
    after = page.locator("#summary").inner_text()
    assert after != before and "from 4 articles" in after
    rows = page.locator("#events tbody tr[data-date='2024-07-02']")
    assert rows.count() >= 1

    aid = article_id((folder / "payload.txt").read_bytes())
    _open(page, served["base"], f"#article={aid}")
    text = page.locator("#article-text")
    text.wait_for()
    shown = text.inner_text()
    assert "<script>window.__pwned=1</script>" in shown
    assert '<img src=x onerror="window.__pwned=1">' in shown
    assert page.locator("#article-title").inner_text().startswith("<script>")
    assert "<b onmouseover" in page.locator("#article-meta").inner_text()

    # and in the event view: the quote and the outlet are text too
    shots = page.locator("#events tbody tr[data-date='2024-07-02'][data-type='warning_shots']")
    shots.first.click()
    page.wait_for_selector("#sources li")
    assert "<script>window.__pwned=1</script>" in page.locator("#sources").inner_text()
    assert PAYLOAD_OUTLET in page.locator("#sources").inner_text()
    page.wait_for_timeout(300)  # give a payload every chance to run
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#article-text img, #detail img, #article-text script").count() == 0
    assert page.locator("script").count() == 3  # d3, topojson-client, app.js
    page.locator("#article").screenshot(path=str(ARTIFACTS / "payload.png"))


def test_artifacts_are_saved() -> None:
    if not ARTIFACTS.exists():
        pytest.skip("browser tests did not run")
    for name in ("timeline.png", "map.png", "event.png"):
        path = ARTIFACTS / name
        if not path.exists() and not os.environ.get("CI"):
            pytest.skip(f"{name} not made")
        assert path.stat().st_size > 5_000, name
