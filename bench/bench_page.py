"""Benchmark: opening the analyst page (HTML, scripts, first data) in Chromium.

A synthetic database (``bench/synthetic.py``, cached under ``bench/results/``) is served by
``flashpoint serve`` on loopback. One browser opens the page ``--repeat`` times, one user at a
time, each in a fresh context (an empty cache): the time from navigation to the page's
``data-ready`` mark (stats, timeline, map places and the first 100 events drawn). Then
``--users`` contexts open it at the same moment. Reported: median, p95 and max, and the machine.

    .venv/bin/python bench/bench_page.py [--events 100000] [--repeat 5] [--users 50]

Speed is reported, not enforced: the exit status is 0 unless the server or browser failed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
CHROMIUM = Path("/usr/bin/chromium")
sys.path.insert(0, str(ROOT / "bench"))

from synthetic import build_event_db  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _database(n: int) -> Path:
    path = RESULTS / f"page-{n}.db"
    if not path.exists():
        RESULTS.mkdir(parents=True, exist_ok=True)
        print(f"building {n} synthetic events into {path} ...", file=sys.stderr)
        build_event_db(path, n, seed=0)
    return path


async def _open(browser: Any, url: str) -> tuple[float, str]:
    """Seconds to the page's data-ready mark, and the error the page showed (or "")."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    began = time.perf_counter()
    await page.goto(url, wait_until="commit", timeout=300_000)
    await page.wait_for_selector("body[data-ready='1']", timeout=300_000)
    took = time.perf_counter() - began
    error = (await page.locator("#error").inner_text()).strip()
    await context.close()
    return took, error


def _summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "n": len(ordered),
        "median_s": round(statistics.median(ordered), 3),
        "p95_s": round(p95, 3),
        "max_s": round(ordered[-1], 3),
    }


async def _run(url: str, repeat: int, users: int) -> dict[str, Any]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        await _open(browser, url)  # warm the server's caches once
        one = [await _open(browser, url) for _ in range(repeat)]
        print(f"one user: {_summary([t for t, _ in one])}", file=sys.stderr)
        many = await asyncio.gather(*(_open(browser, url) for _ in range(users)))
        await browser.close()
    errors = [e for _, e in [*one, *many] if e]
    return {
        "one_user": _summary([t for t, _ in one]),
        "users": users,
        "at_once": _summary([t for t, _ in many]),
        "pages_with_an_error": len(errors),
        "errors": sorted(set(errors)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--users", type=int, default=50)
    args = parser.parse_args(argv)
    db = _database(args.events)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "flashpoint", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "api/health", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    print("the server did not start", file=sys.stderr)
                    return 2
                time.sleep(0.2)
        result = asyncio.run(_run(base, args.repeat, args.users))
    finally:
        server.terminate()
        server.wait(timeout=10)
    result.update(
        {
            "events": args.events,
            "when": datetime.now().isoformat(timespec="seconds"),
            "machine": {
                "cpus": os.cpu_count(),
                "load_average_1m": round(os.getloadavg()[0], 2),
                "processor": platform.processor() or platform.machine(),
                "python": platform.python_version(),
                "system": platform.platform(),
            },
        }
    )
    print(json.dumps(result, indent=2))
    out = RESULTS / f"page-{args.events}-{datetime.now():%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
