"""Merge at scale: one busy week, and adding reports to a store of a million mentions.

    python bench/bench_merge.py [--sizes 20000,50000,100000,200000] [--store 1000000]
                                [--add 1000] [--skip-week] [--skip-store] [--json]

1. Busy week: ``merge_reports`` over N synthetic reports that all fall in one week (about
   N/3 incidents, each told by 1-5 outlets; 12 types in 6 merge groups, 21 countries, real
   towns, a few week- and month-dated reports, some with no actor country, 15% claims,
   denials, plans and threats). Prints the time per size and the growth exponent between
   sizes and from the smallest to the largest (linear: 1; quadratic: 2; target: at most 1.2),
   from wall time and from the process's CPU time (steadier on a shared machine).
2. Incremental: a store of S mentions over ten years (same generator), written straight into
   the store (articles and mentions through ``Store.write_batch``, no extraction) and merged
   block by block, is built once and cached in bench/results/. A copy gets A new reports on
   random days and ``merge_changed`` runs; its wall time is the figure (target: under 5 s
   for 1,000 reports into 1,000,000 mentions).

Synthetic data only; no article text. Prints ``uptime`` beside the figures: the machine is
shared and timings move with its load.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import shutil
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT / "bench"))

from synthetic import OUTLETS, PLACES  # noqa: E402

from flashpoint.dedup import Verdict  # noqa: E402
from flashpoint.merge import ArticleInfo, merge_reports  # noqa: E402
from flashpoint.merge_job import merge_changed  # noqa: E402
from flashpoint.records import Actor, Article, CleanText, DateValue, Mention, Place, Span  # noqa: E402
from flashpoint.store import Store  # noqa: E402

TYPES = (  # (type, weight): the common kinds of conflict news
    ("armed_clash", 20),
    ("attack", 14),
    ("shelling", 12),
    ("air_strike", 10),
    ("remote_explosive", 4),
    ("peaceful_protest", 10),
    ("protest_with_intervention", 3),
    ("violent_demonstration", 3),
    ("arrest", 8),
    ("visit", 6),
    ("meeting", 5),
    ("claim", 5),
)
MODES = (("happened", 85), ("claimed", 6), ("denied", 3), ("planned", 3), ("threatened", 3))
WEEK = date(2024, 2, 5)  # a Monday
TEN_YEARS = date(2015, 1, 1)


def reports(
    n: int, seed: int, first: date, days: int, prefix: str = "m"
) -> tuple[list[Mention], dict[str, ArticleInfo]]:
    """n reports (one per article) of about n/3 incidents between first and first + days."""
    rng = random.Random(seed)
    types, type_weights = zip(*TYPES, strict=True)
    modes, mode_weights = zip(*MODES, strict=True)
    mentions: list[Mention] = []
    infos: dict[str, ArticleInfo] = {}
    while len(mentions) < n:
        etype = rng.choices(types, type_weights)[0]
        name, lat, lon, iso3, admin1, _kind = rng.choice(PLACES)
        day = first + timedelta(days=rng.randrange(days))
        mode = rng.choices(modes, mode_weights)[0]
        precision = rng.choices(("day", "week", "month"), (93, 5, 2))[0]
        end = day + timedelta(days={"day": 0, "week": 6, "month": 29}[precision])
        when = DateValue(day.isoformat(), end.isoformat(), precision, "synthetic")
        actor = Actor(f"Forces of {iso3}", f"Forces of {iso3}", iso3, "military", 1)
        place = Place(name, lat, lon, iso3, admin1 or None, geo_precision=1, rule="sentence")
        for _ in range(rng.randint(1, 5)):
            k = len(mentions)
            article = f"{prefix}a{k:08d}"
            published = day + timedelta(days=rng.randrange(3))
            infos[article] = ArticleInfo(rng.choice(OUTLETS), published.isoformat())
            mentions.append(
                Mention(
                    id=f"{prefix}{k:08d}",
                    article_id=article,
                    type=etype,
                    trigger=Span(20, 27, "clashed"),
                    sentence=Span(0, 80, f"synthetic report {k} of {etype} in {name}"),
                    mode=mode,
                    actor1=actor if rng.random() > 0.1 else None,
                    date=when,
                    place=place if rng.random() > 0.2 else None,
                    confidence=round(0.5 + 0.5 * rng.random(), 2),
                    raw_start=0,
                    raw_end=80,
                )
            )
    return mentions[:n], infos


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def measure_week(sizes: list[int]) -> list[dict[str, Any]]:
    out = []
    for n in sizes:
        mentions, infos = reports(n, seed=0, first=WEEK, days=7)
        random.Random(1).shuffle(mentions)
        start, cpu = time.perf_counter(), time.process_time()
        events = merge_reports(mentions, infos)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        out.append(
            {"mentions": n, "events": len(events), "merge_s": round(seconds, 2),
             "cpu_s": round(cpu, 2), "load": uptime().split("load average:")[-1].strip()}
        )  # fmt: skip
        print(f"week: {n} mentions -> {len(events)} events in {seconds:.2f} s "
              f"(CPU {cpu:.2f} s)", file=sys.stderr)  # fmt: skip
    for a, b in itertools.pairwise(out):
        b["growth_exponent"] = _exponent(a, b, "merge_s")
        b["cpu_growth_exponent"] = _exponent(a, b, "cpu_s")
    if len(out) > 1:
        out[-1]["overall_exponent"] = _exponent(out[0], out[-1], "merge_s")
        out[-1]["cpu_overall_exponent"] = _exponent(out[0], out[-1], "cpu_s")
    return out


def _exponent(a: dict[str, Any], b: dict[str, Any], key: str) -> float:
    return round(math.log(b[key] / a[key]) / math.log(b["mentions"] / a["mentions"]), 2)


def _write(store: Store, run: int, mentions: list[Mention], infos: dict[str, ArticleInfo]) -> None:
    batch = []
    for article_id in dict.fromkeys(m.article_id for m in mentions):
        info = infos[article_id]
        article = Article(
            id=article_id,
            source=f"{article_id}.txt",
            format="txt",
            text="synthetic",
            outlet=info.outlet,
            published=info.published,
        )
        batch.append((article, CleanText(article_id, "synthetic", (), (), ()), Verdict(article_id)))
    store.write_batch(run, batch, [], mentions, True)


def big_store(n: int, chunk: int = 100_000) -> Path:
    """The cached store of n merged mentions over ten years (built once, in date order)."""
    path = RESULTS / f"merge-store-{n}.db"
    if path.exists():
        return path
    RESULTS.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in RESULTS.glob(partial.name + "*"):
        leftover.unlink()
    mentions, infos = reports(n, seed=3, first=TEN_YEARS, days=3650)
    mentions.sort(key=lambda m: (m.date.start if m.date else "", m.id))
    began = time.perf_counter()
    with Store(partial, write=True) as store:
        run = store.begin_run({"bench": "merge"})
        for start in range(0, n, chunk):
            _write(store, run, mentions[start : start + chunk], infos)
            merged = merge_changed(store)
            print(f"store: {start + chunk} mentions written and merged {dict(merged)} "
                  f"({time.perf_counter() - began:.0f} s)", file=sys.stderr)  # fmt: skip
        store.finish_run(run, {})
    partial.rename(path)
    return path


def measure_add(cached: Path, add: int, days: int = 3650) -> dict[str, Any]:
    """Merge ``add`` new reports on random days of the first ``days`` into a copy of a store."""
    work = RESULTS / f"{cached.stem}-work.db"
    for old in RESULTS.glob(work.name + "*"):
        old.unlink()
    shutil.copy(cached, work)
    with Store(work) as store:
        store_size = store.article_stats()["mentions"]
    new, infos = reports(add, seed=11, first=TEN_YEARS, days=days, prefix="new")
    with Store(work, write=True) as store:
        run = store.begin_run({"bench": "add"})
        start = time.perf_counter()
        _write(store, run, new, infos)
        written = time.perf_counter() - start
        start = time.perf_counter()
        cpu = time.process_time()
        merged = merge_changed(store)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        events = store.count_events()
    for old in RESULTS.glob(work.name + "*"):
        old.unlink()
    return {
        "store_mentions": store_size,
        "added": add,
        "write_s": round(written, 2),
        "merge_s": round(seconds, 2),
        "merge_cpu_s": round(cpu, 2),
        "events_dropped": merged["dropped"],
        "mention_records_read": merged["mentions"],
        "lead_rows_read": merged["rows"],
        "decisions_remade": merged["decided"],
        "events_after": events,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20000,50000,100000,200000")
    parser.add_argument("--store", type=int, default=1_000_000)
    parser.add_argument("--add", type=int, default=1000)
    parser.add_argument("--skip-week", action="store_true")
    parser.add_argument("--skip-store", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--store-file",
        help="add to this merged store instead (e.g. a snapshot of a build under way); "
        "the new reports fall on the first --days days",
    )
    parser.add_argument("--days", type=int, default=3650)
    args = parser.parse_args()
    report: dict[str, Any] = {"uptime_before": uptime()}
    if not args.skip_week:
        report["week"] = measure_week([int(s) for s in args.sizes.split(",")])
    if args.store_file:
        report["add"] = measure_add(Path(args.store_file), args.add, args.days)
    elif not args.skip_store:
        report["add"] = measure_add(big_store(args.store), args.add)
    report["uptime_after"] = uptime()
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    (RESULTS / f"merge-{stamp}.json").write_text(json.dumps(report, indent=2))
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"load before: {report['uptime_before']}")
    for w in report.get("week", []):
        growth = (
            f"  exponent from previous {w['growth_exponent']}" if "growth_exponent" in w else ""
        )
        if "overall_exponent" in w:
            growth += (f"; smallest to largest {w['overall_exponent']} "
                       f"(CPU time: {w['cpu_overall_exponent']}; target <= 1.2)")  # fmt: skip
        print(f"one week: {w['mentions']:7} mentions -> {w['events']:6} events "
              f"{w['merge_s']:7.2f} s (CPU {w['cpu_s']:.2f} s){growth}")  # fmt: skip
        if w.get("cpu_overall_exponent", 0) > 1.2:
            print("WARNING: growth exponent over 1.2")
    if "add" in report:
        a = report["add"]
        flag = "" if a["merge_s"] < 5 else "  WARNING: over 5 s"
        print(f"add {a['added']} mentions to {a['store_mentions']}: merge {a['merge_s']} s "
              f"(CPU {a['merge_cpu_s']} s) "
              f"({a['events_dropped']} events re-made, {a['decisions_remade']} decisions "
              f"re-made, {a['lead_rows_read']} lead rows and {a['mention_records_read']} "
              f"mention records read; write {a['write_s']} s){flag}")  # fmt: skip
    print(f"load after: {report['uptime_after']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
