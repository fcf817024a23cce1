"""Sentences in, event mentions out: trigger, type, actors, counts, date, mode, claimant."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from flashpoint.confidence import mention_confidence
from flashpoint.countries import country_names
from flashpoint.extract.actors import find_actors
from flashpoint.extract.eventive_model import Candidate, active, probability, threshold
from flashpoint.extract.mode import REPORTING_LEMMAS, find_claimant, read_mode
from flashpoint.extract.quantities import find_quantities
from flashpoint.extract.realis import (
    clause_verb,
    in_series,
    judge,
    load_cues,
    proposition,
    tense,
)
from flashpoint.extract.roles import assign_roles, object_controller
from flashpoint.extract.triggers import (
    Trigger,
    apply_agent_rules,
    apply_type_rules,
    find_triggers,
)
from flashpoint.extract.when import choose_date, dateline_end
from flashpoint.groups import group_of
from flashpoint.ontology import load_ontology
from flashpoint.records import Actor, DateValue, Mention, Quantity, Span

COUNT_KINDS = ("participants", "injured", "killed")
# Deaths and injuries attach only to acts that can cause them (never to a deployment or talks).
HARM_FAMILIES = frozenset({"violence", "explosion", "protest", "riot", "other"})
HARM_TYPES = frozenset({"accidental_detonation", "disrupted_weapons_use", "property_destruction"})
CROWD_FAMILIES = frozenset({"protest", "riot", "violence", "posture"})
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


# "killed a man", "a trader was shot dead", "a youth perished in the firing": one victim
# named without a number.
_ONE_KILLED = re.compile(
    r"\b(killed|murdered|shot dead|stabbed to death|hacked to death|beaten to death|"
    r"tortured to death|lynched|assassinated|slaughtered) (a|an|one)\b"
    r"|\b(a|an) [\w-]+(?: [\w-]+){0,3} (?:(was|has been) (killed|murdered|shot dead|"
    r"stabbed to death|hacked to death|beaten to death|lynched|assassinated)|"
    r"(died|perished) (in|from|after)|succumbed to)\b",
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


def _acled_order(
    event_type: str, agent: Actor | None, patient: Actor | None
) -> tuple[Actor | None, Actor | None]:
    """ACLED's actor order where it is not the sentence's: in a protest with intervention the
    crowd is actor 1 and the state force that broke it up actor 2 ("police dispersed the
    protesters"), so a state agent moves to actor 2 (ontology.tsv, agent_slot)."""
    if load_ontology()[event_type].agent_slot != "actor2":
        return agent, patient
    if agent is None or agent.role not in STATE_ROLES:
        return agent, patient
    crowd = patient if patient is not None and patient.role not in STATE_ROLES else None
    return crowd, agent


def _mention_id(article_id: str, start: int, event_type: str) -> str:
    return hashlib.sha256(f"{article_id}:{start}:{event_type}".encode()).hexdigest()[:16]


def sentence_mentions(doc: Any, ctx: SentenceContext, actors: list[Actor]) -> list[Mention]:
    """Every candidate mention of one parsed sentence; those that report no specific real
    event carry the reason in ``dropped``."""
    mentions = []
    counts = _counts(ctx)
    fresh = [d for d in ctx.dates if not d.background]
    # A dateline's city ("MOGADISHU, March 23 —") says where the report was filed: no actor.
    filed = dateline_end(ctx.text, ctx.start)
    named = [a for a in actors + _named_parties(doc, actors, ctx.start) if a.span_start >= filed]
    for trig, event_type in _pick_types(doc, ctx.text):
        span = doc[trig.start : trig.end]
        root = _event_word(span)
        mode, cue = read_mode(root, ctx.text)
        dated = _dated_here(root, fresh, ctx.start)
        # Any date in its own clause makes a present tense a report, not a habit: a caption
        # "speaks at a rally September 22, 2006" reports that rally (as history).
        dropped = judge(root, ctx.text, mode, _dated_here(root, ctx.dates, ctx.start), event_type)
        claimant = _claimant(root, ctx)
        first = span[0]
        cue_first = (first.idx, first.idx + len(first.text)) if len(span) > 1 else None
        actor1, actor2, role_rule = assign_roles(root, named, ctx.start, claimant, cue_first)
        if actor1 is None:
            actor1 = _trigger_as_actor(span, named, ctx.start)
        actor1, actor2 = _acled_order(event_type, actor1, actor2)
        by_agent = _by_agent(event_type, actor1, ctx.country)
        actor1, demo_rule = demonstrators(by_agent, actor1, ctx.country)
        trigger_at = ctx.start + span.start_char
        reported = mode == "happened"
        when, how = choose_date(
            trigger_at, ctx.dates, ctx.text, ctx.start, ctx.paragraph_date, ctx.published, reported
        )
        inferred: list[tuple[str, str]] = []
        if how:
            inferred.append(("date", how))
        if demo_rule:
            inferred.append(("actor1", demo_rule))
        if by_agent != event_type:
            inferred.append(("type", f"ACLED codes {event_type} by its agent: {by_agent}"))
            event_type = by_agent
        if when is not None and when.background and mode in ("happened", "claimed"):
            mode, cue = "historical", when.text
        elif (
            when is not None and ctx.published and when.start > ctx.published and mode == "happened"
        ):
            mode, cue = "planned", when.text
        if not dropped:
            role = actor1.role if actor1 is not None else ""
            dropped = _unspecific(event_type, mode, actor1, how, root) or _no_act(
                root, span, event_type, actors, ctx.start, dated, role
            )
        if active():  # the trained check, when switched on (extract.eventive_threshold)
            p = probability(
                Candidate(
                    root,
                    ctx.text,
                    load_ontology()[event_type].family,
                    mode,
                    dropped,
                    dated,
                    how,
                    role_rule if actor1 is not None else "",
                    trig.weight,
                ),
                key=_mention_id(ctx.article_id, trigger_at, event_type),
            )
            if not dropped and p < threshold():
                dropped = f"classifier: p={p:.2f}"
        kept_counts = _counts_for(event_type, counts)
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
                participants=kept_counts["participants"],
                injured=kept_counts["injured"],
                killed=kept_counts["killed"],
                date=when,
                claimant=claimant,
                confidence=mention_confidence(
                    trig.weight,
                    root,
                    mode,
                    actor1,
                    role_rule,
                    how,
                    in_series(root),
                    counted=kept_counts["killed"] is not None or kept_counts["injured"] is not None,
                ),
                inferred=tuple(inferred),
                cue_weight=trig.weight,
                several=_several(root),
                dropped=dropped,
            )
        )
    return mentions


