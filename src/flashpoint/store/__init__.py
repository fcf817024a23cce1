"""Store: the embedded SQLite database (WAL), versioned by migrations, and the only way to it.

Public entry: :class:`Store`, one object with typed methods for articles, mentions, events,
corrections and runs. Nothing outside this package sees SQL or the connection. One writer at a
time (a lock file beside the resolved database path); any number of readers, also while an
ingest writes. Every SQLite or OS error comes out as a :class:`StoreError` naming the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flashpoint.store.aggregates import EventAggregates, PlaceGroup
from flashpoint.store.articles import ArticleInfo, ArticleRow, ArticleStore, Relink
from flashpoint.store.correction_rules import (
    COUNTS,
    FIELDS,
    MODES,
    STATUSES,
    Correction,
    CorrectionError,
    apply_corrections,
    effective,
    normalise,
)
from flashpoint.store.corrections import CorrectionStore
from flashpoint.store.database import (
    Database,
    DatabaseCorrupt,
    StoreError,
    WriterBusy,
    latest_version,
    migrations,
)
from flashpoint.store.dedup import DedupStore
from flashpoint.store.events import BUCKETS, EventFilter, EventStore, parse_near
from flashpoint.store.listing import SORTS, EventListing, Page
from flashpoint.store.merge_state import (
    LeadRow,
    MentionKey,
    MergedEvent,
    MergeStateStore,
    MergeUpdate,
    Probe,
)
from flashpoint.store.places import MAX_ZOOM, parse_place_key, place_key

__all__ = [
    "BUCKETS",
    "COUNTS",
    "FIELDS",
    "MAX_ZOOM",
    "MODES",
    "SORTS",
    "STATUSES",
    "ArticleInfo",
    "ArticleRow",
    "Correction",
    "CorrectionError",
    "DatabaseCorrupt",
    "EventFilter",
    "LeadRow",
    "MentionKey",
    "MergeUpdate",
    "MergedEvent",
    "Page",
    "PlaceGroup",
    "Probe",
    "Relink",
    "Store",
    "StoreError",
    "WriterBusy",
    "apply_corrections",
    "effective",
    "migrations",
    "normalise",
    "parse_near",
    "parse_place_key",
    "place_key",
]

MMAP_BYTES = 1 << 30  # read pages through a memory map: scans of a large table run ~40% faster


class Store(
    ArticleStore,
    EventStore,
    EventListing,
    EventAggregates,
    CorrectionStore,
    DedupStore,
    MergeStateStore,
):
    """Open with ``Store(path)`` to read; ``Store(path, write=True)`` takes the writer lock
    and migrates. ``read_only=True`` also refuses writes at the SQLite level (the server)."""

    def __init__(self, path: str | Path, *, write: bool = False, read_only: bool = False):
        self.path = Path(path)
        self._db = Database(self.path, write=write, query_only=read_only and not write)
        self.migrated_from = self._db.version  # the schema as found, before any migration
        try:
            if write:
                applied = self._db.migrate()
                self._close_stale_runs()
                if 6 in applied:  # corrections made before 0006 were an overlay on read
                    with self._db.transaction():
                        self._apply_corrections()
            else:
                self._db.check_current()
            if read_only:
                self._db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        except BaseException:
            self._db.close()
            raise

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        return self._db.version

    @property
    def journal_mode(self) -> str:
        return str(self._db.value("PRAGMA journal_mode"))

    def check(self) -> None:
        """Read a little of every table: a StoreError when the file cannot serve (health)."""
        for table in ("runs", "articles", "mentions", "events", "corrections"):
            self._db.value(f"SELECT COUNT(*) FROM (SELECT 1 FROM {table} LIMIT 1)")
        if self.version != latest_version():
            self._db.check_current()

    def stats(self) -> dict[str, Any]:
        return {"database": str(self.path), "schema_version": self.version, **self.article_stats()}
