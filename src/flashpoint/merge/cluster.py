"""The greedy clustering of mentions into events, near-linear however busy a window is.

Each mention, in canonical order, joins the most similar open event it is compatible with
(every member passes the hard tests; a mention from another article shares an anchor with a
member, see flashpoint.merge.anchors; mean similarity above MIN_SIMILARITY; between equally
similar events a report the text gives no date takes its own article's, other ties go to the
event opened first) or opens a new one. Two things keep this near-linear:

- Candidates come from a :class:`ShapeIndex` of each event's founder: an event can only take a
  mention its founder could merge with, so only events of the mention's type group, mode
  class, country (or none), day (or week, for a longer date range) and place (within reach
  of 100 km, or placed imprecisely) are looked at.
- An event keeps its members grouped by :class:`Shape` (what the hard tests and the similarity
  read) and by precise place, so testing a mention against an event of 500 reports of one
  incident costs a few comparisons, not 500. The mean similarity is summed exactly (as
  ``math.fsum`` would: similarities are binary fractions, added as integers), so it does not
  depend on the order members joined.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import lru_cache
from typing import Generic, TypeVar

from flashpoint.distance import EARTH_RADIUS_KM
from flashpoint.merge.anchors import anchors
from flashpoint.merge.compat import (
    MAX_DISTANCE_KM,
    Shape,
    group_of,
    ordinal,
    points_near,
    precise_point,
    shape_of,
    shape_similarity,
    shapes_could_merge,
)
from flashpoint.records import Mention

__all__ = [
    "MIN_SIMILARITY",
    "OpenEvent",
    "Point",
    "ShapeIndex",
    "Tie",
    "family_key",
    "greedy_clusters",
]

MIN_SIMILARITY = 0.2
POLAR_LATITUDE = 80.0  # beyond it places are filed and probed without a place cell


def family_key(shape: Shape) -> str:
    """Type group, summary or not, mode class (any, for groups where a plan and its report
    are one event): shapes of different families never merge."""
    group = group_of(shape.type)
    mode = "*" if group.scheduled else str(shape.mode_class)
    return f"{group.name}|{int(shape.several)}|{mode}"


def _cells(shape: Shape) -> list[tuple[str, int]]:
    """Where a shape is filed: its day, or each week its date range touches."""
    first, last = ordinal(shape.start), ordinal(shape.end)
    if first == last:
        return [("d", first)]
    return [("w", w) for w in range(first // 7, last // 7 + 1)]


def _probes(shape: Shape) -> Iterator[tuple[str, int]]:
    """Every cell a shape it could merge with may be filed in: the days and weeks within the
    group's largest gap of its date range."""
    gap = group_of(shape.type).max_gap_days
    low, high = ordinal(shape.start) - gap, ordinal(shape.end) + gap
    for day in range(low, high + 1):
        yield ("d", day)
    for week in range(low // 7, high // 7 + 1):
        yield ("w", week)


Point = tuple[float, float]
Tie = tuple[frozenset[str], bool]  # a report's anchors; whether it is a definite description
T = TypeVar("T")


def _place_cell(point: Point | None) -> tuple[int, int] | None:
    """A 1-degree cell for a precise point; None (compared with every place) otherwise and
    near the poles, where degrees of longitude shrink to nothing."""
    if point is None or abs(point[0]) >= POLAR_LATITUDE:
        return None
    return (math.floor(point[0]), math.floor(point[1]))


@lru_cache(maxsize=1 << 14)
def _near(point: Point) -> frozenset[tuple[int, int] | None]:
    """The place cells a probe from ``point`` looks at (cached: reports share few places)."""
    return frozenset({None, *_near_cells(point)})


def _near_cells(point: Point) -> Iterator[tuple[int, int]]:
    """Every cell a precise point within MAX_DISTANCE_KM of ``point`` can lie in: a degree of
    latitude is over 110 km; for longitude, sin(dlon/2) <= sin(d/2R) / cos(highest latitude)."""
    lat, lon = point
    widest = math.radians(min(abs(lat) + 1.0, POLAR_LATITUDE + 1.0))
    half = math.sin(MAX_DISTANCE_KM / (2 * EARTH_RADIUS_KM)) / math.cos(widest)
    span = math.ceil(math.degrees(2 * math.asin(min(1.0, half)))) + 1
    row, col = math.floor(lat), math.floor(lon)
    for r in range(row - 1, row + 2):
        for c in range(col - span, col + span + 1):
            yield (r, (c + 180) % 360 - 180)


class ShapeIndex:
    """Items filed by shape (and precise place); ``probe`` returns every item whose shape could
    merge with a given one and whose place is near enough (and a few more: the exact test is
    the caller's)."""

    def __init__(self) -> None:
        self._cells: dict[
            tuple[str, tuple[str, int]],
            dict[tuple[int, int] | None, dict[str | None, list[int]]],
        ] = {}

    def add(self, shape: Shape, item: int, point: Point | None = None) -> None:
        family, place = family_key(shape), _place_cell(point)
        for cell in _cells(shape):
            by_place = self._cells.setdefault((family, cell), {})
            by_place.setdefault(place, {}).setdefault(shape.country, []).append(item)

    def probe(self, shape: Shape, point: Point | None = None) -> set[int]:
        family = family_key(shape)
        near: frozenset[tuple[int, int] | None] | None = None
        if point is not None and _place_cell(point) is not None:
            near = _near(point)
        found: set[int] = set()
        for cell in _probes(shape):
            by_place = self._cells.get((family, cell))
            if not by_place:
                continue
            for place, by_country in by_place.items():
                if near is not None and place not in near:
                    continue
                if shape.country is None:  # no country: compatible with any
                    for items in by_country.values():
                        found.update(items)
                else:
                    found.update(by_country.get(shape.country, ()))
                    found.update(by_country.get(None, ()))
        return found


@lru_cache(maxsize=1 << 18)
def _pair(shape: Shape, other: Shape) -> tuple[int, int] | None:
    """None when the shapes fail a hard test; else their similarity as an exact binary
    fraction (numerator, exponent of the denominator)."""
    if not shapes_could_merge(shape, other):
        return None
    numerator, denominator = shape_similarity(shape, other).as_integer_ratio()
    return numerator, denominator.bit_length() - 1


class OpenEvent(Generic[T]):
    """An event being built: its members, and the same members by shape and precise place."""

    __slots__ = ("anchors", "articles", "countries", "members", "places", "shapes")

    def __init__(self) -> None:
        self.members: list[T] = []
        self.shapes: dict[Shape, int] = {}
        self.places: set[tuple[float, float]] = set()
        self.articles: set[str] = set()
        self.countries: set[str | None] = set()  # where each member is placed, None: nowhere
        self.anchors: set[str] = set()  # every member's (see flashpoint.merge.anchors)

    def add(
        self, m: T, shape: Shape, point: Point | None, article: str, tied: frozenset[str]
    ) -> None:
        self.members.append(m)
        self.articles.add(article)
        self.anchors |= tied
        self.countries.add(shape.placed_in)
        self.shapes[shape] = self.shapes.get(shape, 0) + 1
        if point is not None:
            self.places.add(point)

    def score(self, shape: Shape, point: Point | None, article: str, tie: Tie) -> float | None:
        """Mean similarity of a mention of this shape and place, from this article, to the
        members, summed exactly; None when it fails a hard test, or when it comes from another
        article, shares no anchor with them and is no definite description (``tie``: its
        anchors, and whether it is one). An article's own reports of a type and day are one
        incident unless a hard test parts them; another article's need something in common
        (flashpoint.merge.anchors), or to presuppose the act ("condemned the exercise": the
        one its readers know of that day)."""
        if shape.undated and not self._ties_undated(shape, article):
            return None
        tied, presupposed = tie
        if article not in self.articles and not presupposed and self.anchors.isdisjoint(tied):
            return None
        total, exponent = 0, 0
        for other, count in self.shapes.items():
            pair = _pair(shape, other)
            if pair is None:
                return None
            numerator, power = pair
            if power > exponent:
                total <<= power - exponent
                exponent = power
            total += (count * numerator) << (exponent - power)
        if point is not None and not all(points_near(point, p) for p in self.places):
            return None
        return total / (1 << exponent) / len(self.members)

    def preference(
        self, shape: Shape, point: Point | None, article: str, tie: Tie
    ) -> tuple[float, bool] | None:
        """How much a mention wants this event, compared as a tuple; None when it may not
        join it (``score`` None or not above MIN_SIMILARITY). The most similar event; between
        equally similar ones, a report the text gives no date belongs with its own article's
        incident ("The group withdrew after 20 minutes" after that article's crossing)."""
        score = self.score(shape, point, article, tie)
        if score is None or score <= MIN_SIMILARITY:
            return None
        return score, shape.undated and article in self.articles

    def _ties_undated(self, shape: Shape, article: str) -> bool:
        """A report the text gives no date joins an event of its own article, or one whose
        reports are all placed in its country: nothing else ties it to this incident rather
        than to another of its type that week."""
        if article in self.articles:
            return True
        return shape.placed_in is not None and self.countries == {shape.placed_in}


def greedy_clusters(mentions: list[Mention]) -> list[list[Mention]]:
    """Greedy clustering of mentions given in canonical order (see the module docstring)."""
    opened: list[OpenEvent[Mention]] = []
    founders = ShapeIndex()
    for m in mentions:
        shape, point, tied = shape_of(m), precise_point(m), anchors(m)
        best, best_key = -1, (MIN_SIMILARITY, False)
        for c in sorted(founders.probe(shape, point)):
            key = opened[c].preference(shape, point, m.article_id, (tied, m.definite))
            if key is not None and key > best_key:
                best, best_key = c, key
        if best < 0:
            best = len(opened)
            opened.append(OpenEvent())
            founders.add(shape, best, point)
        opened[best].add(m, shape, point, m.article_id, tied)
    return [o.members for o in opened]
