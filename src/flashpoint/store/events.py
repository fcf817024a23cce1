"""Events in the store: written by each merge (see blocks.py), read with filters (SQL parameters
only).

Rows hold each event as the analysts corrected it (see corrections.py), so every filter, count
and record read here already agrees with the corrections.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from flashpoint.ontology import load_ontology
from flashpoint.records import Event
from flashpoint.store.database import Database
from flashpoint.store.places import near_clause, place_clause
from flashpoint.views import date_label, event_view

__all__ = ["BUCKETS", "EventFilter", "EventStore", "parse_near"]


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
    place: str | None = None  # a key of the map's places (flashpoint.store.places)
    min_confidence: float | None = None  # the default list: at or above events.min_confidence
    below_confidence: float | None = None  # the review queue: below it
    hidden_types: tuple[str, ...] = ()  # left out unless asked for by type (context events)
    limit: int | None = None
    offset: int = 0

    def shown(
        self,
        threshold: float,
        min_confidence: float | None = None,
        review: bool = False,
        hidden: tuple[str, ...] = (),
    ) -> EventFilter:
        """The default list shows events at or above ``threshold`` (the setting
        ``events.min_confidence``); the review queue those below it; an explicit minimum
        overrides both. The ``hidden`` types (context events, see
        flashpoint.ontology.hidden_types) are left out unless the filter asks for a type."""
        flt = replace(self, hidden_types=() if self.type else hidden)
        if min_confidence is not None:
            return replace(flt, min_confidence=min_confidence, below_confidence=None)
        if review:
            return replace(flt, min_confidence=None, below_confidence=threshold)
        return replace(flt, min_confidence=threshold, below_confidence=None)


def parse_near(value: str) -> tuple[float, float, float]:
    """'LAT,LON,KM' as numbers; ValueError saying what is wrong."""
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError as exc:
        raise ValueError("give LAT,LON,KM, e.g. 38.0,127.0,50") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise ValueError("latitude, longitude or radius out of range")
    return lat, lon, km


BUCKETS = {
    # SQL for the first day of an event's bucket (fixed strings: no user input reaches SQL)
    "day": "date_start",
    "week": "date(date_start, '-6 days', 'weekday 1')",
    "month": "substr(date_start, 1, 7) || '-01'",
}

COLUMNS = (
    "id, type, acled_event_type, acled_sub_event_type, mode, date_start, date_end, "
    "date_precision, country, location_name, latitude, longitude, geo_precision, n_sources, "
    "n_outlets, killed, actor_names, actor_countries, countries, quotes, confidence, outlets, "
    "view, record"
)


N_COLUMNS = len(COLUMNS.split(","))


def event_row(e: Event) -> tuple[Any, ...]:
    """The events row of an event: its filter columns and its JSON record."""
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
        event_country(e),
        loc.name if loc else None,
        loc.latitude if loc else None,
        loc.longitude if loc else None,
        loc.geo_precision if loc else None,
        len(e.sources),
        e.n_outlets,
        e.killed.min if e.killed else None,
        " | ".join(a.name for a in e.actors),
        " ".join(sorted({a.country or "" for a in e.actors})),
        countries_cell(e),
        " ".join(s.quote for s in e.sources),
        e.confidence,
        json.dumps(sorted({s.outlet for s in e.sources if s.outlet}), ensure_ascii=False),
        json.dumps(list_view(e), ensure_ascii=False),
        json.dumps(e.to_dict(), ensure_ascii=False),
    )


def list_view(e: Event) -> dict[str, Any]:
    """The event as lists show it: `flashpoint events --format json` plus its date label."""
    return {**event_view(e), "date_label": date_label(e.date)}


def event_country(e: Event) -> str | None:
    loc = e.location
    if loc and loc.country:
        return loc.country
    return next((a.country for a in e.actors if a.country), None)


def event_countries(e: Event) -> set[str]:
    """Every country an event is filed under: its place's and each actor's."""
    return {c for c in [event_country(e), *(a.country for a in e.actors)] if c}


def countries_cell(e: Event) -> str | None:
    """The events.countries column: every country of ``event_countries``, sorted, each with a
    space either side (' KOR PRK '), so ``instr(countries, ' KOR ')`` tests one; None if none."""
    found = sorted(event_countries(e))
    return f" {' '.join(found)} " if found else None


def decode_event(record: str) -> Event:
    return Event.from_dict(json.loads(record))


class EventStore:
    """Events and their filters (mixed into :class:`flashpoint.store.Store`)."""

    _db: Database

    if TYPE_CHECKING:  # provided by corrections.CorrectionStore

        def _apply_corrections(self, originals: Sequence[Event] | None = None) -> None: ...

    # -- writing -----------------------------------------------------------------------------

    def replace_events(self, events: Iterable[Event]) -> int:
        """Replace every event in one transaction, then apply the analysts' corrections to the
        new rows in the same transaction. The merge writes through ``write_merge`` (with merge
        blocks); events written here have none, so the next merge is a full one."""
        events = list(events)
        rows = [event_row(e) for e in events]
        links = [(s.mention_id, e.id) for e in events for s in e.sources]
        countries = sorted({(c, e.id) for e in events for c in event_countries(e)})
        with self._db.transaction():
            self._db.execute("DELETE FROM events")
            self._db.execute("DELETE FROM event_mentions")
            self._db.execute("DELETE FROM event_countries")
            self._db.executemany(
                f"INSERT INTO events ({COLUMNS}) VALUES ({','.join('?' * N_COLUMNS)})", rows
            )
            self._db.executemany("INSERT OR REPLACE INTO event_mentions VALUES (?, ?)", links)
            self._db.executemany("INSERT INTO event_countries VALUES (?, ?)", countries)
            self._db.execute("DELETE FROM event_formerly")
            self._db.executemany(
                "INSERT OR IGNORE INTO event_formerly VALUES (?, ?)",
                [(old, e.id) for e in events for old, rel in e.related if rel == "formerly"],
            )
            # written whole, without merge state: the next merge recomputes everything
            self._db.execute("INSERT OR REPLACE INTO event_stats VALUES ('remerge_needed', 1)")
            self._apply_corrections(events)
            self._update_span()
            self._bump_version()
        self._db.execute("PRAGMA optimize")  # fresh statistics, so date windows use their index
        return len(rows)

    def _update_span(self) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO event_stats SELECT 'max_span_days', "
            "COALESCE(MAX(julianday(date_end) - julianday(date_start)), 0) FROM events"
        )

    def _bump_version(self) -> None:
        """A new random token: what was cached from the old events is stale."""
        self._db.execute(
            "INSERT OR REPLACE INTO event_stats VALUES ('data_version', abs(random()))"
        )

    def _write_event(self, event: Event, original: Event | None) -> None:
        """Overwrite one event's row (after a correction); ``original`` None: uncorrected."""
        row = event_row(event)
        sets = ", ".join(f"{c.strip()} = ?" for c in COLUMNS.split(",")[1:])
        stored = None if original is None else json.dumps(original.to_dict(), ensure_ascii=False)
        self._db.execute(
            f"UPDATE events SET {sets}, original = ? WHERE id = ?", (*row[1:], stored, event.id)
        )
        self._db.execute("DELETE FROM event_countries WHERE event_id = ?", (event.id,))
        self._db.executemany(
            "INSERT INTO event_countries VALUES (?, ?)",
            [(c, event.id) for c in sorted(event_countries(event))],
        )
        self._bump_version()

    def previous_event_ids(self) -> dict[str, str]:
        """Which event each mention was in after the last merge: keeps ids stable."""
        rows = self._db.rows("SELECT mention_id, event_id FROM event_mentions")
        return {r[0]: r[1] for r in rows}

    # -- reading -----------------------------------------------------------------------------

    def _where(self, f: EventFilter) -> tuple[str, list[Any]]:
        span = self._db.value("SELECT value FROM event_stats WHERE key = 'max_span_days'")
        return where_clause(f, int(span) + 1 if span is not None else None)

    def _records(self, ids: Sequence[str], column: str = "record") -> dict[str, Event]:
        sql = f"SELECT id, {column} FROM events WHERE id IN ({{marks}})"
        return {r[0]: decode_event(r[1]) for r in self._db.rows_in(sql, ids)}

    def events(self, f: EventFilter = EventFilter()) -> list[Event]:
        """Events matching the filter (with their limit and offset), by date then id, as the
        analysts corrected them."""
        where, params = self._where(f)
        sql = f"SELECT record FROM events{where} ORDER BY date_start, id"
        if f.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [f.limit, f.offset]
        return [decode_event(r[0]) for r in self._db.rows(sql, params)]

    def page_events(self, f: EventFilter, limit: int, offset: int) -> tuple[list[Event], int]:
        """One page of the events matching ``f`` and how many match in all."""
        page = self.events(replace(f, limit=limit, offset=offset))
        return page, self.count_events(f)

    def count_events(self, f: EventFilter = EventFilter()) -> int:
        where, params = self._where(f)
        return int(self._db.value(f"SELECT COUNT(*) FROM events{where}", params))

    def pipeline_events(self) -> list[Event]:
        """Every event as the merge made it, before corrections (for a re-merge or a test)."""
        rows = self._db.rows("SELECT COALESCE(original, record) FROM events ORDER BY id")
        return [decode_event(r[0]) for r in rows]

    def event(self, event_id: str) -> Event | None:
        """The event with this id (corrected), or the one it was merged into under a new id
        (an earlier report arrived late and now founds the event: the old id is 'formerly')."""
        found = self._event_id(event_id)
        return None if found is None else self._records([found])[found]

    def original_event(self, event_id: str) -> Event | None:
        """The event as the pipeline made it, before any correction."""
        found = self._event_id(event_id)
        if found is None:
            return None
        return self._records([found], "COALESCE(original, record)")[found]

    def _event_id(self, event_id: str) -> str | None:
        if self._db.one("SELECT 1 FROM events WHERE id = ?", (event_id,)) is not None:
            return event_id
        row = self._db.one(
            "SELECT event_id FROM event_formerly WHERE formerly_id = ? ORDER BY event_id LIMIT 1",
            (event_id,),
        )
        return None if row is None else str(row[0])

    def events_of_mentions(self, mention_ids: Iterable[str]) -> dict[str, str]:
        """The event of each of these mentions, by mention id."""
        ids = list(dict.fromkeys(mention_ids))
        sql = "SELECT mention_id, event_id FROM event_mentions WHERE mention_id IN ({marks})"
        return {r[0]: r[1] for r in self._db.rows_in(sql, ids)}

    def timeline(self, f: EventFilter, bucket: str) -> Counter[tuple[str | None, str]]:
        """Event counts by (first day of the bucket, type); bucket is day, week or month."""
        counts: Counter[tuple[str | None, str]] = Counter()
        where, params = self._where(f)
        sql = f"SELECT {BUCKETS[bucket]} AS k, type, COUNT(*) FROM events{where} GROUP BY k, type"
        for day, etype, n in self._db.rows(sql, params):
            counts[(day, etype)] += n
        return counts

    def event_stats(self) -> dict[str, Any]:
        span = self._db.one("SELECT COUNT(*), MIN(date_start), MAX(date_end) FROM events")
        by_type = self._db.all(
            "SELECT type, COUNT(*) n FROM events GROUP BY type ORDER BY n DESC, type"
        )
        by_mode = self._db.all(
            "SELECT mode, COUNT(*) n FROM events GROUP BY mode ORDER BY n DESC, mode"
        )
        return {
            "events": span[0] if span else 0,
            "events_from": span[1] if span else None,
            "events_to": span[2] if span else None,
            "events_by_type": {r[0]: r[1] for r in by_type},
            "events_by_mode": {r[0]: r[1] for r in by_mode},
            "corrections": self._db.value("SELECT COUNT(*) FROM corrections"),
        }


