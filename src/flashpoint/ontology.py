"""The event ontology: flashpoint's event types and their crosswalk to ACLED, CAMEO and PLOVER.

The knowledge lives in two tables a domain expert can read and extend:
``data/ontology.tsv`` (one row per event type, with its ACLED, CAMEO 1.1b3, PLOVER and
CASE 2021 mapping) and ``data/event_cues.tsv`` (the trigger lexicon). This module only
reads them and checks them against the external standards' vocabularies below.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import combinations
from typing import Any

from flashpoint import datafiles

ONTOLOGY_FILE = "data/ontology.tsv"
CUES_FILE = "data/event_cues.tsv"

ONTOLOGY_COLUMNS: tuple[str, ...] = (
    "type",
    "label",
    "family",
    "acled_event_type",
    "acled_sub_event_type",
    "disorder_type",
    "acled_rank",
    "cameo",
    "plover_type",
    "plover_mode",
    "case2021",
    "definition",
    "agent_slot",
    "state_force",
    "note",
)
ONTOLOGY_REQUIRED: tuple[str, ...] = ("type", "label", "family", "acled_rank", "definition")
CUE_COLUMNS: tuple[str, ...] = ("type", "cue", "pos", "weight", "note")
CUE_REQUIRED: tuple[str, ...] = ("type", "cue", "pos", "weight")

FAMILIES = frozenset(
    {"violence", "explosion", "protest", "riot", "strategic", "posture", "political", "other"}
)
# Context: non-political events (disasters, organised crime) that neither ACLED nor CAMEO codes;
# stored and listed on request, kept out of the default view unless events.show_context is on
CONTEXT_FAMILY = "other"
POS_VALUES = frozenset({"VERB", "NOUN", "ANY"})
AGENT_SLOTS = frozenset({"", "actor1", "actor2"})
STATE_FORCES = frozenset({"", "military", "police"})

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"
ACLED_EVENT_TYPES: tuple[str, ...] = (
    BATTLES,
    EXPLOSIONS,
    VIOLENCE_AGAINST_CIVILIANS,
    PROTESTS,
    RIOTS,
    STRATEGIC,
)

POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
PV_AND_DEMONSTRATIONS = "Political violence; Demonstrations"
DISORDER_TYPES = frozenset({POLITICAL_VIOLENCE, DEMONSTRATIONS, PV_AND_DEMONSTRATIONS, STRATEGIC})

# ACLED's 25 sub-event types: sub-event type -> (event type, disorder type, CASE 2021 class).
ACLED_SUB_EVENT_TYPES: dict[str, tuple[str, str, str]] = {
    "Armed clash": (BATTLES, POLITICAL_VIOLENCE, "ARMED_CLASH"),
    "Government regains territory": (BATTLES, POLITICAL_VIOLENCE, "GOV_REGAINS_TERIT"),
    "Non-state actor overtakes territory": (
        BATTLES,
        POLITICAL_VIOLENCE,
        "NON_STATE_ACTOR_OVERTAKES_TER",
    ),
    "Chemical weapon": (EXPLOSIONS, POLITICAL_VIOLENCE, "CHEM_WEAP"),
    "Air/drone strike": (EXPLOSIONS, POLITICAL_VIOLENCE, "AIR_STRIKE"),
    "Suicide bomb": (EXPLOSIONS, POLITICAL_VIOLENCE, "SUIC_BOMB"),
    "Shelling/artillery/missile attack": (EXPLOSIONS, POLITICAL_VIOLENCE, "ART_MISS_ATTACK"),
    "Remote explosive/landmine/IED": (EXPLOSIONS, POLITICAL_VIOLENCE, "REM_EXPLOS"),
    "Grenade": (EXPLOSIONS, POLITICAL_VIOLENCE, "GRENADE"),
    "Sexual violence": (VIOLENCE_AGAINST_CIVILIANS, POLITICAL_VIOLENCE, "SEX_VIOL"),
    "Attack": (VIOLENCE_AGAINST_CIVILIANS, POLITICAL_VIOLENCE, "ATTACK"),
    "Abduction/forced disappearance": (
        VIOLENCE_AGAINST_CIVILIANS,
        POLITICAL_VIOLENCE,
        "ABDUCT_DISSAP",
    ),
    "Peaceful protest": (PROTESTS, DEMONSTRATIONS, "PEACE_PROTEST"),
    "Protest with intervention": (PROTESTS, DEMONSTRATIONS, "PROTEST_WITH_INTER"),
    "Excessive force against protesters": (
        PROTESTS,
        PV_AND_DEMONSTRATIONS,
        "FORCE_AGAINST_PROTEST",
    ),
    "Violent demonstration": (RIOTS, DEMONSTRATIONS, "VIOL_DEMONSTR"),
    "Mob violence": (RIOTS, POLITICAL_VIOLENCE, "MOB_VIOL"),
    "Agreement": (STRATEGIC, STRATEGIC, "AGREEMENT"),
    "Arrests": (STRATEGIC, STRATEGIC, "ARREST"),
    "Change to group/activity": (STRATEGIC, STRATEGIC, "CHANGE_TO_GROUP_ACT"),
    "Disrupted weapons use": (STRATEGIC, STRATEGIC, "DISR_WEAP"),
    "Headquarters or base established": (STRATEGIC, STRATEGIC, "HQ_ESTABLISHED"),
    "Looting/property destruction": (STRATEGIC, STRATEGIC, "PROPERTY_DISTRUCT"),
    "Non-violent transfer of territory": (STRATEGIC, STRATEGIC, "NON_VIOL_TERRIT_TRANSFER"),
    "Other": (STRATEGIC, STRATEGIC, "OTHER"),
}

# ACLED's hierarchy, lowest first: a report that fits several types takes the higher one.
ACLED_HIERARCHY: tuple[frozenset[str], ...] = (
    frozenset({STRATEGIC}),
    frozenset({PROTESTS}),
    frozenset({RIOTS}),
    frozenset({BATTLES, EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS}),
)

CASE2021_UNSEEN = frozenset(
    {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"}
)
CASE2021_CLASSES = frozenset(c for _, _, c in ACLED_SUB_EVENT_TYPES.values()) | CASE2021_UNSEEN

# PLOVER 0.7 / 1.0 event types, plus FIGHT, DISAPPROVE and INVESTIGATE from the 0.5-0.6 drafts
# (the PLOVER gold standard records) and REQUEST, POLECAT's name for DEMAND.
PLOVER_TYPES = frozenset(
    {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "DEMAND",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
        "FIGHT",
        "DISAPPROVE",
        "INVESTIGATE",
    }
)

_TYPE_ID = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
_CAMEO = re.compile(r"^\d{2,4}$")
_MODE = re.compile(r"^[a-z]+(?:-[a-z]+)*$")
_CUE = re.compile(r"^[a-z0-9'.à-ÿ]+(?: [a-z0-9'.à-ÿ]+)*$")  # à-ÿ: loanwords (chargé)
_ARTICLES = frozenset({"a", "an", "the"})


class OntologyError(ValueError):
    """A data table is malformed or breaks the schema; the message lists every problem."""


@dataclass(frozen=True)
class EventType:
    """One flashpoint event type and its crosswalk (one row of ``ontology.tsv``)."""

    type: str
    label: str
    family: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    disorder_type: str | None
    acled_rank: int
    cameo: str | None
    plover_type: str | None
    plover_mode: str | None
    case2021: str | None
    definition: str
    note: str = ""
    agent_slot: str = "actor1"  # which actor the trigger's agent is (ACLED's actor order)
    state_force: str = ""  # the force a state named by its country does this act by

    @property
    def acled_coded(self) -> bool:
        """Whether ACLED would code an event of this type."""
        return self.acled_event_type is not None


@dataclass(frozen=True)
class Cue:
    """One trigger: a lowercase lemma sequence that signals an event type."""

    type: str
    cue: str
    pos: str
    weight: float
    note: str = ""

    @property
    def lemmas(self) -> tuple[str, ...]:
        return tuple(self.cue.split(" "))


def parse_tsv(text: str, name: str = "<tsv>") -> list[dict[str, str]]:
    """Rows of a tab-separated table as dicts, cells stripped (the one reader:
    :func:`flashpoint.datafiles.parse_tsv`); a malformed row is an OntologyError."""
    try:
        rows = datafiles.parse_tsv(text, name)
    except datafiles.TableError as exc:
        raise OntologyError(str(exc)) from None
    return [{k: v.strip() for k, v in row.items()} for row in rows]


def _read(name: str) -> str:
    return resources.files("flashpoint").joinpath(name).read_text("utf-8")


def ontology_rows() -> list[dict[str, str]]:
    """The raw rows of ``ontology.tsv`` (strings as written)."""
    return parse_tsv(_read(ONTOLOGY_FILE), ONTOLOGY_FILE)


def cue_rows() -> list[dict[str, str]]:
    """The raw rows of ``event_cues.tsv`` (strings as written)."""
    return parse_tsv(_read(CUES_FILE), CUES_FILE)


def _columns(row: Mapping[str, str], expected: tuple[str, ...], where: str) -> list[str]:
    problems = [f"{where}: missing column {c!r}" for c in expected if c not in row]
    problems += [f"{where}: unknown column {c!r}" for c in row if c not in expected]
    return problems


def _check_acled(row: Mapping[str, str], where: str) -> list[str]:
    problems: list[str] = []
    event, sub = row.get("acled_event_type", ""), row.get("acled_sub_event_type", "")
    disorder, case = row.get("disorder_type", ""), row.get("case2021", "")
    if event and event not in ACLED_EVENT_TYPES:
        problems.append(f"{where}: acled_event_type {event!r} is not one of ACLED's six")
    if bool(event) != bool(sub):
        problems.append(f"{where}: acled_event_type and acled_sub_event_type must both be set")
    if disorder and disorder not in DISORDER_TYPES:
        problems.append(f"{where}: disorder_type {disorder!r} is not an ACLED disorder type")
    if case and case not in CASE2021_CLASSES:
        problems.append(f"{where}: case2021 {case!r} is not a CASE 2021 Task 2 class")
    if not sub:
        if disorder:
            problems.append(f"{where}: disorder_type set but ACLED would not code the type")
        if case and case not in CASE2021_UNSEEN:
            problems.append(f"{where}: case2021 {case!r} is an ACLED class but ACLED is empty")
        return problems
    if sub not in ACLED_SUB_EVENT_TYPES:
        problems.append(f"{where}: acled_sub_event_type {sub!r} is not an ACLED sub-event type")
        return problems
    want_event, want_disorder, want_case = ACLED_SUB_EVENT_TYPES[sub]
    if event != want_event:
        problems.append(f"{where}: {sub!r} belongs to {want_event!r}, not {event!r}")
    if disorder != want_disorder:
        problems.append(f"{where}: disorder_type of {sub!r} is {want_disorder!r}, not {disorder!r}")
    if case != want_case:
        problems.append(f"{where}: case2021 of {sub!r} is {want_case!r}, not {case!r}")
    return problems


def _check_crosswalk(row: Mapping[str, str], where: str) -> list[str]:
    problems: list[str] = []
    cameo = row.get("cameo", "")
    if cameo and not (_CAMEO.match(cameo) and 1 <= int(cameo[:2]) <= 20):
        problems.append(f"{where}: cameo {cameo!r} is not a CAMEO code (2-4 digits, root 01-20)")
    plover, mode = row.get("plover_type", ""), row.get("plover_mode", "")
    if plover and plover not in PLOVER_TYPES:
        problems.append(f"{where}: plover_type {plover!r} is not a PLOVER event type")
    if mode and not plover:
        problems.append(f"{where}: plover_mode {mode!r} without a plover_type")
    if mode and not _MODE.match(mode):
        problems.append(f"{where}: plover_mode {mode!r} is not a lowercase mode word")
    return problems


def validate(rows: Iterable[Mapping[str, str]]) -> list[str]:
    """Problems in raw ontology rows (as ``ontology_rows`` gives them); empty when valid."""
    rows = list(rows)
    if not rows:
        return ["ontology: no rows"]
    problems: list[str] = []
    seen: set[str] = set()
    ranks: dict[str, set[int]] = {}
    for i, row in enumerate(rows, start=1):
        where = f"ontology row {i} ({row.get('type', '?')})"
        problems += _columns(row, ONTOLOGY_COLUMNS, where)
        problems += [f"{where}: {c} is empty" for c in ONTOLOGY_REQUIRED if not row.get(c)]
        type_id = row.get("type", "")
        if type_id and not _TYPE_ID.match(type_id):
            problems.append(f"{where}: type id {type_id!r} is not snake_case")
        if type_id in seen:
            problems.append(f"{where}: duplicate type id {type_id!r}")
        seen.add(type_id)
        family = row.get("family", "")
        if family and family not in FAMILIES:
            problems.append(f"{where}: family {family!r} is not one of {sorted(FAMILIES)}")
        problems += _check_acled(row, where)
        problems += _check_crosswalk(row, where)
        if row.get("agent_slot", "") not in AGENT_SLOTS:
            problems.append(f"{where}: agent_slot must be empty, actor1 or actor2")
        if row.get("state_force", "") not in STATE_FORCES:
            problems.append(f"{where}: state_force must be empty, military or police")
        rank_text = row.get("acled_rank", "")
        try:
            rank = int(rank_text)
        except ValueError:
            if rank_text:
                problems.append(f"{where}: acled_rank {rank_text!r} is not an integer")
            continue
        event = row.get("acled_event_type", "")
        if not event and rank != 0:
            problems.append(f"{where}: acled_rank must be 0 when ACLED would not code the type")
        if event and rank <= 0:
            problems.append(f"{where}: acled_rank must be positive for an ACLED type")
        if event:
            ranks.setdefault(event, set()).add(rank)
    problems += _check_hierarchy(ranks)
    return problems


def _check_hierarchy(ranks: Mapping[str, set[int]]) -> list[str]:
    """Every ACLED event type has one rank, and the ranks follow ACLED's order."""
    problems = [
        f"ontology: {event!r} rows carry different acled_rank values {sorted(values)}"
        for event, values in ranks.items()
        if len(values) > 1
    ]
    level = {event: min(values) for event, values in ranks.items()}
    for lower, higher in combinations(ACLED_HIERARCHY, 2):
        for a in lower & level.keys():
            for b in higher & level.keys():
                if level[a] >= level[b]:
                    problems.append(f"ontology: {b!r} must rank above {a!r} (ACLED hierarchy)")
    for tier in ACLED_HIERARCHY:
        present = {level[e] for e in tier if e in level}
        if len(present) > 1:
            problems.append(f"ontology: {sorted(tier)} must share one acled_rank")
    return problems


