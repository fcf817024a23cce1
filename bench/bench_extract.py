"""End-to-end throughput (ingest -> stored mentions and events) against spaCy's own speed.

Corpora: Reuters-21578 (mostly business news: few events) and the conflict topics of
Timeline17 (Iraq war, Egyptian protests). For each: the full pipeline on N articles in a fresh
database, then spaCy's `nlp.pipe` over every sentence of the same articles' clean text. The
pipeline parses only sentences holding a cue word, so it should beat parsing everything.

    python bench/bench_extract.py [--n 500] [--json]

Run pinned to one core (`taskset -c 0`) for figures comparable with the issue's targets.
Never writes corpus text into the repository: temporary files only.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FLASHPOINT_SHARED", ROOT.parent / "shared"))
CONFLICT_TOPICS = ("IraqWar_guardian", "EgyptianProtest_cnn")


def reuters(n: int) -> Iterator[dict[str, Any]]:
    path = SHARED / "eval" / "reuters21578" / "reuters21578.jsonl"
    count = 0
    with path.open() as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("body") and count < n:
                count += 1
                yield {
                    "id": row["newid"],
                    "title": row.get("title"),
                    "text": row["body"],
                    "published": row["date"],
                }


def timeline17(n: int) -> Iterator[dict[str, Any]]:
    path = SHARED / "eval" / "timeline17" / "articles.jsonl"
    count = 0
    with path.open() as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("topic") in CONFLICT_TOPICS and count < n:
                count += 1
                yield {
                    "id": row["uid"],
                    "text": row["text"],
                    "published": row["pub_date"],
                    "outlet": row["topic"].split("_")[-1],
                }


def measure(name: str, rows: list[dict[str, Any]], tmp: Path) -> dict[str, Any]:
    from flashpoint.clean import clean_text
    from flashpoint.extract.sentences import split_sentences
    from flashpoint.nlp import load_nlp
    from flashpoint.pipeline import run_ingest
    from flashpoint.settings import load

    corpus = tmp / f"{name}.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows))
    mb = corpus.stat().st_size / 1e6
    settings = load(overrides={"store.path": str(tmp / f"{name}.db")})
    load_nlp()  # model load is not part of the per-article cost
    from flashpoint.geo import load_gazetteer

    load_gazetteer()
    start = time.perf_counter()
    report = run_ingest([str(corpus)], settings, workers=1)  # one core: the baseline
    pipeline_s = time.perf_counter() - start

    sentences = []
    for r in rows:
        text = clean_text(r["text"]).text
        sentences += [text[s:e] for s, e in split_sentences(text)]
    start = time.perf_counter()
    for _ in load_nlp().pipe(sentences, batch_size=64):
        pass
    spacy_s = time.perf_counter() - start
    n = len(rows)
    return {
        "corpus": name,
        "articles": n,
        "input_mb": round(mb, 2),
        "mentions": report.mentions,
        "events": report.events,
        "pipeline_s": round(pipeline_s, 2),
        "pipeline_articles_per_s": round(n / pipeline_s, 1),
        "spacy_all_sentences_s": round(spacy_s, 2),
        "spacy_articles_per_s": round(n / spacy_s, 1),
        "speedup_vs_parsing_everything": round(spacy_s / pipeline_s, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="articles per corpus")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not SHARED.exists():
        print(f"{SHARED} not found; set FLASHPOINT_SHARED", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        results = [
            measure("reuters21578", list(reuters(args.n)), Path(tmp)),
            measure("timeline17-conflict", list(timeline17(args.n)), Path(tmp)),
        ]
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for r in results:
            print(
                f"{r['corpus']:22} {r['articles']:5} articles  pipeline "
                f"{r['pipeline_articles_per_s']:7.1f}/s  spaCy on every sentence "
                f"{r['spacy_articles_per_s']:7.1f}/s  ratio {r['speedup_vs_parsing_everything']}"
                f"  ({r['mentions']} mentions, {r['events']} events)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
