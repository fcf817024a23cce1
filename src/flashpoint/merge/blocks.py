"""Merge blocks: the parts of the merge that can be recomputed on their own.

Two mentions are in one block when they are connected by a chain of pairs that could share
an event: ``could_merge`` (every hard test of the merge but the place) between mentions that
lead their event, and the acts of one sentence that may be one incident (``same_incident``).

Why merging block by block gives exactly the merge of everything: a mention joins an event
only if it passes the hard tests with every member, so every event lies inside one block,
and what a mention does (join which event, or found one) depends only on the events before
it in canonical order that it could join, all in its block. Canonical order restricted to a
block is the block's own canonical order, and ties go to the event opened first, which is
also kept. So the greedy merge of a block's mentions alone builds the block's events as the
merge of all mentions does. Event ids hash the founder, which is in the block.

A block is named after its smallest mention id, so the name depends only on its mentions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from flashpoint.merge import ArticleInfo, canonical_usable, incident_key, same_incident
from flashpoint.merge.cluster import ShapeIndex, family_key
from flashpoint.merge.compat import (
    MODE_CLASS,
    Shape,
    group_of,
    ordinal,
    shape_of,
    shapes_could_merge,
)
from flashpoint.records import Mention

__all__ = ["SPAN_BOUNDS", "BlockKey", "Window", "block_keys", "neighbour_shape", "window"]

SPAN_BOUNDS = (0, 7, 31, 366)  # days from start to end of each span class; the last: longer


@dataclass(frozen=True)
class BlockKey:
    """A mention's block ('' when it makes no event) and, when it leads its event, the keys
    of the index its neighbours are found by: family, span class and country."""

    block: str
    merge_key: str | None = None
    span_class: int | None = None
    country: str | None = None


@dataclass(frozen=True)
class Window:
    """Where mentions that could merge with a shape lie: its family, and the days its
    neighbours' date ranges must reach (the shape's range widened by the group's gap)."""

    merge_key: str
    first: int  # ordinal day
    last: int


def span_class(shape: Shape) -> int:
    span = ordinal(shape.end) - ordinal(shape.start)
    return next((i for i, bound in enumerate(SPAN_BOUNDS) if span <= bound), len(SPAN_BOUNDS))


def window(shape: Shape) -> Window:
    gap = group_of(shape.type).max_gap_days
    return Window(family_key(shape), ordinal(shape.start) - gap, ordinal(shape.end) + gap)


def day(ordinal_day: int) -> str:
    return date.fromordinal(ordinal_day).isoformat()


def neighbour_shape(
    merge_key: str, type_: str, mode: str, start: str, end: str, precision: str, country: str | None
) -> Shape:
    """The shape of a stored mention from its indexed columns."""
    several = merge_key.split("|")[1] == "1"
    return Shape(type_, several, MODE_CLASS.get(mode), start, end, precision, country)


class _Components:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = x
        while self.parent.setdefault(root, root) != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # the root is the smallest id


def block_keys(
    mentions: Iterable[Mention], articles: Mapping[str, ArticleInfo]
) -> dict[str, BlockKey]:
    """Every mention's block key, by mention id. Given every mention of some whole blocks,
    the keys are those a merge of all mentions would give."""
    mentions = list(mentions)
    usable = canonical_usable(mentions, articles)
    leads, _ = same_incident(usable)
    parts = _Components()
    first_of: dict[Shape, str] = {}
    index = ShapeIndex()
    distinct: list[Shape] = []
    shapes: dict[str, Shape] = {}
    for m in leads:
        shape = shapes[m.id] = shape_of(m)
        parts.find(m.id)
        if shape in first_of:
            parts.union(first_of[shape], m.id)  # one shape: mutually compatible
            continue
        first_of[shape] = m.id
        for other in index.probe(shape):
            if shapes_could_merge(shape, distinct[other]):
                parts.union(first_of[distinct[other]], m.id)
        index.add(shape, len(distinct))
        distinct.append(shape)
    # A sentence's acts are one block: which of them leads (and so which join it) depends on
    # all of them, also on those that join no one.
    sentences: dict[tuple[object, ...], str] = {}
    for m in usable:
        key = incident_key(m)
        if key is not None:
            parts.union(sentences.setdefault(key, m.id), m.id)
    keys = {m.id: BlockKey("") for m in mentions}
    for m in usable:
        block = parts.find(m.id)
        led = shapes.get(m.id)
        if led is None:  # joined to its sentence's lead: found through the lead
            keys[m.id] = BlockKey(block)
        else:
            keys[m.id] = BlockKey(block, family_key(led), span_class(led), led.country)
    return keys
