"""The API at the page's scale (issue 13): sorted cursor pages, the map per place, the timeline
bucketed to the filtered range, full streamed exports and their count, and the safety items
(CSV formula cells, LIKE wildcards, the token's length)."""

from __future__ import annotations

import base64
import csv
import io
import json
import os
import sys
import warnings
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from conftest import ROOT, SHOW_ALL, run_cli

with warnings.catch_warnings():  # starlette asks for httpx2; httpx is what is pinned
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from flashpoint.export import export_events
from flashpoint.export.cells import safe_cell
from flashpoint.ontology import ACLED_EVENT_TYPES
from flashpoint.records import DateValue, Event
from flashpoint.settings import load
from flashpoint.store import EventFilter, Store
from flashpoint.views import date_label
from flashpoint.web import aggregate, create_app
from flashpoint.web import exports as web_exports
from flashpoint.web.app import warm_in_background
from flashpoint.web.map_pages import encode_map_cursor

sys.path.insert(0, str(ROOT / "bench"))
from synthetic import synthetic_events

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

N = 400
TOKEN = "scale-test-token-0123456789abcdef"
FORMULA = '=HYPERLINK("http://evil.example/","click")'


def _hostile(events: list[Event]) -> list[Event]:
    """Some events unlocated, some dated to a month, one outlet a formula, one actor '+cmd'."""
    out = []
    for i, e in enumerate(events):
        if i % 25 == 0:
            e = replace(e, location=None)
        if i % 40 == 1 and e.date is not None:
            e = replace(e, date=replace(e.date, precision="month"))
        if i == 2:
            sources = (replace(e.sources[0], outlet=FORMULA), *e.sources[1:])
            actors = (replace(e.actors[0], name="+cmd|' /C calc'!A0"), *e.actors[1:])
            e = replace(e, sources=sources, actors=actors)
        out.append(e)
    return out


@pytest.fixture(scope="module")
def scale_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("scale") / "scale.db"
    with Store(db, write=True) as store:
        store.replace_events(_hostile(synthetic_events(N, seed=7)))
    return db


def app_client(db: Path, **serve: Any) -> TestClient:
    overrides = {"store.path": str(db), **{f"serve.{k}": v for k, v in serve.items()}}
    overrides.update(SHOW_ALL)
    return TestClient(create_app(db, load(overrides=overrides, environ={})))


@pytest.fixture(scope="module")
def api(scale_db: Path) -> Iterator[TestClient]:
    with app_client(scale_db) as c:
        yield c


