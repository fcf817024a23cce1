"""A correction made once shows identically in `flashpoint events` (json, csv), `flashpoint
export` (every format), `flashpoint event`, and the API (json, csv, geojson, one event), and the
filters of each find the event by its corrected values."""

from __future__ import annotations

import csv
import io
import json
import sys
import warnings
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from conftest import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashpoint.settings import load
from flashpoint.store import Store, apply_corrections
from flashpoint.web import create_app

with warnings.catch_warnings():  # starlette asks for httpx2; httpx is what is pinned
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from synthetic import build_event_db

TOKEN = "test-token-everywhere-0123"
FIXES: list[dict[str, Any]] = [
    {"field": "type", "value": "border_crossing", "reason": "the source says crossed"},
    {"field": "mode", "value": "claimed", "reason": "one side's word only"},
    {"field": "date", "value": "2021-02-03", "reason": "the dateline"},
    {
        "field": "location",
        "value": {"name": "Panmunjom", "latitude": 37.956, "longitude": 126.677, "country": "KOR"},
        "reason": "named in the second paragraph",
    },
    {"field": "killed", "value": {"min": 7, "max": 9}, "reason": "a later report"},
]
FILTERS = (
    ("--type", "border_crossing"),
    ("--mode", "claimed"),
    ("--country", "KOR"),
    ("--near", "37.95,126.67,5"),
    ("--since", "2021-02-03", "--until", "2021-02-03"),
)
# What every reader must show: type, mode, date, place, latitude, longitude, killed.
EXPECTED = ("border_crossing", "claimed", "2021-02-03", "Panmunjom", 37.956, 126.677, 7)


def _view(e: dict[str, Any]) -> tuple[Any, ...]:
    loc = e["location"] or {}
    killed = (e.get("killed") or {}).get("min")
    return (e["type"], e["mode"], e["date"], loc.get("name"), loc.get("latitude"),
            loc.get("longitude"), killed)  # fmt: skip


def _acled(row: dict[str, Any]) -> tuple[Any, ...]:
    """An ACLED row: type by its sub-event type, no mode column (checked in the notes)."""
    return (row["sub_event_type"], row["event_date"], row["location"],
            float(row["latitude"]), float(row["longitude"]), int(row["fatalities"]))  # fmt: skip


def _feature(f: dict[str, Any]) -> tuple[Any, ...]:
    p = f["properties"]
    lon, lat = f["geometry"]["coordinates"]
    killed = (p.get("killed") or {}).get("min")
    return (p["type"], p["mode"], p["date"], p["location_name"], lat, lon, killed)


@pytest.fixture(scope="module")
def corrected(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict[str, Any]]:
    db = build_event_db(tmp_path_factory.mktemp("everywhere") / "c.db", 60, seed=11)
    config = load(overrides={"store.path": str(db), "serve.token": TOKEN}, environ={})
    with TestClient(create_app(db, config)) as c:
        target = c.get("/api/events?limit=1&offset=13").json()["events"][0]
        for body in FIXES:
            res = c.post(
                f"/api/events/{target['id']}/corrections",
                json=body,
                headers={"Authorization": f"Bearer {TOKEN}"},
            )
            assert res.status_code == 201, res.text
    return db, target["id"], target


def _cli(db: Path, *args: str) -> str:
    done = run_cli(*args, "--db", str(db))
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_correction_is_real(corrected: tuple[Path, str, dict[str, Any]]) -> None:
    _, _, before = corrected
    assert _view(before) != EXPECTED  # the pipeline's event differed in every checked field
    assert before["type"] != "border_crossing" and before["mode"] != "claimed"


def test_cli_events_and_event(corrected: tuple[Path, str, dict[str, Any]]) -> None:
    db, eid, _ = corrected
    rows = json.loads(_cli(db, "events", "--format", "json"))
    assert _view(next(r for r in rows if r["id"] == eid)) == EXPECTED
    table = list(csv.DictReader(io.StringIO(_cli(db, "events", "--format", "csv"))))
    acled = _acled(next(r for r in table if r["event_id_cnty"] == eid))
    one = json.loads(_cli(db, "event", eid, "--format", "json"))
    assert _view(one) == EXPECTED
    text = _cli(db, "event", eid)
    assert "Panmunjom" in text and "border_crossing" in text
    assert acled[1:] == EXPECTED[2:]
    # the filters see the corrected values too
    for args in FILTERS:
        found = json.loads(_cli(db, "events", "--format", "json", *args))
        assert eid in [r["id"] for r in found], args


