"""The paths issue 13 made fast give the same answers as before: the country filter read
through a date window, the list's ids read from an index, the page's files served from
memory, the number of server processes by default, the map's places grouped in Python, the
answers kept (slow ones in preference) and whole responses kept per data version."""

from __future__ import annotations

import asyncio
import os
import sys
import threading
import time
import warnings
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SHOW_ALL

with warnings.catch_warnings():  # starlette asks for httpx2; httpx is what is pinned
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from flashpoint.records import Event
from flashpoint.settings import Settings, load
from flashpoint.store import EventFilter, Store, parse_near
from flashpoint.store.events import event_countries
from flashpoint.web import create_app, response_cache
from flashpoint.web.app import STATIC
from flashpoint.web.cache import SLOW_S, AnswerCache
from flashpoint.web.readers import Readers
from flashpoint.web.response_cache import ResponseCache
from flashpoint.web.server import server_workers

sys.path.insert(0, str(ROOT / "bench"))
from synthetic import synthetic_events

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def settings_of(db: Path) -> Settings:
    return load(overrides={**SHOW_ALL, "store.path": str(db)}, environ={})


THRESHOLD = 0.5


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Event]]:
    events = synthetic_events(600, seed=11)
    db = tmp_path_factory.mktemp("speed") / "speed.db"
    with Store(db, write=True) as store:
        store.replace_events(events)
    return db, events


def _matches(e: Event, f: EventFilter) -> bool:
    """The filter's meaning, from the event itself (no SQL)."""
    start = e.date.start if e.date else None
    end = e.date.end if e.date else None
    return (
        (f.since is None or (end is not None and end >= f.since))
        and (f.until is None or (start is not None and start <= f.until))
        and (f.country is None or f.country in event_countries(e))
        and (f.mode is None or e.mode == f.mode)
        and (e.confidence is not None and e.confidence >= THRESHOLD)
    )


FILTERS = [
    EventFilter(country="UKR", since="2019-01-01", until="2019-12-31"),
    EventFilter(country="KOR", since="2016-03-01"),
    EventFilter(country="RUS", until="2017-06-30"),
    EventFilter(country="UKR"),
    EventFilter(mode="claimed", since="2018-01-01", until="2020-12-31"),
]


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: ",".join(f"{k}" for k in vars(f) if k))
def test_window_and_country_filters_match_the_events(
    stored: tuple[Path, list[Event]], flt: EventFilter
) -> None:
    db, events = stored
    f = flt.shown(THRESHOLD)
    expected = sorted(e.id for e in events if _matches(e, f))
    assert expected, "the filter should match some synthetic events"
    with Store(db, read_only=True) as store:
        assert store.count_events(f) == len(expected)
        ids, _ = store.sorted_ids(f, "-sources", limit=len(events))
        assert sorted(ids) == expected
        assert sum(store.day_counts(f, "month").values()) == len(expected)


def test_a_corrected_place_moves_the_event_between_windowed_country_filters(
    stored: tuple[Path, list[Event]], tmp_path: Path
) -> None:
    _, events = stored
    db = tmp_path / "corrected.db"
    moved = next(
        e
        for e in events
        if e.location and e.location.country and e.date
        if "IRQ" not in event_countries(e)
    )
    assert moved.date is not None and moved.location is not None
    day, old = moved.date.start, moved.location.country
    stays = old in {a.country for a in moved.actors}  # still filed there through an actor

    def listed(country: str, store: Store) -> list[str]:
        f = EventFilter(country=country, since=day, until=day).shown(THRESHOLD)
        assert store.count_events(f) == len(store.sorted_ids(f, "date", limit=1000)[0])
        return store.sorted_ids(f, "date", limit=1000)[0]

    with Store(db, write=True) as store:
        store.replace_events(events)
        assert moved.id in listed(old, store) and moved.id not in listed("IRQ", store)
        place = {"name": "Mosul", "latitude": 36.34, "longitude": 43.13, "country": "IRQ"}
        store.add_correction(moved.id, "location", place, "test", "tester")
        assert moved.id in listed("IRQ", store)
        assert (moved.id in listed(old, store)) == stays


def test_serve_runs_one_process_per_core_by_default() -> None:
    assert server_workers(3) == 3
    free = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert server_workers(0) == free


