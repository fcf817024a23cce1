"""The HTTP API (FastAPI TestClient, in process): filters, pages, formats, errors, safety
headers, the token-gated write endpoints, corrections that survive re-runs, live data."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, shared_path

with warnings.catch_warnings():  # starlette asks for httpx2; httpx is what is pinned
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from flashpoint.export.acled import COLUMNS
from flashpoint.settings import Settings, load
from flashpoint.store import (
    Correction,
    CorrectionError,
    EventFilter,
    Store,
    apply_corrections,
    effective,
    normalise,
)
from flashpoint.web import create_app
from flashpoint.web.app import STATIC
from flashpoint.web.security import loopback_hosts

sys.path.insert(0, str(ROOT / "bench"))
from synthetic import build_event_db, synthetic_events

from flashpoint.ontology import context_types

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

TOKEN = "test-token-0123456789-abcdefgh"
N_SYNTHETIC = 300


def settings_for(db: Path, context: bool = True, **values: Any) -> Settings:
    """The synthetic events draw every type, context ones included: shown here unless
    ``context`` is off (the default view's rule has a test of its own)."""
    overrides: dict[str, Any] = {"store.path": str(db), "events.show_context": context}
    overrides.update({f"serve.{k}": v for k, v in values.items()})
    return load(overrides=overrides, environ={})


def client(db: Path, **values: Any) -> TestClient:
    return TestClient(create_app(db, settings_for(db, **values)))


@pytest.fixture(scope="module")
def synth_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_event_db(tmp_path_factory.mktemp("web") / "synth.db", N_SYNTHETIC, seed=1)


@pytest.fixture(scope="module")
def api(synth_db: Path) -> Iterator[TestClient]:
    with client(synth_db) as c:
        yield c


def ids(events: list[dict[str, Any]]) -> list[str]:
    return [e["id"] for e in events]


def test_context_events_are_left_out_of_the_default_view_unless_asked_for(synth_db: Path) -> None:
    every = {e.id: e.type for e in synthetic_events(N_SYNTHETIC, seed=1)}
    context = {i for i, t in every.items() if t in context_types()}
    assert context, "the synthetic events hold context events"
    with TestClient(create_app(synth_db, settings_for(synth_db, context=False))) as c:
        shown = c.get("/api/events", params={"limit": 1000}).json()
        assert shown["total"] == N_SYNTHETIC - len(context)
        assert not context & set(ids(shown["events"]))
        one = sorted({every[i] for i in context})[0]
        asked = c.get("/api/events", params={"type": one, "limit": 1000}).json()
        assert {e["id"] for e in asked["events"]} == {i for i in context if every[i] == one}
        # the count, the timeline and the map read the same default view
        assert c.get("/api/count").json()["total"] == N_SYNTHETIC - len(context)
        days = c.get("/api/timeline", params={"bucket": "day"}).json()
        assert sum(r["n"] for r in days["days"]) == N_SYNTHETIC - len(context)
        assert c.get("/api/map").json()["total"] == N_SYNTHETIC - len(context)


# -- reading events --------------------------------------------------------------------------


def test_events_are_paged_with_a_total(api: TestClient, synth_db: Path) -> None:
    res = api.get("/api/events", params={"limit": 10, "offset": 5})
    assert res.status_code == 200
    data = res.json()
    assert data["total"] == N_SYNTHETIC and res.headers["x-total-count"] == str(N_SYNTHETIC)
    assert data["limit"] == 10 and data["offset"] == 5 and len(data["events"]) == 10
    with Store(synth_db) as store:
        expected = store.events(EventFilter(limit=10, offset=5))
    assert ids(data["events"]) == [e.id for e in expected]
    assert {"id", "date", "type", "mode", "actors", "location", "sources", "n_outlets"} <= set(
        data["events"][0]
    )


@pytest.mark.parametrize(
    "params",
    [
        {"type": "armed_clash"},
        {"country": "ukr", "since": "2018", "until": "2021-06"},
        {"since": "2019-03-01", "until": "2019-12-31", "min_sources": 2},
        {"mode": "claimed"},
        {"actor": "Military Forces of Sudan"},
        {"acled_type": "Battles"},
        {"text": "Reuters reported"},
        {"near": "38.25,127.25,100"},
        {"near": "50.0,36.2,300", "since": "2020-01-01"},
    ],
)
def test_filters_give_what_the_store_gives(
    api: TestClient, synth_db: Path, params: dict[str, Any]
) -> None:
    data = api.get("/api/events", params={**params, "limit": 1000}).json()
    day = {"since": "2018-01-01", "until": "2021-06-30"} if params.get("since") == "2018" else {}
    flt = EventFilter(
        since=day.get("since", params.get("since")),
        until=day.get("until", params.get("until")),
        type=params.get("type"),
        acled_type=params.get("acled_type"),
        country=params["country"].upper() if "country" in params else None,
        actor=params.get("actor"),
        near=tuple(float(x) for x in params["near"].split(",")) if "near" in params else None,  # type: ignore[arg-type]
        mode=params.get("mode"),
        min_sources=params.get("min_sources"),
        text=params.get("text"),
    )
    with Store(synth_db) as store:
        expected = [e.id for e in store.events(flt)]
    assert expected, "the synthetic data should match every filter here"
    assert ids(data["events"]) == expected and data["total"] == len(expected)


def test_near_pages_agree_with_the_whole_list(api: TestClient) -> None:
    params = {"near": "38.25,127.25,100"}
    whole = api.get("/api/events", params={**params, "limit": 1000}).json()
    page = api.get("/api/events", params={**params, "limit": 3, "offset": 2}).json()
    assert page["total"] == whole["total"] >= 5
    assert ids(page["events"]) == ids(whole["events"])[2:5]


def test_csv_and_geojson(api: TestClient) -> None:
    res = api.get("/api/events", params={"format": "csv", "limit": 7, "type": "armed_clash"})
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(res.text)))
    assert tuple(rows[0].keys()) == COLUMNS and 0 < len(rows) <= 7
    assert all(r["flashpoint_type"] == "armed_clash" for r in rows)
    res = api.get("/api/events", params={"format": "geojson", "limit": 5})
    assert res.headers["content-type"].startswith("application/geo+json")
    geo = res.json()
    assert geo["type"] == "FeatureCollection" and geo["total"] == N_SYNTHETIC
    assert len(geo["features"]) == 5
    for f in geo["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90 and f["properties"]["type"]


def test_timeline_counts_by_day_and_type(api: TestClient, synth_db: Path) -> None:
    data = api.get("/api/timeline").json()
    assert data["total"] == N_SYNTHETIC and data["undated"] == 0
    assert sum(r["n"] for r in data["days"]) == N_SYNTHETIC
    with Store(synth_db) as store:
        events = store.events(EventFilter(type="armed_clash"))
    days = [r for r in data["days"] if r["type"] == "armed_clash"]
    assert sum(r["n"] for r in days) == len(events) == data["types"]["armed_clash"]
    months = api.get("/api/timeline", params={"bucket": "month"}).json()
    assert all(r["day"].endswith("-01") for r in months["days"])
    assert sum(r["n"] for r in months["days"]) == N_SYNTHETIC
    weeks = api.get("/api/timeline", params={"bucket": "week", "near": "38.25,127.25,100"}).json()
    from datetime import date

    assert all(date.fromisoformat(r["day"]).weekday() == 0 for r in weeks["days"])
    near = api.get("/api/events", params={"near": "38.25,127.25,100", "limit": 1}).json()
    assert weeks["total"] == near["total"]


def test_stats(api: TestClient) -> None:
    data = api.get("/api/stats").json()
    assert data["events"] == N_SYNTHETIC and sum(data["events_by_type"].values()) == N_SYNTHETIC
    assert data["database"] == "synth.db"  # the name only, never the full path
    assert data["write_enabled"] is False and data["max_page_size"] == 1000


def test_event_and_article_not_found(api: TestClient) -> None:
    res = api.get("/api/events/evdoesnotexist00")
    assert res.status_code == 404 and res.json()["error"]["code"] == "not_found"
    res = api.get("/api/articles/abcdef0123456789")
    assert res.status_code == 404 and res.json()["error"]["code"] == "not_found"


def test_event_without_its_articles_still_shows_its_quotes(api: TestClient) -> None:
    first = api.get("/api/events", params={"limit": 1}).json()["events"][0]
    data = api.get(f"/api/events/{first['id']}").json()
    assert data["event"]["id"] == first["id"]
    assert [s["quote"] for s in data["sources"]] == [s["quote"] for s in first["sources"]]
    assert {f["field"] for f in data["fields"]} >= {"type", "date", "mode", "location"}


# -- errors and limits -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "status", "code", "words"),
    [
        ("since=2024-13-01", 400, "bad_parameter", "since"),
        ("since=yesterday", 400, "bad_parameter", "YYYY-MM-DD"),
        ("since=2024-06-02&until=2024-06-01", 400, "bad_parameter", "after until"),
        ("near=38,127", 400, "bad_parameter", "LAT,LON,KM"),
        ("near=95,127,10", 400, "bad_parameter", "out of range"),
        ("near=38,127,-5", 400, "bad_parameter", "near"),
        ("format=xml", 400, "bad_parameter", "json, csv, geojson"),
        ("limit=0", 400, "bad_parameter", "limit"),
        ("limit=abc", 400, "bad_parameter", "limit"),
        ("limit=1001", 400, "page_too_large", "at most 1000"),
        ("offset=-1", 400, "bad_parameter", "offset"),
        ("min_sources=many", 400, "bad_parameter", "min_sources"),
        ("type=no_such_type", 400, "bad_parameter", "type"),
        ("type=x%27%20OR%201%3D1--", 400, "bad_parameter", "type"),
        ("mode=maybe", 400, "bad_parameter", "mode"),
        ("country=Korea", 400, "bad_parameter", "ISO 3166-1"),
        ("colour=red", 400, "bad_parameter", "unknown parameter 'colour'"),
        ("actor=" + "x" * 300, 400, "bad_parameter", "actor"),
    ],
)
def test_bad_parameters_are_clear_4xx(
    api: TestClient, query: str, status: int, code: str, words: str
) -> None:
    res = api.get("/api/events?" + query)
    assert res.status_code == status, res.text
    error = res.json()["error"]
    assert error["code"] == code and words in error["message"], error


