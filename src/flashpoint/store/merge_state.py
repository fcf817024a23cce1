"""Merge state in the store: what an incremental merge reads (mentions not merged yet, what
changed since, the shapes of merged reports near a changed one, by indexed columns) and how it
writes its result (the events it re-made, in one transaction). See flashpoint.merge_job.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from flashpoint.records import Event, Mention
from flashpoint.store.articles import ArticleInfo
from flashpoint.store.database import Database
from flashpoint.store.events import COLUMNS, N_COLUMNS, event_countries, event_row

__all__ = ["LeadRow", "MentionKey", "MergeUpdate", "MergedEvent", "Probe"]


@dataclass(frozen=True)
class MentionKey:
    """Where the merge filed a mention: its event ('' for none) and, for a mention that leads
    its event, what the replay reads of it: family, span class, country, canonical sort key
    (precision rank, article date, trigger offset) and precise point."""

    id: str
    event: str
    merge_key: str | None = None
    span_class: int | None = None
    country: str | None = None
    rank: int | None = None
    published: str | None = None
    at: int | None = None
    lat: float | None = None
    lon: float | None = None
    place_country: str | None = None  # of a place named in its sentence
    placed_in: str | None = None  # the country it is placed in, by any rule
    undated: bool = False  # no date in the text
    anchors: str = ""  # what ties it to one incident (flashpoint.merge.anchors), '\x1f'-separated
    definite: bool = False  # a definite description ("the attack"): it presupposes its act


@dataclass(frozen=True)
class MergedEvent:
    """An event as the merge made it, with its role in links (None: none)."""

    event: Event
    link_role: str | None = None
    link_day: str | None = None


@dataclass(frozen=True)
class Probe:
    """Merged mentions of ``merge_key`` and ``span_class`` whose date range starts within
    [start_from, start_to] (start_from None: any time before) and ends on or after end_from
    (and, with ``country``, of that country or of none)."""

    merge_key: str
    span_class: int
    start_from: str | None
    start_to: str
    end_from: str
    country: str | None = None  # set: only mentions of this country or of none


class LeadRow(NamedTuple):
    """A merged mention that leads its event, as the replay reads it (see MentionKey)."""

    id: str
    event: str
    merge_key: str
    type: str
    mode: str
    start: str
    end: str
    precision: str
    country: str | None
    rank: int
    published: str
    article_id: str
    at: int
    lat: float | None
    lon: float | None
    place_country: str | None
    placed_in: str | None
    undated: bool
    anchors: str
    definite: bool


_LEAD_COLUMNS = (
    "id, block, merge_key, type, mode, date_start, date_end, date_precision, country, "
    "merge_rank, merge_published, article_id, merge_at, merge_lat, merge_lon, merge_place, "
    "merge_placed_in, merge_undated, merge_anchors, merge_definite"
)


@dataclass
class MergeUpdate:
    """What one merge writes: the events ``dropped`` are replaced by ``events`` (``full``:
    every event is), each mention gets its keys, and events kept whose links or former ids
    changed are rewritten (``relinked``)."""

    full: bool
    dropped: Sequence[str]
    events: Sequence[MergedEvent]
    mentions: Sequence[MentionKey]
    relinked: Sequence[Event] = field(default_factory=list)


def _key_row(k: MentionKey) -> tuple[object, ...]:
    lead = astuple(k)[2:]  # merge_key ... definite, in the UPDATE's order
    return (k.event, *lead, k.id)


def _formerly(e: Event) -> list[tuple[str, str]]:
    return [(old, e.id) for old, rel in e.related if rel == "formerly"]


class MergeStateStore:
    """Merge state (mixed into :class:`flashpoint.store.Store`)."""

    _db: Database

    if TYPE_CHECKING:  # provided by events.EventStore and corrections.CorrectionStore

        def _apply_corrections(self, originals: Sequence[Event] | None = None) -> None: ...

        def _update_span(self) -> None: ...

        def _write_event(self, event: Event, original: Event | None) -> None: ...

    # -- reading -----------------------------------------------------------------------------

    def remerge_needed(self) -> bool:
        """True when the events were not made by this merge (an older store, or events
        written whole by replace_events): the next merge must recompute everything."""
        flag = self._db.value("SELECT value FROM event_stats WHERE key = 'remerge_needed'")
        return bool(flag)

    def unmerged_articles(self) -> set[str]:
        """Articles with mentions stored since the last merge."""
        rows = self._db.rows("SELECT DISTINCT article_id FROM mentions WHERE block IS NULL")
        return {r[0] for r in rows}

    def merge_changes(self) -> tuple[set[str], set[str]]:
        """Events that lost a mention or whose article changed since the last merge, and the
        articles of those mentions."""
        rows = self._db.all("SELECT event_id, article_id FROM merge_dirty")
        return {r[0] for r in rows if r[0]}, {r[1] for r in rows}

    def mentions_of_articles(self, article_ids: Iterable[str]) -> list[Mention]:
        sql = "SELECT record FROM mentions WHERE article_id IN ({marks})"
        rows = self._db.rows_in(sql, sorted(set(article_ids)))
        return [Mention.from_dict(json.loads(r[0])) for r in rows]

    def merged_event_of_articles(self, article_ids: Iterable[str]) -> dict[str, str | None]:
        """The event ('' none, None not merged) of every mention of these articles, by id."""
        sql = "SELECT id, block FROM mentions WHERE article_id IN ({marks})"
        return {r[0]: r[1] for r in self._db.rows_in(sql, sorted(set(article_ids)))}

    def merge_leads(self, probes: Iterable[Probe]) -> list[LeadRow]:
        """Mentions leading an event that each probe finds (by the merge_key index), once."""
        found: dict[str, LeadRow] = {}
        for p in probes:
            if p.start_from is None:
                where, params = "date_start <= ?", [p.start_to]
            else:
                where, params = "date_start BETWEEN ? AND ?", [p.start_from, p.start_to]
            if p.country is not None:
                where += " AND (country = ? OR country IS NULL)"
                params.append(p.country)
            rows = self._db.tuples(
                f"SELECT {_LEAD_COLUMNS} FROM mentions WHERE merge_key = ? AND span_class = ? "
                f"AND date_end >= ? AND {where}",
                [p.merge_key, p.span_class, p.end_from, *params],
            )
            for r in rows:
                if r[0] not in found:
                    found[r[0]] = LeadRow._make(r)
        return list(found.values())

    def merge_leads_of_events(self, event_ids: Iterable[str]) -> list[LeadRow]:
        """The mentions leading their event in these events."""
        ids, out = sorted(set(event_ids)), []
        for start in range(0, len(ids), 500):  # under SQLite's variable limit
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT {_LEAD_COLUMNS} FROM mentions WHERE block IN ({marks})"
            out += [LeadRow._make(r) for r in self._db.tuples(sql, chunk) if r[2] is not None]
        return out

    def article_infos_of(self, article_ids: Iterable[str]) -> dict[str, ArticleInfo]:
        """Outlet, date and duplicate link of these articles, by id."""
        sql = "SELECT id, outlet, published, duplicate_of FROM articles WHERE id IN ({marks})"
        rows = self._db.rows_in(sql, list(dict.fromkeys(article_ids)))
        return {r[0]: ArticleInfo(r[1], r[2], r[3]) for r in rows}

    def pipeline_events_of(self, event_ids: Iterable[str]) -> list[Event]:
        """These events as the merge made them (before corrections)."""
        sql = "SELECT COALESCE(original, record) FROM events WHERE id IN ({marks})"
        rows = self._db.rows_in(sql, sorted(set(event_ids)))
        return [Event.from_dict(json.loads(r[0])) for r in rows]

    def existing_events(self, event_ids: Iterable[str]) -> set[str]:
        """Which of these event ids are stored events."""
        sql = "SELECT id FROM events WHERE id IN ({marks})"
        return {r[0] for r in self._db.rows_in(sql, sorted(set(event_ids)))}

    def formerly_holders(self, old_ids: Iterable[str]) -> set[str]:
        """Events that list any of these ids as formerly theirs."""
        sql = "SELECT event_id FROM event_formerly WHERE formerly_id IN ({marks})"
        return {r[0] for r in self._db.rows_in(sql, sorted(set(old_ids)))}

    def formerly_ids(self) -> dict[str, list[str]]:
        """Every event's former ids, by event id."""
        out: dict[str, list[str]] = {}
        for old, event_id in self._db.rows("SELECT formerly_id, event_id FROM event_formerly"):
            out.setdefault(event_id, []).append(old)
        return out

    def linkable_events(
        self, windows: Iterable[tuple[str, str]]
    ) -> list[tuple[str, str, str, str]]:
        """(id, link role, link day, actor countries) of the events that take part in links
        with a link day inside any of these (first, last) day windows."""
        found: dict[str, tuple[str, str, str, str]] = {}
        for first, last in windows:
            rows = self._db.rows(
                "SELECT id, link_role, link_day, actor_countries FROM events "
                "WHERE link_role IS NOT NULL AND link_day BETWEEN ? AND ?",
                (first, last),
            )
            for r in rows:
                found.setdefault(r[0], (r[0], r[1], r[2], r[3]))
        return list(found.values())

    # -- writing -----------------------------------------------------------------------------

    def write_merge(self, update: MergeUpdate) -> int:
        """Write one merge's result in one transaction, then apply the analysts' corrections
        to the events written. Returns how many events were written."""
        with self._db.transaction():
            if update.full:
                for table in ("events", "event_mentions", "event_countries", "event_formerly"):
                    self._db.execute(f"DELETE FROM {table}")
                self._db.execute("DELETE FROM event_stats WHERE key = 'remerge_needed'")
            else:
                self._drop_events(update.dropped)
            self._db.execute("DELETE FROM merge_dirty")
            self._insert_events(update.events)
            self._db.executemany(
                "UPDATE mentions SET block = ?, merge_key = ?, span_class = ?, country = ?, "
                "merge_rank = ?, merge_published = ?, merge_at = ?, merge_lat = ?, "
                "merge_lon = ?, merge_place = ?, merge_placed_in = ?, merge_undated = ?, "
                "merge_anchors = ?, merge_definite = ? "
                "WHERE id = ?",
                [_key_row(k) for k in update.mentions],
            )
            for e in update.relinked:
                self._write_event(e, None)
                self._db.execute("DELETE FROM event_formerly WHERE event_id = ?", (e.id,))
                self._db.executemany("INSERT INTO event_formerly VALUES (?, ?)", _formerly(e))
            written = [*(m.event for m in update.events), *update.relinked]
            self._apply_corrections(written)
            self._update_span()
        if update.full:
            self._db.execute("PRAGMA optimize")  # fresh statistics after a rewrite
        return len(update.events)

    def _drop_events(self, event_ids: Sequence[str]) -> None:
        ids = [(i,) for i in sorted(set(event_ids))]
        for table, column in (
            ("event_mentions", "event_id"),
            ("event_countries", "event_id"),
            ("event_formerly", "event_id"),
            ("events", "id"),
        ):
            self._db.executemany(f"DELETE FROM {table} WHERE {column} = ?", ids)

    def _insert_events(self, merged: Sequence[MergedEvent]) -> None:
        """Events as the merge made them; ``block`` (the merge unit) is now the event itself."""
        events = [m.event for m in merged]
        self._db.executemany(
            f"INSERT INTO events ({COLUMNS}, block, link_role, link_day) "
            f"VALUES ({','.join('?' * (N_COLUMNS + 3))})",
            [(*event_row(m.event), m.event.id, m.link_role, m.link_day) for m in merged],
        )
        self._db.executemany(
            "INSERT OR REPLACE INTO event_mentions VALUES (?, ?)",
            [(s.mention_id, e.id) for e in events for s in e.sources],
        )
        self._db.executemany(
            "INSERT INTO event_countries VALUES (?, ?)",
            sorted({(c, e.id) for e in events for c in event_countries(e)}),
        )
        self._db.executemany(
            "INSERT OR IGNORE INTO event_formerly VALUES (?, ?)",
            [pair for e in events for pair in _formerly(e)],
        )
