"""Benchmark: filtered ``GET /api/events`` under concurrent clients, on a 100,000-event database.

A synthetic database (``bench/synthetic.py``, cached under ``bench/results/``) is served by
``flashpoint serve`` in a subprocess on loopback. N clients (asyncio + aiohttp, one connection
each, keep-alive) send filtered queries back to back for a fixed time; each response must be a
200 with the JSON page. The clients share one CPU: with httpx (``--client httpx``, the bench's
client until 3 December 2026) that CPU was saturated once the server answered about 250
requests/s, so the figures measured the client's own queue as much as the server. Reported:
p50 / p90 / p99 / max latency, requests/s, errors, and p50 per kind of filter.

    .venv/bin/python bench/bench_api.py [--events 100000] [--clients 50] [--duration 20]

The server is pinned to CPU 0 and the clients to the other CPUs when there are two or more, so
the load generator does not steal the server's core. Speed is reported, not enforced: the exit
status is 0 unless the server failed to start (2) or requests failed (1).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import resource
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import orjson

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT / "bench"))

import page_open  # noqa: E402
from synthetic import PLACES, build_event_db  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _database(n: int, seed: int, given: str | None) -> Path:
    if given:
        return Path(given)
    path = RESULTS / f"api-{n}-s{seed}.db"
    if path.exists():
        from flashpoint.store import Store, StoreError

        try:
            with Store(path, write=True) as store:  # migrates an older schema; refuses a newer
                if store.count_events() == n:
                    return path
        except StoreError:
            pass
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    print(f"building {n} synthetic events into {path} ...", file=sys.stderr)
    began = time.perf_counter()
    build_event_db(path, n, seed)
    print(f"  built in {time.perf_counter() - began:.1f}s", file=sys.stderr)
    return path


KINDS = {  # kind of request: share of the mix
    "list": 15,
    "filtered list": 25,
    "sorted list": 15,
    "timeline": 15,
    "map": 15,
    "event detail": 15,
}


def _filters(rng: random.Random, types: list[str], countries: list[str]) -> dict[str, Any]:
    """A filter an analyst might set: a date window, a type, a country, a place, an actor."""
    start = date(2015, 1, 1) + timedelta(days=rng.randrange(3900))
    window = {"since": start.isoformat(), "until": (start + timedelta(days=90)).isoformat()}
    place = rng.choice(PLACES)
    kind = rng.choices(["type+dates", "country+dates", "near", "min_sources", "mode", "actor"])[0]
    if kind == "type+dates":
        return {"type": rng.choice(types), **window}
    if kind == "country+dates":
        return {"country": rng.choice(countries), **window}
    if kind == "near":
        return {"near": f"{place[1]},{place[2]},50", "since": window["since"][:4]}
    if kind == "min_sources":
        return {"type": rng.choice(types), "min_sources": 3}
    if kind == "mode":
        return {"mode": rng.choice(["claimed", "planned", "denied"]), **window}
    return {"actor": "Government of", "country": place[3], **window}


def _queries(
    rng: random.Random, count: int, limit: int, event_ids: list[str]
) -> list[tuple[str, str, dict[str, Any]]]:
    """A fixed mix of (kind, path, params), as analysts' pages would send them."""
    from flashpoint.ontology import load_ontology

    types = sorted(load_ontology())
    countries = sorted({p[3] for p in PLACES})
    out: list[tuple[str, str, dict[str, Any]]] = []
    for _ in range(count):
        kind = rng.choices(list(KINDS), list(KINDS.values()))[0]
        some = _filters(rng, types, countries)
        if kind == "list":
            out.append((kind, "/api/events", {"limit": limit}))
        elif kind == "filtered list":
            out.append((kind, "/api/events", {**some, "limit": limit}))
        elif kind == "sorted list":
            sort = rng.choice(["-date", "-sources", "-killed", "-confidence", "killed"])
            chosen = some if rng.random() < 0.5 else {}
            out.append((kind, "/api/events", {**chosen, "sort": sort, "limit": limit}))
        elif kind == "timeline":
            out.append((kind, "/api/timeline", some if rng.random() < 0.7 else {}))
        elif kind == "map":
            zoom = {"zoom": rng.randrange(2, 9)} if rng.random() < 0.5 else {}
            out.append((kind, "/api/map", {**(some if rng.random() < 0.7 else {}), **zoom}))
        else:
            out.append((kind, f"/api/events/{rng.choice(event_ids)}", {}))
    return out