def validate_cues(rows: Iterable[Mapping[str, str]], types: Collection[str]) -> list[str]:
    """Problems in raw cue rows, given the ontology's type ids; empty when valid.

    Every type must have at least one cue, and each (type, cue) pair appears once.
    """
    rows = list(rows)
    problems: list[str] = []
    seen: set[tuple[str, str]] = set()
    for i, row in enumerate(rows, start=1):
        where = f"cue row {i} ({row.get('type', '?')}: {row.get('cue', '?')!r})"
        problems += _columns(row, CUE_COLUMNS, where)
        problems += [f"{where}: {c} is empty" for c in CUE_REQUIRED if not row.get(c)]
        type_id, cue = row.get("type", ""), row.get("cue", "")
        if type_id and type_id not in types:
            problems.append(f"{where}: type {type_id!r} is not in the ontology")
        if cue and not _CUE.match(cue):
            problems.append(f"{where}: cue must be lowercase words separated by single spaces")
        if _ARTICLES & set(cue.split(" ")):
            problems.append(f"{where}: articles are not written in cues (the matcher skips them)")
        pos = row.get("pos", "")
        if pos and pos not in POS_VALUES:
            problems.append(f"{where}: pos {pos!r} is not one of {sorted(POS_VALUES)}")
        weight = row.get("weight", "")
        if weight:
            try:
                value = float(weight)
            except ValueError:
                problems.append(f"{where}: weight {weight!r} is not a number")
            else:
                if not 0.0 <= value <= 1.0:
                    problems.append(f"{where}: weight {value} is outside 0-1")
        if (type_id, cue) in seen:
            problems.append(f"{where}: duplicate cue for this type")
        seen.add((type_id, cue))
    covered = {t for t, _ in seen}
    problems += [f"event_cues: type {t!r} has no cue" for t in sorted(set(types) - covered)]
    return problems