def test_bad_bucket_and_ids(api: TestClient) -> None:
    assert api.get("/api/timeline?bucket=year").json()["error"]["code"] == "bad_parameter"
    assert api.get("/api/events/a%20b").status_code == 400
    assert api.get("/api/articles/..%2F..%2Fetc").status_code in (400, 404)
    assert api.get("/api/articles/XYZ").json()["error"]["code"] == "bad_parameter"
    res = api.get("/api/nothing")
    assert res.status_code == 404 and res.json()["error"]["code"] == "not_found"


def test_sql_goes_in_as_parameters(api: TestClient) -> None:
    """Quotes and SQL in a filter are matched as text, never run."""
    for value in ("' OR '1'='1", "x%' OR 1=1 --", '"; DROP TABLE events; --'):
        res = api.get("/api/events", params={"actor": value})
        assert res.status_code == 200 and res.json()["total"] == 0
    assert api.get("/api/stats").json()["events"] == N_SYNTHETIC


def test_page_size_comes_from_the_settings(synth_db: Path) -> None:
    with client(synth_db, max_page_size=50) as c:
        assert c.get("/api/events?limit=50").status_code == 200
        res = c.get("/api/events?limit=51")
        assert res.status_code == 400 and "at most 50" in res.json()["error"]["message"]