NAMED_ROLES = {"PERSON": "person", "ORG": "organisation", "NORP": "group"}


def _by_agent(event_type: str, actor1: Actor | None, country: str | None) -> str:
    """The type ACLED gives the act of this agent (``agent`` rows of type_rules.tsv)."""
    if actor1 is None:
        return event_type
    domestic = actor1.country is None or country is None or actor1.country == country
    return apply_agent_rules(event_type, actor1.inter, domestic)


def _event_word(span: Any) -> Any:
    """The word of the act: the parse's root, except in a noun compound the parser headed by
    its first word ('police firing' parsed as 'police' with 'firing' under it). English
    compounds are head-final, and the agent in front is no kind of act."""
    root, last = span.root, span[-1]
    compound = not any(t.pos_ == "ADP" for t in span) and root.i != last.i
    if compound and root.pos_ in ("NOUN", "PROPN") and last.tag_ in ("NN", "NNS", "VBG"):
        return last
    return root


def _named_parties(doc: Any, actors: list[Actor], offset: int) -> list[Actor]:
    """People and organisations the parser names that the actor table does not know
    ("Mubarak blamed ..."): they can be the agent too, with no ACLED code of their own."""
    taken = [(a.span_start, a.span_end) for a in actors]
    out = []
    for ent in doc.ents:
        role = NAMED_ROLES.get(ent.label_)
        start, end = offset + ent.start_char, offset + ent.end_char
        if role and not any(s < end and start < e for s, e in taken):
            out.append(Actor(ent.text, ent.text, None, role, None, start, end))
    return out


