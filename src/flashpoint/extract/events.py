"""Sentences in, event mentions out: trigger, type, actors, counts, date, mode, claimant."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from flashpoint.confidence import mention_confidence
from flashpoint.countries import demonym_country
from flashpoint.extract.acled_names import demonstrators, state_agent
from flashpoint.extract.actors import find_actors
from flashpoint.extract.acts import no_act, ongoing, unspecific
from flashpoint.extract.clauses import continues, definite
from flashpoint.extract.clauses import load_cues as realis_cues
from flashpoint.extract.comparisons import yardstick
from flashpoint.extract.datelines import dateline_end
from flashpoint.extract.eventive_model import Candidate, active, probability, threshold
from flashpoint.extract.generic import in_series
from flashpoint.extract.mode import find_claimant, read_mode
from flashpoint.extract.munitions import munition_held
from flashpoint.extract.patients import people_only
from flashpoint.extract.quantities import find_quantities
from flashpoint.extract.realis import judge, scare_quoted
from flashpoint.extract.roles import assign_roles, city_in_front, reacted_to, role_cues
from flashpoint.extract.senses import other_sense
from flashpoint.extract.tolls import fold_tolls
from flashpoint.extract.triggers import Trigger, find_triggers, names_people
from flashpoint.extract.type_rules import (
    Frame,
    apply_agent_rules,
    apply_frame_rules,
    apply_patient_rules,
    apply_type_rules,
    taking_verbs,
)
from flashpoint.extract.when import (
    choose_date,
    clause_dates,
    dated_here,
    dates_the_report,
    in_own_relative_clause,
    reaction_since_story,
    since_story_day,
    story_note,
)
from flashpoint.groups import group_of
from flashpoint.ontology import load_ontology
from flashpoint.records import (
    STATE_ROLES,
    UNDATED_RULE,
    Actor,
    DateValue,
    Mention,
    Quantity,
    Span,
)

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
    story_date: DateValue | None = None  # the last day the article named before it
    # the names the article gives a political title (extract/titled.py); None: not read, so
    # any named person may be a political party
    titled: frozenset[str] | None = None
    # the natural hazards the article reports (``frame`` rows of data/type_rules.tsv)
    frames: tuple[Frame, ...] = ()
    # the article is told from the time of its report (extract.anchored_to_report): an act
    # it gives no date may be new; in one whose dates are all long past, it is history
    anchored: bool = True
    # where the sentence's unnamed crowd is from, when it says more than the article's main
    # country: the one country it names as a place, or the crowd the article last named
    crowd_country: str | None = None


def _pick_types(doc: Any, text: str) -> list[tuple[Trigger, str]]:
    """One trigger per merge group (types that can describe one event, data/merge_rules.tsv)
    and clause: one that names the act (:func:`_names_act`) before one that does not, a word
    for the act before a word for the people it befalls ("soldiers killed two gunmen" is told
    by 'killed', not by 'gunmen'; "gunmen opened fire" keeps 'gunmen'), then the strongest,
    ACLED's higher type first. Other groups are other events; a clause with a subject of its
    own reports an act of its own ("a woman was burnt alive and a youth perished in police
    firing")."""
    ontology = load_ontology()
    best: dict[tuple[str, int], tuple[tuple[bool, bool, int, float], Trigger, str]] = {}
    typed: dict[str, str | None] = {}  # the type rules' verdict on each cue type, once

    def retyped(trig: Trigger) -> str | None:
        if trig.type not in typed:
            typed[trig.type] = apply_type_rules(trig.type, text)
        return typed[trig.type]

    for trig in find_triggers(doc, MIN_CUE_WEIGHT, lambda t: retyped(t) is not None):
        event_type = retyped(trig)
        if event_type is None:
            continue
        word = _event_word(doc[trig.start : trig.end])
        key = (group_of(event_type).name, _own_clause(word))
        rank = (
            _names_act(word),
            not _names_patients(word),
            ontology[event_type].acled_rank,
            trig.weight,
        )
        held = best.get(key)
        if held is None or rank > held[0]:
            best[key] = (rank, trig, event_type)
    return sorted(((t, e) for _, t, e in best.values()), key=lambda pair: pair[0].start)


def _names_patients(word: Any) -> bool:
    """The word names people who undergo the sentence's act, not who do it: not the subject
    of a verb nor its agent ("by gunmen"), also through "one of", a compound or a list; nor
    what the act is done with ("pounded the posts with artillery")."""
    if not names_people(word):
        return False
    token = word
    for _ in range(4):
        if token.dep_ in ("nsubj", "agent") or token.lower_ in ("with", "using"):
            return False
        if token.dep_ not in ("pobj", "prep", "compound", "conj", "appos"):
            return True
        token = token.head
    return True


def _names_act(word: Any) -> bool:
    """Not a word in another sense (data/sense_rules.tsv) nor one the writer doubts in scare
    quotes: such a word never hides a trigger of the same act beside it ("raiders slaughtered
    the cattle and killed two herders", "killed in an 'encounter'"). A planned or asked act
    keeps its rank: the strongest word still decides how the clause tells the act."""
    return not (other_sense(word) or scare_quoted(word))


def _own_clause(word: Any) -> int:
    """The token index of the coordinated clause, with a subject of its own, that holds the
    word; -1 for the sentence's main clause."""
    for tok in [word, *word.ancestors]:
        subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and subject:
            return int(tok.i)
    return -1


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


def _feature_history(ctx: SentenceContext, when: DateValue | None, mode: str) -> bool:
    """An act told as done with no date, in an article not told from the time of its report
    (a feature, a review, a column: extract.anchored_to_report): its history."""
    undated = when is not None and when.rule == UNDATED_RULE
    return not ctx.anchored and undated and mode in ("happened", "claimed")


def _mention_id(article_id: str, start: int, event_type: str) -> str:
    return hashlib.sha256(f"{article_id}:{start}:{event_type}".encode()).hexdigest()[:16]


def sentence_mentions(doc: Any, ctx: SentenceContext, actors: list[Actor]) -> list[Mention]:
    """Every candidate mention of one parsed sentence; those that report no specific real
    event carry the reason in ``dropped``."""
    mentions, roots = [], []
    counts = _counts(ctx)
    fresh = [d for d in ctx.dates if not d.background]
    # A dateline's city ("MOGADISHU, March 23 —") says where the report was filed: no actor.
    filed = dateline_end(ctx.text, ctx.start)
    actors = [a for a in actors if not city_in_front(a, doc, ctx.start)]
    named = [a for a in actors + _named_parties(doc, actors, ctx.start) if a.span_start >= filed]
    for trig, event_type in _pick_types(doc, ctx.text):
        span = doc[trig.start : trig.end]
        root = _event_word(span)
        mode, cue = read_mode(root, ctx.text, event_type)
        dated = dated_here(root, fresh, ctx.start)
        # Any date in its own clause makes a present tense a report, not a habit: a caption
        # "speaks at a rally September 22, 2006" reports that rally (as history).
        dropped = judge(root, ctx.text, mode, dated_here(root, ctx.dates, ctx.start), event_type)
        claimant = _claimant(root, ctx)
        first = span[0]
        cue_first = (first.idx, first.idx + len(first.text)) if len(span) > 1 else None
        actor1, actor2, role_rule = assign_roles(root, named, ctx.start, claimant, cue_first)
        if actor1 is None:
            actor1 = _trigger_as_actor(span, named, ctx.start)
        if actor2 is not None and _cue_modifier(actor2, span, root, ctx.start):
            actor2 = None  # "began military drills": a word of the cue names the act's kind
        actor1, actor2 = _acled_order(event_type, actor1, actor2)
        taken = _by_patient(event_type, root, actor1)
        by_agent = _by_agent(taken, actor1, ctx.country, ctx.text)
        actor1, demo_rule = demonstrators(by_agent, actor1, ctx.crowd_country or ctx.country)
        actor1, actor2, renamed = state_agent(by_agent, actor1, actor2)
        trigger_at = ctx.start + span.start_char
        reported = mode in ("happened", "claimed")  # told as done: before publication
        when, how = choose_date(
            trigger_at,
            clause_dates(root, ctx.dates, ctx.start),
            ctx.text,
            ctx.start,
            ctx.paragraph_date,
            ctx.published,
            reported,
            ctx.story_date,
        )
        told = when is not None and in_own_relative_clause(root, when, ctx.start)
        if not how and not told and reacted_to(root):  # "confirmed the attack on Saturday"
            when = since_story_day(when, ctx.story_date)
            how = "the sentence dates the reaction to it: the act was then or before"
            how += story_note(when, ctx.story_date)
        elif not how and when is not None and dates_the_report(root, when, ctx.start):
            when = since_story_day(when, ctx.story_date)
            how = "the date of the report: the act was then or before"
            how += story_note(when, ctx.story_date)
        elif when is not None and when.rule == UNDATED_RULE and not dropped:
            answered = reaction_since_story(root, event_type, ctx.story_date, ctx.published)
            if answered is not None:
                when = answered
                how = "a statement on an act the story told: from the story's last day"
                how += f" ({answered.start}) to publication"
        inferred: list[tuple[str, str]] = []
        if how:
            inferred.append(("date", how))
        if demo_rule:
            inferred.append(("actor1", demo_rule))
        if renamed is not None:
            inferred.append(renamed)
        if taken != event_type:
            inferred.append(("type", f"the act takes people, not ground: {taken}"))
            event_type = taken
        if by_agent != event_type:
            inferred.append(("type", f"ACLED codes {event_type} by its agent: {by_agent}"))
            event_type = by_agent
        if actor1 is None and ctx.frames:
            framed, word = apply_frame_rules(event_type, ctx.frames, ctx.text)
            if framed != event_type:
                why = f"the article reports a natural hazard ('{word}') and the sentence names"
                inferred.append(("type", f"{why} no one who did it: {framed}"))
                event_type = framed
        sure_mode = ""  # the mode confidence weighs, when it is not the mode given
        if when is not None and when.background and mode in ("happened", "claimed"):
            mode, cue = "historical", when.text
        elif _feature_history(ctx, when, mode):
            # the article's anchoring says when the act was, not how sure its report is
            sure_mode, mode = mode, "historical"
            cue = "no date, in an article whose dates are all long past"
        elif (
            when is not None and ctx.published and when.start > ctx.published and mode == "happened"
        ):
            mode, cue = "planned", when.text
        if not dropped:
            role = actor1.role if actor1 is not None else ""
            dropped = (
                unspecific(event_type, mode, actor1, how, root)
                or ongoing(event_type, mode, when)
                or munition_held(root, event_type)
                or yardstick(root)
                or no_act(root, span, event_type, actors, ctx.start, dated, role, ctx.titled)
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
        roots.append(root)
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
                    sure_mode or mode,
                    actor1,
                    role_rule,
                    how,
                    in_series(root),
                    counted=kept_counts["killed"] is not None or kept_counts["injured"] is not None,
                ),
                inferred=tuple(inferred),
                cue_weight=trig.weight,
                several=_several(root),
                definite=definite(root),
                continues=continues(root),
                dropped=dropped,
            )
        )
    return fold_tolls(mentions, roots)


