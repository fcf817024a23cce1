"""A definite description refers back: "the shelling began at around 9 pm", after "shells
landed on villages on Tuesday night", is that shelling, so it takes that report's day.

Only a mention with no day of its own (its date came from the paragraph, the publication
week, or a clock time alone) takes its antecedent's, and the date is marked inferred, with
the words it refers back to; when it names no agent and every such act the article dated had
one agent, it takes that agent too ("three men were injured in the firing"). An act said to
go on ("the clashes continued into Wednesday") is the act reported before, now known to last
from its day to this one. An act told just after an attack with no day of its own ("two bombs
destroyed about 20 stalls") is part of that attack (``data/part_of.tsv``): it takes the
attack's type and day.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from flashpoint.datafiles import read_tsv
from flashpoint.extract.realis import load_cues as realis_cues
from flashpoint.groups import group_of
from flashpoint.ontology import load_ontology
from flashpoint.records import Mention

REPORTED_MODES = frozenset({"happened", "claimed"})


def refer_back(mentions: list[Mention]) -> list[Mention]:
    """The mentions of one article in text order, definite back-references dated (and given
    their antecedent's agent when they name none)."""
    dated: dict[str, Mention] = {}  # merge group -> the last mention dated by its own words
    agents: dict[str, set[str | None]] = {}  # merge group -> the agents of its dated acts
    last: Mention | None = None  # the last mention of any type dated by its own words
    acts_in: dict[int, set[str]] = {}  # sentence start -> the types reported in it
    for m in mentions:
        if m.mode in REPORTED_MODES and not m.dropped:
            acts_in.setdefault(m.sentence.start, set()).add(m.type)
    out = []
    for m in mentions:
        if last is not None and _part_of(m, last, acts_in.get(m.sentence.start, set()) - {m.type}):
            # "the blast wounded 20" counts the whole blast; a part's own toll would undercut it
            m = as_part_of(m, last, counts=part_of_rules()[m.type].definite)
        group = group_of(m.type).name
        ante = dated.get(group)
        if ante is not None and _refers_back(m) and ante.date is not None:
            how = f"'{m.trigger.text}' refers back to '{ante.trigger.text}': its date"
            kept = tuple(x for x in m.inferred if x[0] != "date")
            m = replace(m, date=ante.date, inferred=(*kept, ("date", how)))
            one_agent = len(agents.get(group, set())) == 1  # no other party did such acts
            if m.actor1 is None and ante.actor1 is not None and one_agent:
                how = f"'{m.trigger.text}' refers back to '{ante.trigger.text}': its agent"
                m = replace(m, actor1=ante.actor1, inferred=(*m.inferred, ("actor1", how)))
        elif ante is not None and _goes_on(m, ante):
            assert m.date is not None and ante.date is not None
            how = f"'{m.trigger.text}' goes on from '{ante.trigger.text}': from its day"
            how += f" ({ante.date.start}, characters {ante.trigger.start}-{ante.trigger.end})"
            m = replace(
                m,
                date=replace(m.date, start=ante.date.start),
                inferred=(*m.inferred, ("date", how)),
            )
        elif _own_day(m) and m.mode in REPORTED_MODES and not m.dropped:
            dated[group] = m
            agents.setdefault(group, set()).add(m.actor1.name if m.actor1 else None)
            if last is None or last.sentence.start != m.sentence.start:
                last = m  # a sentence's first act is its main one ("bombed ..., killing 15")
        out.append(m)
    return out


def _own_day(m: Mention) -> bool:
    return (
        m.date is not None
        and m.date.rule != "clock-time"
        and not any(field == "date" for field, _ in m.inferred)
    )


def _refers_back(m: Mention) -> bool:
    return m.definite and m.mode in REPORTED_MODES and not m.dropped and not _own_day(m)


CONTINUED_DAYS = 7  # an act said to go on after a longer gap is another one


def _goes_on(m: Mention, ante: Mention) -> bool:
    """m says the act ante reported went on to m's own day, within a week."""
    if not m.continues or m.mode not in REPORTED_MODES or m.dropped or not _own_day(m):
        return False
    a, b = ante.date, m.date
    if a is None or b is None or a.precision != "day" or b.precision != "day":
        return False
    gap = (date.fromisoformat(b.start) - date.fromisoformat(a.start)).days
    return 1 <= gap <= CONTINUED_DAYS


PART_GAP = 400  # characters from the attack's sentence: the same sentence or the next one or two


def told_apart(text: str) -> bool:
    """Does the text tell another incident, or several ("separately", "in separate markets":
    the ``separate_incident`` phrases of realis_cues.tsv)?"""
    return _separate().search(text) is not None


@lru_cache(maxsize=1)
def _separate() -> re.Pattern[str]:
    """The ``separate_incident`` phrases of realis_cues.tsv, as one pattern."""
    phrases = sorted(realis_cues().by_kind.get("separate_incident", ()), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)


class PartOf(NamedTuple):
    """A row of part_of.tsv: what a type can be part of, and what it needs."""

    of: frozenset[str]  # families or type ids of the acts it can be part of
    no_agent: bool  # it must name no agent of its own (a toll)
    author: bool  # it names the act's claimed author (a claim of responsibility)
    definite: bool  # only as a definite description ("the blast"), on the act's day or none

    def fits(self, act_type: str) -> bool:
        return act_type in self.of or load_ontology()[act_type].family in self.of


@lru_cache(maxsize=1)
def part_of_rules() -> dict[str, PartOf]:
    """type -> its part_of.tsv row."""
    rules = {}
    for row in read_tsv("part_of.tsv"):
        needs = row["needs"].strip()
        rules[row["type"].strip()] = PartOf(
            frozenset(f.strip() for f in row["of_families"].split("|") if f.strip()),
            needs == "no_actor1",
            needs == "claimed_author",
            needs == "definite",
        )
    return rules


def _day(m: Mention) -> tuple[str, str] | None:
    return None if m.date is None else (m.date.start, m.date.end)


def _part_of(m: Mention, ante: Mention, others: set[str]) -> bool:
    """m, with no day of its own (a definite description: or ante's day), is part of ante: a
    listed type, after ante, near it, by no other agent, with no act of its own sentence that
    could have done it ("killed when shelling hit the town"), and not told as another incident
    ("separately", "elsewhere"); a claim of responsibility, of the attack told last."""
    rule = part_of_rules().get(m.type)
    if rule is None or m.type == ante.type or m.mode not in REPORTED_MODES or m.dropped:
        return False
    if told_apart(m.sentence.text) or not rule.fits(ante.type):
        return False
    if rule.author:  # "Al-Shabaab claimed responsibility": the attack told last, whenever claimed
        return ante.sentence.start <= m.sentence.start
    if rule.definite and not m.definite:
        return False  # "another bomb hit a bus" is another bomb
    same_day = rule.definite and _day(m) is not None and _day(m) == _day(ante)
    if (_own_day(m) and not same_day) or (rule.no_agent and m.actor1 is not None):
        return False
    if m.actor1 is not None and (ante.actor1 is None or m.actor1.name != ante.actor1.name):
        return False
    if rule.no_agent and any(rule.fits(t) for t in others):
        return False  # "a man was killed when shelling hit the town": that shelling's toll
    return ante.sentence.start <= m.sentence.start <= ante.sentence.end + PART_GAP


def as_part_of(
    m: Mention, ante: Mention, where: str = "told just before it", counts: bool = False
) -> Mention:
    """m as ante's act; its counts go unless ``counts`` (a part's toll is not the event's:
    ACLED keeps the lowest figure, which a partial toll would undercut)."""
    how = (
        f"part of the {ante.type} '{ante.trigger.text}' {where}"
        f" (characters {ante.trigger.start}-{ante.trigger.end}): its type and day"
    )
    kept = tuple(x for x in m.inferred if x[0] not in ("date", "type"))
    return replace(
        m,
        type=ante.type,
        date=ante.date,
        killed=m.killed if counts else None,
        injured=m.injured if counts else None,
        inferred=(*kept, ("type", how), ("date", how)),
    )
