"""The merge job: after an ingest, replay the merge around what changed (flashpoint.merge.replay);
on request (or when the store's events were not made by this merge) merge everything.

What needs global state, and how it is kept exact:

- What changed: mentions not merged yet, and (listed by triggers) events that lost a mention
  and articles whose mentions were deleted or replaced, or whose date, outlet or duplicate link
  changed. Every mention of those articles is merged again (which act of a sentence leads
  depends on all of them), and the events they were in are made again from scratch.
- Event ids come from founders; the ids events were formerly known by are carried from the
  events dropped. A former id that is an event's id again is dropped everywhere
  (event_formerly says which events list it).
- Links (claim / denial) cross events: they are recomputed between the new events and the
  events near them in time, and events kept are rewritten when theirs change.
- Corrections are re-applied to every event written (in the same transaction).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date

from flashpoint.merge import (
    ArticleInfo,
    build_events,
    canonical_key,
    canonical_usable,
    link_all,
    merge_events,
    same_incident,
    with_joined,
)
from flashpoint.merge.anchors import anchors, from_stored
from flashpoint.merge.compat import MODE_CLASS, Shape, ordinal, precise_point, shape_of
from flashpoint.merge.days import SPAN_BOUNDS
from flashpoint.merge.keys import mention_keys
from flashpoint.merge.links import LINK_DAYS, LinkKey, find_links, link_key, relate
from flashpoint.merge.replay import Lead, replay
from flashpoint.records import Event, Mention
from flashpoint.store import LeadRow, MergedEvent, MergeUpdate, Probe, Store

__all__ = ["MergeResult", "merge_changed", "remerge"]


class MergeResult(dict[str, int]):
    """Counts of one merge: events written, old events dropped, mention records read, lead
    rows read by the replay, decisions re-made."""


def _infos(store: Store, article_ids: Iterable[str]) -> dict[str, ArticleInfo]:
    return {
        i: ArticleInfo(a.outlet, a.published, a.duplicate_of)
        for i, a in store.article_infos_of(article_ids).items()
    }


def _merged(events: Sequence[Event]) -> list[MergedEvent]:
    out = []
    for e in events:
        link = link_key(e)
        out.append(MergedEvent(e, link.role if link else None, link.day if link else None))
    return out


def _event_of(events: Iterable[Event]) -> dict[str, str]:
    return {s.mention_id: e.id for e in events for s in e.sources}


def remerge(store: Store) -> MergeResult:
    """Merge every stored mention again and rewrite every event (after a change of the merge
    rules, or once after an upgrade): the reference the incremental merge must equal."""
    mentions = store.mentions()
    infos = _infos(store, {m.article_id for m in mentions})
    events = link_all(
        merge_events(mentions, infos, store.previous_event_ids(), store.formerly_ids())
    )
    keys = mention_keys(mentions, infos, _event_of(events))
    written = store.write_merge(MergeUpdate(True, [], _merged(events), list(keys.values())))
    return MergeResult(events=written, dropped=0, mentions=len(mentions), rows=0, decided=0)


def _day(ordinal_day: int) -> str:
    return date.fromordinal(ordinal_day).isoformat()


def _lead(r: LeadRow) -> Lead:
    several = r.merge_key.split("|")[1] == "1"
    shape = Shape(
        r.type,
        several,
        MODE_CLASS.get(r.mode),
        r.start,
        r.end,
        r.precision,
        r.country,
        r.place_country,
        r.placed_in,
        bool(r.undated),
    )
    point = (r.lat, r.lon) if r.lat is not None and r.lon is not None else None
    key = (r.rank, r.start, r.published, r.article_id, r.at, r.id)
    return Lead(r.id, key, shape, point, r.event, (from_stored(r.anchors), bool(r.definite)))


class _StoreLeads:
    """The old leads, read from the store's indexed columns (see flashpoint.merge.replay)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.seen: dict[str, Lead] = {}  # a row read again (windows overlap) is not made again

    def _leads(self, rows: Iterable[LeadRow]) -> Iterator[Lead]:
        for r in rows:
            lead = self.seen.get(r.id)
            if lead is None:
                lead = self.seen[r.id] = _lead(r)
            yield lead

    def overlapping(
        self, family: str, first: int, last: int, ranges: bool, country: str | None
    ) -> Iterator[Lead]:
        bounds = list(enumerate((*SPAN_BOUNDS, None)))
        days = (_day(last), _day(first))
        probes = [
            Probe(family, span, None if b is None else _day(first - b), *days, country)
            for span, b in (bounds[1:] if ranges else bounds[:1])
        ]
        return self._leads(self.store.merge_leads(probes))

    def of_events(self, event_ids: Iterable[str]) -> Iterator[Lead]:
        return self._leads(self.store.merge_leads_of_events(event_ids))


