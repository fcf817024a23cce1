"""The event list as the API pages it: sorted by a column, pages that continue after a key
(sort value, id) so a page never repeats or skips an event, and the articles' URLs.

Every sort order reads an index of migration 0008 (the same expressions as here); ties are
broken by id in the sort's direction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from flashpoint.records import Event
from flashpoint.store.database import Database
from flashpoint.store.events import decode_event, list_view

__all__ = ["SORTS", "EventListing", "Page"]

SORT_KEYS = {
    # the expressions of the indexes events_sort_* (fixed strings: no user input reaches SQL)
    "date": "COALESCE(date_start, '')",  # undated events first (last with -date)
    "sources": "n_outlets",  # outlets reporting it (syndicated copies once), as min_sources
    "killed": "COALESCE(killed, -1)",  # unknown below zero
    "confidence": "confidence",
}
SORTS: tuple[str, ...] = tuple(s for key in SORT_KEYS for s in (key, f"-{key}"))


@dataclass(frozen=True)
class Page:
    """One page of a sorted list; ``after`` is the (sort value, id) of its last event when
    more events follow (None at the end)."""

    events: list[Event]
    after: tuple[Any, str] | None


class EventListing:
    """Sorted pages of events (mixed into :class:`flashpoint.store.Store`)."""

    _db: Database

    if TYPE_CHECKING:  # provided by events.EventStore

        def _where(self, f: Any) -> tuple[str, list[Any]]: ...

        def _records(self, ids: Sequence[str], column: str = "record") -> dict[str, Event]: ...

    def sorted_page(
        self,
        f: Any,
        sort: str = "date",
        limit: int = 100,
        after: tuple[Any, str] | None = None,
        offset: int = 0,
    ) -> Page:
        """Up to ``limit`` events matching the EventFilter ``f`` in ``sort`` order (a name of
        SORTS), after the key ``after`` (a previous page's), skipping ``offset`` more."""
        ids, last = self.sorted_ids(f, sort, limit, after, offset)
        found = self._records(ids)
        return Page([found[i] for i in ids], last)

    def sorted_views(
        self,
        f: Any,
        sort: str = "date",
        limit: int = 100,
        after: tuple[Any, str] | None = None,
        offset: int = 0,
    ) -> tuple[list[str], tuple[Any, str] | None]:
        """As :meth:`sorted_page`, but each event as lists show it (JSON text of
        events.list_view), read from its column: no record is decoded."""
        ids, last = self.sorted_ids(f, sort, limit, after, offset)
        sql = (
            "SELECT id, view, CASE WHEN view IS NULL THEN record END FROM events "
            "WHERE id IN ({marks})"
        )
        found = {
            r[0]: r[1]
            if r[1] is not None
            else json.dumps(list_view(decode_event(r[2])), ensure_ascii=False)
            for r in self._db.rows_in(sql, ids)
        }
        return [found[i] for i in ids], last

    def sorted_ids(
        self,
        f: Any,
        sort: str = "date",
        limit: int = 100,
        after: tuple[Any, str] | None = None,
        offset: int = 0,
    ) -> tuple[list[str], tuple[Any, str] | None]:
        """The ids of :meth:`sorted_page`'s events, and the key to continue after."""
        if sort not in SORTS:
            raise ValueError(f"sort: one of {', '.join(SORTS)}, not {sort!r}")
        desc = sort.startswith("-")
        key = SORT_KEYS[sort.lstrip("-")]
        where, params = self._where(f)
        if after is not None:
            where += (
                " AND " if where else " WHERE "
            ) + f"({key}, id) {'<' if desc else '>'} (?, ?)"
            params += [after[0], after[1]]
        order = " DESC" if desc else ""
        sql = f"SELECT {key} AS k, id FROM events{where} ORDER BY {key}{order}, id{order}"
        rows = self._db.rows(sql + " LIMIT ? OFFSET ?", [*params, limit + 1, offset])
        keys = [(r[0], r[1]) for r in rows]
        more = len(keys) > limit
        keys = keys[:limit]
        return [k[1] for k in keys], keys[-1] if more and keys else None

    def article_urls(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The URL of each of these articles that has one, by article id."""
        ids = list(dict.fromkeys(article_ids))
        sql = "SELECT id, url FROM articles WHERE url IS NOT NULL AND url != '' AND id IN ({marks})"
        return {r[0]: r[1] for r in self._db.rows_in(sql, ids)}