def pages(api: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every page of a paged answer, through next_cursor."""
    found: list[dict[str, Any]] = []
    cursor = None
    while True:
        res = api.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert res.status_code == 200, res.text
        found.append(res.json())
        cursor = found[-1]["next_cursor"]
        if cursor is None:
            return found


def walk(api: TestClient, **params: Any) -> list[dict[str, Any]]:
    """Every event of a list, page by page."""
    return [e for page in pages(api, "/api/events", **params) for e in page["events"]]


# -- the list: sorting and cursor pages -------------------------------------------------------


def _key(sort: str, e: Event) -> Any:
    name = sort.lstrip("-")
    if name == "date":
        return e.date.start if e.date else ""
    if name == "sources":
        return e.n_outlets
    if name == "killed":
        return e.killed.min if e.killed and e.killed.min is not None else -1
    return e.confidence


@pytest.mark.parametrize(
    "sort", ["date", "-date", "sources", "-sources", "killed", "-killed", "confidence"]
)
def test_cursor_pages_list_every_event_once_in_the_sort_order(
    api: TestClient, scale_db: Path, sort: str
) -> None:
    with Store(scale_db) as store:
        events = store.events(EventFilter())
    expected = sorted(events, key=lambda e: (_key(sort, e), e.id), reverse=sort.startswith("-"))
    listed = walk(api, sort=sort, limit=37)
    assert [e["id"] for e in listed] == [e.id for e in expected]
    first = api.get("/api/events", params={"sort": sort, "limit": 37, "offset": 37}).json()
    assert [e["id"] for e in first["events"]] == [e.id for e in expected[37:74]]


def test_cursor_pages_with_near_and_a_filter(api: TestClient) -> None:
    params = {"near": "38.25,127.25,150", "sort": "-killed"}
    whole = api.get("/api/events", params={**params, "limit": 1000}).json()
    assert whole["next_cursor"] is None and whole["total"] == len(whole["events"]) > 10
    assert [e["id"] for e in walk(api, **params, limit=4)] == [e["id"] for e in whole["events"]]


def test_bad_sort_cursor_and_offset_are_400(api: TestClient) -> None:
    cursor = api.get("/api/events", params={"limit": 2, "sort": "killed"}).json()["next_cursor"]
    for params in (
        {"sort": "name"},
        {"cursor": "not-a-cursor"},
        {"cursor": cursor, "sort": "date"},  # made for another sort
        {"cursor": cursor, "sort": "killed", "offset": 5},
        {"place": "1/p/x/y"},
        {"limit": 100_000},
    ):
        res = api.get("/api/events", params=params)
        assert res.status_code == 400, params
        assert res.json()["error"]["code"] in ("bad_parameter", "page_too_large")


def test_date_label_shows_the_precision() -> None:
    def label(start: str, end: str, precision: str) -> str | None:
        return date_label(DateValue(start, end, precision, "test"))

    assert label("2011-03-14", "2011-03-14", "day") == "2011-03-14"
    assert label("2011-03-14", "2011-03-20", "week") == "2011-W11, week"
    assert label("2011-03-01", "2011-03-31", "month") == "2011-03, month"
    assert label("2011-01-01", "2011-12-31", "year") == "2011, year"
    assert date_label(None) is None


def test_listed_events_carry_date_label_and_urls(api: TestClient) -> None:
    events = api.get("/api/events", params={"limit": 200}).json()["events"]
    assert all("urls" in e and isinstance(e["urls"], list) for e in events)
    months = [e for e in events if e["date_precision"] == "month"]
    assert months and all(e["date_label"] == f"{e['date'][:7]}, month" for e in months)


# -- the map ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [{}, {"type": "armed_clash"}, {"near": "48.6,38.0,200"}, {"zoom": 4}, {"zoom": 12}],
)
def test_map_counts_every_matching_event(api: TestClient, params: dict[str, Any]) -> None:
    data = api.get("/api/map", params=params).json()
    filters = {k: v for k, v in params.items() if k != "zoom"}
    total = api.get("/api/events", params={**filters, "limit": 1}).json()["total"]
    assert data["total"] == total
    assert sum(p["events"] for p in data["places"]) == data["located"]
    assert data["located"] + data["unlocated"] == total
    for place in data["places"]:
        assert place["geo_precision"] in (1, 2, 3)
        assert len(place["outlets"]) <= 5 and place["outlet_count"] >= len(place["outlets"])


def test_unlocated_events_are_counted(api: TestClient) -> None:
    data = api.get("/api/map").json()
    assert data["unlocated"] == len(range(0, N, 25))


@pytest.mark.parametrize("zoom", [None, 3, 9])
def test_a_place_key_lists_that_place_s_events(api: TestClient, zoom: int | None) -> None:
    places = api.get("/api/map", params={} if zoom is None else {"zoom": zoom}).json()["places"]
    for place in places[:5] + places[-3:]:
        listed = walk(api, place=place["key"], limit=100)
        assert len(listed) == place["events"]
        assert all(e["location"]["geo_precision"] == place["geo_precision"] for e in listed)
    grid = api.get("/api/map", params={"zoom": 2}).json()["places"]
    assert len(grid) < len(places) or zoom == 3


def walk_map(api: TestClient, **params: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The first page of a map and every place of all its pages."""
    found = pages(api, "/api/map", **params)
    assert all(len(page["places"]) <= page["limit"] for page in found)
    return found[0], [p for page in found for p in page["places"]]


@pytest.mark.parametrize("params", [{}, {"zoom": 9}, {"near": "48.6,38.0,200"}])
def test_map_pages_join_into_the_whole_map(api: TestClient, params: dict[str, Any]) -> None:
    """A map is paged like the list (busiest place first, at most serve.max_page_size a page):
    small pages walked through their cursors give exactly the one-page answer."""
    whole = api.get("/api/map", params=params).json()
    assert whole["next_cursor"] is None and len(whole["places"]) == whole["place_count"]
    assert whole["limit"] == 1000  # serve.max_page_size, the default page
    first, paged = walk_map(api, **params, limit=7)
    assert whole["place_count"] > 7 and len(first["places"]) == 7
    assert paged == whole["places"] and sum(p["events"] for p in paged) == whole["located"]
    busiest = [(-p["events"], p["key"]) for p in paged]
    assert busiest == sorted(busiest)
    count = whole["place_count"]
    for limit in (count, next(d for d in range(2, count) if count % d == 0), count - 1):
        pages = 0
        cursor = None
        while True:  # a list ending on a page boundary gives no empty page after it
            going_on = {"cursor": cursor} if cursor else {}
            page = api.get("/api/map", params={**params, "limit": limit, **going_on})
            pages += 1
            assert page.json()["places"], (limit, pages)
            cursor = page.json()["next_cursor"]
            if cursor is None:
                break
        assert pages == -(-count // limit), limit


def test_map_pages_are_checked(api: TestClient) -> None:
    """A page above serve.max_page_size is a 400, never a silent cut; a cursor must be the
    map's own, for the same zoom."""
    res = api.get("/api/map", params={"limit": 1001})
    assert res.status_code == 400 and res.json()["error"]["code"] == "page_too_large"
    zoom9 = api.get("/api/map", params={"zoom": 9, "limit": 2}).json()["next_cursor"]
    listed = api.get("/api/events", params={"limit": 2}).json()["next_cursor"]
    for params in (
        {"zoom": 3, "cursor": zoom9},
        {"cursor": listed},
        {"cursor": "not-a-cursor"},
        {"cursor": "x" * 500},
        {"limit": 0},
    ):
        res = api.get("/api/map", params=params)
        assert res.status_code == 400, params
        assert res.json()["error"]["code"] == "bad_parameter", params
    assert api.get("/api/map", params={"zoom": 9, "cursor": zoom9}).status_code == 200
    odd_zoom = base64.urlsafe_b64encode(b'["map","1","1",-3,"1/p/1/2"]').decode()
    res = api.get("/api/map", params={"cursor": odd_zoom})  # a zoom given as text
    assert res.status_code == 400 and "not a map cursor" in res.json()["error"]["message"]


def test_a_map_cursor_is_good_for_one_data_version(api: TestClient) -> None:
    """Ranks follow counts, which writes change: a cursor made on other data is a 409, so a
    client starts again instead of skipping or repeating places."""
    first = api.get("/api/map", params={"limit": 3}).json()
    last = first["places"][-1]
    stale = encode_map_cursor("an-older-version", None, (-last["events"], last["key"]))
    res = api.get("/api/map", params={"cursor": stale})
    assert res.status_code == 409 and res.json()["error"]["code"] == "data_changed"
    following = api.get("/api/map", params={"cursor": first["next_cursor"]}).json()["places"]
    assert following[0]["key"] not in {p["key"] for p in first["places"]}


# -- the timeline -----------------------------------------------------------------------------


def test_timeline_buckets_to_the_filtered_range(api: TestClient) -> None:
    whole = api.get("/api/timeline").json()
    assert whole["bucket"] == "month"  # the synthetic events span 2015-2025
    short = api.get("/api/timeline", params={"since": "2020-03-01", "until": "2020-04-30"}).json()
    assert short["bucket"] == "day"
    # an event overlapping the window counts: it may start up to a month before (its span)
    assert "2020-01-30" <= short["start"] <= short["end"] <= "2020-04-30"
    year = api.get("/api/timeline", params={"since": "2020-01-01", "until": "2020-12-31"}).json()
    assert year["bucket"] == "week"
    assert all(date.fromisoformat(r["day"]).weekday() == 0 for r in year["series"])


def test_timeline_series_add_up_by_acled_group(api: TestClient, scale_db: Path) -> None:
    data = api.get("/api/timeline", params={"bucket": "month"}).json()
    total = api.get("/api/count").json()["total"]
    assert data["total"] == total and sum(data["groups"].values()) == total
    assert sum(r["n"] for r in data["series"]) == total - data["undated"]
    assert set(data["groups"]) == {*ACLED_EVENT_TYPES, "Other"}
    for row in data["series"]:
        assert row["group"] in data["groups"]
        assert sum(row["sub_types"].values()) == row["n"] == sum(row["precision"].values())
    with Store(scale_db) as store:
        events = store.events(EventFilter())
    for precision in ("day", "week", "month"):
        shown = sum(r["precision"][precision] for r in data["series"])
        assert shown == sum(1 for e in events if e.date and e.date.precision == precision)


# -- exports ----------------------------------------------------------------------------------


@pytest.mark.parametrize("params", [{}, {"type": "armed_clash", "sort": "-killed"}])
def test_exports_hold_exactly_what_the_list_shows(
    api: TestClient, params: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web_exports, "CHUNK", 23)  # many chunks
    order = [e["id"] for e in walk(api, **params, limit=100)]
    count = api.get("/api/count", params={k: v for k, v in params.items() if k != "sort"}).json()
    assert count["total"] == len(order)
    for fmt in ("csv", "json", "geojson", "parquet"):
        res = api.get("/api/export", params={**params, "format": fmt})
        assert res.status_code == 200 and int(res.headers["x-total-count"]) == len(order)
        assert "attachment" in res.headers["content-disposition"]
        if fmt == "csv":
            ids = [r["event_id_cnty"] for r in csv.DictReader(io.StringIO(res.text))]
        elif fmt == "json":
            ids = [e["id"] for e in res.json()]
        elif fmt == "geojson":
            ids = [f["id"] for f in res.json()["features"]]
        else:
            ids = pq.read_table(io.BytesIO(res.content)).column("event_id_cnty").to_pylist()
        assert ids == order, fmt


# -- safety -----------------------------------------------------------------------------------


def test_safe_cell_neutralises_formula_text_only() -> None:
    for text in ("=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(text) == "'" + text
    assert safe_cell("Reuters") == "Reuters" and safe_cell("") == ""
    assert safe_cell(-3.7) == -3.7 and safe_cell(-2) == -2 and safe_cell(None) is None


def _formula_cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text)) for c in row if c and c[0] in "=+-@\t\r"]


