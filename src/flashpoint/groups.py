"""Which event types can describe one event, and how far apart in time their reports may be:
``data/merge_rules.tsv``. Used by extract (one trigger per group and sentence) and merge."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from flashpoint.datafiles import read_tsv

# ACLED codes looting and property destruction on their own only when no larger event holds
# them: a mob that "attacked and looted shops and set fire to vehicles" is one riot. Such acts
# join their sentence's incident and never name an event that has a larger act.
FOLDED_SUB_EVENTS = frozenset({"Looting/property destruction"})


@dataclass(frozen=True)
class MergeGroup:
    name: str
    types: frozenset[str]
    max_gap_days: int
    scheduled: bool
    tau_days: float
    campaign: bool = False  # a year-dated report may join a dated one
    order: tuple[str, ...] = ()  # the types as listed: the incident's main act first
    venue: bool = False  # the place its sentence names is where it was, even for a political act

    def rank(self, event_type: str) -> int:
        """How central a type is to the group's incident: 0 for the first listed."""
        return self.order.index(event_type) if event_type in self.order else len(self.order)


@lru_cache(maxsize=1)
def merge_groups() -> dict[str, MergeGroup]:
    """Type -> its merge group; a type in no group forms its own."""
    out: dict[str, MergeGroup] = {}
    for row in read_tsv("merge_rules.tsv"):
        group = MergeGroup(
            row["group"],
            frozenset(t.strip() for t in row["types"].split(",")),
            int(row["max_gap_days"]),
            row["scheduled"].strip() == "yes",
            float(row["tau_days"]),
            (row.get("campaign") or "").strip() == "yes",
            tuple(t.strip() for t in row["types"].split(",")),
            (row.get("venue") or "").strip() == "yes",
        )
        for event_type in group.types:
            out[event_type] = group
    return out


def group_of(event_type: str) -> MergeGroup:
    return merge_groups().get(event_type) or MergeGroup(
        event_type, frozenset({event_type}), 0, False, 1.0
    )
