"""Can two mentions report the same event? Hard tests first, then a soft similarity.

The rules are data (``data/merge_rules.tsv``): which types may describe one event, how far
apart two day-precise reports may be, and how fast similarity decays with time.
"""

from __future__ import annotations

import math
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from flashpoint.countries import continent, neighbours
from flashpoint.distance import haversine_km
from flashpoint.groups import MergeGroup, group_of, merge_groups
from flashpoint.ontology import load_ontology
from flashpoint.records import UNDATED_RULE, Mention

__all__ = [
    "MergeGroup",
    "Shape",
    "compatible",
    "could_merge",
    "group_of",
    "merge_groups",
    "near_enough",
    "points_near",
    "precise_point",
    "shape_of",
    "shape_similarity",
    "shapes_could_merge",
    "similarity",
    "worlds_apart",
]

MODE_CLASS = {
    "happened": "fact",
    "claimed": "fact",
    "planned": "intent",
    "threatened": "intent",
    "denied": "denial",
}
MAX_DISTANCE_KM = 100.0
# Places a report of an act names in its own sentence: only these tell two events apart by
# continent (a place guessed from the paragraph or the article may be another story's on a
# busy page)
OWN_PLACE_RULES = frozenset({"sentence", "sentence-clause"})
# Places that part two reports on two continents: the sentence's own, and the paragraph's (a
# place of the two sentences before or the one after, in a country the sentence names, if it
# names any): a busy page's next story ("a school principal was shot in California") is not
# the Cairo clashes of the paragraph before. The article's most named place is not among them.
PARTING_PLACE_RULES = OWN_PLACE_RULES | {"paragraph"}


class Shape(NamedTuple):
    """What the hard tests (but the place) and the similarity read of a mention: two mentions
    of one shape are interchangeable for them."""

    type: str
    several: bool
    mode_class: str | None
    start: str
    end: str
    precision: str
    country: str | None  # actor1's
    place_country: str | None = None  # the country of a place named in the report's sentence
    placed_in: str | None = None  # the country it is placed in, by any rule
    undated: bool = False  # the text gives it no date (dated to the week up to publication)


@lru_cache(maxsize=1)
def _political_types() -> frozenset[str]:
    """Statements, sanctions, talks: their sentence's place is often what they are about (read
    once: shape_of runs for every report of a merge)."""
    return frozenset(t for t, e in load_ontology().items() if e.family == "political")


def shape_of(m: Mention) -> Shape:
    d = m.date
    assert d is not None
    country = m.actor1.country if m.actor1 is not None and m.actor1.country else None
    placed_in = m.place.country if m.place is not None else None
    own = m.place is not None and m.place.rule in PARTING_PLACE_RULES
    # a statement's or a sanction's sentence often names the place it is about, not its own;
    # a meeting's names where it was held (merge_rules.tsv venue)
    topical = m.type in _political_types() and not group_of(m.type).venue
    where = placed_in if own and not topical else None
    return Shape(
        m.type,
        m.several,
        MODE_CLASS.get(m.mode),
        d.start,
        d.end,
        d.precision,
        country,
        where,
        placed_in,
        d.rule == UNDATED_RULE,
    )


@lru_cache(maxsize=1 << 16)
def ordinal(day: str) -> int:
    """Days since year 1 of an ISO date (cached: merges read the same few days many times)."""
    return date.fromisoformat(day).toordinal()


def _days(a: str, b: str) -> int:
    return abs(ordinal(a) - ordinal(b))


def _gap(a: Shape, b: Shape) -> float:
    """Days between two date ranges (0 when they overlap)."""
    if a.end < b.start:
        return _days(a.end, b.start)
    if b.end < a.start:
        return _days(b.end, a.start)
    return 0.0


