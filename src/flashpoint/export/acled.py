"""Events as ACLED-style rows: ACLED's columns and codes, and a notes sentence we write."""

from __future__ import annotations

from datetime import date
from typing import Any

from flashpoint.countries import country_names
from flashpoint.ontology import load_ontology
from flashpoint.records import Actor, Event

COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "iso",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "flashpoint_type",
    "flashpoint_mode",
    "cameo",
    "flashpoint_place_rule",
    "flashpoint_area_only",
)
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


def _country(e: Event) -> str | None:
    if e.location and e.location.country:
        return e.location.country
    return next((a.country for a in e.actors if a.country), None)


def _when(e: Event) -> str:
    if e.date is None:
        return "On an unknown date"
    day = date.fromisoformat(e.date.start)
    if e.date.precision == "day":
        return f"On {day.day} {day:%B %Y}"
    if e.date.precision == "week":
        return f"In the week of {day.day} {day:%B %Y}"
    if e.date.precision == "month":
        return f"In {day:%B %Y}"
    return f"In {day.year}"


def notes(e: Event) -> str:
    """A summary sentence made from the event's fields, never copied from an article."""
    label = load_ontology()[e.type].label.lower() if e.type in load_ontology() else e.type
    actors = [a.name for a in e.actors[:2]]
    who = " and ".join(actors) if actors else "unidentified actors"
    where = f" at {e.location.name}" if e.location else ""
    parts = [f"{_when(e)}, {label} involving {who}{where}"]
    if e.mode != "happened":
        parts.append(f" ({e.mode})")
    sentence = "".join(parts) + "."
    if e.killed and e.killed.min:
        sentence += f" {e.killed.min} reported killed."
    if e.injured and e.injured.min:
        sentence += f" At least {e.injured.min} reported injured."
    n = len({s.outlet for s in e.sources})
    return sentence + f" Reported by {n} outlet{'s' if n != 1 else ''}."


def _actor(actors: tuple[Actor, ...], i: int) -> Actor | None:
    return actors[i] if len(actors) > i else None


def acled_row(e: Event) -> dict[str, Any]:
    etype = load_ontology().get(e.type)
    a1, a2 = _actor(e.actors, 0), _actor(e.actors, 1)
    iso = _country(e)
    inter1 = a1.inter if a1 and a1.inter is not None else None
    inter2 = a2.inter if a2 and a2.inter is not None else 0
    loc = e.location
    return {
        "event_id_cnty": e.id,
        "event_date": e.date.start if e.date else None,
        "year": e.date.start[:4] if e.date else None,
        "time_precision": TIME_PRECISION.get(e.date.precision) if e.date else None,
        "disorder_type": etype.disorder_type if etype else None,
        "event_type": etype.acled_event_type if etype else None,
        "sub_event_type": etype.acled_sub_event_type if etype else None,
        "actor1": a1.name if a1 else None,
        "assoc_actor_1": None,
        "inter1": inter1,
        "actor2": a2.name if a2 else None,
        "assoc_actor_2": None,
        "inter2": inter2,
        "interaction": int(f"{min(inter1, inter2)}{max(inter1, inter2)}")
        if inter1 and inter2
        else (inter1 * 10 if inter1 else None),
        "iso": iso,
        "country": country_names().get(iso or "", iso),
        "admin1": loc.admin1 if loc else None,
        "admin2": loc.admin2 if loc else None,
        "admin3": None,
        "location": loc.name if loc else None,
        "latitude": loc.latitude if loc else None,
        "longitude": loc.longitude if loc else None,
        "geo_precision": loc.geo_precision if loc else None,
        "source": "; ".join(sorted({s.outlet or s.article_id for s in e.sources})),
        "source_scale": "Other",
        "notes": notes(e),
        "fatalities": e.killed.min if e.killed and e.killed.min is not None else 0,
        "flashpoint_type": e.type,
        "flashpoint_mode": e.mode,
        "cameo": etype.cameo if etype else None,
        "flashpoint_place_rule": loc.rule if loc else None,
        "flashpoint_area_only": loc.area_only if loc else None,
    }
