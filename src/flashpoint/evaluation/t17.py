"""Timeline17 for the suites that read it (``timeline``, ``geo-events``, ``sentences``).

The articles come PTB-tokenised (``-LRB-``, spaces before punctuation, `` `` '' `` quotes);
:func:`detokenize` undoes that so the pipeline reads prose as a scraper would have saved it.
:func:`ingest_topic` runs the real ingest (clean, dedup, extract, geo, merge) over one topic
into a database, once per process, so several suites share it; the database goes when the
process ends.
"""

from __future__ import annotations

import atexit
import json
import re
import shutil
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from flashpoint import settings as settings_mod
from flashpoint.pipeline import run_ingest

# The dev topics about armed conflict and unrest (Libya and Syria are held out).
DEV_CONFLICT_TOPICS = ("EgyptianProtest_cnn", "IraqWar_guardian")

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_BRACKET = re.compile("|".join(re.escape(k) for k in _BRACKETS))
_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b|'')")
_SPACE_AFTER = re.compile(r"([(\[{$]|``) ")


def detokenize(text: str) -> str:
    """PTB tokens back to ordinary prose (lossy only in spacing and quote style)."""
    text = _BRACKET.sub(lambda m: _BRACKETS[m.group(0)], text)
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER.sub(r"\1", text)
    return text.replace("``", '"').replace("''", '"').replace(" -- ", " - ")


def read_articles(folder: str | Path, topics: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """The topic's articles as ``{topic, uid, pub_date, text}`` with the text detokenised."""
    wanted = set(topics) if topics is not None else None
    out = []
    with open(Path(folder) / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if wanted is None or row["topic"] in wanted:
                out.append({**row, "text": detokenize(row["text"])})
    return out


def read_timelines(folder: str | Path) -> list[dict[str, Any]]:
    with open(Path(folder) / "timelines.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def outlet_of(topic: str) -> str:
    """``IraqWar_guardian`` -> ``guardian``."""
    return topic.rsplit("_", 1)[-1]


@lru_cache(maxsize=16)
def ingest_topic(folder: str, topic: str, limit: int | None = None) -> Path:
    """One topic ingested through the real pipeline into a fresh database; its path."""
    rows = read_articles(folder, [topic])
    rows.sort(key=lambda r: (r["pub_date"], r["uid"]))
    if limit is not None:
        rows = rows[:limit]
    work = Path(tempfile.mkdtemp(prefix=f"flashpoint-t17-{topic}-"))
    atexit.register(shutil.rmtree, work, ignore_errors=True)  # 40 MB a topic, every run
    src = work / f"{topic}.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for r in rows:
            doc = {
                "id": f"{topic}/{r['uid']}",
                "text": r["text"],
                "published": r["pub_date"],
                "outlet": outlet_of(topic),
            }
            fh.write(json.dumps(doc) + "\n")
    db = work / "t17.db"
    run_ingest([str(src)], settings_mod.load(overrides={"store.path": str(db)}, environ={}))
    return db
