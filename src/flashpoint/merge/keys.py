"""What the merge files for each mention, so the next merge can replay around it without reading
its record: its event, and for a mention that leads its event, its family, span class, country,
canonical sort key, precise point and anchors (see flashpoint.merge.replay)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from flashpoint.merge import ArticleInfo, canonical_key, canonical_usable, same_incident
from flashpoint.merge.anchors import anchors, stored
from flashpoint.merge.cluster import family_key
from flashpoint.merge.compat import ordinal, precise_point, shape_of
from flashpoint.merge.days import span_class
from flashpoint.records import Mention
from flashpoint.store import MentionKey

__all__ = ["mention_keys"]


def mention_keys(
    mentions: Iterable[Mention], articles: Mapping[str, ArticleInfo], event_of: Mapping[str, str]
) -> dict[str, MentionKey]:
    """The keys of these mentions (given with every mention of their articles, so which act of
    a sentence leads is known), by id; ``event_of`` maps mention id -> event id."""
    mentions = list(mentions)
    keys = {m.id: MentionKey(m.id, "") for m in mentions}
    usable = canonical_usable(mentions, articles)
    for m in usable:
        keys[m.id] = MentionKey(m.id, event_of.get(m.id, ""))
    leads, _ = same_incident(usable)
    for m in leads:
        shape, point = shape_of(m), precise_point(m)
        rank, _, published, _, at, _ = canonical_key(m, articles)
        lat, lon = point if point is not None else (None, None)
        span = span_class(ordinal(shape.start), ordinal(shape.end))
        event = keys[m.id].event
        keys[m.id] = MentionKey(
            m.id,
            event,
            family_key(shape),
            span,
            shape.country,
            rank,
            published,
            at,
            lat,
            lon,
            shape.place_country,
            shape.placed_in,
            shape.undated,
            stored(anchors(m)),
            m.definite,
        )
    return keys