NAMED_ROLES = {"PERSON": "person", "ORG": "organisation", "NORP": "group"}


def _by_patient(event_type: str, root: Any, actor1: Actor | None) -> str:
    """The type when the act takes people, not ground (``patient`` rows of type_rules.tsv)."""
    if root.lemma_.lower() not in taking_verbs():
        return event_type
    inter = actor1.inter if actor1 is not None else None
    return apply_patient_rules(event_type, lambda words: people_only(root, words), inter)


def _by_agent(event_type: str, actor1: Actor | None, country: str | None, sentence: str) -> str:
    """The type ACLED gives the act of this agent (``agent`` rows of type_rules.tsv), refined
    by the new type's own rows."""
    if actor1 is None:
        return event_type
    domestic = actor1.country is None or country is None or actor1.country == country
    agent_type = apply_agent_rules(event_type, actor1.inter, domestic, sentence)
    if agent_type == event_type:
        return event_type
    return apply_type_rules(agent_type, sentence, refine_only=True) or agent_type


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
    sites = role_cues()["site_noun"]  # 'the Kasr Al Nile Bridge' is a place, not a party
    for ent in doc.ents:
        role = NAMED_ROLES.get(ent.label_)
        start, end = offset + ent.start_char, offset + ent.end_char
        if ent.root.lemma_.lower() in sites:
            continue
        if role and not any(s < end and start < e for s, e in taken):
            country = _people_country(ent)
            out.append(Actor(ent.text, ent.text, country, role, None, start, end))
    return out