# -- safety ----------------------------------------------------------------------------------


def test_page_and_api_carry_the_safety_headers(api: TestClient) -> None:
    page = api.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    csp = page.headers["content-security-policy"]
    for part in ("default-src 'self'", "script-src 'self'", "object-src 'none'"):
        assert part in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "http" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["x-frame-options"] == "DENY"
    res = api.get("/api/events?limit=1")
    assert res.headers["cache-control"] == "no-store"
    assert "content-security-policy" in res.headers
    assert "server" not in {k.lower() for k in res.headers}


def test_the_page_has_no_inline_script_or_style_and_no_remote_url(api: TestClient) -> None:
    html = api.get("/").text
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts and all('src="/static/' in attrs and not body.strip() for attrs, body in scripts)
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    modules = sorted((STATIC / "js").glob("*.js"))
    assert modules
    for module in modules:
        js = api.get(f"/static/js/{module.name}").text
        assert "innerHTML" not in js and "outerHTML" not in js and "insertAdjacentHTML" not in js
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", js)


def test_openapi_documents_the_routes_and_no_cdn_docs(api: TestClient) -> None:
    spec = api.get("/api/openapi.json").json()
    for path in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/articles/{article_id}",
        "/api/timeline",
        "/api/stats",
    ):
        assert path in spec["paths"]
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"since", "until", "type", "near", "min_sources", "limit", "offset", "format"} <= names
    assert "/api/ingest" not in spec["paths"]  # read-only server
    assert api.get("/docs").status_code == 404  # Swagger UI loads from a CDN: not offered


