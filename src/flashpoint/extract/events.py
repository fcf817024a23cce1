"""Sentences in, event mentions out: trigger, type, actors, counts, date, mode, claimant."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from flashpoint.extract.actors import find_actors
from flashpoint.extract.mode import find_claimant, read_mode
from flashpoint.extract.quantities import find_quantities
from flashpoint.extract.roles import assign_roles
from flashpoint.extract.triggers import Trigger, apply_type_rules, find_triggers
from flashpoint.extract.when import choose_date
from flashpoint.ontology import load_ontology
from flashpoint.records import Actor, DateValue, Mention, Quantity, Span

COUNT_KINDS = ("participants", "injured", "killed")


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
    """One trigger per event family: the strongest type wins, ACLED's higher type first."""
    ontology = load_ontology()
    best: dict[str, tuple[Trigger, str]] = {}
    for trig in find_triggers(doc):
        event_type = apply_type_rules(trig.type, text)
        if event_type is None:
            continue
        family = ontology[event_type].family
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
    return out


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
        trigger_at = ctx.start + span.start_char
        when, how = choose_date(
            trigger_at, ctx.dates, ctx.text, ctx.start, ctx.paragraph_date, ctx.published
        )
        inferred: list[tuple[str, str]] = []
        if how:
            inferred.append(("date", how))
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