EXPECTED = {"/api/events": "events", "/api/timeline": "series", "/api/map": "places"}


def _answered(status: int, body: bytes, path: str) -> bool:
    """A 200 whose JSON holds the kind's key. Parsed with orjson (as the server encodes): the
    clients share one CPU (a whole-database map in one answer, before it was paged, took 0.45-
    0.55 s of it with orjson and 0.6-0.75 s with the standard library)."""
    if status != 200:
        return False
    try:
        return EXPECTED.get(path, "event") in orjson.loads(body)
    except orjson.JSONDecodeError:
        return False


Fetch = Callable[[str, dict[str, Any]], Awaitable[tuple[int, bytes]]]


@asynccontextmanager
async def _httpx_fetch(base: str) -> AsyncIterator[Fetch]:
    async with httpx.AsyncClient(base_url=base, timeout=60.0) as client:

        async def fetch(path: str, params: dict[str, Any]) -> tuple[int, bytes]:
            try:
                res = await client.get(path, params=params)
            except httpx.HTTPError:
                return 0, b""  # no answer: the connection failed or timed out
            return res.status_code, res.content

        yield fetch


@asynccontextmanager
async def _aiohttp_fetch(base: str) -> AsyncIterator[Fetch]:
    """aiohttp (its response parser is C): one keep-alive connection."""
    import aiohttp  # page_open.py needs it anyway; here it is only the mix's client

    connector = aiohttp.TCPConnector(limit=1)
    timeout = aiohttp.ClientTimeout(total=60.0)
    async with aiohttp.ClientSession(base, connector=connector, timeout=timeout) as client:

        async def fetch(path: str, params: dict[str, Any]) -> tuple[int, bytes]:
            try:
                async with client.get(path, params=params) as res:
                    return res.status, await res.read()
            except (TimeoutError, aiohttp.ClientError):
                return 0, b""  # no answer: the connection failed or timed out

        yield fetch


FETCHERS = {"aiohttp": _aiohttp_fetch, "httpx": _httpx_fetch}


async def _client(
    base: str,
    queries: list[tuple[str, str, dict[str, Any]]],
    window: tuple[float, float, float],
    seed: int,
    samples: list[tuple[str, float, int]],
    client: str,
) -> None:
    """One client: questions back to back from ``window``'s start, measured from its second
    time, until its third (perf_counter seconds). A status of 0 is no answer at all."""
    start_at, measure_from, stop_at = window
    rng = random.Random(seed)
    async with FETCHERS[client](base) as fetch:
        while time.perf_counter() < start_at:
            await asyncio.sleep(0.001)
        while True:
            kind, path, params = queries[rng.randrange(len(queries))]
            began = time.perf_counter()
            if began >= stop_at:
                return
            code, body = await fetch(path, params)
            status = code if code == 0 or _answered(code, body, path) else -code
            ended = time.perf_counter()
            if began >= measure_from:
                samples.append((kind, ended - began, status))


