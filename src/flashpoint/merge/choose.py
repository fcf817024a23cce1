"""An event's fields, chosen from its mentions by stated rules; disagreements are kept."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

from flashpoint.groups import FOLDED_SUB_EVENTS, group_of
from flashpoint.local_actors import moved, tied_to
from flashpoint.merge.compat import OWN_PLACE_RULES
from flashpoint.ontology import load_ontology
from flashpoint.records import Actor, DateValue, Mention, Place, Quantity

T = TypeVar("T")
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
MODE_ORDER = ("happened", "claimed", "planned", "threatened", "denied")


def choose_type(mentions: Sequence[Mention]) -> tuple[str, str]:
    """The most reported type (looting only when alone); ties go to the group's main act (a
    crossing answered by warning shots is a crossing: merge_rules.tsv lists it first), then to
    the surer reports (a passing mention of mines does not outweigh a report of an accident),
    then to ACLED's higher type."""
    ontology = load_ontology()
    voters = _voters(mentions)
    counts = Counter(m.type for m in voters)
    support: dict[str, float] = {}
    for m in voters:
        support[m.type] = support.get(m.type, 0.0) + m.confidence
    best = max(
        counts,
        key=lambda t: (
            counts[t],
            -group_of(t).rank(t),
            round(support[t], 6),
            ontology[t].acled_rank,
            t,
        ),
    )
    return best, f"most reported type ({counts[best]} of {len(voters)} reports)"


def _voters(mentions: Sequence[Mention]) -> list[Mention]:
    """Looting and destruction name an event only when nothing larger holds them (ACLED): a
    mob that "attacked and looted shops" is mob violence, however the acts are counted."""
    ontology = load_ontology()
    larger = [m for m in mentions if ontology[m.type].acled_sub_event_type not in FOLDED_SUB_EVENTS]
    return larger or list(mentions)


def choose_mode(mentions: Sequence[Mention]) -> tuple[str, str]:
    modes = {m.mode for m in mentions}
    mode = next(m for m in MODE_ORDER if m in modes)
    return mode, "strongest mode reported: happened > claimed > planned > threatened > denied"


def choose_date(mentions: Sequence[Mention]) -> tuple[DateValue | None, str]:
    """The most precise date; among equally precise ones the most reported, then the earliest.
    Dates read from the text beat dates inferred from the publication day."""
    dated = [m for m in mentions if m.date is not None]
    if not dated:
        return None, "no mention is dated"

    def inferred(m: Mention) -> bool:
        return any(field == "date" for field, _ in m.inferred)

    counts = Counter((m.date.start, m.date.end) for m in dated if m.date)
    best = min(
        dated,
        key=lambda m: (
            inferred(m),
            PRECISION_RANK.get(m.date.precision, 9) if m.date else 9,
            -counts[(m.date.start, m.date.end)] if m.date else 0,
            m.date.start if m.date else "",
        ),
    )
    return best.date, f"most precise date, from mention {best.id}"


# How directly a place was read for its mention (flashpoint.geo.locate's rules): a place tied
# to the trigger in its sentence beats one inferred from the paragraph, the article or a capital.
PLACE_EVIDENCE = {
    "sentence": 0,
    "sentence-clause": 1,
    "antecedent": 2,
    "capital": 2,
    "paragraph": 2,
    "article": 3,
}


def choose_place(mentions: Sequence[Mention]) -> tuple[Place | None, str]:
    """The place read most directly from a sentence; then the most precise, the one whose
    province is known, the most reported."""
    placed = [m for m in mentions if m.place is not None]
    if not placed:
        return None, "no mention is located"
    counts = Counter(m.place.name for m in placed if m.place)
    best = min(
        placed,
        key=lambda m: (
            PLACE_EVIDENCE.get(m.place.rule, 4) if m.place else 9,
            m.place.geo_precision if m.place else 9,
            not (m.place and m.place.admin1),  # its province known: the more specific
            -counts[m.place.name] if m.place else 0,
        ),
    )
    return best.place, f"place read most directly, then most precise, from mention {best.id}"


def choose_actors(mentions: Sequence[Mention], place: Place | None = None) -> tuple[Actor, ...]:
    """Actor1s first, by how often they are reported, then actor2s; one per normalised name.
    A crowd, and a bare police force, civilians or armed men whose country a report only
    guessed, are of the place its sentence gives the event (:mod:`flashpoint.local_actors`):
    a report merged in from another article carries that article's guess."""
    ranked: Counter[str] = Counter()
    first: dict[str, Actor] = {}
    for weight, attr in ((2, "actor1"), (1, "actor2")):
        for m in mentions:
            actor = _of_place(getattr(m, attr), place)
            if actor is not None:
                ranked[actor.name] += weight
                first.setdefault(actor.name, actor)
    return tuple(first[name] for name, _ in ranked.most_common())


def _of_place(actor: Actor | None, place: Place | None) -> Actor | None:
    if actor is None or place is None or not place.country or place.rule not in OWN_PLACE_RULES:
        return actor
    return moved(actor, place.country, tied_to(place))


def choose_count(mentions: Sequence[Mention], kind: str) -> tuple[Quantity | None, list[str]]:
    """ACLED's rule: the lowest figure wins. Other figures are kept as conflicts."""
    values = [q for q in (getattr(m, kind) for m in mentions) if q is not None]
    if not values:
        return None, []
    best = min(values, key=lambda q: q.min if q.min is not None else 10**9)
    others = sorted({q.text for q in values if q.text != best.text})
    return best, [f"{best.text!r} chosen (lowest figure); also reported {o!r}" for o in others]


def most_common(items: Sequence[T], key: Callable[[T], object]) -> T:
    counts = Counter(key(i) for i in items)
    return max(items, key=lambda i: counts[key(i)])
