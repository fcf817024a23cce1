"""Helpers shared by the evaluation suites."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flashpoint.ontology import hidden_types, load_ontology
from flashpoint.records import Event, Mention
from flashpoint.settings import load as load_settings
from flashpoint.store import EventFilter, Store

REPORTED_BONUS = 0.1  # a candidate reported as a real event beats one that is not
POSITION_SCALE = 400  # 40 characters later costs as much as 0.1 of cue confidence


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def main_mention(mentions: list[Mention]) -> Mention | None:
    """The event a text is mainly about: the strongest cue, with a small bonus for coming
    first (news leads with its main event), then ACLED's higher type."""
    if not mentions:
        return None
    ontology = load_ontology()

    def key(m: Mention) -> tuple[float, int]:
        # What the text is about is a matter of type evidence (the cue and a named agent),
        # not of how sure we are that the event is real.
        strength = m.cue_weight * (1.0 if m.actor1 is not None else 0.8)
        strength += 0.0 if m.dropped else REPORTED_BONUS
        return (strength - m.trigger.start / POSITION_SCALE, ontology[m.type].acled_rank)

    return max(mentions, key=key)


def default_view_events(store: Store) -> list[Event]:
    """The events the default list shows, by the default settings: at or above the confidence
    threshold, context events left out."""
    settings = load_settings(environ={})
    hidden = hidden_types(settings)
    return store.events(EventFilter().shown(settings.float("events.min_confidence"), hidden=hidden))
