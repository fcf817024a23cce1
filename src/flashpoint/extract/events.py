"""Sentences in, event mentions out: trigger, type, actors, counts, date, mode, claimant."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from flashpoint.countries import country_names
from flashpoint.extract.actors import find_actors
from flashpoint.extract.mode import find_claimant, read_mode
from flashpoint.extract.quantities import find_quantities
from flashpoint.extract.roles import assign_roles
from flashpoint.extract.triggers import Trigger, apply_type_rules, find_triggers
from flashpoint.extract.when import choose_date
from flashpoint.groups import group_of
from flashpoint.ontology import load_ontology
from flashpoint.records import Actor, DateValue, Mention, Quantity, Span

COUNT_KINDS = ("participants", "injured", "killed")
MIN_CUE_WEIGHT = 0.3  # weaker cues (a weapon named in passing) do not make an event alone


@dataclass(frozen=True)
class SentenceContext:
    """What a sentence needs from its article."""

    article_id: str
    published: str | None
    country: str | None  # the article's main country, for bare "troops"
    start: int  # offset of the sentence in the clean text
    text: str
    dates: list[DateValue]
    paragraph_date: DateValue | None


def _pick_types(doc: Any, text: str) -> list[tuple[Trigger, str]]:
    """One trigger per merge group (types that can describe one event, data/merge_rules.tsv):
    the strongest wins, ACLED's higher type first. Other groups are other events."""
    ontology = load_ontology()
    best: dict[str, tuple[Trigger, str]] = {}
    for trig in find_triggers(doc, MIN_CUE_WEIGHT):
        event_type = apply_type_rules(trig.type, text)
        if event_type is None:
            continue
        family = group_of(event_type).name
        rank = (ontology[event_type].acled_rank, trig.weight)
        held = best.get(family)
        if held is None or rank > (ontology[held[1]].acled_rank, held[0].weight):
            best[family] = (trig, event_type)
    return sorted(best.values(), key=lambda pair: pair[0].start)


def _claimant(trigger_tok: Any, ctx: SentenceContext) -> Actor | None:
    span = find_claimant(trigger_tok)
    if span is None:
        return None
    s, e = span
    words = ctx.text[s:e]
    found = find_actors(words, context_country=ctx.country)
    base = found[0] if found else None
    return Actor(
        text=words,
        name=base.name if base else words,
        country=base.country if base else None,
        role=base.role if base else "source",
        inter=base.inter if base else None,
        span_start=ctx.start + s,
        span_end=ctx.start + e,
    )


# "killed a man", "a trader was shot dead": one victim named without a number.
_ONE_KILLED = re.compile(
    r"\b(killed|murdered|shot dead|stabbed to death|hacked to death|beaten to death|"
    r"tortured to death|lynched|assassinated|slaughtered) (a|an|one)\b"
    r"|\b(a|an) [\w-]+(?: [\w-]+){0,3} (was|has been) (killed|murdered|shot dead|"
    r"stabbed to death|hacked to death|beaten to death|lynched|assassinated)\b",
    re.IGNORECASE,
)


def _counts(ctx: SentenceContext) -> dict[str, Quantity | None]:
    out: dict[str, Quantity | None] = dict.fromkeys(COUNT_KINDS)
    for q in find_quantities(ctx.text):
        if q.kind in out and out[q.kind] is None:
            out[q.kind] = Quantity(
                q.kind,
                q.min,
                q.max,
                q.text,
                q.span_start + ctx.start,
                q.span_end + ctx.start,
                q.rule,
            )
    if out["killed"] is None:
        m = _ONE_KILLED.search(ctx.text)
        if m:
            out["killed"] = Quantity(
                "killed",
                1,
                1,
                m.group(0),
                ctx.start + m.start(),
                ctx.start + m.end(),
                "singular-victim",
            )
    return out


DEMONSTRATORS = {"Protests": ("Protesters", "protesters", 6), "Riots": ("Rioters", "rioters", 5)}


def demonstrators(
    event_type: str, actor1: Actor | None, country: str | None
) -> tuple[Actor | None, str]:
    """ACLED codes the crowd of a protest or riot by the event type: Protesters (inter 6),
    Rioters (inter 5), unless a state force or an armed group is the actor."""
    spec = DEMONSTRATORS.get(load_ontology()[event_type].acled_event_type or "")
    if spec is None or (actor1 is not None and actor1.inter in (1, 2, 3, 8)):
        return actor1, ""
    name, role, inter = spec
    where = actor1.country if actor1 and actor1.country else country
    base = actor1 or Actor("", name, where, role, inter)
    label = f"{name} ({country_names().get(where, where)})" if where else name
    actor = Actor(
        base.text, label, where, role, inter, base.span_start, base.span_end, base.inferred
    )
    return actor, "ACLED codes the crowd of a protest or riot by the event type"


def _mention_id(article_id: str, start: int, event_type: str) -> str:
    return hashlib.sha256(f"{article_id}:{start}:{event_type}".encode()).hexdigest()[:16]


def sentence_mentions(doc: Any, ctx: SentenceContext, actors: list[Actor]) -> list[Mention]:
    """Every event mention of one parsed sentence."""
    mentions = []
    counts = _counts(ctx)
    for trig, event_type in _pick_types(doc, ctx.text):
        span = doc[trig.start : trig.end]
        root = span.root
        mode, cue = read_mode(root, ctx.text)
        claimant = _claimant(root, ctx)
        actor1, actor2, role_rule = assign_roles(root, actors, ctx.start, claimant)
        actor1, demo_rule = demonstrators(event_type, actor1, ctx.country)
        trigger_at = ctx.start + span.start_char
        when, how = choose_date(
            trigger_at, ctx.dates, ctx.text, ctx.start, ctx.paragraph_date, ctx.published
        )
        inferred: list[tuple[str, str]] = []
        if how:
            inferred.append(("date", how))
        if demo_rule:
            inferred.append(("actor1", demo_rule))
        if role_rule == "nearest" and (actor1 or actor2):
            inferred.append(("actors", "nearest actors to the trigger (no parse link)"))
        if when is not None and when.background and mode not in ("denied", "negated"):
            mode, cue = "historical", when.text
        elif (
            when is not None and ctx.published and when.start > ctx.published and mode == "happened"
        ):
            mode, cue = "planned", when.text
        mentions.append(
            Mention(
                id=_mention_id(ctx.article_id, trigger_at, event_type),
                article_id=ctx.article_id,
                type=event_type,
                trigger=Span(trigger_at, trigger_at + len(span.text), span.text),
                sentence=Span(ctx.start, ctx.start + len(ctx.text), ctx.text),
                mode=mode,
                mode_cue=cue,
                actor1=actor1,
                actor2=actor2,
                actors=tuple(actors),
                participants=counts["participants"],
                injured=counts["injured"],
                killed=counts["killed"],
                date=when,
                claimant=claimant,
                confidence=round(trig.weight * (1.0 if actor1 else 0.8), 3),
                inferred=tuple(inferred),
            )
        )
    return mentions
