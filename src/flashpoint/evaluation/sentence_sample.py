"""The random draw behind the ``sentences`` gold file (``evals/sentences/``).

Two-stage sample with a fixed seed: articles at random, then sentences at random inside each,
from the dev Timeline17 conflict topics and from Reuters-21578. A sentence is named by its
article id and character offsets into the article text as flashpoint ingests it; the gold file
holds those and the team's labels, never the text.

Run ``python -m flashpoint.evaluation.sentence_sample ../shared/eval``; it prints
``evals/sentences/sample.jsonl``.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flashpoint.evaluation.t17 import DEV_CONFLICT_TOPICS, read_articles
from flashpoint.extract.sentences import split_sentences

SEED = 20261201
PLAN = (("timeline17", 90, 5), ("reuters21578", 70, 4))  # corpus, articles, sentences each
MIN_WORDS = 5


def corpus_articles(eval_dir: Path, corpus: str) -> list[dict[str, Any]]:
    """``{id, text, published}`` for every article of a corpus, in a stable order."""
    if corpus == "timeline17":
        rows = read_articles(eval_dir / "timeline17", DEV_CONFLICT_TOPICS)
        out = [
            {"id": f"{r['topic']}/{r['uid']}", "text": r["text"], "published": r["pub_date"]}
            for r in rows
        ]
    else:
        out = []
        with open(eval_dir / "reuters21578" / "reuters21578.jsonl", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                if (r.get("body") or "").strip():
                    out.append(
                        {"id": f"reuters/{r['newid']}", "text": r["body"], "published": None}
                    )
    return sorted(out, key=lambda a: a["id"])


def draw(eval_dir: Path) -> Iterator[dict[str, Any]]:
    rng = random.Random(SEED)
    for corpus, n_articles, per_article in PLAN:
        articles = corpus_articles(eval_dir, corpus)
        for art in rng.sample(articles, n_articles):
            spans = [
                (s, e)
                for s, e in split_sentences(art["text"])
                if len(art["text"][s:e].split()) >= MIN_WORDS
            ]
            for s, e in sorted(rng.sample(spans, min(per_article, len(spans)))):
                yield {"corpus": corpus, "article": art["id"], "start": s, "end": e}


if __name__ == "__main__":
    for row in draw(Path(sys.argv[1])):
        print(json.dumps(row))
