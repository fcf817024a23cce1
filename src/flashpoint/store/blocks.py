"""Merge blocks in the store: what an incremental merge reads (mentions not merged yet, blocks
left dirty, neighbours of new reports, events near changed ones) and how it writes its result
(the events of the blocks it merged, in one transaction). See flashpoint.merge.incremental.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from flashpoint.records import Event, Mention
from flashpoint.store.articles import ArticleInfo
from flashpoint.store.database import Database
from flashpoint.store.events import COLUMNS, N_COLUMNS, event_countries, event_row

__all__ = ["MentionKey", "MergeUpdate", "MergedEvent", "Neighbour", "Probe"]


@dataclass(frozen=True)
class MentionKey:
    """Where the merge filed a mention: its block ('' for none) and, for a mention that leads
    its event, the keys its neighbours are found by."""

    id: str
    block: str
    merge_key: str | None = None
    span_class: int | None = None
    country: str | None = None


@dataclass(frozen=True)
class MergedEvent:
    """An event as the merge made it, with its block and its role in links (None: none)."""

    event: Event
    block: str | None
    link_role: str | None = None
    link_day: str | None = None


@dataclass(frozen=True)
class Probe:
    """Merged mentions of ``merge_key`` and ``span_class`` whose date range starts within
    [start_from, start_to] (start_from None: any time before) and ends on or after end_from."""

    merge_key: str
    span_class: int
    start_from: str | None
    start_to: str
    end_from: str


@dataclass(frozen=True)
class Neighbour:
    """A merged mention found by a probe: what its shape is made of, and its block."""

    id: str
    block: str
    merge_key: str
    type: str
    mode: str
    start: str
    end: str
    precision: str
    country: str | None


@dataclass
class MergeUpdate:
    """What one merge writes: the events of ``dropped_blocks`` are replaced by ``events``
    (``full``: every event is), each mention gets its keys, and events outside the merged
    blocks whose links or former ids changed are rewritten (``relinked``)."""

    full: bool
    dropped_blocks: Sequence[str]
    events: Sequence[MergedEvent]
    mentions: Sequence[MentionKey]
    relinked: Sequence[MergedEvent] = field(default_factory=list)


def _formerly(e: Event) -> list[tuple[str, str]]:
    return [(old, e.id) for old, rel in e.related if rel == "formerly"]


class BlockStore:
    """Merge blocks (mixed into :class:`flashpoint.store.Store`)."""

    _db: Database

    if TYPE_CHECKING:  # provided by events.EventStore and corrections.CorrectionStore

        def _apply_corrections(self, originals: Sequence[Event] | None = None) -> None: ...

        def _update_span(self) -> None: ...

        def _write_event(self, event: Event, original: Event | None) -> None: ...

    # -- reading -----------------------------------------------------------------------------

    def remerge_needed(self) -> bool:
        """True when the events were not made block by block (an older store, or events
        written whole by replace_events): the next merge must recompute everything."""
        flag = self._db.value("SELECT value FROM event_stats WHERE key = 'remerge_needed'")
        return bool(flag)

    def unmerged_mentions(self) -> list[Mention]:
        """Mentions stored since the last merge."""
        rows = self._db.rows("SELECT record FROM mentions WHERE block IS NULL")
        return [Mention.from_dict(json.loads(r[0])) for r in rows]

    def dirty_blocks(self) -> set[str]:
        """Blocks whose mentions were deleted or replaced, or whose articles changed."""
        return {r[0] for r in self._db.rows("SELECT block FROM merge_dirty")}

    def mention_blocks_of_articles(self, article_ids: Iterable[str]) -> dict[str, str | None]:
        """Block of every mention of these articles, by mention id."""
        sql = "SELECT id, block FROM mentions WHERE article_id IN ({marks})"
        return {r[0]: r[1] for r in self._db.rows_in(sql, list(dict.fromkeys(article_ids)))}

    def mentions_in_blocks(self, blocks: Iterable[str]) -> list[Mention]:
        sql = "SELECT record FROM mentions WHERE block IN ({marks})"
        rows = self._db.rows_in(sql, sorted(set(blocks)))
        return [Mention.from_dict(json.loads(r[0])) for r in rows]

    def merge_neighbours(self, probes: Iterable[Probe]) -> list[Neighbour]:
        """Merged mentions each probe finds (by the merge_key index), without duplicates."""
        found: dict[str, Neighbour] = {}
        columns = "id, block, merge_key, type, mode, date_start, date_end, date_precision, country"
        for p in probes:
            if p.start_from is None:
                where, params = "date_start <= ?", [p.start_to]
            else:
                where, params = "date_start BETWEEN ? AND ?", [p.start_from, p.start_to]
            rows = self._db.rows(
                f"SELECT {columns} FROM mentions WHERE merge_key = ? AND span_class = ? "
                f"AND {where} AND date_end >= ?",
                [p.merge_key, p.span_class, *params, p.end_from],
            )
            for r in rows:
                found.setdefault(r[0], Neighbour(*r))
        return list(found.values())

    def article_infos_of(self, article_ids: Iterable[str]) -> dict[str, ArticleInfo]:
        """Outlet, date and duplicate link of these articles, by id."""
        sql = "SELECT id, outlet, published, duplicate_of FROM articles WHERE id IN ({marks})"
        rows = self._db.rows_in(sql, list(dict.fromkeys(article_ids)))
        return {r[0]: ArticleInfo(r[1], r[2], r[3]) for r in rows}

    def events_in_blocks(self, blocks: Iterable[str]) -> list[Event]:
        """The events of these blocks as the merge made them (before corrections)."""
        sql = "SELECT COALESCE(original, record) FROM events WHERE block IN ({marks})"
        rows = self._db.rows_in(sql, sorted(set(blocks)))
        return [Event.from_dict(json.loads(r[0])) for r in rows]

    def pipeline_events_of(self, event_ids: Iterable[str]) -> list[Event]:
        sql = "SELECT COALESCE(original, record) FROM events WHERE id IN ({marks})"
        rows = self._db.rows_in(sql, sorted(set(event_ids)))
        return [Event.from_dict(json.loads(r[0])) for r in rows]

    def event_blocks(self, event_ids: Iterable[str]) -> dict[str, str | None]:
        """The block of each of these events that exists, by event id."""
        sql = "SELECT id, block FROM events WHERE id IN ({marks})"
        return {r[0]: r[1] for r in self._db.rows_in(sql, sorted(set(event_ids)))}

    def formerly_holders(self, old_ids: Iterable[str]) -> dict[str, str | None]:
        """Events that list any of these ids as formerly theirs: event id -> block."""
        sql = (
            "SELECT e.id, e.block FROM event_formerly f JOIN events e ON e.id = f.event_id "
            "WHERE f.formerly_id IN ({marks})"
        )
        return {r[0]: r[1] for r in self._db.rows_in(sql, sorted(set(old_ids)))}

    def formerly_ids(self) -> dict[str, list[str]]:
        """Every event's former ids, by event id."""
        out: dict[str, list[str]] = {}
        for old, event_id in self._db.rows("SELECT formerly_id, event_id FROM event_formerly"):
            out.setdefault(event_id, []).append(old)
        return out

    def linkable_events(
        self, windows: Iterable[tuple[str, str]]
    ) -> list[tuple[str, str, str, str, str | None]]:
        """(id, link role, link day, actor countries, block) of the events that take part in
        links with a link day inside any of these (first, last) day windows."""
        found: dict[str, tuple[str, str, str, str, str | None]] = {}
        for first, last in windows:
            rows = self._db.rows(
                "SELECT id, link_role, link_day, actor_countries, block FROM events "
                "WHERE link_role IS NOT NULL AND link_day BETWEEN ? AND ?",
                (first, last),
            )
            for r in rows:
                found.setdefault(r[0], (r[0], r[1], r[2], r[3], r[4]))
        return list(found.values())

    # -- writing -----------------------------------------------------------------------------

    def write_merge(self, update: MergeUpdate) -> int:
        """Write one merge's result in one transaction, then apply the analysts' corrections
        to the events written. Returns how many events were written."""
        with self._db.transaction():
            if update.full:
                for table in ("events", "event_mentions", "event_countries", "event_formerly"):
                    self._db.execute(f"DELETE FROM {table}")
                self._db.execute("DELETE FROM merge_dirty")
                self._db.execute("DELETE FROM event_stats WHERE key = 'remerge_needed'")
            else:
                self._drop_blocks(update.dropped_blocks)
            self._insert_events(update.events)
            self._db.executemany(
                "UPDATE mentions SET block = ?, merge_key = ?, span_class = ?, country = ? "
                "WHERE id = ?",
                [(k.block, k.merge_key, k.span_class, k.country, k.id) for k in update.mentions],
            )
            for merged in update.relinked:
                e = merged.event
                self._write_event(e, None)
                self._db.execute("DELETE FROM event_formerly WHERE event_id = ?", (e.id,))
                self._db.executemany("INSERT INTO event_formerly VALUES (?, ?)", _formerly(e))
            written = [m.event for m in (*update.events, *update.relinked)]
            self._apply_corrections(written)
            self._update_span()
        if update.full:
            self._db.execute("PRAGMA optimize")  # fresh statistics after a rewrite
        return len(update.events)

    def _drop_blocks(self, blocks: Sequence[str]) -> None:
        blocks = sorted(set(blocks))
        sql = "SELECT id FROM events WHERE block IN ({marks})"
        ids = [r[0] for r in self._db.rows_in(sql, blocks)]
        for table, column in (
            ("event_mentions", "event_id"),
            ("event_countries", "event_id"),
            ("event_formerly", "event_id"),
            ("events", "id"),
        ):
            self._db.executemany(f"DELETE FROM {table} WHERE {column} = ?", [(i,) for i in ids])
        self._db.executemany("DELETE FROM merge_dirty WHERE block = ?", [(b,) for b in blocks])

    def _insert_events(self, merged: Sequence[MergedEvent]) -> None:
        events = [m.event for m in merged]
        self._db.executemany(
            f"INSERT INTO events ({COLUMNS}, block, link_role, link_day) "
            f"VALUES ({','.join('?' * (N_COLUMNS + 3))})",
            [(*event_row(m.event), m.block, m.link_role, m.link_day) for m in merged],
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