def _trigger_as_actor(span: Any, actors: list[Actor], offset: int) -> Actor | None:
    """A cue that names the people who act ("protesters gathered", "a demonstrator stands"):
    they are the actor of their own act."""
    start, end = offset + span.start_char, offset + span.end_char
    return next((a for a in actors if a.span_start <= start and end <= a.span_end), None)


def _several(trigger: Any) -> bool:
    """A plural event noun counted or gathered in a series: several events in one phrase
    ("three separate crossing incidents": the count is on the noun the cue modifies)."""
    if trigger.dep_ in ("compound", "amod") and trigger.head.pos_ == "NOUN":
        trigger = trigger.head
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.tag_ not in ("NNS", "NNPS"):
        return False
    counts = [c for c in trigger.children if c.dep_ == "nummod"]
    return in_series(trigger) or any(c.like_num or c.lower_ in NUMBER_WORDS for c in counts)


def _dated_here(trigger: Any, dates: list[DateValue], offset: int) -> bool:
    """A date stands in the trigger's own clause ("summoned the envoy today over the deal
    signed last week": "today" dates the summons, not the signing)."""
    if not dates:
        return False
    chain = proposition(trigger)
    verb = clause_verb(trigger, chain) or trigger
    tokens = list(verb.subtree)
    start, end = tokens[0].idx + offset, tokens[-1].idx + len(tokens[-1].text) + offset
    return any(start <= d.span_start and d.span_end <= end for d in dates)


def _unspecific(
    event_type: str, mode: str, actor1: Actor | None, date_how: str, trigger: Any
) -> str:
    """A threatened act is not an event (the threat is); a plan is one only when the sentence
    names who plans it and when, and it is not what someone was ordered or asked to do (the
    order is the event: "directed the corps to build defences")."""
    if mode == "threatened" and event_type != "threat":
        return "irrealis: threatened, not done"
    if mode == "planned" and (actor1 is None or actor1.inferred or date_how):
        return "not_specific: planned with no actor or date of its own"
    ordered_by = object_controller(trigger) if mode == "planned" else None
    if ordered_by is not None:
        return f"not_specific: '{trigger.text}' is what '{ordered_by.text}' asks, not a plan"
    return ""


NON_POLITICAL_ROLES = frozenset({"civilians", "media"})
NUMBER_WORDS = frozenset("two three four five six seven eight nine ten several".split())
STATE_ROLES = frozenset({"military", "government", "police"})
NEEDS_POLITICAL_ACTOR = frozenset({"political", "posture"})


def _no_act(
    root: Any,
    span: Any,
    event_type: str,
    actors: list[Actor],
    offset: int,
    dated: bool,
    actor1_role: str,
) -> str:
    """The cue names people ("demonstrators' pleas") rather than reporting their act, or a
    political act has no political actor anywhere in the sentence (firms holding talks)."""
    start, end = offset + span.start_char, offset + span.end_char
    names_people = any(a.span_start <= start and end <= a.span_end for a in actors) or (
        root.pos_ in ("NOUN", "PROPN") and load_cues().has("people_noun", root.lemma_.lower())
    )
    if names_people and not _acts(root, dated):
        return f"not_an_act: '{span.text}' names people, no act of theirs is reported"
    entry = load_ontology()[event_type]
    family = entry.family
    if (
        entry.acled_event_type == "Protests"
        and entry.disorder_type == "Demonstrations"  # force against protesters is the state's
        and actor1_role in STATE_ROLES
        and not _joins(root, load_cues())
    ):
        return (
            f"not_an_act: a state ({actor1_role}) is not a protester (ACLED: protesters, inter 6)"
        )
    if (
        root.dep_ == "acl"
        and root.tag_ == "VBN"
        and not dated
        and family in NEEDS_POLITICAL_ACTOR
        and not _headline_predicate(root)
    ):
        return f"not_an_act: '{root.text}' describes '{root.head.text}'"
    if family in NEEDS_POLITICAL_ACTOR and not _political_party(span.doc, actors):
        return "not_political: no state, armed group or political actor in the sentence"
    firm = _business_agent(root)
    if family == "political" and firm:
        return f"not_political: '{firm}' is a business, its talks and deals are commerce"
    return ""


