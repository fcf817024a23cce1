"""Benchmark the geocoder: gazetteer build and load time, peak memory, time per article.

    python bench/bench_geo.py [--data ../shared/eval/geoparse/geowebnews.jsonl] [--articles 200]
                              [--rebuild]

Each measurement runs in a fresh Python process so its peak memory (max RSS) is its own.
``--rebuild`` also times building the gazetteer from the packages into a temporary directory.
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "geoparse" / "geowebnews.jsonl"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_build(cache: str) -> dict[str, float]:
    from flashpoint.geo.gazetteer import load_gazetteer

    start = time.perf_counter()
    load_gazetteer(cache)
    return {"build_s": round(time.perf_counter() - start, 2), "build_peak_rss_mb": round(peak_mb())}


def measure_load() -> dict[str, float]:
    base = peak_mb()
    start = time.perf_counter()
    from flashpoint.geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    gaz.lookup("Pyongyang")
    return {
        "load_s": round(time.perf_counter() - start, 3),
        "load_peak_rss_mb": round(peak_mb()),
        "interpreter_rss_mb": round(base),
    }


def measure_articles(data: str, n: int) -> dict[str, float]:
    from flashpoint.extract.nlp import load_nlp
    from flashpoint.geo import find_places, load_gazetteer

    lines = Path(data).read_text("utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()][:n]
    nlp, gaz = load_nlp(), load_gazetteer()
    docs, parse_ms, geo_ms = [], [], []
    for text in texts:
        start = time.perf_counter()
        docs.append(nlp(text))
        parse_ms.append((time.perf_counter() - start) * 1000)
    for text, doc in zip(texts, docs, strict=True):
        start = time.perf_counter()
        find_places(text, doc=doc)
        geo_ms.append((time.perf_counter() - start) * 1000)
    del gaz
    return {
        "articles": len(texts),
        "chars_per_article": round(statistics.fmean(len(t) for t in texts)),
        "geocode_ms_mean": round(statistics.fmean(geo_ms), 1),
        "geocode_ms_p95": round(sorted(geo_ms)[int(0.95 * (len(geo_ms) - 1))], 1),
        "spacy_parse_ms_mean": round(statistics.fmean(parse_ms), 1),
        "articles_peak_rss_mb": round(peak_mb()),
    }


def child(*args: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ},
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        jobs = {"build": lambda: measure_build(rest[0]), "load": measure_load}
        jobs["articles"] = lambda: measure_articles(rest[0], int(rest[1]))
        print(json.dumps(jobs[kind]()))
        return
    report: dict[str, object] = {"suite": "bench_geo"}
    if args.rebuild:
        with tempfile.TemporaryDirectory() as tmp:
            report.update(child("build", tmp))
    child("load")  # builds the cache on first use, outside the timed runs
    report.update(child("load"))
    report.update(child("articles", args.data, str(args.articles)))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