def _check_csv(text: str) -> None:
    rows = list(csv.DictReader(io.StringIO(text)))
    assert any(FORMULA in r["source"] for r in rows)  # the hostile outlet is there ...
    assert not [c for c in _formula_cells(text) if not _number(c)]  # ... never as a formula
    assert any(r["actor1"] == "'+cmd|' /C calc'!A0" for r in rows)
    assert any(r["longitude"].startswith("-") or r["latitude"] for r in rows)


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_no_csv_the_project_writes_holds_a_formula(
    api: TestClient, scale_db: Path, tmp_path: Path
) -> None:
    _check_csv(api.get("/api/export", params={"format": "csv"}).text)
    _check_csv(api.get("/api/events", params={"format": "csv", "limit": 1000}).text)
    with Store(scale_db) as store:
        events = store.events(EventFilter())
    out = tmp_path / "events.csv"
    export_events(events, "acled-csv", out)
    _check_csv(out.read_text(encoding="utf-8"))
    proc = run_cli("events", "--db", str(scale_db), "--format", "csv", "--actor", "+cmd")
    assert proc.returncode == 0, proc.stderr
    _check_csv(proc.stdout)


def test_negative_coordinates_stay_numbers(tmp_path: Path) -> None:
    [event] = synthetic_events(1, seed=2)
    assert event.location is not None
    west = replace(event, location=replace(event.location, longitude=-3.7, latitude=-40.4))
    out = tmp_path / "west.csv"
    export_events([west], "acled-csv", out)
    [row] = list(csv.DictReader(out.open(encoding="utf-8")))
    assert row["longitude"] == "-3.7" and row["latitude"] == "-40.4"


