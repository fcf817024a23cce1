"""Counts over the filtered events, computed by SQLite from columns (never by decoding each
event's record): the date span, counts per date bucket, type and precision (the timeline),
counts per place (the map), and the data version that caches of these are keyed by."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from flashpoint.store.database import Database
from flashpoint.store.events import BUCKETS
from flashpoint.store.places import PRECISION, cell_degrees, cell_of

__all__ = ["EventAggregates", "PlaceGroup"]


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

    def day_counts(self, f: Any, bucket: str) -> Counter[tuple[Any, ...]]:
        """Counts of the events matching ``f`` by (first day of the bucket or None, type,
        date precision). ``bucket``: day, week or month."""
        counts: Counter[tuple[Any, ...]] = Counter()
        where, params = self._where(f)
        sql = (
            f"SELECT {BUCKETS[bucket]} AS k, type, date_precision, COUNT(*) FROM events{where} "
            "GROUP BY k, type, date_precision"
        )
        for day, etype, precision, n in self._db.tuples(sql, params):
            counts[(day, etype, precision)] += n
        return counts

    def date_span(self, f: Any) -> tuple[str | None, str | None]:
        """The first and last start day of the events matching ``f``."""
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
        cells = _Cells.of_rows(self._place_rows(f), cell_degrees(zoom), exact=bool(f.near))
        return cells.groups()

    def place_groups_by_zoom(
        self, f: Any, zooms: Sequence[int | None]
    ) -> dict[int | None, list[PlaceGroup]]:
        """:meth:`place_groups` of ``f`` at each of ``zooms``, from one read: the rows are
        grouped once at the finest zoom (and once without a zoom), and each coarser zoom is
        summed from the cells of the next finer one, a cell being exactly four of them
        (cell sizes halve exactly from zoom to zoom, so does the division in cell_of)."""
        rows = self._place_rows(f)
        exact = bool(f.near)
        found: dict[int | None, list[PlaceGroup]] = {}
        if None in zooms:
            found[None] = _Cells.of_rows(rows, cell_degrees(None), exact=exact).groups()
        numbered = sorted((z for z in zooms if z is not None), reverse=True)
        if numbered:
            level = numbered[0]
            cells = _Cells.of_rows(rows, cell_degrees(level), exact=exact)
            for zoom in numbered:
                while level > zoom:
                    cells, level = cells.halved(), level - 1
                found[zoom] = cells.groups()
        return found

    def _place_rows(self, f: Any) -> list[tuple[Any, ...]]:
        """(latitude, longitude, precision, name, country, outlets JSON) of the located
        events matching ``f``: plain tuples, ~100,000 rows for the whole database."""
        where, params = self._where(f)
        where += (
            " AND " if where else " WHERE "
        ) + "latitude IS NOT NULL AND longitude IS NOT NULL"
        return self._db.tuples(
            f"SELECT latitude, longitude, {PRECISION}, location_name, country, outlets "
            f"FROM events{where}",
            params,
        )


CellKey = tuple[int, int, int]  # precision, row, column


@dataclass
class _Cells:
    """Events grouped by cell, precision, place name and country (and point, when
    ``exact``): each group's count and coordinates, and each cell's events per outlets text
    (a text repeats across events, so each is parsed once per cell, not once per event).
    Groups stay in the order of their first event, so the same rows give the same list."""

    groups_at: dict[tuple[Any, ...], list[Any]]  # key: [n, latitudes, longitudes]
    texts_of: dict[CellKey, dict[str, int]]

    @classmethod
    def of_rows(cls, rows: list[tuple[Any, ...]], cell: float, *, exact: bool) -> _Cells:
        groups: dict[tuple[Any, ...], list[Any]] = {}
        texts_of: dict[CellKey, dict[str, int]] = {}
        for lat, lon, precision, name, country, outlets in rows:
            row, col = cell_of(lat, lon, cell)
            key = (
                (precision, row, col, name, country, lat, lon)
                if exact
                else (precision, row, col, name, country)
            )
            found = groups.get(key)
            if found is None:
                groups[key] = [1, [lat], [lon]]
            else:
                found[0] += 1
                found[1].append(lat)
                found[2].append(lon)
            if outlets:
                texts = texts_of.get((precision, row, col))
                if texts is None:
                    texts = texts_of[(precision, row, col)] = {}
                texts[outlets] = texts.get(outlets, 0) + 1
        return cls(groups, texts_of)

    def halved(self) -> _Cells:
        """The same events in the cells of the next zoom out (twice as wide and high)."""
        groups: dict[tuple[Any, ...], list[Any]] = {}
        for key, (n, lats, lons) in self.groups_at.items():
            up = (key[0], key[1] >> 1, key[2] >> 1, *key[3:])
            found = groups.get(up)
            if found is None:
                groups[up] = [n, list(lats), list(lons)]
            else:
                found[0] += n
                found[1].extend(lats)
                found[2].extend(lons)
        texts_of: dict[CellKey, dict[str, int]] = {}
        for (precision, row, col), texts in self.texts_of.items():
            merged = texts_of.setdefault((precision, row >> 1, col >> 1), {})
            for text, n in texts.items():
                merged[text] = merged.get(text, 0) + n
        return _Cells(groups, texts_of)

    def groups(self) -> list[PlaceGroup]:
        """One PlaceGroup per group, with the outlets of its whole cell (shared by the
        cell's groups). A group's point is the mean of its events' (an exactly rounded sum,
        so the order rows come in never changes it)."""
        by_cell = _outlets_by_cell(self.texts_of)
        none: dict[str, int] = {}  # shared by cells without outlets (never written)
        return [
            PlaceGroup(k[0], k[1], k[2], k[3], k[4], n, *_means(n, y, x), by_cell.get(k[:3], none))
            for k, (n, y, x) in self.groups_at.items()
        ]


def _outlets_by_cell(
    texts_of: dict[tuple[int, int, int], dict[str, int]],
) -> dict[tuple[int, int, int], dict[str, int]]:
    """Events per outlet in each cell, from events per outlets text (a JSON list) in each."""
    parsed: dict[str, list[str]] = {}
    by_cell: dict[tuple[int, int, int], dict[str, int]] = {}
    for cell_key, texts in texts_of.items():
        counted: dict[str, int] = {}
        for text, n in texts.items():
            names = parsed.get(text)
            if names is None:
                names = parsed[text] = json.loads(text)
            for outlet in names:
                counted[outlet] = counted.get(outlet, 0) + n
        by_cell[cell_key] = counted
    return by_cell


def _means(n: int, latitudes: list[float], longitudes: list[float]) -> tuple[float, float]:
    if n == 1:
        return latitudes[0], longitudes[0]
    return math.fsum(latitudes) / n, math.fsum(longitudes) / n