def test_host_header_is_checked_when_bound_to_loopback(synth_db: Path) -> None:
    app = create_app(synth_db, settings_for(synth_db), allowed_hosts=loopback_hosts("127.0.0.1"))
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/stats").status_code == 200
        res = c.get("/api/stats", headers={"Host": "attacker.example:8000"})
        assert res.status_code == 400 and res.json()["error"]["code"] == "bad_host"
    assert loopback_hosts("0.0.0.0") == ["*"]


def test_serve_binds_loopback_by_default() -> None:
    assert load(environ={})["serve.host"] == "127.0.0.1"


# -- write endpoints -------------------------------------------------------------------------


def test_read_only_server_has_no_write_routes(api: TestClient) -> None:
    assert api.post("/api/ingest", json={"text": "x"}).status_code in (404, 405)
    res = api.post("/api/events/ev0/corrections", json={"field": "mode", "value": "claimed"})
    assert res.status_code in (404, 405)
    assert api.get("/api/stats").json()["write_enabled"] is False


def test_write_routes_need_the_token(synth_db: Path) -> None:
    with client(synth_db, token=TOKEN) as c:
        some = c.get("/api/events?limit=1").json()["events"][0]["id"]
        body = {"field": "mode", "value": "claimed", "reason": "r"}
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
            res = c.post(f"/api/events/{some}/corrections", json=body, headers=headers)
            assert res.status_code == 401 and res.json()["error"]["code"] == "unauthorized"
            assert res.headers["www-authenticate"] == "Bearer"
        assert c.post("/api/ingest", json={"text": "x"}).status_code == 401
        assert "/api/ingest" in c.get("/api/openapi.json").json()["paths"]
        assert c.get("/api/stats").json()["write_enabled"] is True


def test_request_body_is_limited(synth_db: Path) -> None:
    with client(synth_db, token=TOKEN, max_body_bytes=2000) as c:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        res = c.post("/api/ingest", json={"text": "x" * 3000}, headers=auth)
        assert res.status_code == 413 and res.json()["error"]["code"] == "too_large"


def test_posted_documents_name_no_path_or_url(synth_db: Path) -> None:
    with client(synth_db, token=TOKEN) as c:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        for body in ({"path": "/etc/passwd"}, {"url": "http://example.com/"}, {"text": "   "}):
            res = c.post("/api/ingest", json=body, headers=auth)
            assert res.status_code == 400 and res.json()["error"]["code"] == "bad_body", body


# -- corrections -----------------------------------------------------------------------------


def test_correction_values_are_checked() -> None:
    assert normalise("date", "2024-06-18") == {
        "start": "2024-06-18",
        "end": "2024-06-18",
        "precision": "day",
    }
    assert normalise("killed", 3) == {"min": 3, "max": 3}
    assert normalise("mode", None) is None
    for field, value in (
        ("colour", "red"),
        ("type", "no_such_type"),
        ("mode", "perhaps"),
        ("date", {"start": "2024-02-30"}),
        ("date", {"start": "2024-06-02", "end": "2024-06-01"}),
        ("location", {"name": "X", "latitude": 91, "longitude": 0}),
        ("location", {"name": "X", "latitude": 10}),
        ("killed", {"min": 5, "max": 2}),
        ("killed", -1),
        ("status", "maybe"),
    ):
        with pytest.raises(CorrectionError):
            normalise(field, value)


def test_newest_correction_wins_and_null_withdraws() -> None:
    event = synthetic_events(1, seed=3)[0]
    made = [
        Correction(1, event.id, "mode", "claimed", "r1", "a", "2024-01-01T00:00:00+00:00"),
        Correction(2, event.id, "mode", "denied", "r2", "a", "2024-01-02T00:00:00+00:00"),
        Correction(3, event.id, "killed", {"min": 4, "max": 6}, "r3", "b", "2024-01-03"),
    ]
    fixed = apply_corrections(event, made)
    assert fixed.mode == "denied" and fixed.killed is not None and fixed.killed.max == 6
    assert "analyst correction #2" in dict(fixed.chosen)["mode"]
    withdrawn = [*made, Correction(4, event.id, "mode", None, "undo", "a", "2024-01-04")]
    assert set(effective(withdrawn)) == {"killed"}
    assert apply_corrections(event, withdrawn).mode == event.mode


