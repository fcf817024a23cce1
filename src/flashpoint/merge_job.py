"""The merge job: after an ingest, merge again only the blocks that changed; on request (or
when the store's events were not made block by block) merge everything.

What needs global state, and how it is kept exact:

- Blocks (flashpoint.merge.blocks) are found from the new mentions through an index of merged
  mentions (type group, summary, mode class, span class, date); blocks left dirty by deleted
  or replaced mentions, or by articles whose duplicate link changed, are listed by triggers.
- Event ids come from founders, inside a block; the ids events were formerly known by are
  carried from the old events of the block. A former id that is an event's id again is
  dropped everywhere (event_formerly says which events list it).
- Links (claim / denial) cross blocks: they are recomputed between the new events and the
  events near them in time, and events outside the merged blocks are rewritten when theirs
  change.
- Corrections are re-applied to every event written (in the same transaction).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from flashpoint.merge import ArticleInfo, link_all, merge_events
from flashpoint.merge.blocks import (
    SPAN_BOUNDS,
    BlockKey,
    Window,
    block_keys,
    day,
    neighbour_shape,
    window,
)
from flashpoint.merge.cluster import ShapeIndex
from flashpoint.merge.compat import ordinal, shape_of, shapes_could_merge
from flashpoint.merge.links import LINK_DAYS, LinkKey, find_links, link_key, relate
from flashpoint.records import Event, Mention
from flashpoint.store import MentionKey, MergedEvent, MergeUpdate, Probe, Store

__all__ = ["MergeResult", "merge_changed", "remerge"]


class MergeResult(dict[str, int]):
    """Counts of one merge: events written, blocks merged, mentions read."""


def _infos(store: Store, article_ids: Iterable[str]) -> dict[str, ArticleInfo]:
    return {
        i: ArticleInfo(a.outlet, a.published, a.duplicate_of)
        for i, a in store.article_infos_of(article_ids).items()
    }


def _merged(events: Sequence[Event], keys: Mapping[str, BlockKey]) -> list[MergedEvent]:
    out = []
    for e in events:
        link = link_key(e)
        block = keys[e.sources[0].mention_id].block
        out.append(MergedEvent(e, block, link.role if link else None, link.day if link else None))
    return out


def _mention_keys(keys: Mapping[str, BlockKey]) -> list[MentionKey]:
    return [MentionKey(i, k.block, k.merge_key, k.span_class, k.country) for i, k in keys.items()]


def remerge(store: Store) -> MergeResult:
    """Merge every stored mention again and rewrite every event (after a change of the merge
    rules, or once after an upgrade): the reference the incremental merge must equal."""
    mentions = store.mentions()
    infos = _infos(store, {m.article_id for m in mentions})
    events = link_all(
        merge_events(mentions, infos, store.previous_event_ids(), store.formerly_ids())
    )
    keys = block_keys(mentions, infos)
    written = store.write_merge(MergeUpdate(True, [], _merged(events, keys), _mention_keys(keys)))
    blocks = len({k.block for k in keys.values() if k.block})
    return MergeResult(events=written, blocks=blocks, mentions=len(mentions))


def _probes(windows: Iterable[Window]) -> list[Probe]:
    """Index probes for these windows, overlapping windows of one family read once."""
    by_key: dict[str, list[tuple[int, int]]] = {}
    for w in set(windows):
        by_key.setdefault(w.merge_key, []).append((w.first, w.last))
    probes = []
    for key, spans in sorted(by_key.items()):
        spans.sort()
        joined = [list(spans[0])]
        for first, last in spans[1:]:
            if first <= joined[-1][1] + 1:
                joined[-1][1] = max(joined[-1][1], last)
            else:
                joined.append([first, last])
        for first, last in joined:
            for span, bound in enumerate((*SPAN_BOUNDS, None)):
                start_from = None if bound is None else day(first - bound)
                probes.append(Probe(key, span, start_from, day(last), day(first)))
    return probes


def _neighbour_blocks(store: Store, new: Sequence[Mention]) -> set[str]:
    """Blocks of merged mentions that could merge with any of the new ones."""
    shapes = [shape_of(m) for m in new if m.date is not None]
    index = ShapeIndex()
    for i, shape in enumerate(shapes):
        index.add(shape, i)
    blocks = set()
    for n in store.merge_neighbours(_probes(window(s) for s in shapes)):
        theirs = neighbour_shape(
            n.merge_key, n.type, n.mode, n.start, n.end, n.precision, n.country
        )
        if any(shapes_could_merge(theirs, shapes[i]) for i in index.probe(theirs)):
            blocks.add(n.block)
    return blocks


def _link_windows(keys: Iterable[LinkKey]) -> list[tuple[str, str]]:
    days = sorted({ordinal(k.day) for k in keys})
    return [(day(d - LINK_DAYS), day(d + LINK_DAYS)) for d in days]


def merge_changed(store: Store) -> MergeResult:
    """Merge the blocks new, changed or deleted mentions touch; the result equals
    :func:`remerge` (tests/test_incremental_merge.py)."""
    if store.remerge_needed():
        return remerge(store)
    pending = store.unmerged_mentions()
    blocks = store.dirty_blocks()
    if not pending and not blocks:
        return MergeResult(events=0, blocks=0, mentions=0)
    mates = store.mention_blocks_of_articles({m.article_id for m in pending})
    blocks |= {b for b in mates.values() if b}
    blocks |= _neighbour_blocks(store, pending)
    blocks.discard("")
    loaded = pending + store.mentions_in_blocks(blocks)
    infos = _infos(store, {m.article_id for m in loaded})
    keys = block_keys(loaded, infos)
    old_events = store.events_in_blocks(blocks)
    carried = {e.id: [i for i, rel in e.related if rel == "formerly"] for e in old_events}
    previous = store.events_of_mentions(m.id for m in loaded)
    events = merge_events(loaded, infos, previous, carried)
    events, relinked = _relate(store, events, old_events, blocks)
    update = MergeUpdate(False, sorted(blocks), _merged(events, keys), _mention_keys(keys))
    update.relinked = [MergedEvent(e, None) for e in relinked]
    written = store.write_merge(update)
    return MergeResult(events=written, blocks=len(blocks), mentions=len(loaded))


def _relate(
    store: Store, events: list[Event], old: list[Event], blocks: set[str]
) -> tuple[list[Event], list[Event]]:
    """Former ids and links of the new events, and the events outside ``blocks`` whose
    former ids or links change with them."""
    new_ids = {e.id for e in events}
    old_ids = {e.id for e in old}

    def outside(found: Mapping[str, str | None]) -> set[str]:
        return {i for i, block in found.items() if block not in blocks}

    # a former id that is an event's id outside these blocks is no former id
    formerly = {i for e in events for i, rel in e.related if rel == "formerly"}
    current = outside(store.event_blocks(formerly))
    events = [
        replace(e, related=tuple(r for r in e.related if r[0] not in current)) for e in events
    ]
    # links: between the new events and the linkable events near them (or near the old ones)
    new_keys = [k for k in map(link_key, events) if k is not None]
    old_keys = [k for k in map(link_key, old) if k is not None]
    near = [
        LinkKey(i, role in ("denial", "both"), role in ("claim", "both"), d, frozenset(c.split()))
        for i, role, d, c, block in store.linkable_events(_link_windows([*new_keys, *old_keys]))
        if block not in blocks
    ]
    links = find_links([*new_keys, *near])
    events = [relate(e, links.get(e.id, ())) for e in events]
    # outside events: linked to an old event, linked to a new one, or formerly a new id
    touched = {k.id for k in near if any(o in new_ids for o, _ in links.get(k.id, ()))}
    touched |= {i for e in old for i, rel in e.related if rel != "formerly"} - old_ids
    touched |= outside(store.formerly_holders(new_ids))
    relinked = []
    for u in store.pipeline_events_of(touched - old_ids - new_ids):
        kept = {r for r in u.related if r[1] != "formerly" and r[0] not in old_ids}
        kept |= {r for r in links.get(u.id, ()) if r[0] in new_ids}
        former = tuple(r for r in u.related if r[1] == "formerly" and r[0] not in new_ids)
        again = replace(u, related=tuple(sorted(kept)) + former)
        if again != u:
            relinked.append(again)
    return events, relinked