def test_the_page_s_files_are_served_from_memory_as_on_disk(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    Store(db, write=True).close()
    client = TestClient(
        create_app(db, load(overrides=SHOW_ALL | {"store.path": str(db)}, environ={}))
    )
    files = [p for p in STATIC.rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert any(p.suffix == ".js" for p in files) and any(p.suffix == ".css" for p in files)
    for path in files:
        res = client.get("/static/" + path.relative_to(STATIC).as_posix())
        assert res.status_code == 200 and res.content == path.read_bytes()
        if path.suffix == ".js":  # ES modules need a JavaScript type (nosniff is on)
            assert res.headers["content-type"].startswith("text/javascript")
        again = client.get(res.url.path, headers={"If-None-Match": res.headers["etag"]})
        assert again.status_code == 304 and not again.content
    for missing in ("/static/nope.js", "/static/../app.py", "/static/js/../../app.py"):
        assert client.get(missing).status_code == 404


@pytest.mark.parametrize("zoom", [None, 2, 7, 14])
@pytest.mark.parametrize("near", [None, "48.6,38.0,150"])
def test_each_map_place_holds_exactly_the_events_its_key_lists(
    stored: tuple[Path, list[Event]], zoom: int | None, near: str | None
) -> None:
    """The map's places (grouped in Python) against SQLite's own place filter and the events:
    every place's count and outlets are its listed events', and together they are every
    located event of the filter."""
    db, _ = stored
    client = TestClient(
        create_app(db, load(overrides=SHOW_ALL | {"store.path": str(db)}, environ={}))
    )
    params: dict[str, Any] = {k: v for k, v in (("zoom", zoom), ("near", near)) if v is not None}
    data = client.get("/api/map", params=params).json()
    assert data["places"] and sum(p["events"] for p in data["places"]) == data["located"]
    with Store(db, read_only=True) as store:
        flt = EventFilter(near=parse_near(near) if near else None).shown(THRESHOLD)
        located = [e for e in store.events(flt) if e.location and e.location.latitude is not None]
        assert data["located"] == len(located)
        for place in data["places"]:
            listed = store.events(replace(flt, place=place["key"]))
            assert len(listed) == place["events"], place["key"]
            outlets = {s.outlet for e in listed for s in e.sources if s.outlet}
            assert place["outlet_count"] == len(outlets) and set(place["outlets"]) <= outlets
            if place["places"] == 1:  # one name in the cell: its point is the events' mean
                lat = sum(e.location.latitude for e in listed if e.location) / len(listed)
                assert place["lat"] == pytest.approx(lat, abs=1e-5)


def _busy(seconds: float) -> None:
    """Use ``seconds`` of this thread's CPU."""
    until = time.thread_time() + seconds
    while time.thread_time() < until:
        pass


def test_slow_answers_outlast_a_stream_of_cheap_ones() -> None:
    cache = AnswerCache(8)

    def slow() -> str:
        _busy(SLOW_S * 1.2)
        return "slow"

    assert cache.get("whole map", slow) == "slow"
    for i in range(50):
        cache.get(("cheap", i), lambda i=i: i)
    assert len(cache) == 8
    assert cache.get("whole map", lambda: "made again") == "slow"
    assert cache.get(("cheap", 0), lambda: "made again") == "made again"  # the oldest went
    for i in range(8):  # the slow ones hold at most a quarter of the entries
        cache.get(("slow", i), slow)
    assert cache.get("whole map", lambda: "made again") == "made again"
    assert len(cache) == 8


def test_answers_that_only_waited_do_not_push_out_slow_ones() -> None:
    """On a busy server a cheap answer waits for the CPU: by the clock it looks slow. Only
    the CPU its making used counts, so a stream of them leaves the warmed maps kept."""
    cache = AnswerCache(8)

    def slow() -> str:
        _busy(SLOW_S * 1.2)
        return "slow"

    def waited(i: int) -> int:
        time.sleep(SLOW_S * 1.2)  # stands for the wait behind other requests
        return i

    assert cache.get("whole map", slow) == "slow"
    for i in range(12):
        cache.get(("waited", i), lambda i=i: waited(i))
    assert cache.get("whole map", lambda: "made again") == "slow"
    assert cache.get(("waited", 0), lambda: "made again") == "made again"


def test_kept_responses_are_the_app_s_own_and_follow_every_write(tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    with Store(db, write=True) as store:
        store.replace_events(synthetic_events(40, seed=3))
    app = create_app(db, settings_of(db))
    kept = next(m for m in app.user_middleware if m.cls is ResponseCache)
    assert kept.kwargs["enabled"]
    with TestClient(app) as c:
        asks = [
            ("/api/map", {"zoom": 3}),
            ("/api/timeline", {"bucket": "auto"}),
            ("/api/events", {"limit": 7, "sort": "-sources"}),
            ("/api/count", {"type": "armed_clash"}),
            ("/api/stats", {}),
        ]
        first = [c.get(path, params=params) for path, params in asks]
        again = [c.get(path, params=params) for path, params in asks]
        for a, b in zip(first, again, strict=True):
            assert a.status_code == b.status_code == 200
            assert a.content == b.content and a.headers == b.headers
        assert again[2].headers["x-total-count"] == first[2].headers["x-total-count"]
        assert c.get("/api/events", params={"limit": "x"}).status_code == 400  # never kept
        assert c.get("/api/events", params={"limit": "x"}).status_code == 400
        csv = c.get("/api/events", params={"format": "csv", "limit": 5})
        assert csv.headers["content-type"].startswith("text/csv")
        with Store(db, write=True) as store:  # another writer: the data version moves on
            store.replace_events(synthetic_events(55, seed=4))
        assert c.get("/api/stats").json()["events"] == 55
        assert c.get("/api/count").json()["total"] == c.get("/api/events").json()["total"]
        after = c.get("/api/map", params={"zoom": 3}).json()
        assert after["total"] == c.get("/api/count").json()["total"] != first[0].json()["total"]


def test_kept_responses_stay_under_their_byte_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "bound.db"
    with Store(db, write=True) as store:
        store.replace_events(synthetic_events(40, seed=5))
    monkeypatch.setattr(response_cache, "MAX_BYTES", 40_000)
    asked: list[tuple[str, bytes]] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        asked.append((scope["path"], scope["query_string"]))
        headers = [(b"content-type", b"application/json")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"[" + b"0," * 4000 + b"0]"})

    cache = ResponseCache(app, Readers(db), enabled=True)

    async def get(query: bytes) -> None:
        scope = {"type": "http", "method": "GET", "path": "/api/count", "query_string": query}

        async def send(message: Any) -> None:
            pass

        await cache(scope, lambda: None, send)

    async def ask_all() -> None:
        for i in range(12):
            await get(b"type=%d" % i)
        await get(b"type=11")  # kept: not asked of the app again
        await get(b"type=0")  # pushed out by the bound: asked again

    # its own thread: a browser test earlier in the session may leave a loop running in this one
    worker = threading.Thread(target=asyncio.run, args=(ask_all(),))
    worker.start()
    worker.join()
    assert len(asked) == 13 and asked[-1] == ("/api/count", b"type=0")
    assert cache._bytes <= 40_000
