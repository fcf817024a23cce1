"""Benchmark: ingest + clean + dedup throughput and peak memory over Reuters-21578.

Each measured run is a fresh Python process pinned to one CPU, with a fresh temporary
database, timing only the ``flashpoint.pipeline.run_ingest`` call (imports are timed
separately). A second fresh process then re-ingests the same file into the same database,
which must add nothing. The corpus is read from ``$FLASHPOINT_SHARED`` (default ``../shared``
beside the checkout); its text never enters the repository: the first N lines go to a
temporary file and only counts and timings are written to ``bench/results/``.

    .venv/bin/python bench/bench_ingest.py [--sizes 5000,21578] [--repeat N] [--profile]

Speed is reported, not enforced: below the target a WARNING is printed and the exit status
is still 0. It is 1 only when a run did not do what it should (a re-ingest adding articles,
counts that do not add up) and 2 when a run failed outright.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
CORPUS = Path("eval") / "reuters21578" / "reuters21578.jsonl"
TARGET_PER_S = 500.0  # "at least 500 articles/s on one core"
CHILD_FLAG = "--child"
MARK = "@@BENCH@@ "  # prefixes the child's one result line on stdout
TOP = 15


# --- child: one run_ingest in a fresh process ----------------------------------------


def _rss_mb(maxrss: int) -> float:
    """``ru_maxrss`` in MiB (it is KiB on Linux, bytes on macOS)."""
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024


def _pin(cpu: int) -> int | None:
    """Pin this process to ``cpu`` (or the first CPU it may use); the CPU used, or None."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    allowed = os.sched_getaffinity(0)
    chosen = cpu if cpu in allowed else min(allowed)
    os.sched_setaffinity(0, {chosen})
    return chosen


def _short(path: str) -> str:
    """A profile entry's file, shortened to something readable."""
    for marker in ("/src/", "/site-packages/", "/lib/python"):
        if marker in path:
            tail = path.split(marker, 1)[1]
            return tail.split("/", 1)[1] if marker == "/lib/python" and "/" in tail else tail
    return path


def _profile_rows(profiler: Any, key: str) -> list[dict[str, Any]]:
    import pstats

    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    rows = []
    for (file, line, func), (prim, calls, tottime, cumtime, _callers) in stats.items():
        where = func if file == "~" else f"{_short(file)}:{line}({func})"
        rows.append(
            {
                "function": where,
                "calls": calls,
                "primitive_calls": prim,
                "tottime_s": round(tottime, 4),
                "cumtime_s": round(cumtime, 4),
            }
        )
    rows.sort(key=lambda r: r[key], reverse=True)
    return rows[:TOP]


def child(spec: dict[str, Any]) -> dict[str, Any]:
    import resource

    started = time.perf_counter()
    cpu = _pin(spec["cpu"])
    from flashpoint.pipeline import run_ingest
    from flashpoint.settings import load

    imports_s = time.perf_counter() - started
    rss_imports = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    settings = load(overrides={"store.path": spec["db"], **spec["overrides"]})
    profiler = None
    if spec["profile"]:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    t0 = time.perf_counter()
    report = run_ingest([spec["input"]], settings)
    wall = time.perf_counter() - t0
    if profiler is not None:
        profiler.disable()
    # these are reported beside an article that is still stored: not a line of their own
    beside = {"bad_date", "language_unsupported"}
    line_rejects = sum(n for reason, n in report.rejected.items() if reason not in beside)
    out = {
        "cpu": cpu,
        "imports_s": imports_s,
        "wall_s": wall,
        "new": report.new,
        "already_stored": report.already_stored,
        "duplicates": report.duplicates,
        "line_rejections": line_rejects,
        "rejected_by_reason": dict(report.rejected),
        "mentions": report.mentions,
        "events": report.events,
        "rss_after_imports_mb": _rss_mb(rss_imports),
        "rss_peak_self_mb": _rss_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
        "settings": {k: settings[k] for k in sorted(settings) if not k.startswith("ingest.fetch")},
    }
    if profiler is not None:
        out["profile_cumulative"] = _profile_rows(profiler, "cumtime_s")
        out["profile_tottime"] = _profile_rows(profiler, "tottime_s")
    return out


def child_main(arg: str) -> int:
    print(MARK + json.dumps(child(json.loads(arg))), flush=True)
    return 0


# --- parent ------------------------------------------------------------------------


