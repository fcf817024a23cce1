"""The server's own cost per request kind, without sockets or load: the first N requests of
bench_api.py's mix sent one at a time to the ASGI app in this process, every answer computed
(the app is made without the start-up warming, and each question of the mix is new to it).

    .venv/bin/python bench/api_costs.py [--db bench/results/api-100000-s0.db] [--requests 800]

On a shared machine this is steadier than bench_api.py: one request at a time, so the figure
is the CPU a request costs, not how long it queued. Prints mean, p50 and max ms per kind, and
the CPU seconds of the whole pass (this process, its threads included: the least noisy figure
when other jobs share the CPUs).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_api import _event_ids, _queries  # noqa: E402

from flashpoint.settings import load  # noqa: E402
from flashpoint.web.app import create_app  # noqa: E402


async def _get(app: Any, path: str, query: str) -> int:
    """Status of GET path?query, answered by the ASGI app directly."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1")],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    status = 0

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


async def measure(db: Path, count: int) -> dict[str, list[float]]:
    app = create_app(db, load(environ={}), allowed_hosts=["127.0.0.1"])
    mix = _queries(random.Random(0), count, 50, _event_ids(db, 2000, 0))
    took: dict[str, list[float]] = defaultdict(list)
    for kind, path, params in mix:
        began = time.perf_counter()
        status = await _get(app, path, urlencode(params))
        took[kind].append((time.perf_counter() - began) * 1000)
        if status != 200:
            raise SystemExit(f"api_costs: {path}?{urlencode(params)} answered {status}")
    return took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(ROOT / "bench" / "results" / "api-100000-s0.db"))
    parser.add_argument("--requests", type=int, default=800)
    args = parser.parse_args()
    load_avg = " ".join(f"{x:.2f}" for x in os.getloadavg())
    cpu = time.process_time()
    took = asyncio.run(measure(Path(args.db), args.requests))
    cpu = time.process_time() - cpu
    print(
        f"{args.requests} requests, every answer computed; load average {load_avg} before; "
        f"CPU {cpu:.1f} s (app and database opened, ids picked, requests)"
    )
    for kind, ms in sorted(took.items()):
        print(
            f"  {kind:14} n {len(ms):4}  mean {statistics.fmean(ms):8.2f} ms  "
            f"p50 {statistics.median(ms):7.2f} ms  max {max(ms):8.1f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
