"""Type rules (``data/type_rules.tsv``): what the words of a trigger's sentence, its agent
and its article say of its type. ``refine`` and ``drop`` rows read the sentence, ``patient``
rows whether an act of taking takes people only, ``agent`` rows the ACLED inter code of the
act's agent, ``frame`` rows the article (a report on an earthquake, an epidemic or a spill
makes harm with no doer the hazard's), weighed against the ``rival`` rows' words of armed
conflict and protest.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from flashpoint.datafiles import read_tsv
from flashpoint.extract.wordlists import word_list
from flashpoint.ontology import load_ontology


@dataclass(frozen=True)
class TypeRule:
    action: str
    type: str
    when: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    then_type: str
    words: frozenset[str] = frozenset()  # `when` of patient and taking_verb rows: a word list


WORD_ROWS = ("patient", "taking_verb")  # rows whose `when` lists words, not a pattern


@lru_cache(maxsize=1)
def load_type_rules() -> tuple[TypeRule, ...]:
    rules = []
    for row in read_tsv("type_rules.tsv"):
        action, when, unless = row["action"].strip(), row["when"].strip(), row["unless"].strip()
        listed = action in WORD_ROWS
        rules.append(
            TypeRule(
                action,
                row["type"].strip(),
                re.compile(when) if when and not listed else None,
                re.compile(unless) if unless else None,
                row["then_type"].strip(),
                frozenset(w.strip() for w in when.split("|")) if listed else frozenset(),
            )
        )
    return tuple(rules)


PatientRow = tuple[frozenset[str], frozenset[str], re.Pattern[str] | None, str]


@lru_cache(maxsize=1)
def patient_rows() -> tuple[PatientRow, ...]:
    """``patient`` rows: (types, people words, agent codes that stop the row, new type)."""
    return tuple(
        (
            frozenset(rule.type.split("|")),
            frozenset(w for name in rule.words for w in word_list(name)),
            rule.unless,
            rule.then_type,
        )
        for rule in load_type_rules()
        if rule.action == "patient"
    )


@lru_cache(maxsize=1)
def taking_verbs() -> frozenset[str]:
    """The verbs of taking (``taking_verb`` rows) whose act the ``patient`` rows retype."""
    return frozenset(w for r in load_type_rules() if r.action == "taking_verb" for w in r.words)


def apply_patient_rules(
    event_type: str, people_only: Callable[[frozenset[str]], bool], agent_inter: int | None
) -> str:
    """A taking of people is no taking of ground (``patient`` rows): "rebels captured two
    soldiers" is an abduction, "troops captured three militants" an arrest. ``people_only``
    says whether the act is done to people only, given the words for people."""
    code = str(agent_inter) if agent_inter is not None else ""
    for types, words, unless, then_type in patient_rows():
        if event_type not in types or not people_only(words):
            continue
        if unless is not None and unless.fullmatch(code):
            continue
        return then_type
    return event_type


def apply_type_rules(event_type: str, sentence: str, *, refine_only: bool = False) -> str | None:
    """The type after the rules of ``data/type_rules.tsv``; ``None`` when a rule drops it.
    ``refine_only``: the refine rows alone, for a type an agent row gave ("students occupied
    the hall and police fired tear gas": the sit-in is a protest with intervention)."""
    lowered = sentence.lower()
    for rule in load_type_rules():
        if rule.action in ("agent", "frame", "rival", *WORD_ROWS):
            continue
        if refine_only and rule.action != "refine":
            continue
        if rule.type not in ("*", event_type):
            continue
        if rule.when is not None and not rule.when.search(lowered):
            continue
        if rule.unless is not None and rule.unless.search(lowered):
            continue
        if rule.action == "drop":
            return None
        event_type = rule.then_type
    return event_type if event_type in load_ontology() else None


FRAME_MIN = 2  # an article names a hazard twice, or in its lead, when it is what it reports
LEAD_CHARS = 400

Frame = tuple[TypeRule, str]  # a ``frame`` row that holds for an article, and its word


def article_frames(text: str) -> tuple[Frame, ...]:
    """The ``frame`` rows of ``data/type_rules.tsv`` whose ``when`` the article matches at
    least ``FRAME_MIN`` times or in its lead, and more often than the ``rival`` rows' words of
    armed conflict and protest, each with the word it matched most: the article reports an
    earthquake or a flood."""
    lowered = text.lower()
    rules = load_type_rules()
    rivals = sum(len(r.when.findall(lowered)) for r in rules if r.action == "rival" and r.when)
    out = []
    for rule in rules:
        if rule.action != "frame" or rule.when is None:
            continue
        found = list(rule.when.finditer(lowered))
        told = len(found) >= FRAME_MIN or (found and found[0].start() < LEAD_CHARS)
        # a war report that names a flood or an epidemic is still a war report: the hazard
        # must be named more often than conflict is (``rival`` rows)
        if told and len(found) > rivals:
            words = Counter(m.group(0) for m in found)
            out.append((rule, words.most_common(1)[0][0]))
    return tuple(out)


def apply_frame_rules(event_type: str, frames: tuple[Frame, ...], sentence: str) -> tuple[str, str]:
    """The type of an act whose sentence names no one who did it, in an article that
    reports a natural hazard (``frame`` rows): "the town is completely destroyed" in a
    report on an earthquake is the earthquake's damage, not property destruction by a party.
    Returns the type and the word of the frame that decided it ('' when none did)."""
    lowered = sentence.lower()
    for rule, word in frames:
        listed = event_type in rule.type.split("|")
        if not listed or (rule.unless is not None and rule.unless.search(lowered)):
            continue
        return rule.then_type, word
    return event_type, ""


def apply_agent_rules(
    event_type: str, agent_inter: int | None, domestic: bool, sentence: str = ""
) -> str:
    """ACLED codes some types by who acts (``agent`` rows of ``data/type_rules.tsv``): a town
    taken by the state's own forces is Government regains territory, by anyone else (a
    foreign state's forces too) Non-state actor overtakes territory. A row's ``unless``,
    searched in the lowercased ``sentence``, stops it ("rebels bombed the airport with
    drones" stays an air strike)."""
    if agent_inter is None:
        return event_type
    code = str(agent_inter) if domestic or agent_inter != 1 else "foreign-1"
    lowered = sentence.lower()
    for rule in load_type_rules():
        if rule.action != "agent" or rule.type != event_type or rule.when is None:
            continue
        if rule.unless is not None and rule.unless.search(lowered):
            continue
        if rule.when.fullmatch(code):
            return rule.then_type
    return event_type
