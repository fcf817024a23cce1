"""A seeded random sample of the events the default view shows for one Timeline17 topic, for an
analyst to judge by hand (is it a real event; are its type, date, place and actor1 right).
Issue 10 measures precision this way: "in a random sample of 40 events, 16 were real".

    python bench/sample_events.py IraqWar_guardian 20 2026 > sample.txt

Each event is printed with its fields and its first two source sentences. The sample is read
from ../shared at run time and is not stored: the articles are not ours.
"""

from __future__ import annotations

import random
import sys

from bench_extract import SHARED

from flashpoint.evaluation.common import default_view_events
from flashpoint.evaluation.t17 import ingest_topic
from flashpoint.records import Event
from flashpoint.store import Store


def describe(e: Event) -> list[str]:
    when = f"{e.date.start}..{e.date.end} ({e.date.precision})" if e.date else "undated"
    place = f"{e.location.name} [{e.location.rule}]" if e.location else "no place"
    actors = ", ".join(a.name for a in e.actors) or "no actor"
    killed = e.killed.min if e.killed else None
    head = f"== {e.id} {e.type} {e.mode} {when} {place} | {actors} | killed={killed}"
    quotes = [f"   > {s.published} {' '.join(s.quote.split())[:400]}" for s in e.sources[:2]]
    return [f"{head} | confidence {e.confidence} | {len(e.sources)} source(s)", *quotes]


def main(topic: str, k: int, seed: int) -> None:
    with Store(ingest_topic(str(SHARED / "eval" / "timeline17"), topic)) as store:
        events = default_view_events(store)
    print(f"{topic}: {len(events)} events in the default view; {min(k, len(events))} sampled")
    for e in random.Random(seed).sample(events, min(k, len(events))):
        print("\n".join(describe(e)))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
