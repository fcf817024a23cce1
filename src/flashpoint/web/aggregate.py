"""Aggregate routes: the timeline (bucketed to the filtered range, by ACLED event type), the
map (events per place, counted by SQLite), and the count of an export. Each answer is kept
for the database's data version (see cache.py)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from starlette.datastructures import State
from starlette.responses import Response

from flashpoint.ontology import ACLED_EVENT_TYPES, load_ontology
from flashpoint.store import BUCKETS, MAX_ZOOM, EventFilter, PlaceGroup, Store
from flashpoint.web.cache import SLOW_SHARE
from flashpoint.web.encode import dumps
from flashpoint.web.map_pages import MapPlaces, check_version, decode_map_cursor
from flashpoint.web.map_pages import map_places as places_of
from flashpoint.web.params import FILTER_NAMES, bad, check_known, event_filter
from flashpoint.web.routes import (
    ERRORS,
    cached_count,
    check_page_size,
    data_version,
    json_response,
    list_answer,
    open_store,
    stats_answer,
)

router = APIRouter(prefix="/api")

OTHER = "Other"
GROUPS: tuple[str, ...] = (*ACLED_EVENT_TYPES, OTHER)
PRECISIONS = ("day", "week", "month", "year")
AUTO_DAY_MAX = 90  # days: a filtered range up to this is drawn by day
AUTO_WEEK_MAX = 731  # up to two years by week; longer by month
PAGE_ZOOM = 3  # the zoom the page's map first asks for (static/js/map.js)
FIRST_PAGE = ("date", 100, 0, None)  # the list's first page (static/js/list.js)
WARM_PAUSE_S = 0.05  # between the maps warmed after the first page's answers
WARM_MAPS_MAX = 1_000_000  # events up to which warm() computes the maps of other zooms
# ... and the map without a zoom: it keeps every place encoded (about 30 MB in memory on
# 100,000 events, in each server process), memory no one may ask for on a larger database
WARM_WHOLE_MAP_MAX = 250_000
WARM_FIRST_PAGE_SLOW = 4  # slow answers of the first page the warmed maps must leave room for


def _cached(
    state: State, store: Store, question: tuple[Any, ...], make: Callable[[], Any]
) -> bytes:
    """The answer to ``question`` as JSON bytes, kept encoded: encoding it again for every
    request would cost more than reading it."""
    answer: bytes = state.answers.get(
        (*data_version(state, store), *question), lambda: dumps(make())
    )
    return answer


def timeline_answer(state: State, store: Store, flt: EventFilter, bucket: str) -> bytes:
    """The JSON of /api/timeline (kept for the data version; ``state``: the app's)."""

    def make() -> dict[str, Any]:
        span = store.date_span(flt)
        chosen = auto_bucket(*span) if bucket == "auto" else bucket
        return timeline_json(store.day_counts(flt, chosen), chosen, span)

    return _cached(state, store, ("timeline", flt, bucket), make)


def map_answer(
    state: State,
    store: Store,
    flt: EventFilter,
    zoom: int | None,
    page: tuple[int, Any],
    groups: tuple[tuple[str, ...], list[PlaceGroup]] | None = None,
    *,
    slow: bool = False,
) -> bytes:
    """The JSON of one page of /api/map: ``page`` is (limit, (data version, (-events, key))
    to continue after, or None). The places of the question are made once for the data
    version; ``groups``, (the data version they were read at, the question's place groups),
    are used when the caller has them for this version. ``slow``: keep the answer as slow
    to make again whatever this call cost (warm's whole-database maps)."""
    limit, cursor = page
    version = data_version(state, store)

    def make() -> MapPlaces:
        count = cached_count(state, store, flt)
        if groups is not None and groups[0] == version:
            grouped = groups[1]
        else:  # none given, or a write came since they were read
            grouped = store.place_groups(flt, zoom)
        return places_of(count, grouped, zoom, version[1])

    key = (*version, "map", flt, zoom)
    whole: MapPlaces = state.answers.get(key, make, slow=slow)
    if cursor is None:
        return whole.page(limit, None)
    check_version(cursor[0], whole.version)
    return whole.page(limit, cursor[1])


def warm(state: State, flt: EventFilter) -> None:
    """Compute what a page open asks first (count, first list page, timeline, the map at the
    page's zoom, stats of ``flt``), so the first analyst does not wait for whole-database
    answers; then the maps an analyst reaches by zooming (PAGE_ZOOM - 1 to PAGE_ZOOM + 5) and
    the map without a zoom, which API clients ask. Each of those reads every located event
    (0.2-0.5 s of CPU on 100,000 events, 1.6 s without a zoom), and the first asker of each
    stalled every other request meanwhile (bench/README.md, 2026-12-03); they are grouped
    from one read (Store.place_groups_by_zoom: 1.5 s of CPU for all, against 3.9 s). They
    are warmed only where the cache keeps them beside the first page's answers, and only up
    to WARM_MAPS_MAX events (the map without a zoom up to WARM_WHOLE_MAP_MAX)."""
    with Store(state.db_path, read_only=True) as store:
        count = cached_count(state, store, flt)
        list_answer(state, store, flt, FIRST_PAGE, count)
        timeline_answer(state, store, flt, "auto")
        # a whole-database map costs a read of every located event to make again: kept as
        # slow (the zoom maps below are made from groups read once: their making looks cheap)
        map_answer(state, store, flt, PAGE_ZOOM, (state.max_page_size, None), slow=True)
        stats_answer(state, store)
        zooms = _zooms_to_warm(state, count)
        # one read of every located event for all of them (bench/README.md, 2026-12-03)
        version = data_version(state, store)
        groups = store.place_groups_by_zoom(flt, zooms) if zooms else {}
        for zoom in zooms:
            time.sleep(WARM_PAUSE_S)
            page = (state.max_page_size, None)
            map_answer(state, store, flt, zoom, page, (version, groups[zoom]), slow=True)


def _zooms_to_warm(state: State, count: int) -> list[int | None]:
    """The maps warm() computes after the first page's: none when the cache could not keep
    them with the first page's slow answers, or the database is too large."""
    zooms: list[int | None] = [z for z in range(PAGE_ZOOM - 1, PAGE_ZOOM + 6) if z != PAGE_ZOOM]
    if count <= WARM_WHOLE_MAP_MAX:
        zooms.append(None)
    room = state.answers.size // SLOW_SHARE - WARM_FIRST_PAGE_SLOW
    return zooms if count <= WARM_MAPS_MAX and room >= len(zooms) else []


def auto_bucket(first: str | None, last: str | None) -> str:
    """day, week or month, from the filtered events' own first and last days."""
    if first is None or last is None:
        return "day"
    days = (date.fromisoformat(last) - date.fromisoformat(first)).days
    return "day" if days <= AUTO_DAY_MAX else "week" if days <= AUTO_WEEK_MAX else "month"


def group_of(etype: str) -> tuple[str, str]:
    """An event type's ACLED event type (one of the six, or Other) and its sub-type (ACLED's
    sub-event type, or our type id when ACLED has none)."""
    known = load_ontology().get(etype)
    group = known.acled_event_type if known and known.acled_event_type in GROUPS else OTHER
    return group or OTHER, (known.acled_sub_event_type if known else None) or etype


def timeline_json(
    counts: Counter[tuple[Any, ...]], bucket: str, span: tuple[Any, Any]
) -> dict[str, Any]:
    series: dict[tuple[str, str], dict[str, Any]] = {}
    by_type: Counter[str] = Counter()
    days: Counter[tuple[str, str]] = Counter()
    groups: Counter[str] = Counter({g: 0 for g in GROUPS})
    undated = 0
    for (day, etype, precision), n in counts.items():
        by_type[etype] += n
        group, sub = group_of(etype)
        groups[group] += n
        if day is None:
            undated += n
            continue
        days[(day, etype)] += n
        row = series.setdefault(
            (day, group),
            {
                "day": day,
                "group": group,
                "n": 0,
                "sub_types": Counter(),
                "precision": dict.fromkeys(PRECISIONS, 0),
            },
        )
        row["n"] += n
        row["sub_types"][sub] += n
        row["precision"][precision if precision in PRECISIONS else "day"] += n
    ordered = [series[k] for k in sorted(series, key=lambda k: (k[0], GROUPS.index(k[1])))]
    for row in ordered:
        row["sub_types"] = dict(row["sub_types"].most_common())
    return {
        "bucket": bucket,
        "start": span[0],
        "end": span[1],
        "total": sum(counts.values()),
        "undated": undated,
        "series": ordered,
        "groups": dict(groups),
        "days": [{"day": d, "type": t, "n": n} for (d, t), n in sorted(days.items())],
        "types": dict(by_type.most_common()),
    }


@router.get(
    "/timeline",
    summary="Event counts per date bucket and ACLED event type, bucketed to the filtered range",
    responses={
        200: {
            "description": "`{bucket, start, end, total, undated, series: [{day, group, n, "
            "sub_types: {sub-type: n}, precision: {day, week, month, year}}], groups: "
            "{group: n}, days: [{day, type, n}], types: {type: n}}`. `day` is the first day "
            "of the bucket (weeks start on Monday); `group` is one of ACLED's six event types "
            "or Other; `precision` says how many of the bar's events are dated to the day, "
            "week, month or year. bucket=auto picks day (range up to 90 days), week (up to 2 "
            "years) or month from the filtered events' own first and last days."
        },
        **ERRORS,
    },
)
def timeline(
    request: Request,
    flt: Annotated[EventFilter, Depends(event_filter)],
    bucket: Annotated[str, Query(description="auto, day, week (from Monday) or month.")] = "auto",
) -> Response:
    check_known(request, (*FILTER_NAMES, "bucket"))
    if bucket != "auto" and bucket not in BUCKETS:
        raise bad(f"bucket: one of auto, {', '.join(BUCKETS)}, not {bucket!r}")

    with open_store(request) as store:
        return json_response(timeline_answer(request.app.state, store, flt, bucket))


@router.get(
    "/map",
    summary="Events per place (counted on the server): every matching event, located or not",
    responses={
        200: {
            "description": "`{total, located, unlocated, zoom, place_count, limit, "
            "next_cursor, places: [{key, lat, lon, name, country, geo_precision, events, "
            "places, outlets, outlet_count}]}`: one entry per place (coordinates to 0.0001 "
            "degree and ACLED geo_precision: 1 the place, 2 near it or part of a region, 3 a "
            "larger area); with `zoom` (0-18) places about 40 pixels apart share one cell "
            "(`places` counts them, `name` is the busiest). `outlets`: the 5 outlets "
            "reporting most events there. Busiest first, `limit` a page (at most "
            "serve.max_page_size, the default); `next_cursor` (null on the last page) "
            "continues: pass it as `cursor`. `place_count` counts the entries of all pages. "
            "The events of one place: GET /api/events?place=KEY. Sum of events over all "
            "pages = located; located + unlocated = total."
        },
        **ERRORS,
    },
)
def map_places(
    request: Request,
    flt: Annotated[EventFilter, Depends(event_filter)],
    zoom: Annotated[
        int | None,
        Query(ge=0, le=MAX_ZOOM, description="Map zoom (0-18): nearby places share a cell."),
    ] = None,
    limit: Annotated[
        int | None,
        Query(ge=1, description="Places a page (default and most: serve.max_page_size)."),
    ] = None,
    cursor: Annotated[
        str | None, Query(description="The next_cursor of the previous page.")
    ] = None,
) -> Response:
    check_known(request, (*FILTER_NAMES, "zoom", "limit", "cursor"))
    if limit is None:
        limit = request.app.state.max_page_size
    check_page_size(request, limit, "places")
    made = decode_map_cursor(cursor, zoom) if cursor is not None else None
    with open_store(request) as store:
        return json_response(map_answer(request.app.state, store, flt, zoom, (limit, made)))


@router.get(
    "/count",
    summary="How many events match the filters (what /api/export will download)",
    responses={200: {"description": "`{total}`"}, **ERRORS},
)
def count(request: Request, flt: Annotated[EventFilter, Depends(event_filter)]) -> Response:
    check_known(request, FILTER_NAMES)
    with open_store(request) as store:
        return json_response({"total": cached_count(request.app.state, store, flt)})
