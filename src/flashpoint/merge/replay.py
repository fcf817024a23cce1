"""Incremental merge by replay: re-decide, in canonical order, only the reports whose choice of
event may have changed, and stop where the old merge's decisions hold again.

Why this is exact. The merge (flashpoint.merge.cluster) is a sequential process: leads in
canonical order, each joining the best open event among those its :class:`ShapeIndex` probe
returns (founders of its family, near in time, country and place), or founding one. Families
never meet, so each is replayed on its own. Up to a position p, the state of the new merge is
the old partition restricted to reports before p, except for the events the replay made
explicit. A report keeps its old decision when its probe returns no event that differs from the
old one (a removed candidate it did not choose cannot change its choice: the argmax of a subset
holding the old winner is the old winner, ties still going to the event opened first). So only
these are re-decided, each with the exact new state: every new or re-read report; every
remaining member of an event that lost a report (a deleted or replaced one, or one whose article
changed: a "dead" event, re-made from scratch); and, whenever an event starts to differ (gains
or loses a report) or a new one is founded, every later report whose probe would return its
founder. Old events are read lazily from the store (their leads' shapes, keys and points, by
date window), so a batch reads the neighbourhood of its reports, not their blocks.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from flashpoint.merge import CanonicalKey, event_id_of
from flashpoint.merge.cluster import (
    MIN_SIMILARITY,
    OpenEvent,
    Point,
    ShapeIndex,
    Tie,
    family_key,
)
from flashpoint.merge.compat import Shape, group_of, ordinal
from flashpoint.merge.days import DayBuckets, ReadDays

__all__ = ["Lead", "LeadSource", "Replayed", "replay"]


class Lead:
    """A report that leads its event (see same_incident), as the clustering reads it; ``event``
    is its event in the old merge (None: a report new to this merge); ``tie``: its anchors and
    whether it is a definite description (see flashpoint.merge.anchors). First and last: its
    date range as ordinal days. (A class with slots: the replay makes many.)"""

    __slots__ = (
        "anchors",
        "article",
        "definite",
        "event",
        "first",
        "id",
        "key",
        "last",
        "point",
        "shape",
    )

    def __init__(
        self,
        id: str,
        key: CanonicalKey,
        shape: Shape,
        point: Point | None,
        event: str | None,
        tie: Tie,
    ) -> None:
        self.id, self.key, self.shape, self.point, self.event = id, key, shape, point, event
        self.first, self.last = ordinal(shape.start), ordinal(shape.end)
        self.article = key[3]
        self.anchors, self.definite = tie


class LeadSource(Protocol):
    def overlapping(
        self, family: str, first: int, last: int, ranges: bool, country: str | None
    ) -> Iterable[Lead]:
        """The old leads of ``family`` whose date range meets days [first, last] (ordinals):
        those dated to a single day, or (``ranges``) those dated to a longer range; of
        ``country`` or of none (``country`` None: of any)."""
        ...

    def of_events(self, event_ids: Iterable[str]) -> Iterable[Lead]:
        """The old leads of these events."""
        ...


@dataclass
class Replayed:
    """The replay's result: the old events to drop, the events to write (lists of leads,
    founder first), and how much it read and re-decided."""

    dropped: set[str] = field(default_factory=set)
    clusters: list[list[Lead]] = field(default_factory=list)
    read: int = 0
    decided: int = 0


class _Event:
    """An event of the new merge. Clean: an old event as it was, its members the old ones
    before the current position (added lazily from ``pending``); else explicit."""

    __slots__ = ("clean", "founder", "old", "open", "pending", "taken")

    def __init__(self, founder: Lead, old: str | None, pending: list[Lead] | None) -> None:
        self.founder, self.old, self.pending = founder, old, pending
        self.clean = pending is not None
        self.open: OpenEvent[Lead] = OpenEvent()
        self.taken = 0
        if pending is None:
            self.open.add(founder, founder.shape, founder.point, founder.article, founder.anchors)

    def advance(self, position: CanonicalKey) -> None:
        pending = self.pending
        assert pending is not None
        while self.taken < len(pending) and pending[self.taken].key < position:
            m = pending[self.taken]
            self.open.add(m, m.shape, m.point, m.article, m.anchors)
            self.taken += 1


def _reach(f: Lead, gap: int) -> tuple[int, int]:
    """Days a later report's date range must meet for its probe to return founder ``f``
    (filed on its day, or on each week its range touches)."""
    if f.first == f.last:
        return f.first - gap, f.last + gap
    return 7 * (f.first // 7) - gap, 7 * (f.last // 7) + 6 + gap


class _Family:
    """The replay of one family."""

    def __init__(
        self, family: str, gap: int, source: LeadSource, removed: set[str], dead: set[str]
    ) -> None:
        self.family, self.gap, self.source = family, gap, source
        self.removed, self.dead = removed, dead
        self.rows: dict[str, Lead] = {}
        self.days: DayBuckets[Lead] = DayBuckets()
        # windows read: of day-dated or range-dated leads, of one country or of all (None)
        self.read: dict[tuple[bool, str | None], ReadDays] = {
            (False, None): ReadDays(),
            (True, None): ReadDays(),
        }
        self.members: dict[str, list[Lead]] = {}
        self.events: list[_Event] = []
        self.index = ShapeIndex()
        self.of_old: dict[str, _Event] = {}
        self.heap: list[tuple[CanonicalKey, Lead]] = []
        self.queued: set[str] = set()
        self.decided = 0

    # -- reading old leads -------------------------------------------------------------------

    def know(self, rows: Iterable[Lead]) -> None:
        for r in rows:
            if r.id in self.rows:
                continue
            self.rows[r.id] = r
            self.days.add(r.first, r.last, r)
            assert r.event is not None
            self.members.setdefault(r.event, []).append(r)
            if r.event not in self.dead and event_id_of(r.id) == r.event:
                self._open(_Event(r, r.event, []))

    def ensure(self, first: int, last: int, pad: int, country: str | None) -> None:
        """Every old lead meeting [first, last] read, and those dated to a range also within
        ``pad`` days of it; of ``country`` or none (None: of any)."""
        for ranges, a, b in ((False, first, last), (True, first - pad, last + pad)):
            whole = self.read[ranges, None]
            for gap in whole.missing(a, b, mark=country is None):
                if country is not None:
                    read = self.read.setdefault((ranges, country), ReadDays())
                    parts = read.missing(*gap)
                else:
                    parts = [gap]
                for c, d in parts:
                    self.know(self.source.overlapping(self.family, c, d, ranges, country))

    def _open(self, e: _Event) -> None:
        self.index.add(e.founder.shape, len(self.events), e.founder.point)
        self.events.append(e)
        if e.old is not None:
            self.of_old[e.old] = e

    def _ready(self, events: list[_Event]) -> None:
        """Every old member of these clean events read (one query), in order."""
        todo = [e for e in events if e.pending == []]
        if todo:
            self.know(self.source.of_events([e.old for e in todo if e.old is not None]))
        for e in todo:
            assert e.old is not None
            e.pending = sorted(self.members[e.old], key=lambda m: m.key)

    # -- the replay --------------------------------------------------------------------------

    def push(self, m: Lead) -> None:
        if m.id not in self.queued:
            self.queued.add(m.id)
            heapq.heappush(self.heap, (m.key, m))

    def push_reach(self, e: _Event, position: CanonicalKey) -> None:
        """Every later old report whose probe returns this event's founder."""
        first, last = _reach(e.founder, self.gap)
        self.ensure(first, last, 0, e.founder.shape.country)  # others' probes skip it
        alone = ShapeIndex()
        alone.add(e.founder.shape, 0, e.founder.point)
        pushed = []
        for r in self.days.overlapping(first, last):
            later = r.key > position and r.id not in self.queued and r.id not in self.removed
            if later and alone.probe(r.shape, r.point):
                self.push(r)
                pushed.append(r.event)
        # their old events, read now in one query rather than one each when decided
        unread = {i for i in pushed if i is not None and i not in self.of_old}
        self.know(self.source.of_events(unread - self.dead))

    def differ(self, e: _Event, position: CanonicalKey) -> None:
        """A clean event starts to differ from the old one at ``position``."""
        self._ready([e])
        e.advance(position)
        e.clean = False
        self.push_reach(e, position)

    def _old(self, m: Lead) -> _Event | None:
        """m's old event when it is still clean at m (read by its id), with its members
        before m; else None."""
        if m.event is None or m.event in self.dead:
            return None
        if m.event not in self.of_old:
            self.know(self.source.of_events([m.event]))
        e = self.of_old.get(m.event)
        if e is None or not e.clean:
            return None
        self._ready([e])
        e.advance(m.key)
        return e

    def candidates(self, m: Lead, every: bool) -> list[_Event]:
        """The open events m's probe returns, in the order they were opened: all of them
        (``every``), or only those that differ from the old merge."""
        if every:
            # the probe returns founders of m's country or none, and reaches whole weeks of
            # founders dated to a range
            self.ensure(m.first - self.gap, m.last + self.gap, 6, m.shape.country)
        found = []
        for i in self.index.probe(m.shape, m.point):
            e = self.events[i]
            if e.founder.key < m.key and e.old not in self.dead and (every or not e.clean):
                found.append(e)
        self._ready([e for e in found if e.clean])
        for e in found:
            if e.clean:
                e.advance(m.key)
        return [e for e in found if e.open.members]

    def decide(self, m: Lead) -> None:
        """m's event in the new merge. When m's old event is still clean, the clean events
        m's probe returns are as they were, so the best of them is still m's old event (or,
        when m founded it, none passes): only the events that differ are compared with it."""
        self.decided += 1
        before = self._old(m)
        if before is None:
            found = self.candidates(m, True)
        else:
            found = self.candidates(m, False)
            if before.founder is not m:
                found.append(before)
        found.sort(key=lambda e: e.founder.key)  # ties: the event opened first
        best, best_key = None, (MIN_SIMILARITY, False)
        for e in found:
            key = e.open.preference(m.shape, m.point, m.article, (m.anchors, m.definite))
            if key is not None and key > best_key:
                best, best_key = e, key
        if best is None:
            if before is not None and before.founder is m:
                return  # founds its old event again
            best = _Event(m, None, None)
            self._open(best)
            self.push_reach(best, m.key)
        elif best is before:
            return  # joins its old event again
        else:
            if best.clean:
                self.differ(best, m.key)
            best.open.add(m, m.shape, m.point, m.article, m.anchors)
        if before is not None:
            self.differ(before, m.key)

    def run(self) -> Replayed:
        while self.heap:
            _, m = heapq.heappop(self.heap)
            self.decide(m)
        out = Replayed(set(self.dead), read=len(self.rows), decided=self.decided)
        for e in self.events:
            if not e.clean:
                if e.old is not None:
                    out.dropped.add(e.old)
                if e.open.members:
                    out.clusters.append(e.open.members)
        return out


def replay(
    inserted: Iterable[Lead],
    removed: set[str],
    dead: set[str],
    source: LeadSource,
) -> Replayed:
    """Replay the merge after ``inserted`` leads arrived (new, or re-read with their current
    key), the old leads ``removed`` left, and the old events ``dead`` lost a report."""
    families: dict[str, _Family] = {}

    def family(shape: Shape) -> _Family:
        key = family_key(shape)
        if key not in families:
            gap = group_of(shape.type).max_gap_days
            families[key] = _Family(key, gap, source, removed, dead)
        return families[key]

    for m in inserted:
        family(m.shape).push(m)
    by_family: dict[str, list[Lead]] = {}
    for r in source.of_events(dead):
        by_family.setdefault(family_key(r.shape), []).append(r)
    for rows in by_family.values():
        f = family(rows[0].shape)
        f.know(rows)
        for r in rows:
            if r.id not in removed:
                f.push(r)
    out = Replayed(set(dead))
    for f in families.values():
        done = f.run()
        out.dropped |= done.dropped
        out.clusters += done.clusters
        out.read += done.read
        out.decided += done.decided
    return out