async def _load(
    base: str, args: argparse.Namespace, event_ids: list[str]
) -> tuple[list[tuple[str, float, int]], float]:
    queries = _queries(random.Random(args.seed), 2000, args.limit, event_ids)
    samples: list[tuple[str, float, int]] = []
    now = time.perf_counter()
    start_at = now + 0.5
    measure_from = start_at + args.warmup
    stop_at = measure_from + args.duration
    window = (start_at, measure_from, stop_at)
    await asyncio.gather(
        *(
            _client(base, queries, window, args.seed + i, samples, args.client)
            for i in range(args.clients)
        )
    )
    return samples, stop_at - measure_from


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def _wait_ready(base: str, proc: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with status {proc.returncode}")
        try:
            if httpx.get(base + "/api/health", timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("server did not answer within 60 s")


def _wait_warm(base: str, timeout: float = 120.0) -> float | None:
    """Seconds waited until /api/health no longer says ``warming`` (the server's start-up
    answers are computed); None when it still does after ``timeout``. With several server
    processes this is whichever answered: each warms on its own. A server older than the
    field never says it, so the mix starts at once."""
    began = time.monotonic()
    while time.monotonic() - began < timeout:
        try:
            if not httpx.get(base + "/api/health", timeout=5.0).json().get("warming"):
                return time.monotonic() - began
        except (httpx.HTTPError, ValueError):
            pass
        time.sleep(0.1)
    return None


def _git() -> dict[str, Any]:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = bool(
            subprocess.run(
                ["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True
            ).stdout.strip()
        )
        return {"commit": commit, "dirty": dirty}
    except (OSError, subprocess.CalledProcessError):
        return {}


def _event_ids(db: Path, count: int, seed: int) -> list[str]:
    """Ids of ``count`` events spread over the database, for the event-detail requests."""
    from flashpoint.store import EventFilter, Store

    with Store(db, read_only=True) as store:  # ids only: decoding every event took ~20 s
        ids, _ = store.sorted_ids(EventFilter(), "date", 100_000)
    return random.Random(seed).sample(ids, min(count, len(ids)))


def _machine() -> dict[str, Any]:
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return {
        "cpus": os.cpu_count(),
        "load_average_1_5_15": [round(x, 2) for x in load],
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
        **_git(),
    }


def _page_opens(base: str, users: int) -> dict[str, Any]:
    one = [asyncio.run(page_open.open_pages(base, 1))[0] for _ in range(5)]
    many = asyncio.run(page_open.open_pages(base, users))
    failed = [x for x in one + many if isinstance(x, str)]
    one_s = [x for x in one if isinstance(x, float)] or [float("nan")]
    ms = [x * 1000 for x in many if isinstance(x, float)]
    return {
        "one_user_ms": {
            "first": round(one_s[0] * 1000, 1),
            "median_of_5": round(statistics.median(one_s) * 1000, 1),
        },
        "users": users,
        "many_users_ms": {"p50": round(_pct(ms, 50), 1), "p95": round(_pct(ms, 95), 1)},
        "failed": len(failed),
        "failures": sorted(set(failed))[:5],
    }


def _summary(samples: list[tuple[str, float, int]], seconds: float) -> dict[str, Any]:
    ok = [s for s in samples if s[2] == 200]
    lat = [s[1] * 1000 for s in ok]
    by_kind: dict[str, dict[str, float]] = {}
    for kind in sorted({s[0] for s in ok}):
        ms = [s[1] * 1000 for s in ok if s[0] == kind]
        by_kind[kind] = {
            "n": len(ms),
            "p50_ms": round(_pct(ms, 50), 2),
            "p99_ms": round(_pct(ms, 99), 2),
        }
    return {
        "measured_s": round(seconds, 2),
        "requests": len(samples),
        "ok": len(ok),
        "errors": len(samples) - len(ok),
        # by (kind, status): 0 a connection error or timeout, negative a wrong body
        "error_kinds": dict(Counter(f"{s[0]} {s[2]}" for s in samples if s[2] != 200)),
        "requests_per_s": round(len(ok) / seconds, 1) if seconds else 0.0,
        "latency_ms": {
            "p50": round(_pct(lat, 50), 2),
            "p90": round(_pct(lat, 90), 2),
            "p99": round(_pct(lat, 99), 2),
            "max": round(max(lat), 2) if lat else None,
            "mean": round(statistics.fmean(lat), 2) if lat else None,
        },
        "by_kind": by_kind,
    }


def _print(result: dict[str, Any]) -> None:
    mix, pages, machine = result["mix"], result["page_open"], result["machine"]
    lm = mix["latency_ms"]
    print(
        f"machine: {machine['cpus']} CPUs, load average {machine['load_average_1_5_15']} before, "
        f"{result['machine_after']['load_average_1_5_15']} after; {machine['platform']}; "
        f"server workers {result['workers']}; CPU seconds used: server "
        f"{result['cpu_s']['server']}, bench (clients) {result['cpu_s']['bench']}"
    )
    waited = result["warm_wait_s"]
    if not result["waited_for_warm"]:
        print("mix started right after the page opens (--no-wait-warm)")
    elif waited is None:
        print("mix started after 120 s: the server still said it was warming")
    else:
        print(f"mix started after the server's start-up answers: waited {waited} s")
    print(
        f"mix: {mix['ok']} requests in {mix['measured_s']}s from {result['clients']} "
        f"{result['client']} clients on "
        f"{result['database']['events']} events: {mix['requests_per_s']} req/s, "
        f"p50 {lm['p50']} ms, p90 {lm['p90']} ms, p99 {lm['p99']} ms, max {lm['max']} ms, "
        f"{mix['errors']} errors {mix['error_kinds'] or ''} (target: p99 < 300 ms, >= 200 req/s)"
    )
    for kind, row in mix["by_kind"].items():
        print(f"  {kind:14} n {row['n']:6}  p50 {row['p50_ms']} ms  p99 {row['p99_ms']} ms")
    one, many = pages["one_user_ms"], pages["many_users_ms"]
    print(
        f"page open, 1 user: first {one['first']} ms, median of 5 {one['median_of_5']} ms "
        f"(target < 1500 ms); {pages['users']} users at once: p50 {many['p50']} ms, "
        f"p95 {many['p95']} ms (target p95 < 5000 ms); {pages['failed']} failed opens "
        f"{pages['failures']}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=20.0, help="measured seconds")
    parser.add_argument("--warmup", type=float, default=2.0, help="unmeasured seconds first")
    parser.add_argument("--limit", type=int, default=50, help="page size of each request")
    parser.add_argument(
        "--workers", type=int, default=None, help="serve --workers (default: its own)"
    )
    parser.add_argument("--users", type=int, default=50, help="page opens at once")
    parser.add_argument(
        "--client", choices=["aiohttp", "httpx"], default="aiohttp", help="the mix's clients"
    )
    parser.add_argument("--db", default=None, help="serve this database instead")
    parser.add_argument("--no-pin", action="store_true", help="do not pin server and clients")
    parser.add_argument(
        "--no-wait-warm",
        action="store_true",
        help="start the mix right after the page opens, while the server may still be "
        "computing its start-up answers (the procedure before 2026-12-03 evening)",
    )
    parser.add_argument("--no-save", action="store_true")
    parser.add_argument("--json", action="store_true", help="print only the JSON result")
    args = parser.parse_args(argv)

    db = _database(args.events, args.seed, args.db)
    event_ids = _event_ids(db, 2000, args.seed)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    pin = not args.no_pin and len(cpus) >= 2
    env = {k: v for k, v in os.environ.items() if not k.startswith("FLASHPOINT_")}
    cmd = [sys.executable, "-m", "flashpoint", "serve", "--db", str(db), "--port", str(port)]
    if args.workers is not None:
        cmd += ["--workers", str(args.workers)]
    server_cpus = set(cpus[: max(1, len(cpus) // 2)]) if pin else None
    machine = _machine()

    def pin_server() -> None:
        if server_cpus is not None:
            os.sched_setaffinity(0, server_cpus)

    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, preexec_fn=pin_server)
    try:
        try:
            _wait_ready(base, proc)
        except RuntimeError as exc:
            print(f"bench_api: {exc}", file=sys.stderr)
            return 2
        if pin:
            os.sched_setaffinity(0, set(cpus) - (server_cpus or set()))
        pages = _page_opens(base, args.users)
        warm_wait = None if args.no_wait_warm else _wait_warm(base)
        samples, seconds = asyncio.run(_load(base, args, event_ids))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()

    mix = _summary(samples, seconds)
    used, server = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    result = {
        "benchmark": "bench_api",
        "when": datetime.now().isoformat(timespec="seconds"),
        "command": " ".join(["bench/bench_api.py", *(argv if argv is not None else sys.argv[1:])]),
        "database": {"path": str(db), "events": args.events, "seed": args.seed},
        "clients": args.clients,
        "client": args.client,
        "workers": args.workers if args.workers is not None else "default",
        "page_size": args.limit,
        "mix_weights": KINDS,
        "mix": mix,
        "page_open": pages,
        # seconds the mix waited after the page opens for the server's start-up answers
        # (/api/health `warming`); null with --no-wait-warm
        "warm_wait_s": None if warm_wait is None else round(warm_wait, 2),
        "waited_for_warm": not args.no_wait_warm,
        "pinned": {
            "server_cpus": sorted(server_cpus) if server_cpus else None,
            "client_cpus": sorted(set(cpus) - server_cpus) if server_cpus else None,
        },
        "machine": machine,
        "machine_after": _machine(),
        # whole run (database check, page opens, mix): what each side had of the CPUs
        "cpu_s": {
            "server": round(server.ru_utime + server.ru_stime, 1),
            "bench": round(used.ru_utime + used.ru_stime, 1),
        },
    }
    text = json.dumps(result, indent=2)
    if args.json:
        print(text)
    else:
        _print(result)
    if not args.no_save:
        RESULTS.mkdir(parents=True, exist_ok=True)
        out = RESULTS / f"api-{datetime.now():%Y%m%dT%H%M%S}.json"
        out.write_text(text + "\n")
        print(f"saved {out}", file=sys.stderr)
    return 1 if mix["errors"] or pages["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