class RunFailed(RuntimeError):
    pass


def spawn(spec: dict[str, Any], workdir: Path) -> dict[str, Any]:
    """Run ``child(spec)`` in a fresh interpreter; its result plus the parent's view of it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FLASHPOINT_")}
    env["PYTHONHASHSEED"] = "0"
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), CHILD_FLAG, json.dumps(spec)],
            stdout=out,
            stderr=err,
            cwd=workdir,  # no flashpoint.toml from the caller's directory
            env=env,
        )
        # wait4 gives this child's own peak RSS (RUSAGE_CHILDREN would be the max so far)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        process_s = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    lines = [ln for ln in stdout.splitlines() if ln.startswith(MARK)]
    if proc.returncode != 0 or not lines:
        tail = "\n".join(stderr.strip().splitlines()[-15:])
        raise RunFailed(f"child exited {proc.returncode}:\n{tail}")
    result: dict[str, Any] = json.loads(lines[-1][len(MARK) :])
    result["process_s"] = process_s
    result["peak_rss_mb"] = _rss_mb(usage.ru_maxrss)
    result["user_cpu_s"] = usage.ru_utime
    result["sys_cpu_s"] = usage.ru_stime
    return result


def write_head(corpus: Path, n: int, dest: Path) -> tuple[int, int]:
    """The first ``n`` lines of ``corpus`` into ``dest``; (lines, non-blank lines)."""
    lines = nonblank = 0
    with corpus.open("rb") as src, dest.open("wb") as dst:
        for line in src:
            if lines == n:
                break
            dst.write(line)
            lines += 1
            nonblank += bool(line.strip())
    return lines, nonblank


def _db_bytes(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p.is_file())


@dataclass
class Options:
    corpus: Path
    sizes: list[int]
    repeat: int
    profile: bool
    extract: bool
    cpu: int
    json_only: bool


def bench_size(opts: Options, n: int, tmp: Path) -> dict[str, Any]:
    data = tmp / f"reuters-head-{n}.jsonl"
    lines, nonblank = write_head(opts.corpus, n, data)
    nbytes = data.stat().st_size
    overrides = {"extract.enabled": opts.extract}
    runs = []
    for i in range(opts.repeat):
        db = tmp / f"run-{n}-{i}" / "bench.db"
        db.parent.mkdir()
        spec = {
            "input": str(data),
            "db": str(db),
            "overrides": overrides,
            "cpu": opts.cpu,
            "profile": False,
        }
        first = spawn(spec, tmp)
        first["db_bytes"] = _db_bytes(db)
        again = spawn(spec, tmp)  # same file, same database, fresh process
        runs.append((first, again))
        if i < opts.repeat - 1:
            shutil.rmtree(db.parent)
    first, again = min(runs, key=lambda r: r[0]["wall_s"])
    wall = first["wall_s"]
    read = first["new"] + first["already_stored"] + first["line_rejections"]
    mb = nbytes / 1e6
    result = {
        "articles": n,
        "lines": lines,
        "input_bytes": nbytes,
        "wall_s": wall,
        "wall_s_all": [r[0]["wall_s"] for r in runs],
        "imports_s": first["imports_s"],
        "process_s": first["process_s"],
        "user_cpu_s": first["user_cpu_s"],
        "sys_cpu_s": first["sys_cpu_s"],
        "read": read,
        "read_per_s": read / wall,
        "new": first["new"],
        "stored_per_s": first["new"] / wall,
        "mb_per_s": mb / wall,
        "peak_rss_mb": max(r[0]["peak_rss_mb"] for r in runs),
        "rss_after_imports_mb": first["rss_after_imports_mb"],
        "duplicates": first["duplicates"],
        "rejected_by_reason": first["rejected_by_reason"],
        "mentions": first["mentions"],
        "events": first["events"],
        "db_bytes": first["db_bytes"],
        "cpu": first["cpu"],
        "counts_add_up": read == nonblank,
        "reingest": {
            "wall_s": again["wall_s"],
            "new": again["new"],
            "already_stored": again["already_stored"],
            "duplicates": again["duplicates"],
            "rejected_by_reason": again["rejected_by_reason"],
            "read_per_s": (again["already_stored"] + again["line_rejections"]) / again["wall_s"],
            "peak_rss_mb": again["peak_rss_mb"],
            "adds_nothing": again["new"] == 0,
        },
        "settings": first["settings"],
    }
    return result


def profile_run(opts: Options, n: int, tmp: Path) -> dict[str, Any]:
    data = tmp / f"reuters-head-{n}.jsonl"
    if not data.exists():
        write_head(opts.corpus, n, data)
    db = tmp / f"profile-{n}" / "bench.db"
    db.parent.mkdir()
    spec = {
        "input": str(data),
        "db": str(db),
        "overrides": {"extract.enabled": opts.extract},
        "cpu": opts.cpu,
        "profile": True,
    }
    got = spawn(spec, tmp)
    return {
        "articles": n,
        "wall_s_profiled": got["wall_s"],
        "top_cumulative": got["profile_cumulative"],
        "top_tottime": got["profile_tottime"],
    }


def environment() -> dict[str, Any]:
    import sqlite3

    def git(*args: str) -> str:
        try:
            done = subprocess.run(
                ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
            )
        except (OSError, subprocess.CalledProcessError):
            return ""
        return done.stdout.strip()

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu_model": cpu or platform.processor(),
        "cpus_available": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 0,
        "sqlite": sqlite3.sqlite_version,
        "git_commit": git("rev-parse", "HEAD"),
        "git_dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
        "tmpdir": tempfile.gettempdir(),
    }


# --- output ------------------------------------------------------------------------


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for j, row in enumerate(rows):
        cells = [
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        out.append("  ".join(cells).rstrip())
        if j == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def render(doc: dict[str, Any]) -> str:
    res = doc["results"]
    rows = [["", *[f"{r['articles']:,} lines" for r in res]]]

    def add(label: str, fmt: Any) -> None:
        rows.append([label, *[fmt(r) for r in res]])

    add("input MB", lambda r: f"{r['input_bytes'] / 1e6:.2f}")
    add("run_ingest wall s (best)", lambda r: f"{r['wall_s']:.2f}")
    add("imports s (not timed)", lambda r: f"{r['imports_s']:.2f}")
    add("articles read/s", lambda r: f"{r['read_per_s']:,.0f}")
    add("stored articles/s", lambda r: f"{r['stored_per_s']:,.0f}")
    add("input MB/s", lambda r: f"{r['mb_per_s']:.2f}")
    add("peak RSS MB", lambda r: f"{r['peak_rss_mb']:.0f}")
    add("RSS after imports MB", lambda r: f"{r['rss_after_imports_mb']:.0f}")
    add("new articles", lambda r: f"{r['new']:,}")
    add("duplicates", lambda r: f"{r['duplicates']:,}")
    reasons = sorted({k for r in res for k in r["rejected_by_reason"]})
    for reason in reasons:
        add(f"rejected: {reason}", lambda r, k=reason: f"{r['rejected_by_reason'].get(k, 0):,}")
    add("database MB", lambda r: f"{r['db_bytes'] / 1e6:.1f}")
    add("re-ingest wall s", lambda r: f"{r['reingest']['wall_s']:.2f}")
    add("re-ingest new (must be 0)", lambda r: f"{r['reingest']['new']}")
    add("re-ingest peak RSS MB", lambda r: f"{r['reingest']['peak_rss_mb']:.0f}")
    env = doc["environment"]
    head = (
        f"flashpoint ingest benchmark: ingest + clean + dedup"
        f"{' + extract' if doc['extract'] else ''}, one core (cpu {res[0]['cpu']}), "
        f"best of {doc['repeat']}\n"
        f"{env['cpu_model']}, Python {env['python']}, SQLite {env['sqlite']}, "
        f"commit {env['git_commit'][:8]}{' (dirty)' if env['git_dirty'] else ''}\n"
    )
    return head + "\n" + _table(rows)


def render_profile(prof: dict[str, Any]) -> str:
    out = [
        f"\nProfile: cProfile of run_ingest over {prof['articles']:,} lines "
        f"({prof['wall_s_profiled']:.2f} s under the profiler)",
    ]
    for title, key in (("cumulative", "top_cumulative"), ("own time (tottime)", "top_tottime")):
        rows = [["function", "calls", "tottime s", "cumtime s"]]
        for r in prof[key]:
            rows.append(
                [r["function"], f"{r['calls']:,}", f"{r['tottime_s']:.3f}", f"{r['cumtime_s']:.3f}"]
            )
        out += [f"\nTop {TOP} by {title}:", _table(rows)]
    return "\n".join(out)


def warnings(doc: dict[str, Any]) -> tuple[list[str], bool]:
    """WARNING lines, and whether any of them is about correctness rather than speed."""
    lines, wrong = [], False
    for r in doc["results"]:
        n = f"{r['articles']:,} lines"
        slow = min(r["read_per_s"], r["stored_per_s"])
        if slow < TARGET_PER_S:
            lines.append(
                f"WARNING: {n}: {r['stored_per_s']:,.0f} stored articles/s "
                f"({r['read_per_s']:,.0f} read/s) is below the target of "
                f"{TARGET_PER_S:,.0f} articles/s on one core"
            )
        if not r["reingest"]["adds_nothing"]:
            wrong = True
            lines.append(f"WARNING: {n}: re-ingest added {r['reingest']['new']} articles")
        if not r["counts_add_up"]:
            wrong = True
            lines.append(f"WARNING: {n}: new + already stored + rejected != non-blank lines")
    return lines, wrong


# --- main --------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="5000,21578",
        help="comma-separated article (line) counts to ingest [default: 5000,21578]",
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the best counts")
    parser.add_argument("--json", action="store_true", help="print only the JSON results")
    parser.add_argument(
        "--profile", action="store_true", help=f"cProfile one run, print the top {TOP}"
    )
    parser.add_argument(
        "--extract",
        action="store_true",
        help="also extract event mentions (extract.enabled); off by default",
    )
    parser.add_argument("--cpu", type=int, default=0, help="CPU to pin the runs to [default: 0]")
    parser.add_argument("--corpus", type=Path, help="the Reuters JSONL [default: from shared]")
    parser.add_argument("--no-save", action="store_true", help="do not write bench/results/")
    args = parser.parse_args(argv)
    try:
        args.sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error("--sizes takes comma-separated integers")
    if not args.sizes or min(args.sizes) < 1 or args.repeat < 1:
        parser.error("--sizes and --repeat must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    shared = Path(os.environ.get("FLASHPOINT_SHARED") or ROOT.parent / "shared")
    corpus = args.corpus or shared / CORPUS
    if not corpus.is_file():
        print(f"error: {corpus}: no Reuters-21578 JSONL (set FLASHPOINT_SHARED)", file=sys.stderr)
        return 2
    opts = Options(corpus, args.sizes, args.repeat, args.profile, args.extract, args.cpu, args.json)

    def say(message: str) -> None:
        if not args.json:
            print(message, file=sys.stderr, flush=True)

    doc: dict[str, Any] = {
        "benchmark": "ingest",
        "when": datetime.now().astimezone().isoformat(timespec="seconds"),
        "corpus": str(corpus.resolve()),
        "extract": opts.extract,
        "repeat": opts.repeat,
        "target_per_s": TARGET_PER_S,
        "environment": environment(),
        "results": [],
    }
    with tempfile.TemporaryDirectory(prefix="flashpoint-bench-") as tmpname:
        tmp = Path(tmpname)
        try:
            for n in opts.sizes:
                say(f"ingesting {n:,} lines ({opts.repeat} run(s) + re-ingest) ...")
                doc["results"].append(bench_size(opts, n, tmp))
            if opts.profile:
                n = 5000 if 5000 in opts.sizes else min(opts.sizes)
                say(f"profiling {n:,} lines ...")
                doc["profile"] = profile_run(opts, n, tmp)
        except RunFailed as exc:
            print(f"error: a benchmark run failed: {exc}", file=sys.stderr)
            return 2
    if not args.no_save:
        RESULTS.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        saved = RESULTS / f"ingest-{stamp}.json"
        saved.write_text(json.dumps(doc, indent=2) + "\n", "utf-8")
        doc_path = str(saved.relative_to(ROOT))
    else:
        doc_path = ""
    warn, wrong = warnings(doc)
    if args.json:
        print(json.dumps(doc, indent=2))
        for line in warn:
            print(line, file=sys.stderr)
    else:
        print(render(doc))
        if "profile" in doc:
            print(render_profile(doc["profile"]))
        print()
        for line in warn:
            print(line)
        if not warn:
            print(f"OK: every size is at or above {TARGET_PER_S:,.0f} articles/s")
        if doc_path:
            print(f"results: {doc_path}")
    return 1 if wrong else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == CHILD_FLAG:
        sys.exit(child_main(sys.argv[2]))
    sys.exit(main())
