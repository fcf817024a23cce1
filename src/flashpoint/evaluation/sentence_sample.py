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
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flashpoint.evaluation.t17 import DEV_CONFLICT_TOPICS, read_articles

# The splitter the draw was made with, frozen here so the draw stays reproducible while the
# product's own splitter improves: a full stop before a capital, or a paragraph break.
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n\s*\n")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt cpl pte adm brig cmdr gov sen rep rev st no "
    "jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp vs etc al approx est "
    "u.s u.k u.n e.g i.e a.m p.m".split()
)
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


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _END.finditer(text):
        if m.group(0)[0] == "." and _is_abbreviation(text, m.start()):
            continue
        yield from _trim(text, start, m.end())
        start = m.end()
    yield from _trim(text, start, len(text))


def _is_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and text[word_start].isupper())


def _trim(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


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