def contains(text: str) -> str:
    """A LIKE pattern (with ESCAPE '\\') matching values that contain ``text`` literally: its
    own % and _ are not wildcards."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def where_clause(f: EventFilter, max_span_days: int | None = None) -> tuple[str, list[Any]]:
    """The SQL WHERE clause of a filter and its parameters (values only ever as parameters)."""
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
        code = f.country.upper()
        if (f.since or f.until) and " " not in code:
            # A date window is the narrower path (a common country can hold a third of the
            # events): read the window from the date index, whose entries hold the countries
            # (migration 0013), so each is tested there without a lookup.
            add("instr(countries, ?) > 0", f" {code} ")
        else:
            add("id IN (SELECT event_id FROM event_countries WHERE country = ?)", code)
    if f.actor:
        add("actor_names LIKE ? ESCAPE '\\'", contains(f.actor))
    if f.mode:
        add("mode = ?", f.mode)
    if f.min_sources:
        add("n_outlets >= ?", f.min_sources)
    if f.text:
        add("quotes LIKE ? ESCAPE '\\'", contains(f.text))
    if f.place:
        sql, values = place_clause(f.place)
        add(sql, *values)
    if f.min_confidence is not None:
        add("confidence >= ?", f.min_confidence)
    if f.below_confidence is not None:
        add("confidence < ?", f.below_confidence)
    if f.hidden_types:
        add(f"type NOT IN ({','.join('?' * len(f.hidden_types))})", *f.hidden_types)
    if f.near:
        sql, values = near_clause(*f.near)
        add(sql, *values)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params
