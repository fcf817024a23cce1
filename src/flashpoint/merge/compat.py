"""Can two mentions report the same event? Hard tests first, then a soft similarity.

The rules are data (``data/merge_rules.tsv``): which types may describe one event, how far
apart two day-precise reports may be, and how fast similarity decays with time.
"""

from __future__ import annotations

import math
from datetime import date

from flashpoint.distance import haversine_km
from flashpoint.groups import MergeGroup, group_of, merge_groups
from flashpoint.records import Mention

__all__ = ["MergeGroup", "compatible", "group_of", "merge_groups", "similarity"]

MODE_CLASS = {
    "happened": "fact",
    "claimed": "fact",
    "planned": "intent",
    "threatened": "intent",
    "denied": "denial",
}
MAX_DISTANCE_KM = 100.0


def _days(a: str, b: str) -> int:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def _gap(a: Mention, b: Mention) -> float:
    """Days between two date ranges (0 when they overlap)."""
    assert a.date is not None and b.date is not None
    if a.date.end < b.date.start:
        return _days(a.date.end, b.date.start)
    if b.date.end < a.date.start:
        return _days(b.date.end, a.date.start)
    return 0.0


def _countries(m: Mention) -> set[str]:
    return {a.country for a in (m.actor1,) if a is not None and a.country}


def _km(a: Mention, b: Mention) -> float | None:
    pa, pb = a.place, b.place
    if pa is None or pb is None or pa.latitude is None or pb.latitude is None:
        return None
    if pa.geo_precision > 2 or pb.geo_precision > 2:
        return None
    assert pa.longitude is not None and pb.longitude is not None
    return haversine_km(pa.latitude, pa.longitude, pb.latitude, pb.longitude)


def _year_against_dated(a: Mention, b: Mention) -> bool:
    """One report dated only to a year, the other to a day or week: an incident is not the
    year-long series a summary sentence reports."""
    assert a.date is not None and b.date is not None
    precisions = {a.date.precision, b.date.precision}
    return "year" in precisions and bool(precisions & {"day", "week"})


def compatible(a: Mention, b: Mention) -> bool:
    """Hard tests: same merge group, both single events or both summaries, compatible modes,
    dates, actors and places."""
    group = group_of(a.type)
    if b.type not in group.types or a.date is None or b.date is None:
        return False
    if a.several != b.several:  # "the three crossings" summarises; it is none of them
        return False
    ca, cb = MODE_CLASS.get(a.mode), MODE_CLASS.get(b.mode)
    if ca is None or cb is None or (ca != cb and not group.scheduled):
        return False
    both_days = a.date.precision == "day" and b.date.precision == "day"
    if both_days and _days(a.date.start, b.date.start) > group.max_gap_days:
        return False
    if not both_days and _gap(a, b) > group.max_gap_days:
        return False
    if not group.campaign and _year_against_dated(a, b):
        return False
    ka, kb = _countries(a), _countries(b)
    if ka and kb and ka.isdisjoint(kb):
        return False
    km = _km(a, b)
    return km is None or km <= MAX_DISTANCE_KM


def similarity(a: Mention, b: Mention) -> float:
    """Soft score in (0, 1]: decays with the days between the reports, rewards shared actors."""
    group = group_of(a.type)
    score = math.exp(-_gap(a, b) / group.tau_days)
    if a.type == b.type:
        score *= 1.0
    else:
        score *= 0.9
    if _countries(a) and _countries(a) == _countries(b):
        score = min(1.0, score + 0.1)
    return score
