"""Where the pipeline puts events of real war coverage: the Timeline17 dev conflict topics.

No gold points exist for these events, but each topic happened in one world region: an event
placed on another continent, outside every one of its actors' countries, is almost surely a
wrong reading ('Rice' as Rice, Minnesota; 'Geneva' as Geneva, Illinois). The region of each
topic is data of this evaluation (``TOPIC_REGIONS``), not knowledge of the product.

The articles (``limit`` per topic, in date order) go through the real pipeline
(:func:`flashpoint.evaluation.t17.ingest_topic`); the events are read back through the store.
Metrics, over the events with coordinates:

- ``other_continent``: on a continent the topic's region does not touch, and not in one of
  the event's actors' countries (a British inquiry in London about the Iraq war is right); a
  country the geo stage gave an actor from the place itself does not count;
- ``other_continent_raw``: on another continent at all;
- ``in_region_or_actor``: in the topic's region or in one of the event's actors' countries;
- ``topical_*``: the same over the events with an actor from the topic's region (a CNN
  transcript page about Egypt also carries the day's American stories, rightly placed there);
- ``rule_<name>``: the share of all events placed by each rule of ``flashpoint.geo.locate``
  (``rule_none``: no place), and ``area_only``: the share located only to a country or region.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from flashpoint.countries import continent
from flashpoint.evaluation.common import default_view_events
from flashpoint.evaluation.t17 import DEV_CONFLICT_TOPICS, ingest_topic
from flashpoint.records import FROM_PLACE, Event
from flashpoint.store import Store

MENA = (
    "DZA BHR EGY IRN IRQ ISR JOR KWT LBN LBY MAR OMN PSE QAT SAU SYR TUN TUR ARE YEM SDN"
).split()
# Per topic: its world region (countries) and the continents (GeoNames codes) it lies on.
TOPIC_REGIONS: dict[str, dict[str, Any]] = {
    "EgyptianProtest_cnn": {"region": "Middle East and North Africa", "countries": MENA},
    "IraqWar_guardian": {"region": "Middle East and North Africa", "countries": MENA},
    "LibyaWar_cnn": {"region": "Middle East and North Africa", "countries": MENA},
    "SyrianCrisis_bbc": {"region": "Middle East and North Africa", "countries": MENA},
}


def region_continents(countries: list[str]) -> set[str]:
    return {c for c in map(continent, countries) if c is not None}


def _events(db: Path) -> list[Event]:
    """The events the map shows (see default_view_events)."""
    with Store(db) as store:
        return default_view_events(store)


def judge(event: Event, countries: list[str], continents: set[str]) -> tuple[bool, bool, bool]:
    """(has coordinates, on another continent unexplained, inside region or actor country);
    the raw 'another continent' is the second without the actor exemption."""
    loc = event.location
    if loc is None or loc.latitude is None or loc.country is None:
        return False, False, False
    actor_countries = _actor_countries(event)
    elsewhere = continent(loc.country) not in continents
    inside = loc.country in countries or loc.country in actor_countries
    return True, elsewhere and loc.country not in actor_countries, inside


def _actor_countries(event: Event) -> set[str]:
    """The actors' countries, but not one the geo stage took from the event's place: that
    cannot vouch for the place it came from."""
    return {a.country for a in event.actors if a.country and a.inferred not in FROM_PLACE}


def score(events: list[Event], topic: str) -> Counter[str]:
    spec = TOPIC_REGIONS[topic]
    continents = region_continents(spec["countries"])
    tally: Counter[str] = Counter()
    for e in events:
        tally["events"] += 1
        loc = e.location
        tally[f"rule_{loc.rule or 'unknown'}" if loc else "rule_none"] += 1
        tally["area_only"] += bool(loc and loc.area_only)
        placed, elsewhere, inside = judge(e, spec["countries"], continents)
        if not placed:
            continue
        raw = continent(loc.country or "") not in continents if loc else False
        topical = bool(_actor_countries(e) & set(spec["countries"]))
        for prefix in ("", "topical_") if topical else ("",):
            tally[prefix + "placed"] += 1
            tally[prefix + "other_continent"] += elsewhere
            tally[prefix + "other_continent_raw"] += raw
            tally[prefix + "in_region_or_actor"] += inside
    return tally


def run(
    data: str, limit: int | None = None, topics: tuple[str, ...] = DEV_CONFLICT_TOPICS
) -> dict[str, Any]:
    """Ingest each topic (``limit`` articles, date order) and score where its events lie."""
    total: Counter[str] = Counter()
    per_topic: dict[str, dict[str, Any]] = {}
    for topic in topics:
        tally = score(_events(ingest_topic(data, topic, limit)), topic)
        per_topic[topic] = _shares(tally)
        total.update(tally)
    return {
        "suite": "geo-events",
        "n": total["events"],
        "data": Path(data).name,
        "topics": list(topics),
        "limit_per_topic": limit,
        **_shares(total),
        "per_topic": per_topic,
    }


def _shares(tally: Counter[str]) -> dict[str, Any]:
    placed, events = max(1, tally["placed"]), max(1, tally["events"])
    out: dict[str, Any] = {"events": tally["events"], "placed": tally["placed"]}
    for key in ("other_continent", "other_continent_raw", "in_region_or_actor"):
        out[key] = round(tally[key] / placed, 4)
    out["right_continent"] = round(1 - out["other_continent"], 4)  # a floor for the gate
    topical = max(1, tally["topical_placed"])
    out["topical_placed"] = tally["topical_placed"]
    for key in ("other_continent", "other_continent_raw", "in_region_or_actor"):
        out[f"topical_{key}"] = round(tally[f"topical_{key}"] / topical, 4)
    out["topical_right_continent"] = round(1 - out["topical_other_continent"], 4)
    out["area_only"] = round(tally["area_only"] / events, 4)
    for key in sorted(k for k in tally if k.startswith("rule_")):
        out[key] = round(tally[key] / events, 4)
    return out