def _optional(value: str) -> str | None:
    return value or None


@cache
def _ontology() -> tuple[EventType, ...]:
    rows = ontology_rows()
    problems = validate(rows)
    if problems:
        raise OntologyError("\n".join(problems))
    return tuple(
        EventType(
            type=r["type"],
            label=r["label"],
            family=r["family"],
            acled_event_type=_optional(r["acled_event_type"]),
            acled_sub_event_type=_optional(r["acled_sub_event_type"]),
            disorder_type=_optional(r["disorder_type"]),
            acled_rank=int(r["acled_rank"]),
            cameo=_optional(r["cameo"]),
            plover_type=_optional(r["plover_type"]),
            plover_mode=_optional(r["plover_mode"]),
            case2021=_optional(r["case2021"]),
            definition=r["definition"],
            note=r["note"],
            agent_slot=r["agent_slot"] or "actor1",
            state_force=r["state_force"],
        )
        for r in rows
    )


@cache
def _cues() -> tuple[Cue, ...]:
    rows = cue_rows()
    problems = validate_cues(rows, {t.type for t in _ontology()})
    if problems:
        raise OntologyError("\n".join(problems))
    return tuple(
        Cue(type=r["type"], cue=r["cue"], pos=r["pos"], weight=float(r["weight"]), note=r["note"])
        for r in rows
    )


