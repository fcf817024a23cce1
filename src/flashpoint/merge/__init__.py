"""Merge: mentions in, events out. Reports of one event merge; look-alikes stay apart.

Public entry: :func:`merge_reports`. Mentions are visited in a canonical order (most precise
date first, then date, publication, article, offset), never in ingest order, so the result
does not depend on the order articles arrived. Each mention joins the most similar open
event it is compatible with (every member must pass the hard tests, and a report from
another article must share an anchor with a member: see merge/anchors.py) or starts a new one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from flashpoint.confidence import event_confidence
from flashpoint.groups import FOLDED_SUB_EVENTS
from flashpoint.merge.choose import (
    PRECISION_RANK,
    choose_actors,
    choose_count,
    choose_date,
    choose_mode,
    choose_place,
    choose_type,
)
from flashpoint.merge.cluster import MIN_SIMILARITY, greedy_clusters
from flashpoint.merge.compat import MODE_CLASS, group_of
from flashpoint.merge.links import LINK_DAYS, find_links, link_key, relate
from flashpoint.ontology import EventType, load_ontology
from flashpoint.records import STATE_ROLES, Event, Mention, Source

__all__ = [
    "LINK_DAYS",
    "MIN_SIMILARITY",
    "ArticleInfo",
    "CanonicalKey",
    "build_events",
    "canonical_key",
    "canonical_usable",
    "event_id_of",
    "incident_key",
    "link_all",
    "merge_events",
    "merge_reports",
    "same_incident",
    "with_joined",
]

EVENT_MODES = frozenset({"happened", "claimed", "planned", "threatened", "denied"})
INCIDENT_FAMILIES = frozenset({"violence", "explosion", "posture", "riot"})
# ACLED codes civilians harmed by remote violence (a drone strike "killing two civilians") as
# Explosions/Remote violence, not as Violence against civilians: of equal rank, it leads.
REMOTE_FIRST = {"Explosions/Remote violence": 1}
PROTEST_ARRESTS = frozenset({"arrest"})


CanonicalKey = tuple[int, str, str, str, int, str]


@dataclass(frozen=True)
class ArticleInfo:
    outlet: str | None
    published: str | None
    duplicate_of: str | None = None


def canonical_key(m: Mention, articles: Mapping[str, ArticleInfo]) -> CanonicalKey:
    """Where a mention sorts: most precise date first, then date, publication, article,
    offset; the id last, so two acts of one trigger sort the same whatever order they came in."""
    assert m.date is not None
    info = articles.get(m.article_id)
    return (
        PRECISION_RANK.get(m.date.precision, 9),
        m.date.start,
        info.published if info and info.published else "",
        m.article_id,
        m.trigger.start,
        m.id,
    )


def _summary(m: Mention) -> bool:
    """A sentence that counts several incidents of a day or week ("the three crossings in
    the past two weeks") summarises events reported on their own; it founds none. A series
    over a month or a year ("10 accidents this year") is an event of that precision."""
    return m.several and m.date is not None and m.date.precision in ("day", "week")


def incident_key(m: Mention) -> tuple[object, ...] | None:
    """Acts of force, posture or rioting, and the looting or destruction around them, in one
    sentence with one date and mode class may be one incident (see same_incident); None for
    other acts."""
    assert m.date is not None
    entry = load_ontology()[m.type]
    folded = entry.acled_sub_event_type in FOLDED_SUB_EVENTS
    if entry.family not in INCIDENT_FAMILIES and not folded and not _protest_part(m.type):
        return None
    return (m.article_id, m.sentence.start, m.date.start, m.date.end, MODE_CLASS.get(m.mode))


def same_incident(ordered: list[Mention]) -> tuple[list[Mention], dict[str, str]]:
    """One sentence, one date, acts of force or posture by the same actor (or by one left
    unnamed): one incident, as ACLED codes it ("troops crossed and were fired on"). The
    mention of ACLED's highest type leads; the others join its event. Returns the leads and
    ``joined mention id -> lead id``."""
    ontology = load_ontology()
    by_sentence: dict[tuple[object, ...], list[Mention]] = {}
    for m in ordered:
        key = incident_key(m)
        if key is not None:
            by_sentence.setdefault(key, []).append(m)
    joins: dict[str, str] = {}
    for members in by_sentence.values():
        lead = max(members, key=lambda m: _lead_rank(m, ontology))
        for m in members:
            if m is not lead and _joins(m, lead):
                joins[m.id] = lead.id
    return [m for m in ordered if m.id not in joins], joins


def _protest_part(event_type: str) -> bool:
    return event_type in PROTEST_ARRESTS or load_ontology()[event_type].family == "protest"


def _joins(m: Mention, lead: Mention) -> bool:
    """Acts of force join a lead of another group by the same actor; arrests join the protest
    broken up in their sentence (ACLED: a protest with intervention, arrests included), and
    nothing else joins a protest or an arrest."""
    if group_of(m.type) == group_of(lead.type) or lead.type in PROTEST_ARRESTS:
        return False
    if load_ontology()[lead.type].family == "protest":
        return m.type in PROTEST_ARRESTS
    return not _protest_part(m.type) and _same_actor(m, lead)


def _lead_rank(m: Mention, ontology: Mapping[str, EventType]) -> tuple[int, int, float]:
    entry = ontology[m.type]
    return entry.acled_rank, REMOTE_FIRST.get(entry.acled_event_type or "", 0), m.confidence


def _same_actor(a: Mention, b: Mention) -> bool:
    """One actor, or one left unnamed; a state's government and its forces act as one ("China
    began drills, deploying warships": Government and Military Forces of China)."""
    x, y = a.actor1, b.actor1
    if x is None or y is None or x.name == y.name:
        return True
    state = x.role in STATE_ROLES and y.role in STATE_ROLES
    return state and x.country is not None and x.country == y.country


def event_id_of(founder_id: str) -> str:
    """An event's id: a hash of its founding mention's id."""
    return "ev" + hashlib.sha256(founder_id.encode()).hexdigest()[:14]


def _build(members: list[Mention], event_id: str, articles: Mapping[str, ArticleInfo]) -> Event:
    event_type, type_rule = choose_type(members)
    mode, mode_rule = choose_mode(members)
    when, date_rule = choose_date(members)
    place, place_rule = choose_place(members)
    conflicts: list[tuple[str, str]] = []
    counts = {}
    for kind in ("participants", "injured", "killed"):
        counts[kind], notes = choose_count(members, kind)
        conflicts.extend((kind, note) for note in notes)
    sources = []
    for m in members:
        info = articles.get(m.article_id, ArticleInfo(None, None))
        sources.append(
            Source(
                m.article_id,
                m.id,
                info.outlet,
                info.published,
                m.sentence.text,
                m.raw_start,
                m.raw_end,
                info.duplicate_of,
            )
        )
    outlets = {s.outlet or s.article_id for s in sources if s.duplicate_of is None}
    return Event(
        id=event_id,
        type=event_type,
        mode=mode,
        date=when,
        actors=choose_actors(members, place),
        location=place,
        participants=counts["participants"],
        injured=counts["injured"],
        killed=counts["killed"],
        sources=tuple(sources),
        chosen=(
            ("type", type_rule),
            ("mode", mode_rule),
            ("date", date_rule),
            ("location", place_rule),
            ("counts", "lowest figure reported (ACLED)"),
        ),
        conflicts=tuple(conflicts),
        n_outlets=len(outlets),
        confidence=event_confidence([m.confidence for m in members], len(outlets)),
    )


def _assign_ids(
    clusters: list[list[Mention]],
    previous: Mapping[str, str],
    carried: Mapping[str, Sequence[str]],
) -> tuple[list[str], dict[str, list[str]]]:
    """An event's id hashes its founding mention (the first in canonical order: most precise
    date, earliest, earliest published), so ids do not depend on ingest order, and a report
    published later attaches without changing the id. When a report that sorts first arrives
    late (a backfill), the id changes and the old one is kept as a 'formerly' link; ids an
    earlier event was formerly known by (``carried``) stay with it."""
    ids = [event_id_of(members[0].id) for members in clusters]
    current = set(ids)
    formerly: dict[str, list[str]] = {}
    for event_id, members in zip(ids, clusters, strict=True):
        old = set()
        for m in members:
            before = previous.get(m.id)
            if before is not None:
                old.add(before)
                old.update(carried.get(before, ()))
        old -= current
        if old:
            formerly[event_id] = sorted(old)
    return ids, formerly


def canonical_usable(
    mentions: Iterable[Mention], articles: Mapping[str, ArticleInfo]
) -> list[Mention]:
    """The mentions that can make events, in canonical order."""
    usable = [
        m
        for m in mentions
        if not m.dropped and m.mode in EVENT_MODES and m.date is not None and not _summary(m)
    ]
    usable.sort(key=lambda m: canonical_key(m, articles))
    return usable


def merge_events(
    mentions: Iterable[Mention],
    articles: Mapping[str, ArticleInfo],
    previous: Mapping[str, str] | None = None,
    carried: Mapping[str, Sequence[str]] | None = None,
) -> list[Event]:
    """Events from mentions, before links between events: ``related`` holds only the ids each
    was formerly known by. ``previous`` maps mention id -> event id from an earlier merge, so
    an event keeps its id when new reports attach to it; ``carried`` maps such an event id to
    the ids it was formerly known by."""
    usable = canonical_usable(mentions, articles)
    leads, joins = same_incident(usable)
    clusters = with_joined(greedy_clusters(leads), usable, joins)
    return build_events(clusters, articles, previous or {}, carried or {})


def with_joined(
    clusters: list[list[Mention]], usable: Sequence[Mention], joins: Mapping[str, str]
) -> list[list[Mention]]:
    """The clusters of leads with the acts joined to each lead (see same_incident) appended,
    in canonical order (``usable``)."""
    where = {m.id: i for i, members in enumerate(clusters) for m in members}
    for m in usable:
        lead = joins.get(m.id)
        if lead is not None and lead in where:  # a lead outside these clusters keeps its own
            clusters[where[lead]].append(m)
    return clusters


def build_events(
    clusters: list[list[Mention]],
    articles: Mapping[str, ArticleInfo],
    previous: Mapping[str, str],
    carried: Mapping[str, Sequence[str]],
) -> list[Event]:
    """One event per cluster (founder first), with the ids it was formerly known by."""
    ids, formerly = _assign_ids(clusters, previous, carried)
    return [
        replace(
            _build(members, ids[i], articles),
            related=tuple((old, "formerly") for old in formerly.get(ids[i], [])),
        )
        for i, members in enumerate(clusters)
    ]


def link_all(events: list[Event]) -> list[Event]:
    """Every event with its links to the others (claims and the denials that deny them)."""
    keys = [k for k in map(link_key, events) if k is not None]
    links = find_links(keys)
    return [relate(e, links.get(e.id, ())) for e in events]


def merge_reports(
    mentions: Iterable[Mention],
    articles: Mapping[str, ArticleInfo],
    previous: Mapping[str, str] | None = None,
    carried: Mapping[str, Sequence[str]] | None = None,
) -> list[Event]:
    """Events from mentions, linked. ``previous`` maps mention id -> event id from an earlier
    merge, so an event keeps its id when new reports attach to it (see merge_events)."""
    return link_all(merge_events(mentions, articles, previous, carried))