def _people_country(ent: Any) -> str | None:
    """The country of a people named as a party ('thousands of Italians'); an adjective
    ('Iraqi oil', 'the Iraqi envoy') names no party of its own."""
    if ent.label_ != "NORP" or ent.root.dep_ in ("amod", "compound"):
        return None
    return demonym_country(ent.text)


def _trigger_as_actor(span: Any, actors: list[Actor], offset: int) -> Actor | None:
    """A cue that names the people who act ("protesters gathered", "a demonstrator stands"):
    they are the actor of their own act."""
    start, end = offset + span.start_char, offset + span.end_char
    return next((a for a in actors if a.span_start <= start and end <= a.span_end), None)


def _cue_modifier(actor: Actor, span: Any, root: Any, offset: int) -> bool:
    """The actor is a word of the cue in front of its head ("military" in "military drills"),
    not the patient a cue may hold after it ("killed two protesters")."""
    head_at = offset + root.idx
    return bool(offset + span.start_char <= actor.span_start and actor.span_end <= head_at)


def _several(trigger: Any) -> bool:
    """A plural event noun counted or gathered in a series: several events in one phrase
    ("three separate crossing incidents": the count is on the noun the cue modifies)."""
    if trigger.dep_ in ("compound", "amod") and trigger.head.pos_ == "NOUN":
        trigger = trigger.head
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.tag_ not in ("NNS", "NNPS"):
        return False
    if trigger.lemma_.lower() in role_cues()["weapon_noun"]:
        # "several drones hit the district": munitions counted, one attack, unless the
        # sentence spreads them ("two bombs exploded in separate markets")
        return in_series(trigger) or any(
            t.dep_ == "amod" and realis_cues().has("another_of_kind", t.lower_)
            for t in trigger.sent
        )
    counts = [c for c in trigger.children if c.dep_ == "nummod"]
    return in_series(trigger) or any(c.like_num or c.lower_ in NUMBER_WORDS for c in counts)


NUMBER_WORDS = frozenset("two three four five six seven eight nine ten several".split())


def _counts_for(event_type: str, counts: dict[str, Quantity | None]) -> dict[str, Quantity | None]:
    """Deaths and injuries belong to events that can cause them; a crowd size to gatherings."""
    family = load_ontology()[event_type].family
    out = dict(counts)
    if family not in HARM_FAMILIES and event_type not in HARM_TYPES:
        out["killed"] = out["injured"] = None
    if family not in CROWD_FAMILIES:
        out["participants"] = None
    return out
