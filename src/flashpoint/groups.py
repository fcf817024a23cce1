"""Which event types can describe one event, and how far apart in time their reports may be:
``data/merge_rules.tsv``. Used by extract (one trigger per group and sentence) and merge."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class MergeGroup:
    name: str
    types: frozenset[str]
    max_gap_days: int
    scheduled: bool
    tau_days: float


@lru_cache(maxsize=1)
def merge_groups() -> dict[str, MergeGroup]:
    """Type -> its merge group; a type in no group forms its own."""
    text = resources.files("flashpoint").joinpath("data/merge_rules.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    out: dict[str, MergeGroup] = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        group = MergeGroup(
            row["group"],
            frozenset(t.strip() for t in row["types"].split(",")),
            int(row["max_gap_days"]),
            row["scheduled"].strip() == "yes",
            float(row["tau_days"]),
        )
        for event_type in group.types:
            out[event_type] = group
    return out


def group_of(event_type: str) -> MergeGroup:
    return merge_groups().get(event_type) or MergeGroup(
        event_type, frozenset({event_type}), 0, False, 1.0
    )