def test_corrections_overlay_and_survive_a_re_merge(tmp_path: Path) -> None:
    db = build_event_db(tmp_path / "c.db", 40, seed=5)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with client(db, token=TOKEN) as c:
        target = c.get("/api/events?limit=1&offset=7").json()["events"][0]
        eid = target["id"]
        fixes = [
            {"field": "type", "value": "border_crossing", "reason": "the source says crossed"},
            {
                "field": "location",
                "value": {"name": "Panmunjom", "latitude": 37.956, "longitude": 126.677},
                "reason": "named in the second paragraph",
                "author": "kim",
            },
            {"field": "killed", "value": {"min": 2, "max": 3}, "reason": "later report"},
            {"field": "status", "value": "confirmed", "reason": "checked"},
        ]
        for body in fixes:
            res = c.post(f"/api/events/{eid}/corrections", json=body, headers=auth)
            assert res.status_code == 201, res.text
        made = res.json()["correction"]
        assert made["author"] == "analyst" and made["created"] and made["id"] > 0

        def check() -> None:
            data = c.get(f"/api/events/{eid}").json()
            view = data["event"]
            assert view["type"] == "border_crossing" and view["location"]["name"] == "Panmunjom"
            assert view["killed"]["min"] == 2 and view["status"] == "confirmed"
            assert view["corrected"] == ["killed", "location", "type"]
            assert [h["author"] for h in data["corrections"]] == ["analyst", "kim"] + [
                "analyst"
            ] * 2
            fields = {f["field"]: f for f in data["fields"]}
            assert fields["location"]["correction"]["reason"] == "named in the second paragraph"
            assert fields["type"]["original"].startswith(target["type"])
            listed = c.get("/api/events?limit=1&offset=7").json()["events"][0]
            assert listed["id"] == eid and listed["type"] == "border_crossing"
            row = next(
                csv.DictReader(io.StringIO(c.get("/api/events?format=csv&limit=1&offset=7").text))
            )
            assert row["location"] == "Panmunjom" and row["fatalities"] == "2"

        check()
        # A re-run replaces every event; the ids stay, so the corrections still apply.
        with Store(db, write=True) as store:
            store.replace_events(store.pipeline_events())
        check()
        res = c.post(
            f"/api/events/{eid}/corrections",
            json={"field": "type", "value": None, "reason": "withdrawn"},
            headers=auth,
        )
        assert res.json()["event"]["type"] == target["type"]


def test_correction_errors(synth_db: Path) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with client(synth_db, token=TOKEN) as c:
        eid = c.get("/api/events?limit=1").json()["events"][0]["id"]
        url = f"/api/events/{eid}/corrections"
        res = c.post(url, json={"field": "colour", "value": 1, "reason": "r"}, headers=auth)
        assert res.status_code == 400 and "unknown field" in res.json()["error"]["message"]
        res = c.post(url, json={"field": "date", "value": "soon", "reason": "r"}, headers=auth)
        assert res.status_code == 400 and "YYYY-MM-DD" in res.json()["error"]["message"]
        res = c.post(url, json={"field": "mode", "value": "claimed"}, headers=auth)
        assert res.status_code == 400 and "reason" in res.json()["error"]["message"]
        res = c.post(
            "/api/events/evnothere/corrections",
            json={"field": "mode", "value": "claimed", "reason": "r"},
            headers=auth,
        )
        assert res.status_code == 404


ARTICLE_1 = (
    "Border incident\n\n"
    "North Korean soldiers crossed the Military Demarcation Line on Tuesday and retreated "
    "after South Korean troops fired warning shots, the Joint Chiefs of Staff said.\n\n"
    "Advertisement\n\n"
    "The soldiers were carrying work tools, officials in Seoul said.\n"
)
ARTICLE_2 = (
    "Ambassador summoned\n\n"
    "South Korea summoned the Russian ambassador in Seoul on Friday to protest the treaty "
    "signed in Pyongyang, the foreign ministry said.\n"
)


