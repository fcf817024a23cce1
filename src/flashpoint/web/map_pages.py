"""The map's answer in pages: every place (or zoom cell) with matching events, busiest first,
at most serve.max_page_size a page, continued with an opaque cursor like the event list.

A map without a zoom lists every place of the database (85,000 places on the 100,000-event
benchmark, 15.8 MB of JSON in one answer): no client should have to take that at once. The
places are counted, sorted and encoded once per question and data version, and a page is a
slice of them. Ranks follow counts, which writes change, so a cursor holds the data version
and is refused (409) on other data."""

from __future__ import annotations

import base64
import binascii
import json
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flashpoint.store import PlaceGroup, parse_place_key, place_key
from flashpoint.web.encode import dumps
from flashpoint.web.errors import ApiError
from flashpoint.web.params import bad

__all__ = ["MapPlaces", "check_version", "decode_map_cursor", "map_places", "top_outlets"]

TOP_OUTLETS = 5
MAX_CURSOR = 400


@dataclass(frozen=True)
class MapPlaces:
    """Every place of one map question, busiest first (ties by key), each already encoded
    (85,000 places: 15.8 MB of JSON, about 30 MB in memory with their sort keys), for one
    data version."""

    head: dict[str, Any]  # total, located, unlocated, zoom, place_count
    order: list[tuple[int, str]]  # (-events, key) of each place, ascending
    encoded: list[bytes]  # each place's JSON, in the same order
    version: str  # the data version the places were counted on

    def page(self, limit: int, after: tuple[int, str] | None) -> bytes:
        """The JSON of the ``limit`` places after ``after`` (the first page for None)."""
        start = bisect_right(self.order, after) if after is not None else 0
        end = start + limit
        last = self.order[end - 1] if end < len(self.order) else None
        cursor = encode_map_cursor(self.version, self.head["zoom"], last) if last else None
        head = dumps({**self.head, "limit": limit, "next_cursor": cursor})
        return b"".join((head[:-1], b',"places":[', b",".join(self.encoded[start:end]), b"]}"))


def map_places(total: int, groups: list[PlaceGroup], zoom: int | None, version: str) -> MapPlaces:
    """The places of ``groups`` (a place, or with ``zoom`` a cell of nearby places)."""
    cells: defaultdict[str, list[PlaceGroup]] = defaultdict(list)
    for g in groups:
        cells[place_key(g.precision, zoom, g.row, g.col)].append(g)
    order = sorted((-sum(g.n for g in gs), key) for key, gs in cells.items())
    located = -sum(n for n, _ in order)
    head = {
        "total": total,
        "located": located,
        "unlocated": total - located,
        "zoom": zoom,
        "place_count": len(order),
    }
    encoded = [dumps(_place(key, cells[key])) for _, key in order]
    return MapPlaces(head, order, encoded, version)


def _place(key: str, groups: list[PlaceGroup]) -> dict[str, Any]:
    if len(groups) == 1:  # every place of a map without zoom: no averaging
        top = groups[0]
        n, lat, lon = top.n, top.latitude, top.longitude
    else:
        n = sum(g.n for g in groups)
        top = max(groups, key=lambda g: (g.n, g.name or "", g.country or ""))
        lat = sum(g.latitude * g.n for g in groups) / n
        lon = sum(g.longitude * g.n for g in groups) / n
    outlets = groups[0].outlets  # the cell's: the same for each place in it
    return {
        "key": key,
        "lat": round(lat, 5),
        "lon": round(lon, 5),
        "name": top.name or "",
        "country": top.country,
        "geo_precision": top.precision,
        "events": n,
        "places": len(groups),
        "outlets": top_outlets(outlets),
        "outlet_count": len(outlets),
    }


def top_outlets(outlets: Mapping[str, int]) -> list[str]:
    """The TOP_OUTLETS outlets reporting most events (ties by name)."""
    if len(outlets) <= 1:
        return list(outlets)
    ranked = sorted(outlets)  # by name, then by events (stable: ties stay by name)
    ranked.sort(key=outlets.__getitem__, reverse=True)
    return ranked[:TOP_OUTLETS]


def encode_map_cursor(version: str, zoom: int | None, after: tuple[int, str]) -> str:
    """An opaque cursor: the data version, the zoom and the (-events, key) of the last place
    listed. A place's rank moves when its count does, so a cursor is good for one version."""
    raw = json.dumps(["map", version, zoom, *after], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_map_cursor(cursor: str, zoom: int | None) -> tuple[str, tuple[int, str]]:
    """The data version and the (-events, key) a cursor continues after; a 400 for one this
    API did not make or one made for another zoom."""
    problem = "cursor: not a map cursor from this API (give the next_cursor of a previous page)"
    if len(cursor) > MAX_CURSOR:
        raise bad(problem)
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        made_for, version, made_zoom, events, key = json.loads(raw)
        parse_place_key(key)
    except (binascii.Error, ValueError, TypeError) as exc:
        raise bad(problem) from exc
    if made_for != "map" or not isinstance(version, str):
        raise bad(problem)
    if isinstance(events, bool) or not isinstance(events, int):
        raise bad(problem)
    if made_zoom is not None and (isinstance(made_zoom, bool) or not isinstance(made_zoom, int)):
        raise bad(problem)
    if made_zoom != zoom:
        raise bad(f"cursor: made for zoom={made_zoom}, not zoom={zoom}; start again without it")
    return version, (events, key)


def check_version(made_on: str, now: str) -> None:
    """A 409 for a cursor made on other data: the places' ranks moved, so going on could skip
    or repeat places."""
    if made_on != now:
        raise ApiError(
            409,
            "data_changed",
            "cursor: the data changed since the first page (an ingest, merge or correction); "
            "start again without a cursor",
        )