@pytest.mark.parametrize("name", ["actor", "text"])
def test_like_wildcards_match_themselves(api: TestClient, name: str) -> None:
    everything = api.get("/api/count").json()["total"]
    for wildcard in ("%", "_", "%%", "\\"):
        total = api.get("/api/count", params={name: wildcard}).json()["total"]
        assert total < everything, wildcard
        assert total == 0, wildcard  # no actor name or quote holds these characters
    assert api.get("/api/count", params={name: "reported" if name == "text" else "of"}).json()[
        "total"
    ]


def test_a_short_token_is_refused_at_start(scale_db: Path) -> None:
    with pytest.raises(ValueError, match="at least 24"):
        create_app(scale_db, load(overrides={"serve.token": "short-token"}, environ={}))
    proc = run_cli(
        "serve", "--db", str(scale_db), "--port", "1", env={"FLASHPOINT_SERVE_TOKEN": "x" * 23}
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "at least 24" in proc.stderr
    assert "x" * 23 not in proc.stderr  # the token itself is never printed


def test_answers_follow_a_correction(scale_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    db.write_bytes(scale_db.read_bytes())
    with app_client(db, token=TOKEN) as c:
        before = c.get("/api/count", params={"mode": "denied"}).json()["total"]
        timeline = c.get("/api/timeline", params={"mode": "denied"}).json()["total"]
        target = c.get("/api/events", params={"mode": "happened", "limit": 1}).json()["events"][0]
        res = c.post(
            f"/api/events/{target['id']}/corrections",
            json={"field": "mode", "value": "denied", "reason": "the ministry denied it"},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert res.status_code == 201, res.text
        assert c.get("/api/count", params={"mode": "denied"}).json()["total"] == before + 1
        after = c.get("/api/timeline", params={"mode": "denied"}).json()["total"]
        assert after == timeline + 1
        located = c.get("/api/map", params={"mode": "denied"}).json()["total"]
        assert located == before + 1


def test_openapi_documents_the_new_routes(api: TestClient) -> None:
    paths = json.loads(api.get("/api/openapi.json").text)["paths"]
    for route in ("/api/map", "/api/export", "/api/count", "/api/timeline", "/api/events"):
        assert paths[route]["get"]["summary"], route


def test_rows_without_a_stored_view_list_the_same(scale_db: Path, tmp_path: Path) -> None:
    """A database migrated to 0008 has no views until its next merge: lists read records."""
    import sqlite3

    db = tmp_path / "migrated.db"
    db.write_bytes(scale_db.read_bytes())
    con = sqlite3.connect(db)
    con.execute("UPDATE events SET view = NULL")
    con.commit()
    con.close()
    params = {"limit": 60, "sort": "-sources"}
    with app_client(db) as old, app_client(scale_db) as new:
        assert old.get("/api/events", params=params).json() == (
            new.get("/api/events", params=params).json()
        )


def _warmed_app(scale_db: Path, **overrides: Any) -> Any:
    app = create_app(
        scale_db,
        load(overrides={**SHOW_ALL, "store.path": str(scale_db), **overrides}, environ={}),
    )
    warm_in_background(app).join(120)
    return app


def _maps_kept(app: Any) -> set[int | None]:
    """The zooms of the maps kept (keys: database, data version, "map", filter, zoom)."""
    kept = [*app.state.answers._slow, *app.state.answers._answers]
    return {key[4] for key in kept if len(key) == 5 and key[2] == "map"}


def test_warmed_maps_outlast_a_stream_of_new_cheap_questions(scale_db: Path) -> None:
    """Each warmed map is cheap to encode from the groups read once for all zooms, but costs
    a read of every event to make again: a morning's worth of new filters must not push them
    out (they did: the zoom-5 map was made again, 2.4 s, in bench_api's mix)."""
    app = _warmed_app(scale_db)
    for i in range(3 * app.state.answers.size):
        app.state.answers.get(("a new filter", i), lambda i=i: i)
    assert _maps_kept(app) == {2, 3, 4, 5, 6, 7, 8, None}


def test_a_write_during_warming_never_leaves_an_older_map_kept(
    scale_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """warm() groups every zoom from one read, then keeps each map: a correction landing
    in between must not leave the older places kept under the newer data version."""
    db = tmp_path / "racing.db"
    db.write_bytes(scale_db.read_bytes())
    with Store(db) as store:
        victim = next(e for e in store.events() if e.location and e.location.latitude)
    moved = {"name": "Nowhere", "latitude": -60.0, "longitude": -100.0, "country": None}
    pause = aggregate.time.sleep
    written: list[bool] = []

    def sleep(seconds: float) -> None:
        if not written:  # between the one read of every zoom and the first map kept
            written.append(True)
            with Store(db, write=True) as writer:
                writer.add_correction(victim.id, "location", moved, "a race", "test")
        pause(seconds)

    monkeypatch.setattr(aggregate.time, "sleep", sleep)
    app = _warmed_app(db)
    assert written
    with TestClient(app) as c:
        _, places = walk_map(c, zoom=5)
    assert any(p["name"] == "Nowhere" for p in places)


def test_the_first_page_s_answers_are_computed_at_start(scale_db: Path) -> None:
    """The first page's answers, then the maps an analyst reaches by zooming and the map
    without a zoom (each a read of every located event), are computed as the server starts."""
    app = _warmed_app(scale_db)
    # count, first list page, timeline, map at the page's zoom, stats; maps at zoom 2-8, none
    assert len(app.state.answers) == 5 + 6 + 1
    assert _maps_kept(app) == {2, 3, 4, 5, 6, 7, 8, None}
    with TestClient(app) as c:
        asked = [
            c.get("/api/map", params={"zoom": 3}),  # what the page asks first (static/js)
            c.get("/api/timeline", params={"bucket": "auto"}),
            c.get("/api/events", params={"limit": 100, "sort": "date"}),
            c.get("/api/stats"),
            *(c.get("/api/map", params={"zoom": z}) for z in (2, 4, 5, 6, 7, 8)),
            c.get("/api/map"),
        ]
        assert all(res.status_code == 200 for res in asked)
        assert len(app.state.answers) == 12  # each was answered from what was computed
        assert c.get("/api/map", params={"zoom": 9}).status_code == 200  # deeper: when asked
        assert len(app.state.answers) == 13


def test_start_up_warms_only_what_is_kept_and_small_enough(
    scale_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache too small to keep the maps beside the first page's answers gets none of them
    (they would push the first page's out); a database over WARM_WHOLE_MAP_MAX events gets
    no map without a zoom (it keeps every place)."""
    small = _warmed_app(scale_db, **{"serve.cache_entries": 16})
    assert _maps_kept(small) == {3}
    monkeypatch.setattr(aggregate, "WARM_WHOLE_MAP_MAX", 0)
    large = _warmed_app(scale_db)
    assert _maps_kept(large) == {2, 3, 4, 5, 6, 7, 8}


def test_serve_with_two_workers_answers(api: TestClient, scale_db: Path) -> None:
    import socket
    import subprocess
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-m", "flashpoint", "serve", "--db", str(scale_db)]
    env = {**os.environ, "FLASHPOINT_EVENTS_SHOW_CONTEXT": "1"}  # as SHOW_ALL
    proc = subprocess.Popen([*cmd, "--port", str(port), "--workers", "2"], cwd=ROOT, env=env)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                res = httpx.get(f"http://127.0.0.1:{port}/api/count", timeout=5)
                if res.status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        assert res.json()["total"] == api.get("/api/count").json()["total"]
        answers = {httpx.get(f"http://127.0.0.1:{port}/api/map").json()["total"] for _ in range(6)}
        assert answers == {res.json()["total"]}
    finally:
        proc.terminate()
        proc.wait(timeout=20)
