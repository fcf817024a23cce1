"""Every mention (all fields) of the seeds and the first N Timeline17 conflict articles, as
JSON lines on stdout: run before and after a change meant not to alter output, and diff.

    python bench/mention_digest.py 100 > before.jsonl   # (change)   ... > after.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_extract import SHARED, timeline17

from flashpoint.records import Article, article_id
from flashpoint.settings import load
from flashpoint.stages import ArticleWork


def articles(n: int) -> list[Article]:
    out = []
    meta = json.loads((SHARED / "seeds" / "meta.json").read_text("utf-8"))
    for m in meta:
        raw = (SHARED / "seeds" / m["file"]).read_bytes()
        text = raw.decode("utf-8")
        out.append(
            Article(
                article_id(raw),
                m["file"],
                "txt",
                text,
                m.get("outlet"),
                None,
                m.get("published"),
                "en",
            )
        )
    for row in timeline17(n):
        raw = row["text"].encode("utf-8")
        out.append(
            Article(
                article_id(raw),
                row["id"],
                "jsonl",
                row["text"],
                row["outlet"],
                None,
                row["published"],
                "en",
            )
        )
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    work = ArticleWork(load(environ={}), extracting=True)
    for article in articles(n):
        done = work(article)
        found = done.mentions if isinstance(done.mentions, list) else [done.mentions]
        for m in found or []:
            print(json.dumps(m.to_dict() if m is not None else None, sort_keys=True))


if __name__ == "__main__":
    main()
