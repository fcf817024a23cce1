"""Events in the store: written whole by each merge, read with filters (SQL parameters only)."""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from flashpoint.ontology import load_ontology
from flashpoint.records import Event

__all__ = [
    "EventFilter",
    "count_events",
    "event_by_id",
    "parse_near",
    "previous_event_ids",
    "query_events",
    "replace_events",
    "where_clause",
]


@dataclass(frozen=True)
class EventFilter:
    """The filters of `flashpoint events` and `GET /api/events`; None means no filter."""

    since: str | None = None
    until: str | None = None
    type: str | None = None
    acled_type: str | None = None
    country: str | None = None
    actor: str | None = None
    near: tuple[float, float, float] | None = None  # lat, lon, km
    mode: str | None = None
    min_sources: int | None = None
    text: str | None = None
    limit: int | None = None
    offset: int = 0


def parse_near(value: str) -> tuple[float, float, float]:
    """'LAT,LON,KM' as numbers; ValueError saying what is wrong."""
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError as exc:
        raise ValueError("give LAT,LON,KM, e.g. 38.0,127.0,50") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise ValueError("latitude, longitude or radius out of range")
    return lat, lon, km


def _row(e: Event) -> tuple[Any, ...]:
    etype = load_ontology().get(e.type)
    loc = e.location
    return (
        e.id,
        e.type,
        etype.acled_event_type if etype else None,
        etype.acled_sub_event_type if etype else None,
        e.mode,
        e.date.start if e.date else None,
        e.date.end if e.date else None,
        e.date.precision if e.date else None,
        loc.country
        if loc and loc.country
        else next((a.country for a in e.actors if a.country), None),
        loc.name if loc else None,
        loc.latitude if loc else None,
        loc.longitude if loc else None,
        loc.geo_precision if loc else None,
        len(e.sources),
        e.n_outlets,
        e.killed.min if e.killed else None,
        " | ".join(a.name for a in e.actors),
        " ".join(sorted({a.country or "" for a in e.actors})),
        " ".join(s.quote for s in e.sources),
        json.dumps(e.to_dict(), ensure_ascii=False),
    )


def replace_events(db: sqlite3.Connection, events: Iterable[Event]) -> int:
    """Replace every event in one transaction (the merge is recomputed as a whole)."""
    events = list(events)
    rows = [_row(e) for e in events]
    links = [(s.mention_id, r[0]) for e, r in zip(events, rows, strict=False) for s in e.sources]
    countries = {
        (c, r[0])
        for e, r in zip(events, rows, strict=False)
        for c in [r[8], *(a.country for a in e.actors)]
        if c
    }
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("DELETE FROM events")
        db.execute("DELETE FROM event_mentions")
        db.execute("DELETE FROM event_countries")
        db.executemany(f"INSERT INTO events VALUES ({','.join('?' * 20)})", rows)
        db.executemany("INSERT OR REPLACE INTO event_mentions VALUES (?, ?)", links)
        db.executemany("INSERT INTO event_countries VALUES (?, ?)", sorted(countries))
        db.execute(
            "INSERT OR REPLACE INTO event_stats SELECT 'max_span_days', "
            "COALESCE(MAX(julianday(date_end) - julianday(date_start)), 0) FROM events"
        )
        db.execute("COMMIT")
        db.execute("PRAGMA optimize")  # fresh statistics, so date windows use their index
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return len(rows)


def previous_event_ids(db: sqlite3.Connection) -> dict[str, str]:
    return {r[0]: r[1] for r in db.execute("SELECT mention_id, event_id FROM event_mentions")}


def where_clause(db: sqlite3.Connection, f: EventFilter) -> tuple[str, list[Any]]:
    """The SQL WHERE clause (with its parameters) of a filter, for this database."""
    row = db.execute("SELECT value FROM event_stats WHERE key = 'max_span_days'").fetchone()
    return _where(f, int(row[0]) + 1 if row and row[0] is not None else None)


def _where(f: EventFilter, max_span_days: int | None = None) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []

    def add(sql: str, *values: Any) -> None:
        clauses.append(sql)
        params.extend(values)

    if f.since:
        add("date_end >= ?", f.since)
        if max_span_days is not None:  # lets SQLite read only a window of the date index
            add("date_start >= date(?, ?)", f.since, f"-{max_span_days} days")
    if f.until:
        add("date_start <= ?", f.until)
    if f.type:
        add("type = ?", f.type)
    if f.acled_type:
        add("(acled_event_type = ? OR acled_sub_event_type = ?)", f.acled_type, f.acled_type)
    if f.country:
        add("id IN (SELECT event_id FROM event_countries WHERE country = ?)", f.country.upper())
    if f.actor:
        add("actor_names LIKE ?", f"%{f.actor}%")
    if f.mode:
        add("mode = ?", f.mode)
    if f.min_sources:
        add("n_outlets >= ?", f.min_sources)
    if f.text:
        add("quotes LIKE ?", f"%{f.text}%")
    if f.near:
        lat, lon, km = f.near
        dlat = km / 111.0
        dlon = km / max(1e-6, 111.0 * math.cos(math.radians(lat)))
        add(
            "latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?",
            lat - dlat,
            lat + dlat,
            lon - dlon,
            lon + dlon,
        )
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _within(e: Event, near: tuple[float, float, float]) -> bool:
    loc = e.location
    if loc is None or loc.latitude is None or loc.longitude is None:
        return False
    lat, lon, km = near
    p1, p2 = math.radians(lat), math.radians(loc.latitude)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(loc.longitude - lon) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(h)) <= km


def query_events(db: sqlite3.Connection, f: EventFilter) -> list[Event]:
    """Events matching the filter, by date then id."""
    where, params = where_clause(db, f)
    sql = f"SELECT record FROM events{where} ORDER BY date_start, id"
    if f.limit is not None and not f.near:
        sql += " LIMIT ? OFFSET ?"
        params += [f.limit, f.offset]
    events = [Event.from_dict(json.loads(r[0])) for r in db.execute(sql, params)]
    if f.near:  # the bounding box pre-filters; the great-circle distance decides
        events = [e for e in events if _within(e, f.near)]
        if f.limit is not None:
            events = events[f.offset : f.offset + f.limit]
    return events


def count_events(db: sqlite3.Connection, f: EventFilter) -> int:
    where, params = where_clause(db, f)
    return int(db.execute(f"SELECT COUNT(*) FROM events{where}", params).fetchone()[0])


def event_by_id(db: sqlite3.Connection, event_id: str) -> Event | None:
    """The event with this id, or the one it was merged into under a new id (an earlier
    report arrived late and now founds the event: the old id is kept as 'formerly')."""
    row = db.execute("SELECT record FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        pattern = json.dumps([event_id, "formerly"])[1:-1]
        row = db.execute(
            "SELECT record FROM events WHERE record LIKE ? ORDER BY id LIMIT 1",
            (f"%{pattern}%",),
        ).fetchone()
    return None if row is None else Event.from_dict(json.loads(row[0]))