def _business_agent(trigger: Any) -> str:
    """The subject of the trigger's clause, when it is a business ("many companies are
    holding talks with the Soviets"): a firm's talks, deals and claims are not political
    events, whoever it deals with."""
    verb = clause_verb(trigger, proposition(trigger))
    if verb is None:
        return ""
    for c in verb.children:
        if c.dep_ == "nsubj" and load_cues().has("business_noun", c.lemma_.lower()):
            return str(c.text)
    return ""


def _headline_predicate(participle: Any) -> bool:
    """Headlines drop the auxiliary: in "2 men charged in teen's death" the sentence's root
    is the noun, so the participle is its predicate, not a description of the men."""
    head = participle.head
    return bool(head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN"))


def _joins(trigger: Any, cues: Any) -> bool:
    """ "Police officers joined the demonstrations": officers who join or stage a protest are
    protesters (a state's own protest is a diplomatic note, not a crowd)."""
    return bool(
        trigger.dep_ in ("dobj", "pobj") and cues.has("participation_verb", _verb_lemma(trigger))
    )


def _verb_lemma(noun: Any) -> str:
    head = noun.head
    if noun.dep_ == "pobj" and head.head.pos_ == "VERB":  # "took part in the rally"
        head = head.head
    return str(head.lemma_).lower()


def _political_party(doc: Any, actors: list[Actor]) -> bool:
    """A state, armed group, official or nation in the sentence: an actor from the table, or a
    person, country or nationality the parser names (firms and things are not enough)."""
    if any(a.role not in NON_POLITICAL_ROLES and not a.inferred for a in actors):
        return True
    if any(ent.label_ in ("PERSON", "GPE", "NORP") for ent in doc.ents):
        return True
    return any(load_cues().has("political_noun", t.lemma_.lower()) for t in doc)


def _acts(noun: Any, dated: bool) -> bool:
    """A people noun reports an act when it (or the phrase it sits in: "hundreds of
    protesters") is the subject of a verb in the past, perfect or progressive, or of a
    dated present ("a protester totes a shield on Thursday"). Telling a reporter something,
    or being described ("were angry"), is not that act."""
    if noun.pos_ == "VERB":
        return True
    token = noun
    for _ in range(3):
        if token.dep_ == "agent":  # "targeted by a suicide bomber"
            token = token.head
            form = tense(token)
            return form in ("past", "perfect", "progressive") or (form == "present" and dated)
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
            verb = token.head.lemma_.lower()
            # "demonstrators told CNN", "protesters have become emboldened": what they say
            # or what they are like is not their act
            if verb in REPORTING_LEMMAS or load_cues().has("description_verb", verb):
                return False
            form = tense(token.head)
            return form in ("past", "perfect", "progressive") or (form == "present" and dated)
        if token.dep_ not in ("pobj", "prep", "compound", "conj", "appos"):
            return False
        token = token.head
    return False


def _counts_for(event_type: str, counts: dict[str, Quantity | None]) -> dict[str, Quantity | None]:
    """Deaths and injuries belong to events that can cause them; a crowd size to gatherings."""
    family = load_ontology()[event_type].family
    out = dict(counts)
    if family not in HARM_FAMILIES and event_type not in HARM_TYPES:
        out["killed"] = out["injured"] = None
    if family not in CROWD_FAMILIES:
        out["participants"] = None
    return out
