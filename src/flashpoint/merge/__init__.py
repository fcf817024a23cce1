"""Merge: mentions in, events out. Reports of one event merge; look-alikes stay apart.

Public entry: :func:`merge_reports`. Mentions are visited in a canonical order (most precise
date first, then date, publication, article, offset), never in ingest order, so the result
does not depend on the order articles arrived. Each mention joins the most similar open
event it is compatible with (every member must pass the hard tests) or starts a new one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from flashpoint.confidence import event_confidence
from flashpoint.merge.choose import (
    PRECISION_RANK,
    choose_actors,
    choose_count,
    choose_date,
    choose_mode,
    choose_place,
    choose_type,
)
from flashpoint.merge.compat import MODE_CLASS, compatible, group_of, similarity
from flashpoint.ontology import load_ontology
from flashpoint.records import Event, Mention, Source

__all__ = ["ArticleInfo", "merge_reports"]

EVENT_MODES = frozenset({"happened", "claimed", "planned", "threatened", "denied"})
INCIDENT_FAMILIES = frozenset({"violence", "explosion", "posture"})
MIN_SIMILARITY = 0.2
LINK_DAYS = 14


@dataclass(frozen=True)
class ArticleInfo:
    outlet: str | None
    published: str | None
    duplicate_of: str | None = None


def _canonical(m: Mention, articles: Mapping[str, ArticleInfo]) -> tuple[object, ...]:
    assert m.date is not None
    info = articles.get(m.article_id)
    return (
        PRECISION_RANK.get(m.date.precision, 9),
        m.date.start,
        info.published if info and info.published else "",
        m.article_id,
        m.trigger.start,
    )


def _weeks(start: str, end: str, pad_days: float) -> range:
    """Week numbers (days since 1970 // 7) covering [start - pad, end + pad]."""
    first = (date.fromisoformat(start).toordinal() - int(pad_days)) // 7
    last = (date.fromisoformat(end).toordinal() + int(pad_days)) // 7
    return range(first, last + 1)


def _country_key(m: Mention) -> str | None:
    """The block a mention's actor country puts it in (None: no country, compared with all)."""
    return m.actor1.country if m.actor1 is not None and m.actor1.country else None


def _cluster(mentions: list[Mention]) -> list[list[Mention]]:
    """Greedy clustering; candidates come from a (type group, week, actor country) index, so
    each mention is compared only with events of its family, near it in time and of its
    country (or of none): about n log n overall, not n squared."""
    clusters: list[list[Mention]] = []
    index: dict[tuple[str, int], dict[str | None, list[int]]] = {}
    for m in mentions:
        assert m.date is not None
        group = group_of(m.type)
        pad = group.max_gap_days + 3 * group.tau_days
        country = _country_key(m)
        candidates: set[int] = set()
        for w in _weeks(m.date.start, m.date.end, pad):
            blocks = index.get((group.name, w), {})
            if country is None:  # compatible with any country
                candidates.update(c for block in blocks.values() for c in block)
            else:
                candidates.update(blocks.get(country, ()))
                candidates.update(blocks.get(None, ()))
        best, best_score = -1, MIN_SIMILARITY
        for c in sorted(candidates):
            members = clusters[c]
            if not all(compatible(m, other) for other in members):
                continue
            score = sum(similarity(m, other) for other in members) / len(members)
            if score > best_score:
                best, best_score = c, score
        if best < 0:
            best = len(clusters)
            clusters.append([m])
        else:
            clusters[best].append(m)
        for w in _weeks(m.date.start, m.date.end, 0):
            bucket = index.setdefault((group.name, w), {}).setdefault(country, [])
            if not bucket or bucket[-1] != best:
                bucket.append(best)
    return clusters


def _same_incident(ordered: list[Mention]) -> tuple[list[Mention], dict[str, str]]:
    """One sentence, one date, acts of force or posture by the same actor (or by one left
    unnamed): one incident, as ACLED codes it ("troops crossed and were fired on"). The
    mention of ACLED's highest type leads; the others join its event. Returns the leads and
    ``joined mention id -> lead id``."""
    ontology = load_ontology()
    by_sentence: dict[tuple[object, ...], list[Mention]] = {}
    for m in ordered:
        assert m.date is not None
        if ontology[m.type].family in INCIDENT_FAMILIES:
            key = (m.article_id, m.sentence.start, m.date.start, m.date.end, MODE_CLASS.get(m.mode))
            by_sentence.setdefault(key, []).append(m)
    joins: dict[str, str] = {}
    for members in by_sentence.values():
        lead = max(members, key=lambda m: (ontology[m.type].acled_rank, m.confidence))
        for m in members:
            if m is not lead and group_of(m.type) != group_of(lead.type) and _same_actor(m, lead):
                joins[m.id] = lead.id
    return [m for m in ordered if m.id not in joins], joins


def _same_actor(a: Mention, b: Mention) -> bool:
    if a.actor1 is None or b.actor1 is None:
        return True
    return a.actor1.name == b.actor1.name


def _event_id(founder: Mention) -> str:
    return "ev" + hashlib.sha256(founder.id.encode()).hexdigest()[:14]


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
        actors=choose_actors(members),
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
    clusters: list[list[Mention]], previous: Mapping[str, str]
) -> tuple[list[str], dict[str, list[str]]]:
    """An event's id hashes its founding mention (the first in canonical order: most precise
    date, earliest, earliest published), so ids do not depend on ingest order, and a report
    published later attaches without changing the id. When a report that sorts first arrives
    late (a backfill), the id changes and the old one is kept as a 'formerly' link."""
    ids = [_event_id(members[0]) for members in clusters]
    current = set(ids)
    formerly: dict[str, list[str]] = {}
    for event_id, members in zip(ids, clusters, strict=True):
        old = {previous[m.id] for m in members if m.id in previous} - current
        if old:
            formerly[event_id] = sorted(old)
    return ids, formerly


