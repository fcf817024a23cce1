"""Seeds: which of EXPECTED.md's events E1-E16 are found at mention level.

The checks are ``evals/seeds_expected.json``; the articles are read from the seeds directory
with its ``meta.json`` (publication dates).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from flashpoint.clean import clean_article
from flashpoint.ingest import read_inputs
from flashpoint.records import Article, Mention

DEFAULT_CHECKS = Path(__file__).resolve().parents[3] / "evals" / "seeds_expected.json"
_BACKGROUND = re.compile(r"\b(since|in) (19|20)\d\d\b|\b(19|20)\d\d\s*-\s*(19|20)\d\d\b")


def seed_mentions(seeds_dir: str | Path) -> dict[str, tuple[Article, list[Mention]]]:
    from flashpoint.extract import extract_mentions

    out = {}
    for item in read_inputs([str(seeds_dir)], max_bytes=10**7):
        if isinstance(item, Article):
            clean = clean_article(item)
            found = extract_mentions(clean, published=item.published, outlet=item.outlet)
            out[Path(item.source).name[:3]] = (item, found)
    return out


def _matches(m: Mention, check: dict[str, Any]) -> bool:
    if m.type not in check["types"] or m.mode not in check["modes"] or m.date is None:
        return False
    if m.date.end < check["date_from"] or m.date.start > check["date_to"]:
        return False
    countries = check.get("countries")
    if countries:
        named = {a.country for a in (m.actor1, m.actor2) if a is not None}
        if named.isdisjoint(countries):
            return False
    return True


def run(data: str | Path, checks: str | Path | None = None) -> dict[str, Any]:
    spec = json.loads(Path(checks or DEFAULT_CHECKS).read_text())
    by_file = seed_mentions(data)
    found: dict[str, bool] = {}
    for check in spec["events"]:
        hits = {
            f
            for f in check["files"]
            if f in by_file and any(_matches(m, check) for m in by_file[f][1])
        }
        found[check["id"]] = (hits == set(check["files"])) if check.get("all_files") else bool(hits)
    violations = sum(
        1
        for article, mentions in by_file.values()
        for m in mentions
        if m.mode != "historical"
        and m.date is not None
        and m.date.start == article.published
        and m.date.precision == "day"
        and _BACKGROUND.search(m.sentence.text)
        and not any(w in m.sentence.text.lower() for w in ("today", "yesterday"))
    )
    repeats = sum(
        n - 1
        for n in Counter(
            (m.article_id, m.type, m.sentence.text, m.date.start if m.date else None)
            for _, ms in by_file.values()
            for m in ms
        ).values()
        if n > 1
    )
    return {
        "suite": "seeds",
        "n": len(found),
        "found": sum(found.values()),
        "recall": round(sum(found.values()) / len(found), 4) if found else 0.0,
        "events": found,
        "background_dated_on_publication_day": violations,
        "repeated_mentions": repeats,
        "mentions": sum(len(ms) for _, ms in by_file.values()),
    }
