"""Benchmark: filtered ``GET /api/events`` under concurrent clients, on a 100,000-event database.

A synthetic database (``bench/synthetic.py``, cached under ``bench/results/``) is served by
``flashpoint serve`` in a subprocess on loopback. N clients (asyncio + httpx, one connection
each, keep-alive) send filtered queries back to back for a fixed time; each response must be a
200 with the JSON page. Reported: p50 / p90 / p99 / max latency, requests/s, errors, and p50
per kind of filter.

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
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT / "bench"))

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
            with Store(path) as store:  # refuses an older or newer schema
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


def _queries(rng: random.Random, count: int, limit: int) -> list[tuple[str, dict[str, Any]]]:
    """A fixed mix of filtered queries, as an analyst's page would send them."""
    from flashpoint.ontology import load_ontology

    types = sorted(load_ontology())
    countries = sorted({p[3] for p in PLACES})
    out: list[tuple[str, dict[str, Any]]] = []
    for _ in range(count):
        start = date(2015, 1, 1) + timedelta(days=rng.randrange(3900))
        window = {"since": start.isoformat(), "until": (start + timedelta(days=90)).isoformat()}
        place = rng.choice(PLACES)
        kind = rng.choices(
            ["type+dates", "country+dates", "near", "type+min_sources", "mode+dates", "actor"],
            [30, 25, 15, 10, 10, 10],
        )[0]
        params: dict[str, Any]
        if kind == "type+dates":
            params = {"type": rng.choice(types), **window}
        elif kind == "country+dates":
            params = {"country": rng.choice(countries), **window}
        elif kind == "near":
            params = {"near": f"{place[1]},{place[2]},50", "since": window["since"][:4]}
        elif kind == "type+min_sources":
            params = {"type": rng.choice(types), "min_sources": 3}
        elif kind == "mode+dates":
            params = {"mode": rng.choice(["claimed", "planned", "denied"]), **window}
        else:
            params = {"actor": "Government of", "country": place[3], **window}
        out.append((kind, {**params, "limit": limit}))
    return out


async def _client(
    base: str,
    queries: list[tuple[str, dict[str, Any]]],
    start_at: float,
    measure_from: float,
    stop_at: float,
    seed: int,
    samples: list[tuple[str, float, int]],
) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=60.0) as client:
        while time.perf_counter() < start_at:
            await asyncio.sleep(0.001)
        while True:
            kind, params = queries[rng.randrange(len(queries))]
            began = time.perf_counter()
            if began >= stop_at:
                return
            try:
                res = await client.get("/api/events", params=params)
                ok = res.status_code == 200 and "events" in res.json()
                status = res.status_code if ok else -res.status_code
            except httpx.HTTPError:
                status = 0
            ended = time.perf_counter()
            if began >= measure_from:
                samples.append((kind, ended - began, status))


async def _load(base: str, args: argparse.Namespace) -> tuple[list[tuple[str, float, int]], float]:
    queries = _queries(random.Random(args.seed), 2000, args.limit)
    samples: list[tuple[str, float, int]] = []
    now = time.perf_counter()
    start_at = now + 0.5
    measure_from = start_at + args.warmup
    stop_at = measure_from + args.duration
    await asyncio.gather(
        *(
            _client(base, queries, start_at, measure_from, stop_at, args.seed + i, samples)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=20.0, help="measured seconds")
    parser.add_argument("--warmup", type=float, default=2.0, help="unmeasured seconds first")
    parser.add_argument("--limit", type=int, default=50, help="page size of each request")
    parser.add_argument("--db", default=None, help="serve this database instead")
    parser.add_argument("--no-pin", action="store_true", help="do not pin server and clients")
    parser.add_argument("--no-save", action="store_true")
    parser.add_argument("--json", action="store_true", help="print only the JSON result")
    args = parser.parse_args(argv)

    db = _database(args.events, args.seed, args.db)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    pin = not args.no_pin and len(cpus) >= 2
    env = {k: v for k, v in os.environ.items() if not k.startswith("FLASHPOINT_")}
    cmd = [sys.executable, "-m", "flashpoint", "serve", "--db", str(db), "--port", str(port)]
    server_cpu = cpus[0] if pin else None

    def pin_server() -> None:
        if server_cpu is not None:
            os.sched_setaffinity(0, {server_cpu})

    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, preexec_fn=pin_server)
    try:
        try:
            _wait_ready(base, proc)
        except RuntimeError as exc:
            print(f"bench_api: {exc}", file=sys.stderr)
            return 2
        if pin:
            os.sched_setaffinity(0, set(cpus[1:]))
        samples, seconds = asyncio.run(_load(base, args))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()

    ok = [s for s in samples if s[2] == 200]
    errors = len(samples) - len(ok)
    lat = [s[1] * 1000 for s in ok]
    by_kind: dict[str, dict[str, float]] = {}
    for kind in sorted({s[0] for s in ok}):
        ms = [s[1] * 1000 for s in ok if s[0] == kind]
        by_kind[kind] = {"n": len(ms), "p50_ms": round(_pct(ms, 50), 2)}
    result = {
        "benchmark": "bench_api",
        "when": datetime.now().isoformat(timespec="seconds"),
        "command": " ".join(["bench/bench_api.py", *(argv if argv is not None else sys.argv[1:])]),
        "database": {"path": str(db), "events": args.events, "seed": args.seed},
        "clients": args.clients,
        "measured_s": round(seconds, 2),
        "page_size": args.limit,
        "requests": len(samples),
        "ok": len(ok),
        "errors": errors,
        "requests_per_s": round(len(ok) / seconds, 1) if seconds else 0.0,
        "latency_ms": {
            "p50": round(_pct(lat, 50), 2),
            "p90": round(_pct(lat, 90), 2),
            "p99": round(_pct(lat, 99), 2),
            "max": round(max(lat), 2) if lat else None,
            "mean": round(statistics.fmean(lat), 2) if lat else None,
        },
        "p50_by_filter": by_kind,
        "pinned": {"server_cpu": server_cpu, "client_cpus": cpus[1:] if pin else None},
        "environment": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
            "platform": platform.platform(),
            **_git(),
        },
    }
    text = json.dumps(result, indent=2)
    if args.json:
        print(text)
    else:
        lm = result["latency_ms"]
        print(
            f"{len(ok)} requests in {seconds:.1f}s from {args.clients} clients on "
            f"{args.events} events: {result['requests_per_s']} req/s, "
            f"p50 {lm['p50']} ms, p90 {lm['p90']} ms, p99 {lm['p99']} ms, max {lm['max']} ms, "
            f"{errors} errors"
        )
        for kind, row in by_kind.items():
            print(f"  {kind:18} n {row['n']:6}  p50 {row['p50_ms']} ms")
    if not args.no_save:
        RESULTS.mkdir(parents=True, exist_ok=True)
        out = RESULTS / f"api-{datetime.now():%Y%m%dT%H%M%S}.json"
        out.write_text(text + "\n")
        print(f"saved {out}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
