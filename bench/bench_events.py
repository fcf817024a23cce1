"""Events at scale: filtered queries over 100,000 stored events, and how merge time grows.

    python bench/bench_events.py [--events 100000] [--sizes 20000,40000,80000] [--json]

1. Query: a database of N synthetic events (bench/synthetic.py, cached in bench/results/) is
   queried with the filters of `flashpoint events`, in process (query + total count, the work
   of one API page) and through the real CLI in a fresh process (`flashpoint events ...
   --format json --limit 100`, wall time including Python start-up). Target: under 1 s.
2. Merge: `merge_reports` over M synthetic mentions (reports of M/3 incidents spread over ten
   years, several types, countries and outlets) at three sizes. The growth exponent between
   sizes is compared with n log n's (just above 1); quadratic would be 2.

Synthetic data only; no article text.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT / "bench"))

FILTERS: list[tuple[str, dict[str, Any], list[str]]] = [
    ("type + dates", {"type": "armed_clash", "since": "2019-01-01", "until": "2019-06-30"},
     ["--type", "armed_clash", "--since", "2019-01-01", "--until", "2019-06-30"]),
    ("country + dates", {"country": "SYR", "since": "2020-01-01", "until": "2020-12-31"},
     ["--country", "SYR", "--since", "2020-01-01", "--until", "2020-12-31"]),
    ("mode + dates", {"mode": "claimed", "since": "2022-01-01", "until": "2022-03-01"},
     ["--mode", "claimed", "--since", "2022-01-01", "--until", "2022-03-01"]),
    ("near 50 km", {"near": (36.2, 37.1, 50.0)}, ["--near", "36.2,37.1,50"]),
    ("actor", {"actor": "Military Forces"}, ["--actor", "Military Forces"]),
    ("acled type + min sources", {"acled_type": "Battles", "min_sources": 3},
     ["--acled-type", "Battles", "--min-sources", "3"]),
]  # fmt: skip


def event_db(n: int) -> Path:
    from synthetic import build_event_db

    path = RESULTS / f"events-{n}-s0.db"
    if not path.exists():
        RESULTS.mkdir(parents=True, exist_ok=True)
        build_event_db(path, n)
    return path


def measure_queries(db: Path) -> list[dict[str, Any]]:
    from flashpoint.store import EventFilter, Store

    out = []
    Store(db, write=True).close()  # migrates an older database
    with Store(db) as store:
        for name, kw, args in FILTERS:
            flt = EventFilter(limit=100, **kw)
            best = math.inf
            for _ in range(3):
                start = time.perf_counter()
                page = store.events(flt)
                total = store.count_events(flt)
                best = min(best, time.perf_counter() - start)
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "flashpoint", "events", "--db", str(db), *args,
                 "--format", "json", "--limit", "100"],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            cli_s = time.perf_counter() - start
            out.append(
                {
                    "filter": name,
                    "page": len(page),
                    "total": total,
                    "query_ms": round(best * 1000, 1),
                    "cli_wall_s": round(cli_s, 2),
                    "cli_rows": len(json.loads(done.stdout)),
                }
            )
    return out


def synthetic_mentions(n: int, seed: int = 0) -> tuple[list[Any], dict[str, Any]]:
    """n reports of about n/3 incidents: each incident told by 1-5 outlets."""
    from flashpoint.merge import ArticleInfo
    from flashpoint.records import Actor, DateValue, Mention, Span

    rng = random.Random(seed)
    types = ["armed_clash", "air_strike", "shelling", "attack", "peaceful_protest", "arrest"]
    countries = ["SYR", "UKR", "SDN", "MLI", "COL", "MMR", "YEM", "COD"]
    start = date(2015, 1, 1)
    mentions: list[Mention] = []
    articles: dict[str, ArticleInfo] = {}
    k = 0
    while len(mentions) < n:
        day = start + timedelta(days=rng.randrange(3650))
        etype, country = rng.choice(types), rng.choice(countries)
        actor = Actor(f"Military Forces of {country}", f"Military Forces of {country}",
                      country, "military", 1)  # fmt: skip
        for _ in range(rng.randint(1, 5)):
            k += 1
            article = f"a{k}"
            articles[article] = ArticleInfo(f"outlet{rng.randrange(40)}", day.isoformat())
            mentions.append(
                Mention(
                    id=f"m{k}",
                    article_id=article,
                    type=etype,
                    trigger=Span(10, 15, "fight"),
                    sentence=Span(0, 40, f"report {k}"),
                    mode="happened",
                    actor1=actor,
                    date=DateValue(day.isoformat(), day.isoformat(), "day", "synthetic"),
                    raw_start=0,
                    raw_end=40,
                )
            )
    return mentions[:n], articles


def measure_merge(sizes: list[int]) -> list[dict[str, Any]]:
    from flashpoint.merge import merge_reports

    out = []
    for n in sizes:
        mentions, articles = synthetic_mentions(n)
        random.Random(1).shuffle(mentions)
        start = time.perf_counter()
        events = merge_reports(mentions, articles)
        seconds = time.perf_counter() - start
        out.append({"mentions": n, "events": len(events), "merge_s": round(seconds, 2)})
    for a, b in itertools.pairwise(out):
        ratio = b["mentions"] / a["mentions"]
        b["growth_exponent"] = round(math.log(b["merge_s"] / a["merge_s"]) / math.log(ratio), 2)
        n1, n2 = a["mentions"], b["mentions"]
        nlogn = (n2 * math.log(n2)) / (n1 * math.log(n1))
        b["n_log_n_exponent"] = round(math.log(nlogn) / math.log(ratio), 2)
    if len(out) > 1:
        first, last = out[0], out[-1]
        ratio = last["mentions"] / first["mentions"]
        last["overall_exponent"] = round(
            math.log(last["merge_s"] / first["merge_s"]) / math.log(ratio), 2
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--sizes", default="20000,40000,80000")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    report = {
        "events": args.events,
        "queries": measure_queries(event_db(args.events)),
        "merge": measure_merge([int(s) for s in args.sizes.split(",")]),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    (RESULTS / f"events-{stamp}.json").write_text(json.dumps(report, indent=2))
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    for q in report["queries"]:
        flag = "" if q["cli_wall_s"] < 1.0 else "  WARNING: over 1 s"
        print(
            f"{q['filter']:26} {q['total']:7} matches  query+count {q['query_ms']:7.1f} ms  "
            f"CLI wall {q['cli_wall_s']:.2f} s{flag}"
        )
    for m in report["merge"]:
        growth = (
            f"  growth exponent {m['growth_exponent']} (n log n: {m['n_log_n_exponent']})"
            if "growth_exponent" in m
            else ""
        )
        if "overall_exponent" in m:
            growth += f"; smallest to largest {m['overall_exponent']} (quadratic: 2)"
        print(
            f"merge {m['mentions']:7} mentions -> {m['events']:6} events  "
            f"{m['merge_s']:6.2f} s{growth}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
