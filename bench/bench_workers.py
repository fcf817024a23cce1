"""Throughput on every core: `ingest --workers 1` and `--workers 2` on Timeline17's dev
conflict topics, against spaCy sm `nlp.pipe` over all the text, and CPU-seconds per article
by stage.

    python bench/bench_workers.py [--n 200] [--workers 1 2] [--json]

Each ingest run is a fresh process that loads the models before its timer starts, and reports
its own CPU, its worker processes' CPU, and the CPU of its store writes and merge.
Each figure is printed with the machine's load (`uptime`) when it was taken: on a shared
machine the wall-clock figures are only as good as the load lets them be. The stores made with
1 and with N workers are compared (articles, mentions, events): a speed-up that changes the
output is a bug. Corpus text goes to temporary files only.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FLASHPOINT_SHARED", ROOT.parent / "shared"))


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def environment() -> dict[str, Any]:
    """The machine and the matrix kernel spaCy runs on."""
    import numpy as np
    import thinc
    from thinc.api import get_current_ops

    from flashpoint.nlp import use_fastest_matrix_kernel

    flags = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        line = next((x for x in cpuinfo.read_text().splitlines() if x.startswith("flags")), "")
        flags = " ".join(f for f in ("avx2", "avx512f", "fma") if f" {f}" in line)
    from importlib.metadata import PackageNotFoundError, version

    try:
        blis_version = version("blis")
    except PackageNotFoundError:
        blis_version = "absent"
    use_fastest_matrix_kernel()  # as load_nlp does: the kernel the pipeline runs on
    ops = get_current_ops()
    blas = np.show_config(mode="dicts").get("Build Dependencies", {}).get("blas", {})
    return {
        "python": platform.python_version(),
        "cpu": platform.processor() or platform.machine(),
        "cpu_flags": flags,
        "cores": os.cpu_count(),
        "thinc": thinc.__version__,
        "thinc_ops": type(ops).__name__,
        "thinc_gemm": "blis" if getattr(ops, "use_blis", True) else "numpy",
        "blis": blis_version,
        "numpy_blas": f"{blas.get('name', '?')} {blas.get('version', '')}".strip(),
        "gemm_gflops": gemm_speeds(),
        "load_at_start": load_average(),
    }


def gemm_speeds(size: int = 384, repeat: int = 20) -> dict[str, float]:
    """GFLOP/s of a float32 matrix product through blis (spaCy's default) and through numpy's
    BLAS: blis falls back to a generic kernel on some CPUs (cython-blis issue 53)."""
    import numpy as np

    a = np.random.default_rng(0).random((size, size), dtype=np.float32)
    flops = 2 * size**3 * repeat / 1e9
    out = {}
    try:
        from blis.py import gemm

        start = time.perf_counter()
        for _ in range(repeat):
            gemm(a, a)
        out["blis"] = round(flops / (time.perf_counter() - start), 1)
    except ImportError:
        pass
    start = time.perf_counter()
    for _ in range(repeat):
        a @ a
    out["numpy"] = round(flops / (time.perf_counter() - start), 1)
    return out


def corpus(n: int) -> list[dict[str, Any]]:
    from flashpoint.evaluation.t17 import DEV_CONFLICT_TOPICS, outlet_of, read_articles

    rows = read_articles(SHARED / "eval" / "timeline17", DEV_CONFLICT_TOPICS)
    rows.sort(key=lambda r: (r["pub_date"], r["topic"], r["uid"]))
    return [
        {
            "id": f"{r['topic']}/{r['uid']}",
            "text": r["text"],
            "published": r["pub_date"],
            "outlet": outlet_of(r["topic"]),
        }
        for r in rows[:n]
    ]


def ingest(path: Path, db: Path, workers: int) -> dict[str, Any]:
    """One ingest run in a fresh Python process, so that no run starts with what an earlier
    one warmed (spaCy's vocabulary, the lemma and attribute memos, lazily read tables)."""
    import subprocess

    env = {**os.environ, "FLASHPOINT_SHARED": str(SHARED)}
    command = [sys.executable, __file__, "--child", str(path), str(db), str(workers)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"ingest with {workers} workers failed: {done.stderr[-2000:]}")
    return dict(json.loads(done.stdout.splitlines()[-1]))


def child_ingest(path: Path, db: Path, workers: int) -> dict[str, Any]:
    """The timed run: the models are loaded first, untimed, in this process (the writer's,
    which is also a worker when there are several). Store writes and the merge are timed
    apart, in CPU-seconds of this process."""
    import flashpoint.pipeline as pipeline
    from flashpoint.geo import load_gazetteer
    from flashpoint.nlp import load_nlp
    from flashpoint.settings import load
    from flashpoint.store import Store

    load_nlp(), load_gazetteer()
    cpu_in = {"store": 0.0, "merge": 0.0}

    def timed(stage: str, fn: Any) -> Any:
        def run(*args: Any, **kw: Any) -> Any:
            start = time.process_time()
            try:
                return fn(*args, **kw)
            finally:
                cpu_in[stage] += time.process_time() - start

        return run

    Store.write_batch = timed("store", Store.write_batch)  # type: ignore[method-assign]
    pipeline.run_merge = timed("merge", pipeline.run_merge)
    settings = load(overrides={"store.path": str(db)}, environ={})
    load_before = load_average()
    start, cpu = time.perf_counter(), time.process_time()
    report = pipeline.run_ingest([str(path)], settings, workers=workers)
    wall = time.perf_counter() - start
    pool_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)  # the worker processes, joined
    return {
        "workers": workers,
        "articles": report.new,
        "mentions": report.mentions,
        "events": report.events,
        "wall_s": round(wall, 2),
        "articles_per_s": round(report.new / wall, 2),
        "parent_cpu_s": round(time.process_time() - cpu, 2),
        "parent_cpu_s_store": round(cpu_in["store"], 2),
        "parent_cpu_s_merge": round(cpu_in["merge"], 2),
        "workers_cpu_s": round(pool_cpu.ru_utime + pool_cpu.ru_stime, 2),
        "load_before": load_before,
        "load_after": load_average(),
    }


def stored(db: Path) -> dict[str, Any]:
    from flashpoint.store import Store

    with Store(db) as store:
        return {
            "articles": sorted(r.article.id for r in store.articles()),
            "mentions": {m.id: m.to_dict() for m in store.mentions()},
            "events": {e.id: e.to_dict() for e in store.events()},
        }


def spacy_baseline(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Plain spaCy sm `nlp.pipe` over all the clean text, in this process (model loaded
    first): the model as its package loads it, without flashpoint's entity rules and memos."""
    import spacy

    from flashpoint.clean import clean_text
    from flashpoint.nlp import MODEL

    nlp = spacy.load(MODEL)
    texts = [clean_text(r["text"]).text for r in rows]
    load_before = load_average()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    wall = time.perf_counter() - start
    return {
        "wall_s": round(wall, 2),
        "articles_per_s": round(len(rows) / wall, 2),
        "words": sum(len(t.split()) for t in texts),
        "load_before": load_before,
        "load_after": load_average(),
    }


def stage_costs(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """CPU-seconds per article in each stage, one process (models loaded first). The store
    writes and the merge are timed in the ingest runs."""
    import flashpoint.extract.when as when
    from flashpoint.extract import extract_mentions, parse_candidates
    from flashpoint.geo import load_gazetteer
    from flashpoint.nlp import load_nlp
    from flashpoint.records import Article, article_id
    from flashpoint.settings import load
    from flashpoint.stages import clean_one, locate_mentions, sign_one

    settings = load(environ={})
    load_nlp(), load_gazetteer()
    cost = dict.fromkeys(("clean", "sign", "parse", "extraction_rules", "dates", "geo"), 0.0)
    sentence_dates = when.sentence_dates

    def dated(*args: Any, **kw: Any) -> Any:  # the date rules, inside extract_mentions
        start = time.process_time()
        try:
            return sentence_dates(*args, **kw)
        finally:
            cost["dates"] += time.process_time() - start

    when.sentence_dates = dated

    def timed(stage: str, fn: Any, *args: Any, **kw: Any) -> Any:
        start = time.process_time()
        try:
            return fn(*args, **kw)
        finally:
            cost[stage] += time.process_time() - start

    for r in rows:
        raw = r["text"].encode("utf-8")
        a = Article(article_id(raw), r["id"], "jsonl", r["text"], r["outlet"], None, r["published"])
        clean = timed("clean", clean_one, a, settings)
        timed("sign", sign_one, clean, settings)
        doc = timed("parse", parse_candidates, clean.text)
        if doc is None:
            continue
        found = timed(
            "extraction_rules",
            extract_mentions,
            clean,
            published=a.published,
            outlet=a.outlet,
            doc=doc,
        )
        timed("geo", locate_mentions, found, clean.text, a.outlet, doc)
    when.sentence_dates = sentence_dates
    cost["extraction_rules"] -= cost["dates"]
    n = len(rows)
    return {k: round(v / n, 4) for k, v in cost.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="articles")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-stages", action="store_true", help="skip the per-stage costs")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--child", nargs=3, metavar=("JSONL", "DB", "WORKERS"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        path, db, workers = args.child
        print(json.dumps(child_ingest(Path(path), Path(db), int(workers))))
        return 0
    if not SHARED.exists():
        print(f"{SHARED} not found; set FLASHPOINT_SHARED", file=sys.stderr)
        return 2
    rows = corpus(args.n)
    out: dict[str, Any] = {"environment": environment(), "articles": len(rows)}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t17.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
        runs = []
        for k in args.workers:
            runs.append(ingest(path, Path(tmp) / f"w{k}.db", k))
            print(json.dumps(runs[-1]), file=sys.stderr, flush=True)  # in case of a crash
        out["ingest"] = runs
        base = stored(Path(tmp) / f"w{args.workers[0]}.db")
        out["identical_output"] = all(
            stored(Path(tmp) / f"w{k}.db") == base for k in args.workers[1:]
        )
        first = runs[0]["wall_s"]
        out["speedup"] = {str(r["workers"]): round(first / r["wall_s"], 2) for r in runs}
        out["spacy_sm_pipe_all_text"] = spacy_baseline(rows)
        print(json.dumps(out["spacy_sm_pipe_all_text"]), file=sys.stderr, flush=True)
        one = next((r for r in runs if r["workers"] == 1), None)
        if one is not None:
            out["one_core_vs_spacy"] = round(
                out["spacy_sm_pipe_all_text"]["wall_s"] / one["wall_s"], 2
            )
        if not args.no_stages:
            out["cpu_s_per_article"] = stage_costs(rows)
    out["load_at_end"] = load_average()
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