def test_every_export_format(corrected: tuple[Path, str, dict[str, Any]], tmp_path: Path) -> None:
    db, eid, _ = corrected
    sub_event = None
    for fmt in ("json", "geojson", "acled-csv", "parquet"):
        out = tmp_path / f"events.{fmt}"
        _cli(db, "export", "--format", fmt, "-o", str(out))
        if fmt == "json":
            rows = json.loads(out.read_text())
            assert _view(next(r for r in rows if r["id"] == eid)) == EXPECTED
        elif fmt == "geojson":
            features = json.loads(out.read_text())["features"]
            assert _feature(next(f for f in features if f["id"] == eid)) == EXPECTED
        elif fmt == "acled-csv":
            rows = list(csv.DictReader(out.open()))
            row = next(r for r in rows if r["event_id_cnty"] == eid)
            sub_event = row["sub_event_type"]
            assert _acled(row)[1:] == EXPECTED[2:]
        else:
            table = pq.read_table(out).to_pylist()
            row = next(r for r in table if r["event_id_cnty"] == eid)
            assert (row["sub_event_type"], row["event_date"], row["location"], row["latitude"],
                    row["longitude"], row["fatalities"]) == (sub_event, *EXPECTED[2:])  # fmt: skip


def test_the_api_in_every_format(corrected: tuple[Path, str, dict[str, Any]]) -> None:
    db, eid, _ = corrected
    config = load(overrides={"store.path": str(db)}, environ={})
    with TestClient(create_app(db, config)) as c:
        listed = c.get("/api/events?limit=1000").json()["events"]
        assert _view(next(e for e in listed if e["id"] == eid)) == EXPECTED
        one = c.get(f"/api/events/{eid}").json()
        assert _view(one["event"]) == EXPECTED
        assert one["event"]["corrected"] == ["date", "killed", "location", "mode", "type"]
        rows = list(csv.DictReader(io.StringIO(c.get("/api/events?format=csv&limit=1000").text)))
        assert _acled(next(r for r in rows if r["event_id_cnty"] == eid))[1:] == EXPECTED[2:]
        features = c.get("/api/events?format=geojson&limit=1000").json()["features"]
        assert _feature(next(f for f in features if f["id"] == eid)) == EXPECTED
        by_type = c.get("/api/events?type=border_crossing&limit=1000").json()["events"]
        assert eid in [e["id"] for e in by_type]
        days = c.get("/api/timeline?since=2021-02-03&until=2021-02-03").json()["days"]
        assert any(d["day"] == "2021-02-03" and d["type"] == "border_crossing" for d in days)


def test_the_original_is_kept_and_a_withdrawal_restores_it(
    corrected: tuple[Path, str, dict[str, Any]], tmp_path: Path
) -> None:
    db, eid, before = corrected
    copy = tmp_path / "copy.db"
    with Store(db) as store:
        original = store.original_event(eid)
    assert original is not None and original.type == before["type"]
    copy.write_bytes(db.read_bytes())
    with Store(copy, write=True) as store:
        for fix in FIXES:
            store.add_correction(eid, fix["field"], None, "withdrawn", "test")
        event = store.event(eid)
        assert event is not None and event == store.original_event(eid)
        assert event.type == before["type"]


CHANGES = st.one_of(
    st.tuples(st.just("mode"), st.sampled_from(["claimed", "denied", "planned", None])),
    st.tuples(st.just("killed"), st.one_of(st.none(), st.integers(0, 50))),
    st.tuples(st.just("date"), st.sampled_from(["2020-01-02", "2023-05-06", None])),
    st.tuples(st.just("type"), st.sampled_from(["border_crossing", "arrest", None])),
    st.tuples(st.just("remerge"), st.none()),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(st.tuples(st.integers(0, 9), CHANGES), min_size=1, max_size=8))
def test_stored_events_are_always_the_pipelines_with_their_corrections(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[int, tuple[str, Any]]]
) -> None:
    """Whatever corrections, withdrawals and re-merges come in whatever order, each stored
    event is what the pipeline made with its corrections applied, newest winning."""
    db = build_event_db(tmp_path_factory.mktemp("prop") / "p.db", 10, seed=21)
    with Store(db, write=True) as store:
        originals = {e.id: e for e in store.pipeline_events()}
        ids = sorted(originals)
        for pick, (field, value) in steps:
            if field == "remerge":
                store.replace_events(store.pipeline_events())
            else:
                store.add_correction(ids[pick], field, value, "property", "test")
        for e in store.events():
            [history] = store.history([e])
            assert e == apply_corrections(originals[e.id], history)
            assert store.original_event(e.id) == originals[e.id]
