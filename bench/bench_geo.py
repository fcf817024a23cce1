"""Benchmark the geocoder: gazetteer build and load time, peak memory, time per article.

    python bench/bench_geo.py [--data ../shared/eval/geoparse/geowebnews.jsonl] [--articles 200]
                              [--rebuild] [--pipeline-articles 100]

The pipeline measurement ingests Timeline17 conflict articles end to end twice, with the geo
stage and with it made a no-op: the geo share is the time inside ``locate_mentions`` over the
whole run (target: at most 20%).

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
    from flashpoint.geo import find_places, load_gazetteer
    from flashpoint.nlp import load_nlp

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


def measure_pipeline(n: int) -> dict[str, float]:
    """End-to-end ingest of conflict news (Timeline17's Iraq and Egypt topics) with the geo
    stage, then without it (``locate_mentions`` made a no-op), each in a fresh database."""
    import tempfile

    sys.path.insert(0, str(ROOT / "bench"))
    from bench_extract import timeline17

    import flashpoint.pipeline as pipeline
    import flashpoint.stages as stages
    from flashpoint.geo import load_gazetteer
    from flashpoint.nlp import load_nlp
    from flashpoint.settings import load

    rows = list(timeline17(n))
    load_nlp(), load_gazetteer()  # loading is measured above, not per article
    real = stages.locate_mentions
    in_geo = [0.0]

    def timed(*args: object, **kw: object) -> object:
        start = time.perf_counter()
        try:
            return real(*args, **kw)  # type: ignore[arg-type]
        finally:
            in_geo[0] += time.perf_counter() - start

    out: dict[str, float] = {"pipeline_articles": len(rows)}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(r) + "\n" for r in rows))
        runs = [("without_geo_s", lambda m, *a, **k: m), ("with_geo_s", timed)] * 2
        best_geo = float("inf")
        for k, (label, stage) in enumerate(runs):  # alternated, best of two each
            stages.locate_mentions = stage  # type: ignore[assignment]
            settings = load(overrides={"store.path": str(Path(tmp) / f"{label}{k}.db")})
            in_geo[0] = 0.0
            start = time.perf_counter()
            pipeline.run_ingest([str(corpus)], settings, workers=1)
            took = round(time.perf_counter() - start, 2)
            if took < out.get(label, float("inf")):
                out[label] = took
                best_geo = in_geo[0] if stage is timed else best_geo
    in_geo[0] = best_geo
    out["time_in_geo_s"] = round(in_geo[0], 2)
    out["geo_share_of_end_to_end"] = round(in_geo[0] / out["with_geo_s"], 3)
    out["geo_added_vs_without"] = round(out["with_geo_s"] / out["without_geo_s"] - 1, 3)
    return out


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
    parser.add_argument("--pipeline-articles", type=int, default=100)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        jobs = {"build": lambda: measure_build(rest[0]), "load": measure_load}
        jobs["articles"] = lambda: measure_articles(rest[0], int(rest[1]))
        jobs["pipeline"] = lambda: measure_pipeline(int(rest[0]))
        print(json.dumps(jobs[kind]()))
        return
    report: dict[str, object] = {"suite": "bench_geo"}
    if args.rebuild:
        with tempfile.TemporaryDirectory() as tmp:
            report.update(child("build", tmp))
    child("load")  # builds the cache on first use, outside the timed runs
    report.update(child("load"))
    report.update(child("articles", args.data, str(args.articles)))
    report.update(child("pipeline", str(args.pipeline_articles)))
    share = float(report["geo_share_of_end_to_end"])
    if share > 0.20 or float(report["load_s"]) > 3 or float(report["load_peak_rss_mb"]) > 500:
        print("WARNING: over a target (geo <= 20% of end to end; load <= 3 s, <= 500 MB)")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
