"""Seeds: which of EXPECTED.md's events E1-E16 are found at mention level.

The checks are ``evals/seeds_expected.json``; the articles are read from the seeds directory
with its ``meta.json`` (publication dates).
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from flashpoint.clean import clean_article
from flashpoint.evaluation.common import default_view_events
from flashpoint.ingest import read_inputs
from flashpoint.pipeline import run_ingest
from flashpoint.records import Article, Event, Mention
from flashpoint.settings import load as load_settings
from flashpoint.store import Store

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
        **event_level(data, spec),
        "suite": "seeds",
        "n": len(found),
        "found": sum(found.values()),
        "recall": round(sum(found.values()) / len(found), 4) if found else 0.0,
        "events": found,
        "background_dated_on_publication_day": violations,
        "repeated_mentions": repeats,
        "mentions": sum(len(ms) for _, ms in by_file.values()),
    }


def shown_events(seeds_dir: str | Path) -> tuple[list[Event], dict[str, str]]:
    """The seeds ingested end to end; the events the default list shows, and each article's
    seed file number."""
    with tempfile.TemporaryDirectory(prefix="flashpoint-seeds-") as work:
        db = Path(work) / "seeds.db"
        run_ingest([str(seeds_dir)], load_settings(overrides={"store.path": str(db)}, environ={}))
        with Store(db) as store:
            events = default_view_events(store)
            seed_of = {r.article.id: Path(r.article.source).name[:3] for r in store.articles()}
    return events, seed_of


def _event_matches(e: Event, check: dict[str, Any], seed_of: dict[str, str]) -> bool:
    if e.type not in check["types"] or e.mode not in check["modes"] or e.date is None:
        return False
    if e.date.end < check["date_from"] or e.date.start > check["date_to"]:
        return False
    files = {seed_of.get(s.article_id, "") for s in e.sources}
    wanted = set(check["files"])
    if (check.get("all_files") and not wanted <= files) or not files & wanted:
        return False
    countries = check.get("countries")
    return not countries or not {a.country for a in e.actors}.isdisjoint(countries)


def event_level(data: str | Path, spec: dict[str, Any]) -> dict[str, Any]:
    """The strict, event-level checks of ``evals/seeds_expected.json``."""
    events, seed_of = shown_events(data)
    matched = {
        c["id"]: {e.id for e in events if _event_matches(e, c, seed_of)} for c in spec["events"]
    }
    by_id = {e.id: e for e in events}
    apart = all(not (matched[a] & matched[b]) for a, b in spec.get("apart", []))
    one = all(len(matched[x]) == 1 for x in spec.get("one_event", []))
    sources = all(
        any(by_id[i].n_outlets == n for i in matched[x]) for x, n in spec.get("sources", {}).items()
    )
    linked = all(
        any(
            (j, "denies") in by_id[i].related or (j, "denied_by") in by_id[i].related
            for i in matched[a]
            for j in matched[b]
        )
        for a, b in spec.get("linked", [])
    )
    general = sum(
        1
        for e in events
        for s in e.sources
        for f, start, end in spec.get("general_sentences", [])
        if seed_of.get(s.article_id) == f and s.start < end and start < s.end
    )
    max_events = int(spec.get("max_events", 10**9))
    return {
        "found_events": sum(bool(v) for v in matched.values()),
        "shown_events": len(events),
        "within_event_budget": float(len(events) <= max_events),
        "apart_ok": float(apart),
        "one_event_ok": float(one),
        "sources_ok": float(sources),
        "claim_denial_linked": float(linked),
        "events_from_general_sentences": general,
        "strict_ok": float(
            all(matched.values())
            and len(events) <= max_events
            and apart
            and one
            and sources
            and linked
            and general == 0
        ),
        "matched": {k: sorted(v) for k, v in matched.items()},
    }