def _km(a: Mention, b: Mention) -> float | None:
    pa, pb = a.place, b.place
    if pa is None or pb is None or pa.latitude is None or pb.latitude is None:
        return None
    if pa.geo_precision > 2 or pb.geo_precision > 2:
        return None
    assert pa.longitude is not None and pb.longitude is not None
    return haversine_km(pa.latitude, pa.longitude, pb.latitude, pb.longitude)


SERIES_DAYS = 31  # a report spanning more than a month tells of a period, not one incident


def _period_against_incident(a: Shape, b: Shape) -> bool:
    """One report dated only to a year, the other to a day or week, or one dated to a day and
    the other to a period over a month ("fighting since mid-January"): an incident is not the
    series a summary sentence reports."""
    precisions = {a.precision, b.precision}
    if "year" in precisions and bool(precisions & {"day", "week"}):
        return True
    spans = sorted((_days(a.start, a.end), _days(b.start, b.end)))
    return spans[0] == 0 and spans[1] > SERIES_DAYS


def compatible(a: Mention, b: Mention) -> bool:
    """Hard tests: same merge group, both single events or both summaries, compatible modes,
    dates, actors and places (not on two continents, not over 100 km apart)."""
    if a.date is None or b.date is None:
        return False
    return shapes_could_merge(shape_of(a), shape_of(b)) and near_enough(a, b)


def near_enough(a: Mention, b: Mention) -> bool:
    """The place test alone: both placed precisely and over 100 km apart fails it."""
    km = _km(a, b)
    return km is None or km <= MAX_DISTANCE_KM


def precise_point(m: Mention) -> tuple[float, float] | None:
    """Where a mention is placed, when precisely enough for the place test (else None)."""
    p = m.place
    if p is None or p.latitude is None or p.longitude is None or p.geo_precision > 2:
        return None
    return (p.latitude, p.longitude)


@lru_cache(maxsize=1 << 16)
def points_near(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """The place test between two precise points (see precise_point)."""
    return haversine_km(a[0], a[1], b[0], b[1]) <= MAX_DISTANCE_KM


def could_merge(a: Mention, b: Mention) -> bool:
    """Every hard test but the place (reports far apart may pass it; two reports that could
    share an event always do)."""
    if a.date is None or b.date is None:
        return False
    return shapes_could_merge(shape_of(a), shape_of(b))


def shapes_could_merge(a: Shape, b: Shape) -> bool:
    group = group_of(a.type)
    if b.type not in group.types:
        return False
    if a.several != b.several:  # "the three crossings" summarises; it is none of them
        return False
    ca, cb = a.mode_class, b.mode_class
    if ca is None or cb is None or (ca != cb and not group.scheduled):
        return False
    both_days = a.precision == "day" and b.precision == "day"
    if both_days and _days(a.start, b.start) > group.max_gap_days:
        return False
    if not both_days and _gap(a, b) > group.max_gap_days:
        return False
    if not group.campaign and _period_against_incident(a, b):
        return False
    if a.country and b.country and a.country != b.country:
        return False
    return not worlds_apart(a.place_country, b.place_country)


def worlds_apart(a: str | None, b: str | None) -> bool:
    """Two countries on different continents with no common border (Egypt and Israel, or
    Russia and Kazakhstan, share a border across a continent line: a border event may be
    placed on either side)."""
    if not a or not b or a == b:
        return False
    ca, cb = continent(a), continent(b)
    return ca is not None and cb is not None and ca != cb and b not in neighbours(a)


def similarity(a: Mention, b: Mention) -> float:
    """Soft score in (0, 1]: decays with the days between the reports, rewards shared actors."""
    return shape_similarity(shape_of(a), shape_of(b))


def shape_similarity(a: Shape, b: Shape) -> float:
    group = group_of(a.type)
    score = math.exp(-_gap(a, b) / group.tau_days)
    if a.type == b.type:
        score *= 1.0
    else:
        score *= 0.9
    if a.country and a.country == b.country:
        score = min(1.0, score + 0.1)
    return score
