"""Links between events: a denial is linked to the claims it denies (same country, within two
weeks). A link depends on its two events alone, so after a merge of some blocks only the links
of events near the changed ones can change (see merge.incremental)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from flashpoint.merge.compat import ordinal
from flashpoint.records import Event

__all__ = ["LINK_DAYS", "LinkKey", "find_links", "link_key", "relate"]

LINK_DAYS = 14


@dataclass(frozen=True)
class LinkKey:
    """What linking reads of an event: its role (denial, claim or both), day and countries."""

    id: str
    denial: bool
    claim: bool
    day: str
    countries: frozenset[str]

    @property
    def role(self) -> str:
        return "both" if self.denial and self.claim else "denial" if self.denial else "claim"


def link_key(e: Event) -> LinkKey | None:
    """None for an event that takes no part in links."""
    denial = e.mode == "denied" or e.type == "denial"
    claim = e.mode == "claimed" or e.type in ("claim", "accusation")
    if not (denial or claim) or e.date is None:
        return None
    countries = frozenset(a.country for a in e.actors if a.country)
    return LinkKey(e.id, denial, claim, e.date.start, countries)


def find_links(keys: Iterable[LinkKey]) -> dict[str, set[tuple[str, str]]]:
    """Every link among these events, by event id: (other id, 'denies' | 'denied_by').
    Claims are indexed by day, so each denial meets only the claims of its four weeks."""
    keys = list(keys)
    claims_by_day: dict[int, list[LinkKey]] = {}
    for k in keys:
        if k.claim:
            claims_by_day.setdefault(ordinal(k.day), []).append(k)
    links: dict[str, set[tuple[str, str]]] = {}
    for d in keys:
        if not d.denial:
            continue
        day = ordinal(d.day)
        for near in range(day - LINK_DAYS, day + LINK_DAYS + 1):
            for c in claims_by_day.get(near, ()):
                if c.id != d.id and c.countries & d.countries:
                    links.setdefault(d.id, set()).add((c.id, "denies"))
                    links.setdefault(c.id, set()).add((d.id, "denied_by"))
    return links


def relate(e: Event, links: Iterable[tuple[str, str]]) -> Event:
    """The event with these links (sorted), followed by its 'formerly' ids as they were."""
    formerly = tuple(r for r in e.related if r[1] == "formerly")
    return replace(e, related=tuple(sorted(set(links))) + formerly)
