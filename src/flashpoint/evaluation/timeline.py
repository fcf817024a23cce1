"""Timeline17: do flashpoint's events pick the days journalists put in their timelines?

Each topic's articles go through the real ingest (clean, dedup, extract, geo, merge). Days are
ranked by the salience of the events on them: events dated to the day, that happened or were
claimed, inside the gold timeline's range, each weighing its confidence times its number of
reports. The top N days, N the number of gold dates, are scored against the gold dates by
F1 (Martschat & Markert's date selection), exactly and within a day. Events per article says
how much an analyst would have to read.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from flashpoint.evaluation.common import default_view_events
from flashpoint.evaluation.t17 import DEV_CONFLICT_TOPICS, ingest_topic, read_timelines
from flashpoint.records import Event
from flashpoint.store import Store

SALIENT_MODES = frozenset({"happened", "claimed"})


def day_salience(events: list[Event], first: str, last: str) -> dict[str, float]:
    salience: dict[str, float] = {}
    for e in events:
        if e.date is None or e.date.precision != "day" or e.mode not in SALIENT_MODES:
            continue
        if first <= e.date.start <= last:
            salience[e.date.start] = salience.get(e.date.start, 0.0) + e.confidence * len(e.sources)
    return salience


def date_f1(predicted: list[str], gold: list[str], tolerance: int = 0) -> float:
    """Date-selection F1; with a tolerance, a predicted day matches an unused gold day at
    most ``tolerance`` days away (one-to-one)."""
    if not predicted or not gold:
        return 0.0
    unused = {date.fromisoformat(g) for g in gold}
    hits = 0
    for p in sorted(predicted):
        day = date.fromisoformat(p)
        for delta in sorted(range(-tolerance, tolerance + 1), key=abs):
            if day + timedelta(days=delta) in unused:
                unused.discard(day + timedelta(days=delta))
                hits += 1
                break
    precision, recall = hits / len(predicted), hits / len(gold)
    return 2 * precision * recall / (precision + recall) if hits else 0.0


def run(
    data: str | Path, limit: int | None = None, topics: tuple[str, ...] = DEV_CONFLICT_TOPICS
) -> dict[str, Any]:
    """``data``: a folder holding ``articles.jsonl`` and ``timelines.jsonl``;
    ``limit``: articles per topic (in date order), for quick runs."""
    folder = str(Path(data).resolve())
    timelines = [t for t in read_timelines(folder) if t["topic"] in topics]
    per_timeline: dict[str, dict[str, float]] = {}
    n_articles = n_events = 0
    events_by_topic: dict[str, list[Event]] = {}
    for topic in sorted({t["topic"] for t in timelines}):
        db = ingest_topic(folder, topic, limit)
        with Store(db) as store:
            events = default_view_events(store)
            n_articles += int(store.stats().get("articles", 0))
        events_by_topic[topic] = events
        n_events += len(events)
    for t in timelines:
        gold = sorted({e["date"] for e in t["entries"]})
        salience = day_salience(events_by_topic[t["topic"]], gold[0], gold[-1])
        ranked = sorted(salience, key=lambda d: (-salience[d], d))[: len(gold)]
        per_timeline[f"{t['topic']}/{t['timeline_file']}"] = {
            "gold_dates": len(gold),
            "f1_exact": round(date_f1(ranked, gold), 4),
            "f1_within_1_day": round(date_f1(ranked, gold, tolerance=1), 4),
        }
    values = list(per_timeline.values())
    return {
        "suite": "timeline",
        "timelines": len(values),
        "articles": n_articles,
        "events": n_events,
        "events_per_article": round(n_events / n_articles, 3) if n_articles else 0.0,
        "f1_exact_mean": round(sum(v["f1_exact"] for v in values) / len(values), 4)
        if values
        else 0.0,
        "f1_within_1_day_mean": round(sum(v["f1_within_1_day"] for v in values) / len(values), 4)
        if values
        else 0.0,
        "per_timeline": per_timeline,
    }