def load_ontology() -> dict[str, EventType]:
    """Every event type by id, in table order (parsed and validated once, then cached)."""
    return {t.type: t for t in _ontology()}


def load_cues() -> list[Cue]:
    """The trigger lexicon in table order (parsed and validated once, then cached)."""
    return list(_cues())


def context_types() -> tuple[str, ...]:
    """The types of the context family, in table order."""
    return tuple(t.type for t in _ontology() if t.family == CONTEXT_FAMILY)


def hidden_types(settings: Mapping[str, Any]) -> tuple[str, ...]:
    """The types the default view leaves out: the context types, unless the setting
    events.show_context is on."""
    return () if settings["events.show_context"] is True else context_types()


def acled_types() -> dict[str, list[str]]:
    """ACLED event type -> its sub-event types, as the ontology table uses them."""
    out: dict[str, list[str]] = {}
    for t in _ontology():
        if t.acled_event_type is None or t.acled_sub_event_type is None:
            continue
        subs = out.setdefault(t.acled_event_type, [])
        if t.acled_sub_event_type not in subs:
            subs.append(t.acled_sub_event_type)
    return out


def acled_rank(name: str) -> int:
    """The ACLED rank of a flashpoint type id or of an ACLED event type name."""
    types = load_ontology()
    if name in types:
        return types[name].acled_rank
    for t in _ontology():
        if t.acled_event_type == name:
            return t.acled_rank
    raise KeyError(f"unknown event type {name!r}")


def higher_type(a: str, b: str) -> str:
    """Of two types that fit one report, the one ACLED's hierarchy keeps.

    ``a`` and ``b`` are flashpoint type ids or ACLED event type names. On a tie the first
    is kept. Raises ``KeyError`` for an unknown name.
    """
    return b if acled_rank(b) > acled_rank(a) else a