def _links(events: list[Event]) -> list[Event]:
    """A denial is linked to the claims it denies: same country, within two weeks."""
    from dataclasses import replace

    def countries(e: Event) -> set[str]:
        return {a.country for a in e.actors if a.country}

    def near(a: Event, b: Event) -> bool:
        if a.date is None or b.date is None:
            return False
        gap = abs(date.fromisoformat(a.date.start) - date.fromisoformat(b.date.start))
        return gap <= timedelta(days=LINK_DAYS)

    denials = [e for e in events if e.mode == "denied" or e.type == "denial"]
    claims = [e for e in events if e.mode == "claimed" or e.type in ("claim", "accusation")]
    links: dict[str, list[tuple[str, str]]] = {}
    for d in denials:
        for c in claims:
            if c.id != d.id and near(c, d) and countries(c) & countries(d):
                links.setdefault(d.id, []).append((c.id, "denies"))
                links.setdefault(c.id, []).append((d.id, "denied_by"))
    return [replace(e, related=tuple(sorted(set(links.get(e.id, []))))) for e in events]


def merge_reports(
    mentions: Iterable[Mention],
    articles: Mapping[str, ArticleInfo],
    previous: Mapping[str, str] | None = None,
) -> list[Event]:
    """Events from mentions. ``previous`` maps mention id -> event id from an earlier merge,
    so an event keeps its id when new reports attach to it."""
    usable = [m for m in mentions if not m.dropped and m.mode in EVENT_MODES and m.date is not None]
    usable.sort(key=lambda m: _canonical(m, articles))
    leads, joins = _same_incident(usable)
    clusters = _cluster(leads)
    where = {m.id: i for i, members in enumerate(clusters) for m in members}
    for m in usable:
        if m.id in joins:
            clusters[where[joins[m.id]]].append(m)
    ids, formerly = _assign_ids(clusters, previous or {})
    events = [_build(members, ids[i], articles) for i, members in enumerate(clusters)]
    return [
        replace(e, related=e.related + tuple((old, "formerly") for old in formerly.get(e.id, [])))
        for e in _links(events)
    ]
