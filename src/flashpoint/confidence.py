"""How sure flashpoint is that a mention (and an event) is real: factors from data.

A mention's confidence multiplies its cue's weight (lifted by a floor) by one factor for each
of: how the trigger reports the act (verb, anchored noun, bare noun), how actor1 was found,
how the date was found, whether its victims are counted, and the mode. ``data/confidence.tsv``
holds the factors. An event's confidence is that of its surest report, raised by independent
outlets that agree.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from flashpoint.datafiles import read_tsv
from flashpoint.records import Actor


@lru_cache(maxsize=1)
def factors() -> dict[str, float]:
    return {r["factor"].strip(): float(r["value"]) for r in read_tsv("confidence.tsv")}


def _trigger_factor(trigger: Any, quantified: bool) -> float:
    f = factors()
    if trigger.pos_ in ("VERB", "AUX"):
        return f["verb_trigger"]
    anchored = quantified or any(
        c.dep_ in ("det", "poss", "nummod", "compound") for c in trigger.children
    )
    return f["noun_trigger_anchored"] if anchored else f["noun_trigger_bare"]


def _actor_factor(actor1: Actor | None, role_rule: str) -> float:
    f = factors()
    if actor1 is None:
        return f["actor_none"]
    return f["actor_inferred"] if actor1.inferred or role_rule != "parse" else f["actor_parsed"]


def _date_factor(date_how: str) -> float:
    f = factors()
    if not date_how:
        return f["date_in_sentence"]
    return f["date_paragraph"] if "paragraph" in date_how else f["date_publication"]


def mention_confidence(
    cue_weight: float,
    trigger: Any,
    mode: str,
    actor1: Actor | None,
    role_rule: str,
    date_how: str,
    quantified: bool = False,
    *,
    counted: bool = False,
) -> float:
    """``quantified``: a noun trigger counted by a series noun ("a series of accidents");
    ``counted``: the sentence gives the act's dead or injured."""
    f = factors()
    value = f["floor"] + (1 - f["floor"]) * cue_weight
    value *= (
        _trigger_factor(trigger, quantified)
        * _actor_factor(actor1, role_rule)
        * _date_factor(date_how)
        * (f["victims_counted"] if counted else 1.0)
    )
    value *= f.get(f"mode_{mode}", 0.7)
    return round(min(1.0, value), 3)


def event_confidence(mention_confidences: list[float], outlets: int) -> float:
    """The surest report, with each further independent outlet closing a quarter of the gap."""
    if not mention_confidences:
        return 0.0
    value = max(mention_confidences)
    for _ in range(max(0, outlets - 1)):
        value += (1 - value) * 0.25
    return round(value, 3)
