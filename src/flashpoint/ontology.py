"""The event ontology and trigger lexicon, loaded from data files a domain expert can edit.

``data/ontology.tsv``: one row per event type with its ACLED / CAMEO / PLOVER / CASE 2021
crosswalk. ``data/event_cues.tsv``: the lemmas that signal each type.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

ACLED_EVENT_TYPES = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)
FAMILIES = ("violence", "explosion", "protest", "riot", "strategic", "posture", "political",
            "other")


@dataclass(frozen=True)
class EventType:
    type: str
    label: str
    family: str
    acled_event_type: str
    acled_sub_event_type: str
    disorder_type: str
    acled_rank: int
    cameo: str
    plover_type: str
    plover_mode: str
    case2021: str
    definition: str
    note: str = ""


@dataclass(frozen=True)
class Cue:
    type: str
    cue: str
    pos: str
    weight: float
    note: str = ""


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("flashpoint").joinpath(f"data/{name}").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=1)
def load_ontology() -> dict[str, EventType]:
    """Every event type, keyed by its id."""
    out = {}
    for row in _rows("ontology.tsv"):
        values = {k: (v or "").strip() for k, v in row.items() if k}
        values["acled_rank"] = int(values.get("acled_rank") or 0)  # type: ignore[assignment]
        event_type = EventType(**values)  # type: ignore[arg-type]
        out[event_type.type] = event_type
    return out


@lru_cache(maxsize=1)
def load_cues() -> tuple[Cue, ...]:
    """The trigger lexicon; cues of unknown types are skipped (``validate`` reports them)."""
    known = load_ontology()
    cues = []
    for row in _rows("event_cues.tsv"):
        if row["type"].strip() in known:
            cues.append(Cue(row["type"].strip(), " ".join(row["cue"].lower().split()),
                            row["pos"].strip().upper(), float(row["weight"]),
                            (row.get("note") or "").strip()))
    return tuple(cues)


def acled_types() -> dict[str, list[str]]:
    """ACLED event type -> its sub-event types, as the table maps them."""
    out: dict[str, list[str]] = {}
    for t in load_ontology().values():
        if t.acled_event_type:
            subs = out.setdefault(t.acled_event_type, [])
            if t.acled_sub_event_type not in subs:
                subs.append(t.acled_sub_event_type)
    return out


def higher_type(a: str, b: str) -> str:
    """ACLED's hierarchy: when a report fits two types, the higher one wins."""
    ontology = load_ontology()
    return a if ontology[a].acled_rank >= ontology[b].acled_rank else b


def validate() -> list[str]:
    """Problems in the tables, one line each (empty when they are sound)."""
    problems = []
    ontology = load_ontology()
    for t in ontology.values():
        if t.family not in FAMILIES:
            problems.append(f"{t.type}: unknown family {t.family!r}")
        if t.acled_event_type and t.acled_event_type not in ACLED_EVENT_TYPES:
            problems.append(f"{t.type}: unknown ACLED event type {t.acled_event_type!r}")
        if t.acled_event_type and not t.acled_sub_event_type:
            problems.append(f"{t.type}: ACLED event type without a sub-event type")
    for row in _rows("event_cues.tsv"):
        if row["type"].strip() not in ontology:
            problems.append(f"cue {row['cue']!r}: unknown type {row['type']!r}")
    return problems
