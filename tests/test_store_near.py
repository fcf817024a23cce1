"""How the store answers filtered questions (issue 13): the great-circle distance computed by
SQLite is the one every stage computes in Python, a `near` filter keeps exactly the events
within its distance, the map's zooms grouped from one read equal each zoom grouped alone, and
a date window with a country, actor or mode filter is read from index entries alone."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.distance import EARTH_RADIUS_KM, haversine_km
from flashpoint.store import EventFilter, Store
from flashpoint.store.database import MATH_FUNCTIONS, ensure_math_functions
from flashpoint.store.events import where_clause
from flashpoint.store.places import DISTANCE_KM

sys.path.insert(0, str(ROOT / "bench"))
from synthetic import build_event_db

LAT = st.floats(min_value=-90, max_value=90, allow_nan=False)
LON = st.floats(min_value=-180, max_value=180, allow_nan=False)


def _sql_distance(con: sqlite3.Connection, a: tuple[float, float], b: tuple[float, float]) -> float:
    sql = f"SELECT {DISTANCE_KM} FROM (SELECT ? AS latitude, ? AS longitude)"
    row = con.execute(sql, (EARTH_RADIUS_KM, a[0], a[0], a[1], b[0], b[1])).fetchone()
    return float(row[0])


@pytest.fixture(scope="module")
def builtin_math() -> sqlite3.Connection:
    con = sqlite3.connect(":memory:")
    ensure_math_functions(con)
    return con


@pytest.fixture(scope="module")
def python_math() -> sqlite3.Connection:
    """A connection whose math functions are Python's (as on a SQLite built without them)."""
    con = sqlite3.connect(":memory:")
    for name, function in MATH_FUNCTIONS.items():
        con.create_function(name, 2 if name == "power" else 1, function, deterministic=True)
    return con


@settings(max_examples=300, deadline=None)
@given(LAT, LON, LAT, LON)
def test_the_sql_distance_is_the_python_distance_to_the_last_bit(
    builtin_math: sqlite3.Connection,
    python_math: sqlite3.Connection,
    lat1: float,
    lon1: float,
    lat2: float,
    lon2: float,
) -> None:
    expected = haversine_km(lat1, lon1, lat2, lon2)
    assert _sql_distance(builtin_math, (lat1, lon1), (lat2, lon2)) == expected
    assert _sql_distance(python_math, (lat1, lon1), (lat2, lon2)) == expected


def test_known_distances(builtin_math: sqlite3.Connection) -> None:
    seoul, pyongyang = (37.5665, 126.978), (39.0392, 125.7625)
    assert _sql_distance(builtin_math, seoul, pyongyang) == pytest.approx(195, abs=2)
    assert _sql_distance(builtin_math, seoul, seoul) == 0.0


@pytest.fixture(scope="module")
def synth_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path: Path = build_event_db(tmp_path_factory.mktemp("near") / "synth.db", 3000, seed=4)
    return path


@pytest.mark.parametrize("km", [5.0, 50.0, 400.0])
def test_near_keeps_exactly_the_events_within_the_distance(synth_db: Path, km: float) -> None:
    point = (38.25, 127.25)
    with Store(synth_db) as store:
        located = [e for e in store.events() if e.location and e.location.latitude is not None]
        expected = sorted(
            (e.date.start if e.date else "", e.id)
            for e in located
            if haversine_km(*point, e.location.latitude, e.location.longitude) <= km  # type: ignore[union-attr,arg-type]
        )
        flt = EventFilter(near=(*point, km))
        found = sorted((e.date.start if e.date else "", e.id) for e in store.events(flt))
        assert found == expected and (km < 50 or expected)
        assert store.count_events(flt) == len(expected)
        assert sum(store.timeline(flt, "month").values()) == len(expected)
        assert sum(g.n for g in store.place_groups(flt, 6)) == len(expected)
        ids, _ = store.sorted_ids(flt, "-killed", 10_000)
        assert sorted(ids) == sorted(i for _, i in expected)


def test_every_zoom_from_one_read_equals_each_zoom_alone(synth_db: Path) -> None:
    zooms = [None, 2, 3, 5, 8, 11]
    with Store(synth_db) as store:
        for flt in (
            EventFilter(),
            EventFilter(type="armed_clash"),
            EventFilter(near=(38.25, 127.25, 300.0)),
        ):
            together = store.place_groups_by_zoom(flt, zooms)
            for zoom in zooms:
                alone = store.place_groups(flt, zoom)
                assert together[zoom] == alone, (flt, zoom)
                assert sum(g.n for g in alone) == sum(g.n for g in together[zoom]) > 0


def _read_from(db: Path, flt: EventFilter, index: str) -> None:
    """Count, timeline, sorted page and map of ``flt`` each read ``index`` alone."""
    where, params = where_clause(flt, 30)
    questions = [
        f"SELECT COUNT(*) FROM events{where}",
        f"SELECT date_start, type, date_precision, COUNT(*) FROM events{where} GROUP BY 1, 2, 3",
        f"SELECT n_outlets, id FROM events{where} ORDER BY n_outlets DESC, id DESC LIMIT 50",
        f"SELECT latitude, longitude, geo_precision, location_name, country, outlets "
        f"FROM events{where}",
    ]
    con = sqlite3.connect(db)
    try:
        for sql in questions:
            plan = " ".join(str(r[3]) for r in con.execute(f"EXPLAIN QUERY PLAN {sql}", params))
            assert f"USING COVERING INDEX {index}" in plan, (sql, plan)
    finally:
        con.close()


@pytest.mark.parametrize(
    "flt",
    [
        EventFilter(since="2018-03-01", until="2018-06-01", country="SYR"),
        EventFilter(since="2018-03-01", until="2018-06-01", actor="Government of"),
        EventFilter(since="2018-03-01", until="2018-06-01", country="SYR", actor="Government"),
        EventFilter(since="2018-03-01", until="2018-06-01", mode="claimed"),
        EventFilter(since="2018-03-01", until="2018-06-01", min_sources=2),
    ],
)
def test_a_date_window_is_read_from_index_entries_alone(synth_db: Path, flt: EventFilter) -> None:
    """Count, timeline, sorted page and map of a window never read the wide event rows
    (migration 0017: 0016 had dropped the countries and actors from the window's index)."""
    _read_from(synth_db, flt.shown(0.5, hidden=("context",)), "events_window")


@pytest.mark.parametrize(
    "flt",
    [
        EventFilter(type="armed_clash"),
        EventFilter(type="armed_clash", min_sources=2),
        EventFilter(type="armed_clash", since="2018-03-01", until="2018-06-01", country="SYR"),
    ],
)
def test_a_type_is_read_from_index_entries_alone(synth_db: Path, flt: EventFilter) -> None:
    """The filter analysts set most, often without dates (migration 0018)."""
    _read_from(synth_db, flt.shown(0.5), "events_type_cover")
