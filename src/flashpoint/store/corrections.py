"""Analyst corrections of events: stored apart from the events (never updated, each with who,
when and why), and applied to the stored events when made and after every merge.

Each merge replaces every event (``Store.replace_events``), but an event keeps its id when its
reports stay together, so a correction keyed by event id survives re-runs. A new correction of
a field supersedes the old (the newest wins) and one with value ``None`` withdraws them. What
a correction may say: correction_rules.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from flashpoint.records import Event
from flashpoint.store.correction_rules import (
    Correction,
    apply_corrections,
    check_text,
    normalise,
)
from flashpoint.store.database import Database

__all__ = ["CorrectionStore"]


# -- storage -------------------------------------------------------------------------------


def _from_row(row: Sequence[Any]) -> Correction:
    value = None if row[3] is None else json.loads(row[3])
    return Correction(row[0], row[1], row[2], value, row[4], row[5], row[6])


_COLUMNS = "id, event_id, field, value, reason, author, created"


def _ids(e: Event) -> list[str]:
    """The ids a correction of this event may be filed under: its own and former ones."""
    return [e.id, *(i for i, rel in e.related if rel == "formerly")]


class CorrectionStore:
    """Analyst corrections (mixed into :class:`flashpoint.store.Store`)."""

    _db: Database

    if TYPE_CHECKING:  # provided by events.EventStore

        def _write_event(self, event: Event, original: Event | None) -> None: ...

        def _update_span(self) -> None: ...

        def original_event(self, event_id: str) -> Event | None: ...

    def add_correction(
        self, event_id: str, field: str, value: Any, reason: str, author: str
    ) -> Correction:
        """Store one correction (validated) and apply it to the stored event, in one
        transaction. LookupError when there is no such event."""
        stored = normalise(field, value)
        reason = check_text(reason, "reason", required=True)
        author = check_text(author, "author", required=True)
        created = datetime.now(UTC).isoformat(timespec="seconds")
        with self._db.transaction():
            if self._db.one("SELECT 1 FROM events WHERE id = ?", (event_id,)) is None:
                raise LookupError(event_id)
            cur = self._db.execute(
                "INSERT INTO corrections (event_id, field, value, reason, author, created) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    event_id,
                    field,
                    None if stored is None else json.dumps(stored, ensure_ascii=False),
                    reason,
                    author,
                    created,
                ),
            )
            original = self.original_event(event_id)
            assert original is not None  # checked above, in this transaction
            self._apply_corrections([original])
            self._update_span()
        return Correction(int(cur.lastrowid or 0), event_id, field, stored, reason, author, created)

    def corrections_for(self, event_ids: Iterable[str]) -> dict[str, list[Correction]]:
        """Every correction filed under these event ids, oldest first, keyed by event id."""
        ids = list(dict.fromkeys(event_ids))
        out: dict[str, list[Correction]] = {}
        if not ids or self._db.one("SELECT 1 FROM corrections LIMIT 1") is None:
            return out
        sql = f"SELECT {_COLUMNS} FROM corrections WHERE event_id IN ({{marks}}) ORDER BY id"
        for row in self._db.rows_in(sql, ids):
            out.setdefault(row[1], []).append(_from_row(row))
        return out

    def history(self, events: Sequence[Event]) -> list[list[Correction]]:
        """Each event's corrections, oldest first, including those made under an id it was
        formerly known by (see merge: backfilled reports)."""
        return self.history_of_ids([_ids(e) for e in events])

    def history_of_ids(self, id_lists: Sequence[Sequence[str]]) -> list[list[Correction]]:
        """As :meth:`history`, for events given as their ids (own first, then former)."""
        found = self.corrections_for(i for ids in id_lists for i in ids)
        return [
            sorted((c for i in ids for c in found.get(i, [])), key=lambda c: c.id)
            for ids in id_lists
        ]

    def _apply_corrections(self, originals: Sequence[Event] | None = None) -> None:
        """Write each event as corrected (or restored, when every correction is withdrawn).
        ``originals`` are the pipeline's events to consider; None: every stored event."""
        filed = {r[0] for r in self._db.rows("SELECT DISTINCT event_id FROM corrections")}
        if not filed:
            return
        if originals is None:
            originals = [
                Event.from_dict(json.loads(r[0]))
                for r in self._db.rows("SELECT COALESCE(original, record) FROM events")
            ]
        touched = [e for e in originals if filed.intersection(_ids(e))]
        for original, history in zip(touched, self.history(touched), strict=True):
            corrected = apply_corrections(original, history)
            self._write_event(corrected, None if corrected == original else original)
