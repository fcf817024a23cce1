"""Counts over the filtered events, computed by SQLite from columns (never by decoding each
event's record): the date span, counts per date bucket, type and precision (the timeline),
counts per place (the map), and the data version that caches of these are keyed by."""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from flashpoint.distance import haversine_km
from flashpoint.store.database import Database
from flashpoint.store.events import BUCKETS
from flashpoint.store.places import PRECISION, cell_degrees, cell_of

__all__ = ["EventAggregates", "PlaceGroup", "bucket_of"]

DAY_COUNTS = "date_start, type, date_precision"


@dataclass
class PlaceGroup:
    """The events of one map cell at one named place."""

    precision: int
    row: int
    col: int
    name: str | None
    country: str | None
    n: int
    latitude: float
    longitude: float
    outlets: dict[str, int] = field(default_factory=dict)  # events per outlet, whole cell


def bucket_of(day: str, bucket: str) -> str:
    """The first day of ``day``'s bucket, as the SQL of events.BUCKETS computes it."""
    if bucket == "month":
        return day[:7] + "-01"
    if bucket == "week":
        d = date.fromisoformat(day)
        return (d - timedelta(days=d.weekday())).isoformat()
    return day


class EventAggregates:
    """Timeline and map counts (mixed into :class:`flashpoint.store.Store`)."""

    _db: Database

    if TYPE_CHECKING:  # provided by events.EventStore

        def _where(self, f: Any) -> tuple[str, list[Any]]: ...

    def data_version(self) -> str:
        """Changes whenever articles, runs, events or corrections are written (a cache key)."""
        row = self._db.one(
            "SELECT (SELECT value FROM event_stats WHERE key = 'data_version'), "
            "(SELECT MAX(seq) FROM articles), (SELECT MAX(id) FROM runs), "
            "(SELECT MAX(id) FROM corrections), (SELECT MAX(id) FROM rejections)"
        )
        return ":".join(str(v) for v in row) if row is not None else ""

    def _near_rows(self, f: Any, columns: str) -> list[Any]:
        """Rows of ``columns`` of the events within ``f.near`` (great-circle distance)."""
        lat, lon, km = f.near
        where, params = self._where(f)
        sql = f"SELECT {columns}, latitude, longitude FROM events{where}"
        rows = self._db.tuples(sql, params)  # plain tuples: many small rows
        return [r for r in rows if haversine_km(lat, lon, r[-2], r[-1]) <= km]

    def day_counts(self, f: Any, bucket: str) -> Counter[tuple[Any, ...]]:
        """Counts of the events matching ``f`` by (first day of the bucket or None, type,
        date precision). ``bucket``: day, week or month."""
        counts: Counter[tuple[Any, ...]] = Counter()
        if f.near:
            for day, etype, precision, *_ in self._near_rows(f, DAY_COUNTS):
                counts[(bucket_of(day, bucket) if day else None, etype, precision)] += 1
            return counts
        where, params = self._where(f)
        sql = (
            f"SELECT {BUCKETS[bucket]} AS k, type, date_precision, COUNT(*) FROM events{where} "
            "GROUP BY k, type, date_precision"
        )
        for day, etype, precision, n in self._db.tuples(sql, params):
            counts[(day, etype, precision)] += n
        return counts

    def _near_span(self, f: Any) -> tuple[str | None, str | None]:
        days = [r[0] for r in self._near_rows(f, "date_start") if r[0]]
        return (min(days), max(days)) if days else (None, None)

    def date_span(self, f: Any) -> tuple[str | None, str | None]:
        """The first and last start day of the events matching ``f``."""
        if f.near:
            return self._near_span(f)
        where, params = self._where(f)
        row = self._db.one(f"SELECT MIN(date_start), MAX(date_start) FROM events{where}", params)
        return (row[0], row[1]) if row is not None else (None, None)

    def place_groups(self, f: Any, zoom: int | None) -> list[PlaceGroup]:
        """The located events matching ``f`` grouped by map cell, precision and place name
        (with ``near`` also by exact point), each with the outlets of its cell counted.

        One indexed read of the matching events' places (the covering index
        ``events_agg_places`` for the whole database), grouped here: SQLite's GROUP BY over
        the cell expressions sorted every row twice (places, then outlets through
        json_each), two to three times slower. :func:`cell_of` computes the cell exactly as
        the SQL of a ``place=KEY`` filter does, so a place's count and its list agree."""
        where, params = self._where(f)
        where += (
            " AND " if where else " WHERE "
        ) + "latitude IS NOT NULL AND longitude IS NOT NULL"
        rows = self._db.tuples(  # plain tuples: ~100,000 rows for the whole database
            f"SELECT latitude, longitude, {PRECISION}, location_name, country, outlets "
            f"FROM events{where}",
            params,
        )
        if f.near:
            lat, lon, km = f.near
            rows = [r for r in rows if haversine_km(lat, lon, r[0], r[1]) <= km]
        return _group_places(rows, cell_degrees(zoom), exact=bool(f.near))


def _group_places(rows: list[tuple[Any, ...]], cell: float, *, exact: bool) -> list[PlaceGroup]:
    """PlaceGroups of (latitude, longitude, precision, name, country, outlets JSON) rows: one
    per cell, precision, name and country (and point, when ``exact``), with the outlets of
    the whole cell (shared by its groups). A group's point is the mean of its events' (an
    exactly rounded sum, so the order rows come in never changes it)."""
    groups: dict[tuple[Any, ...], list[Any]] = {}  # key: [n, latitude, longitude, or lists]
    by_cell: dict[tuple[int, int, int], dict[str, int]] = {}
    parsed: dict[str, list[str]] = {}  # the outlets column repeats: parse each text once
    for lat, lon, precision, name, country, outlets in rows:
        row, col = cell_of(lat, lon, cell)
        key = (
            (precision, row, col, name, country, lat, lon)
            if exact
            else (precision, row, col, name, country)
        )
        found = groups.get(key)
        if found is None:
            groups[key] = [1, lat, lon]
        else:
            if found[0] == 1:
                found[1], found[2] = [found[1]], [found[2]]
            found[0] += 1
            found[1].append(lat)
            found[2].append(lon)
        if outlets:
            names = parsed.get(outlets)
            if names is None:
                names = parsed[outlets] = json.loads(outlets)
            counted = by_cell.get((precision, row, col))
            if counted is None:
                counted = by_cell[(precision, row, col)] = {}
            for outlet in names:
                counted[outlet] = counted.get(outlet, 0) + 1
    none: dict[str, int] = {}  # shared by cells without outlets (never written)
    return [
        PlaceGroup(k[0], k[1], k[2], k[3], k[4], n, *_means(n, y, x), by_cell.get(k[:3], none))
        for k, (n, y, x) in groups.items()
    ]


def _means(n: int, latitudes: Any, longitudes: Any) -> tuple[float, float]:
    if n == 1:
        return latitudes, longitudes
    return math.fsum(latitudes) / n, math.fsum(longitudes) / n
