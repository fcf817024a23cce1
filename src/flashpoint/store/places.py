"""Places on the map: events grouped by a grid cell of their coordinates and their ACLED
geo_precision, each group named by a key the event filter takes back (``place=KEY``).

Without a zoom the cell is 0.0001 degrees (about 11 m): one place. With a zoom (0-18, as web
maps count) the cell is about 40 screen pixels wide, so nearby places share one circle. The
grouping (:func:`cell_of`, in Python) and the SQL that filters by a key compute the cell the
same way (the same floating-point expression), so a place's count and its list always agree.
"""

from __future__ import annotations

import math
import re
from typing import Any

from flashpoint.distance import EARTH_RADIUS_KM

__all__ = [
    "DISTANCE_KM",
    "MAX_ZOOM",
    "PRECISION",
    "cell_degrees",
    "cell_of",
    "near_clause",
    "place_clause",
    "place_key",
]

MAX_ZOOM = 18
PLACE_CELL = 0.0001  # degrees: one place (no zoom)
CELL_PIXELS = 40  # with a zoom: places closer than this on screen share a circle
UNKNOWN_PRECISION = 3  # an event with coordinates but no precision counts as the coarsest
_KEY = re.compile(r"^([123])/(p|z(?:1[0-8]|[0-9]))/([0-9]{1,9})/([0-9]{1,9})$")

# The cell of an event's coordinates (0-based from -90 and -180) and its precision; each takes
# the cell size as its one parameter.
CELL_ROW = "CAST((latitude + 90.0) / ? AS INTEGER)"
CELL_COL = "CAST((longitude + 180.0) / ? AS INTEGER)"
PRECISION = f"COALESCE(geo_precision, {UNKNOWN_PRECISION})"
# flashpoint.distance.haversine_km from a point to an event's coordinates, in SQL (parameters:
# the Earth's radius, the point's latitude twice, then its longitude): the same operations in
# the same order, so the same doubles (tests/test_store_near.py). A `near` filter is then
# counted, paged and grouped by SQLite instead of testing each row of the box in Python.
DISTANCE_KM = (
    "(? * 2 * asin(min(1.0, sqrt("
    "power(sin((radians(latitude) - radians(?)) / 2), 2) "
    "+ cos(radians(?)) * cos(radians(latitude)) * power(sin(radians(longitude - ?) / 2), 2)"
    "))))"
)


def cell_degrees(zoom: int | None) -> float:
    """The cell size in degrees: one place without a zoom, about 40 pixels at ``zoom``."""
    if zoom is None:
        return PLACE_CELL
    return 360.0 / float(256 * 2**zoom) * CELL_PIXELS


def cell_of(latitude: float, longitude: float, cell: float) -> tuple[int, int]:
    """The cell (row, column) of a point: CELL_ROW and CELL_COL computed here, the same
    IEEE double arithmetic and truncation toward zero as SQLite's CAST, so the map's places
    (grouped in Python) and a ``place=KEY`` filter (in SQL) always pick the same events."""
    return int((latitude + 90.0) / cell), int((longitude + 180.0) / cell)


def place_key(precision: int, zoom: int | None, row: int, col: int) -> str:
    return f"{precision}/{'p' if zoom is None else f'z{zoom}'}/{row}/{col}"


def parse_place_key(key: str) -> tuple[int, int | None, int, int]:
    """(precision, zoom or None, cell row, cell column); ValueError for a malformed key."""
    found = _KEY.match(key)
    if not found:
        raise ValueError(f"{key!r} is not a place key from /api/map (e.g. 1/p/1234567/2345678)")
    zoom = None if found[2] == "p" else int(found[2][1:])
    return int(found[1]), zoom, int(found[3]), int(found[4])


def near_clause(latitude: float, longitude: float, km: float) -> tuple[str, list[Any]]:
    """SQL (and its parameters) for the events within ``km`` of a point: a bounding box the
    index can read, then the great-circle distance."""
    dlat = km / 111.0
    dlon = km / max(1e-6, 111.0 * math.cos(math.radians(latitude)))
    sql = f"latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ? AND {DISTANCE_KM} <= ?"
    box = [latitude - dlat, latitude + dlat, longitude - dlon, longitude + dlon]
    return sql, [*box, EARTH_RADIUS_KM, latitude, latitude, longitude, km]


def place_clause(key: str) -> tuple[str, list[Any]]:
    """SQL (and its parameters) for the events of the place ``key``: a latitude window the
    index can read, then the exact cell."""
    precision, zoom, row, col = parse_place_key(key)
    cell = cell_degrees(zoom)
    low = row * cell - 90.0
    sql = f"latitude BETWEEN ? AND ? AND {CELL_ROW} = ? AND {CELL_COL} = ? AND {PRECISION} = ?"
    return sql, [low - cell, low + 2 * cell, cell, row, cell, col, precision]