def test_ingest_endpoint_and_a_correction_that_survives_the_next_ingest(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    Store(db, write=True).close()
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with client(db, token=TOKEN) as c:
        doc = {"text": ARTICLE_1, "outlet": "Test Wire", "published": "2024-06-18"}
        res = c.post("/api/ingest", json=doc, headers=auth)
        assert res.status_code == 201, res.text
        body = res.json()
        assert body["report"]["new_articles"] == 1 and body["report"]["events"] >= 1
        res = c.get(f"/api/articles/{body['article_id'][:8]}")
        article = res.json()
        assert article["raw"] == ARTICLE_1 and article["outlet"] == "Test Wire"
        # the server's temporary folder is never shown, in any response about the document
        assert article["path"] == "posted to /api/ingest"
        assert tempfile.gettempdir() not in res.text and "flashpoint-post-" not in res.text
        assert any(r["text"].strip() == "Advertisement" for r in article["removed"])
        for r in article["removed"]:
            assert article["raw"][r["start"] : r["end"]] == r["text"]
        for m in article["mentions"]:
            s = m["raw"]["sentence"]
            assert article["raw"][s["start"] : s["end"]] == m["sentence"]["text"]
            assert m["event_id"] in article["events"]
        events = c.get("/api/events").json()["events"]
        target = next(e for e in events if e["sources"][0]["article_id"] == body["article_id"])
        res = c.post(
            f"/api/events/{target['id']}/corrections",
            json={"field": "mode", "value": "claimed", "reason": "only the JCS says so"},
            headers=auth,
        )
        assert res.status_code == 201
        again = c.post("/api/ingest", json=doc, headers=auth).json()
        assert again["report"]["already_stored"] == 1
        res = c.post(
            "/api/ingest",
            json={"text": ARTICLE_2, "outlet": "Other Wire", "published": "2024-06-21"},
            headers=auth,
        )
        assert res.status_code == 201 and res.json()["report"]["new_articles"] == 1
        after = c.get(f"/api/events/{target['id']}").json()["event"]
        assert after["mode"] == "claimed" and after["corrected"] == ["mode"]
        assert c.get("/api/stats").json()["articles"] == 2


def test_live_data_from_another_process(tmp_path: Path) -> None:
    db = build_event_db(tmp_path / "live.db", 20, seed=7)
    with client(db) as c:
        assert c.get("/api/stats").json()["events"] == 20
        code = (
            f"import sys; sys.path.insert(0, {str(ROOT / 'bench')!r}); "
            f"from synthetic import build_event_db; build_event_db({str(db)!r}, 35, seed=8)"
        )
        subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
        assert c.get("/api/stats").json()["events"] == 35
        assert c.get("/api/events").json()["total"] == 35


# -- on the seed articles --------------------------------------------------------------------


def test_seeds_evidence_points_into_the_raw_articles(seeds_db: Path) -> None:
    with client(seeds_db) as c:
        found = c.get("/api/events", params={"since": "2024-06-18", "until": "2024-06-18"}).json()[
            "events"
        ]
        crossing = next(
            e for e in found if e["type"] == "border_crossing" and e["date"] == "2024-06-18"
        )
        data = c.get(f"/api/events/{crossing['id']}").json()
        quotes = [f["sentence"]["text"] for f in data["fields"] if f["sentence"]]
        assert any(q.startswith("The JCS said it believed the Tuesday crossing") for q in quotes)
        raws: dict[str, str] = {}
        for f in data["fields"]:
            if not f["sentence"]:
                continue
            aid = f["sentence"]["article_id"]
            raw = raws.setdefault(aid, c.get(f"/api/articles/{aid}").json()["raw"])
            s = f["sentence"]
            assert raw[s["start"] : s["end"]] == s["text"]
            for w in f["words"]:
                assert raw[w["start"] : w["end"]] == w["text"] and w["text"].strip()
        date_field = next(f for f in data["fields"] if f["field"] == "date")
        assert [w["text"] for w in date_field["words"]] == ["Tuesday"]


def test_seeds_timeline_has_june_and_october_2024(seeds_db: Path) -> None:
    with client(seeds_db) as c:
        days = {r["day"][:7] for r in c.get("/api/timeline").json()["days"]}
    assert {"2024-06", "2024-10"} <= days


def test_seeds_article_removed_spans_are_raw_offsets(seeds_db: Path) -> None:
    with client(seeds_db) as c:
        articles = c.get("/api/stats").json()["articles"]
        assert articles == 3
        for path in sorted(shared_path("seeds").glob("*.txt")):
            from flashpoint.records import article_id

            res = c.get(f"/api/articles/{article_id(path.read_bytes())}")
            data = res.json()
            assert data["raw"] == path.read_text(encoding="utf-8")
            # the file's name names the source; the server's folders are never shown
            assert data["path"] == path.name
            assert str(path.parent) not in res.text
            assert data["removed"], "every seed article has something cleaning removes"
            for r in data["removed"]:
                assert data["raw"][r["start"] : r["end"]] == r["text"]
