"""Peak memory as the store grows: 100,000 articles ingested in steps of 20,000 into one
database, in one fresh process, with the peak RSS after each step.

    python bench/bench_memory.py [--step 20000] [--steps 5] [--workers 1]

Articles: Reuters-21578 bodies and synthetic variants of them (every third word suffixed
with the variant's number, so a variant shares few 3-word shingles with its source and is not
a near duplicate). Extraction is off (`extract.enabled = false`): this measures read, clean,
dedup (the LSH index on disk) and the store writer. Text goes to temporary files only.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FLASHPOINT_SHARED", ROOT.parent / "shared"))


def bodies() -> list[dict[str, Any]]:
    path = SHARED / "eval" / "reuters21578" / "reuters21578.jsonl"
    with path.open() as fh:
        rows = [json.loads(line) for line in fh]
    return [r for r in rows if r.get("body")]


def variant(text: str, k: int) -> str:
    if k == 0:
        return text
    words = text.split(" ")
    return " ".join(w + f"v{k}" if i % 3 == 0 else w for i, w in enumerate(words))


def articles(source: list[dict[str, Any]], start: int, count: int) -> Iterator[dict[str, Any]]:
    for n in range(start, start + count):
        row = source[n % len(source)]
        k = n // len(source)
        yield {
            "id": f"{row['newid']}-{k}",
            "text": variant(row["body"], k),
            "title": row.get("title"),
            "published": row.get("date"),
        }


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--step", type=int, default=20000)
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    from flashpoint.pipeline import run_ingest
    from flashpoint.settings import load

    source = bodies()
    out: dict[str, Any] = {"load_at_start": " ".join(f"{x:.2f}" for x in os.getloadavg())}
    steps = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "m.db"
        settings = load(overrides={"store.path": str(db), "extract.enabled": False}, environ={})
        for step in range(args.steps):
            path = Path(tmp) / f"step{step}.jsonl"
            with path.open("w") as fh:
                for a in articles(source, step * args.step, args.step):
                    fh.write(json.dumps(a) + "\n")
            start = time.perf_counter()
            report = run_ingest([str(path)], settings, workers=args.workers)
            path.unlink()
            steps.append(
                {
                    "stored_total": (step + 1) * args.step,
                    "new": report.new,
                    "duplicates": report.duplicates,
                    "wall_s": round(time.perf_counter() - start, 1),
                    "peak_rss_mb": round(peak_mb(), 1),
                    "db_mb": round(db.stat().st_size / 1e6, 1),
                    "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
                }
            )
            print(json.dumps(steps[-1]), file=sys.stderr, flush=True)
    out["steps"] = steps
    first, last = steps[0]["peak_rss_mb"], steps[-1]["peak_rss_mb"]
    out["growth_first_to_last"] = round((last - first) / first, 3)
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
