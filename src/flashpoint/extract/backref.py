"""A definite description refers back: "the shelling began at around 9 pm", after "shells
landed on villages on Tuesday night", is that shelling, so it takes that report's day.

Only a mention with no day of its own (its date came from the paragraph, the publication
week, or a clock time alone) takes its antecedent's, and the date is marked inferred, with
the words it refers back to; when it names no agent and every such act the article dated had
one agent, it takes that agent too ("three men were injured in the firing"). An act said to
go on ("the clashes continued into Wednesday") is the act reported before, now known to last
from its day to this one, and so are acts of its kind that the paragraph dates by the same
words ("Several soldiers were injured": the clashes' toll, Tuesday to Wednesday). An act
told just after an attack with no day of its own ("two bombs destroyed about 20 stalls") is
part of that attack (``data/part_of.tsv``): it takes the
attack's type and day, and so is "the blast" after a suicide bombing (on its day, too). A claim
of responsibility is recorded on the attack it claims, its group that attack's claimed author.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from flashpoint.datafiles import read_tsv
from flashpoint.extract.clauses import load_cues as realis_cues
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
    told: list[Mention] = []  # every mention dated by its own words so far
    acts_in: dict[int, list[Mention]] = {}  # sentence start -> the acts reported in it
    for m in mentions:
        if m.mode in REPORTED_MODES and not m.dropped:
            acts_in.setdefault(m.sentence.start, []).append(m)
    # (merge group, the day's words) -> the act gone on to that day: acts of its group the
    # paragraph dates by the same words happened in its span ("the clashes continued into
    # Wednesday. Several soldiers were injured": from the clashes' first day)
    gone_on: dict[tuple[str, int, int], Mention] = {}
    out = []
    for m in mentions:
        rule = part_of_rules().get(m.type)
        if rule is not None:
            beside = [x for x in acts_in.get(m.sentence.start, []) if x.type != m.type]
            if rule.author:
                claimed = _claimed_act(m, rule, beside, told, last)
                if claimed is not None:
                    m = as_part_of(m, claimed, "that it claims", claimed=True)
            elif last is not None and _part_of(m, rule, last, {x.type for x in beside}):
                # "the blast wounded 20" counts the whole blast where the act has no count of
                # that kind; a part's own toll would undercut the act's (ACLED: lowest figure)
                m = as_part_of(m, last, counts=rule.definite)
        group = group_of(m.type).name
        ante = dated.get(group)
        if ante is not None and _refers_back(m) and ante.date is not None:
            how = f"'{m.trigger.text}' refers back to '{ante.trigger.text}': its date"
            kept = tuple(x for x in m.inferred if x[0] != "date")
            m = replace(m, date=ante.date, inferred=(*kept, ("date", how)), refers_to=ante.id)
            one_agent = len(agents.get(group, set())) == 1  # no other party did such acts
            if m.actor1 is None and ante.actor1 is not None and one_agent:
                how = f"'{m.trigger.text}' refers back to '{ante.trigger.text}': its agent"
                m = replace(m, actor1=ante.actor1, inferred=(*m.inferred, ("actor1", how)))
        elif ante is not None and _goes_on(m, ante):
            assert m.date is not None and ante.date is not None
            how = f"'{m.trigger.text}' goes on from '{ante.trigger.text}': from its day"
            how += f" ({ante.date.start}, characters {ante.trigger.start}-{ante.trigger.end})"
            words = m.date
            m = replace(
                m,
                date=replace(words, start=ante.date.start),
                inferred=(*m.inferred, ("date", how)),
                refers_to=ante.id,
            )
            gone_on[(group, words.span_start, words.span_end)] = m
        elif (went := _in_span_of(m, group, gone_on)) is not None:
            assert m.date is not None and went.date is not None
            how = f"dated by the words that tell '{went.trigger.text}' went on: from its day"
            how += f" ({went.date.start})"
            kept = tuple(x for x in m.inferred if x[0] != "date")
            m = replace(
                m, date=replace(m.date, start=went.date.start), inferred=(*kept, ("date", how))
            )
        elif _own_day(m) and m.mode in REPORTED_MODES and not m.dropped:
            dated[group] = m
            told.append(m)
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


def _in_span_of(
    m: Mention, group: str, gone_on: dict[tuple[str, int, int], Mention]
) -> Mention | None:
    """The act gone on whose day's words date m from outside m's sentence (the paragraph's
    date), when m is a reported act of its group that names no agent but that act's (a toll,
    "several soldiers were injured"; "gunmen shot dead two civilians" is another act)."""
    d = m.date
    if d is None or m.mode not in REPORTED_MODES or m.dropped:
        return None
    if m.sentence.start <= d.span_start < m.sentence.end:
        return None  # m's own words date it
    went = gone_on.get((group, d.span_start, d.span_end))
    if went is None or (m.actor1 is not None and not _same_agent(m, went)):
        return None
    return went


def _same_agent(m: Mention, other: Mention) -> bool:
    return other.actor1 is not None and m.actor1 is not None and m.actor1.name == other.actor1.name


PART_GAP = 400  # characters from the attack's sentence: the same sentence or the next one or two


def _told_apart(text: str) -> bool:
    """Does the text tell another incident ("separately", "elsewhere": the
    ``separate_incident`` phrases of realis_cues.tsv)?"""
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


CLAIM_GAP = 1500  # characters: a claim told a few paragraphs after the attack


def _claimed_act(
    m: Mention, rule: PartOf, beside: list[Mention], told: list[Mention], last: Mention | None
) -> Mention | None:
    """The attack a claim of responsibility claims, told before it: the last act its sentence's
    definite description can stand for ("claimed the mosque bombing": the suicide bombing told
    earlier, not the raid told since), else the act told last ("Al-Shabaab claimed
    responsibility"); none when the sentence names an attack of its own ("claimed a March 2
    attack on a hotel") or tells another incident."""
    if m.mode not in REPORTED_MODES or m.dropped or _told_apart(m.sentence.text):
        return None
    named = [x for x in beside if rule.fits(x.type)]
    if any(not x.definite for x in named):
        return None
    fitting = [a for a in told if rule.fits(a.type) and all(_may_be(x, a) for x in named)]
    ante = (fitting[-1] if fitting else None) if named else last
    if ante is None or not rule.fits(ante.type):
        return None
    near = ante.sentence.start <= m.sentence.start <= ante.sentence.end + CLAIM_GAP
    return ante if near else None


def _may_be(description: Mention, act: Mention) -> bool:
    """Can a definite description ("the bombing") stand for this act told before?"""
    if group_of(description.type) == group_of(act.type):
        return True
    rule = part_of_rules().get(description.type)
    return rule is not None and rule.definite and rule.fits(act.type)


def _one_more(m: Mention) -> bool:
    """A word just before the trigger makes it one more of its kind ("the second blast")."""
    before = m.sentence.text[: m.trigger.start - m.sentence.start].lower().split()[-3:]
    return any(realis_cues().has("another_of_kind", w.strip(",;:")) for w in before)


def _day(m: Mention) -> tuple[str, str] | None:
    return None if m.date is None else (m.date.start, m.date.end)


def _part_of(m: Mention, rule: PartOf, ante: Mention, others: set[str]) -> bool:
    """m, with no day of its own (a definite description: or ante's day), is part of ante: a
    listed type, after ante, near it, by no other agent, with no act of its own sentence that
    could have done it ("killed when shelling hit the town"), and not told as another incident
    ("separately", "elsewhere")."""
    if m.type == ante.type or m.mode not in REPORTED_MODES or m.dropped:
        return False
    if _told_apart(m.sentence.text) or not rule.fits(ante.type):
        return False
    if rule.definite and (not m.definite or _one_more(m)):
        return False  # "another bomb hit a bus", "the second blast": another bomb
    same_day = rule.definite and _day(m) is not None and _day(m) == _day(ante)
    if (_own_day(m) and not same_day) or (rule.no_agent and m.actor1 is not None):
        return False
    if m.actor1 is not None and (ante.actor1 is None or m.actor1.name != ante.actor1.name):
        return False
    if rule.no_agent and any(rule.fits(t) for t in others):
        return False  # "a man was killed when shelling hit the town": that shelling's toll
    return ante.sentence.start <= m.sentence.start <= ante.sentence.end + PART_GAP


def as_part_of(
    m: Mention,
    ante: Mention,
    where: str = "told just before it",
    counts: bool = False,
    claimed: bool = False,
) -> Mention:
    """m as ante's act; its counts go unless ``counts`` keeps those ante lacks (a part's toll
    is not the event's: ACLED keeps the lowest figure, which a partial toll would undercut).
    ``claimed``: m's agent claimed the act, which the inferred actor1 says."""
    how = (
        f"part of the {ante.type} '{ante.trigger.text}' {where}"
        f" (characters {ante.trigger.start}-{ante.trigger.end}): its type and day"
    )
    kept = tuple(x for x in m.inferred if x[0] not in ("date", "type"))
    if claimed and m.actor1 is not None:
        kept = (
            *kept,
            ("actor1", f"claimed responsibility for the {ante.type} '{ante.trigger.text}'"),
        )
    return replace(
        m,
        type=ante.type,
        date=ante.date,
        killed=m.killed if counts and ante.killed is None else None,
        injured=m.injured if counts and ante.injured is None else None,
        inferred=(*kept, ("type", how), ("date", how)),
        refers_to=ante.id,
    )