def _new_lead(m: Mention, infos: Mapping[str, ArticleInfo]) -> Lead:
    key = canonical_key(m, infos)
    return Lead(m.id, key, shape_of(m), precise_point(m), None, (anchors(m), m.definite))


def merge_changed(store: Store) -> MergeResult:
    """Replay the merge around new, changed or deleted mentions; the result equals
    :func:`remerge` (tests/test_incremental_merge.py)."""
    if store.remerge_needed():
        return remerge(store)
    dead, articles = store.merge_changes()
    articles |= store.unmerged_articles()
    if not articles:
        return MergeResult(events=0, dropped=0, mentions=0, rows=0, decided=0)
    current = store.mentions_of_articles(articles)
    was = store.merged_event_of_articles(articles)
    dead |= {e for e in was.values() if e}
    infos = _infos(store, articles)
    leads, _ = same_incident(canonical_usable(current, infos))
    done = replay([_new_lead(m, infos) for m in leads], set(was), dead, _StoreLeads(store))
    more = {lead.key[3] for c in done.clusters for lead in c} - articles
    loaded = current + store.mentions_of_articles(more)
    infos |= _infos(store, more)
    usable = canonical_usable(loaded, infos)
    _, joins = same_incident(usable)
    by_id = {m.id: m for m in usable}
    clusters = with_joined([[by_id[x.id] for x in c] for c in done.clusters], usable, joins)
    members = [m.id for c in clusters for m in c]
    old_events = store.pipeline_events_of(done.dropped)
    carried = {e.id: [i for i, rel in e.related if rel == "formerly"] for e in old_events}
    events = build_events(clusters, infos, store.events_of_mentions(members), carried)
    events, relinked = _relate(store, events, old_events, done.dropped)
    keys = mention_keys(loaded, infos, _event_of(events))
    wanted = {m.id for m in current} | set(members)
    update = MergeUpdate(
        False, sorted(done.dropped), _merged(events), [keys[i] for i in sorted(wanted)], relinked
    )
    written = store.write_merge(update)
    return MergeResult(
        events=written,
        dropped=len(done.dropped),
        mentions=len(loaded),
        rows=done.read,
        decided=done.decided,
    )


def _link_windows(keys: Iterable[LinkKey]) -> list[tuple[str, str]]:
    days = sorted({ordinal(k.day) for k in keys})
    return [(_day(d - LINK_DAYS), _day(d + LINK_DAYS)) for d in days]


def _relate(
    store: Store, events: list[Event], old: list[Event], dropped: set[str]
) -> tuple[list[Event], list[Event]]:
    """Former ids and links of the new events, and the events kept whose former ids or links
    change with them."""
    new_ids = {e.id for e in events}
    old_ids = {e.id for e in old}
    # a former id that is the id of an event kept is no former id
    formerly = {i for e in events for i, rel in e.related if rel == "formerly"}
    current = store.existing_events(formerly) - dropped
    events = [
        replace(e, related=tuple(r for r in e.related if r[0] not in current)) for e in events
    ]
    # links: between the new events and the linkable events near them (or near the old ones)
    new_keys = [k for k in map(link_key, events) if k is not None]
    old_keys = [k for k in map(link_key, old) if k is not None]
    near = [
        LinkKey(i, role in ("denial", "both"), role in ("claim", "both"), d, frozenset(c.split()))
        for i, role, d, c in store.linkable_events(_link_windows([*new_keys, *old_keys]))
        if i not in dropped
    ]
    links = find_links([*new_keys, *near])
    events = [relate(e, links.get(e.id, ())) for e in events]
    # events kept: linked to an old event, linked to a new one, or formerly a new id
    touched = {k.id for k in near if any(o in new_ids for o, _ in links.get(k.id, ()))}
    touched |= {i for e in old for i, rel in e.related if rel != "formerly"} - old_ids
    touched |= store.formerly_holders(new_ids) - dropped
    relinked = []
    for u in store.pipeline_events_of(touched - old_ids - new_ids):
        kept = {r for r in u.related if r[1] != "formerly" and r[0] not in old_ids}
        kept |= {r for r in links.get(u.id, ()) if r[0] in new_ids}
        former = tuple(r for r in u.related if r[1] == "formerly" and r[0] not in new_ids)
        again = replace(u, related=tuple(sorted(kept)) + former)
        if again != u:
            relinked.append(again)
    return events, relinked
