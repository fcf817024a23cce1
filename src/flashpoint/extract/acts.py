"""Candidates that name no act of their own: a plan with no planner or date, an order's
content, a period of activity ("fighting since January"), people named rather than acting, a
political act with no political actor."""

from __future__ import annotations

from calendar import monthrange
from datetime import date
from typing import Any

from flashpoint.extract.clauses import clause_verb, load_cues, proposition, tense
from flashpoint.extract.mode import REPORTING_LEMMAS
from flashpoint.extract.patients import of_objects
from flashpoint.extract.roles import object_controller
from flashpoint.groups import group_of
from flashpoint.ontology import load_ontology
from flashpoint.records import STATE_ROLES, Actor, DateValue


def unspecific(
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


ONGOING_DAYS = 31  # "since X" over more than a month tells of a period, not one incident
MID_MONTH = 15  # a month named without a day is taken from its middle


def ongoing(event_type: str, mode: str, when: DateValue | None) -> str:
    """An incident told only as going on "since January" (the fighting, the raids): a period
    of activity, which ACLED codes as the incidents it is made of, not as one. A campaign that
    is one act over months (mine laying, fortification: ``merge_rules.tsv``) stays."""
    if when is None or not when.rule.startswith("since-") or mode not in ("happened", "claimed"):
        return ""
    start = date.fromisoformat(when.start)
    if when.precision != "day":  # "since late March", "since January": from mid-month
        start = start.replace(day=min(MID_MONTH, monthrange(start.year, start.month)[1]))
    days = (date.fromisoformat(when.end) - start).days
    if days <= ONGOING_DAYS or group_of(event_type).campaign:
        return ""
    return f"generic: going on '{when.text}', a period of acts, not one incident"


NON_POLITICAL_ROLES = frozenset({"civilians", "media"})
NEEDS_POLITICAL_ACTOR = frozenset({"political", "posture"})
# a business doing these is commerce: talks, deals, a claim, an agreement, a site set up
COMMERCE_FAMILIES = NEEDS_POLITICAL_ACTOR | {"strategic"}


def no_act(
    root: Any,
    span: Any,
    event_type: str,
    actors: list[Actor],
    offset: int,
    dated: bool,
    actor1_role: str,
    titled: frozenset[str] | None = None,
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
    if event_type == "peaceful_protest" and _demand_of_no_crowd(root):
        return (
            f"not_an_act: '{root.text}' is a demand by a person or a body, a statement "
            "(CAMEO 10), not a crowd's protest"
        )
    if (
        root.dep_ == "acl"
        and root.tag_ == "VBN"
        and not dated
        and family in NEEDS_POLITICAL_ACTOR
        and not _headline_predicate(root)
    ):
        return f"not_an_act: '{root.text}' describes '{root.head.text}'"
    officials = _for_officials(entry)  # a visit, talks, an order, forces moved
    if (
        family in NEEDS_POLITICAL_ACTOR
        and not _names_force(span, root)
        and not _political_party(actors, root, titled if officials else None)
    ):
        return "not_political: no state, armed group or political actor in the sentence"
    if family == "posture" and not _names_force(span, root) and not _armed_party(actors, root):
        return "not_political: a posture act moves armed forces, and none is among its parties"
    firm = _business_agent(root) if family in COMMERCE_FAMILIES else ""
    if firm:
        return f"not_political: '{firm}' is a business, its talks and deals are commerce"
    person = _private_agent(root, titled, event_type) if officials and family == "political" else ""
    if person:
        return f"not_political: '{person}' is a private person, not an official"
    return ""


def _names_force(span: Any, root: Any) -> bool:
    """A posture cue that names the state's forces as what it moves or raises ("tightened
    security", "security was tightened", "the deployment of troops") names its political
    party, unless the sentence is about a business ("the bank said security was enhanced")."""
    cues = load_cues()
    moved = [*span, *(c for c in root.children if c.dep_ == "nsubjpass")]
    if not any(cues.has("force_noun", t.lemma_.lower()) for t in moved) and not _moved_of(root):
        return False
    # the business must be who acts or speaks ("the bank said security was enhanced"), not any
    # word of the sentence ("after a supplier of jet fuel received threats")
    speakers = [c for v in [root, *root.ancestors] for c in v.children if c.dep_ == "nsubj"]
    return not any(cues.has("business_noun", t.lemma_.lower()) for t in speakers)


def _moved_of(root: Any) -> list[Any]:
    """What a posture noun moves, named after 'of' ("the deployment of troops", "of two
    companies of reserve police"): an object, or a joined one, that names armed forces
    (``armed_noun``), or a collective whose own 'of' does; a company of personnel or guards
    may be a firm's or a school's, and stays unread."""
    if root.pos_ != "NOUN":
        return []
    cues = load_cues()
    objects = [t for o in of_objects(root) for t in (o, *o.conjuncts)]
    armed = [t for t in objects if cues.has("armed_noun", t.lemma_.lower())]
    return armed + [
        g for t in objects for g in of_objects(t) if cues.has("armed_noun", g.lemma_.lower())
    ]


def _business_agent(trigger: Any) -> str:
    """The subject of the trigger's clause, when it is a business ("many companies are
    holding talks with the Soviets"): a firm's talks, deals and claims are not political
    events, whoever it deals with."""
    verb = clause_verb(trigger, proposition(trigger))
    if verb is None:
        return ""
    for c in verb.children:
        if c.dep_ != "nsubj":
            continue
        if c.lower_ == "it" and verb.dep_ == "ccomp":  # "Harbor Foods Inc said it agreed"
            c = next((s for s in verb.head.children if s.dep_ == "nsubj"), c)
        if _a_business(c):
            return str(c.doc[c.left_edge.i : c.i + 1].text)
    return ""


def _a_business(noun: Any) -> bool:
    """A business noun ("many companies"), or a name with a corporate suffix ("Acme Trading
    Ltd", "Harbor Foods Inc")."""
    cues = load_cues()
    if cues.has("business_noun", noun.lemma_.lower()):
        return True
    name = noun.doc[noun.left_edge.i : noun.i + 1]
    return any(cues.has("corporate_suffix", t.lower_.rstrip(".")) for t in name)


def _private_agent(trigger: Any, titled: frozenset[str] | None, event_type: str) -> str:
    """Who visits or meets, when it is a private person ("my parents visited Wales", "a
    pupil who visited the US", "a girl on the same trip"): kin, friends, pupils, tourists
    (``private_person``) with no name, title or political word of their own ("student
    leaders", "the son of the former dictator" are not); '' otherwise. Talks with a
    political party ("families of the hostages met the prime minister") are not private."""
    cues = load_cues()
    verb = clause_verb(trigger, proposition(trigger))
    agents = [c for c in trigger.children if c.dep_ == "poss"]
    if not agents and trigger.dep_ == "pobj" and trigger.head.head.pos_ == "NOUN":
        agents.append(trigger.head.head)  # "a girl on the trip"
    if not agents and verb is not None:
        agents += [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.dep_ == "relcl":
            agents.append(verb.head)  # "a pupil who visited"
    for agent in agents:
        if event_type == "visit" and _relief_or_press(agent, cues):
            return str(agent.text)
        private = agent.pos_ == "NOUN" and cues.has("private_person", agent.lemma_.lower())
        if not private or any(_names_someone(c, cues) for c in agent.children):
            continue
        others = [t for t in _parties(trigger) if not (agent.i <= t.i <= agent.right_edge.i)]
        if event_type != "visit" and any(
            _named_party(t, titled) or cues.has("political_noun", t.lemma_.lower()) for t in others
        ):
            continue
        return str(agent.text)
    return _kin_partner(trigger, verb, cues, event_type) if event_type != "visit" else ""


def _relief_or_press(agent: Any, cues: Any) -> bool:
    """Rescuers, aid workers and reporters ("rescue teams", "British aid workers") visit for
    no state; with an organisation of their own named ("UN aid workers") they may."""
    if agent.pos_ != "NOUN":
        return False
    work = [agent, *(c for c in agent.children if c.dep_ in ("compound", "amod"))]
    if not any(cues.has("relief_or_press", t.lemma_.lower()) for t in work):
        return False
    own = [t for t in agent.subtree if t is not agent]
    political = (t for t in own if cues.has("political_noun", t.lemma_.lower()))
    return not any(t.ent_type_ == "ORG" for t in own) and next(political, None) is None


def _kin_partner(trigger: Any, verb: Any | None, cues: Any, event_type: str) -> str:
    """Talks held 'with' one's own kin or friend ("discussed the war with his son"), or one's
    own kin or friend met ("met his wife while campaigning"): a private meeting, whoever holds
    it. Kin named or titled ("his brother, the defence minister", "his son the crown prince",
    "his friend Berlusconi") are officials."""
    heads = [trigger, *([verb] if verb is not None else [])]
    withs = (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "with")
    partners = [g for prep in withs for g in prep.children if g.dep_ == "pobj"]
    if event_type == "meeting" and trigger.pos_ == "VERB":
        partners += [c for c in trigger.children if c.dep_ == "dobj"]
    for partner in partners:
        own = any(c.dep_ == "poss" and c.lower_ != "its" for c in partner.children)
        if (
            own
            and cues.has("private_partner", partner.lemma_.lower())
            and not _kin_named(partner, cues)
        ):
            return str(partner.text)
    return ""


def _kin_named(partner: Any, cues: Any) -> bool:
    """A kin word with a name, a title or a political word of its own, in apposition or
    beside it ("his brother, the army chief", "his sister Kim Yo Jong")."""
    # not an adjective: "his American wife" is as private as "his wife"
    near = [c for c in partner.children if c.dep_ in ("appos", "compound", "npadvmod")]
    nxt = partner.doc[partner.i + 1] if partner.i + 1 < len(partner.doc) else None
    if nxt is not None and nxt.head.i == partner.i and nxt.dep_ not in ("punct", "prep"):
        near.append(nxt)
    return any(
        c.pos_ == "PROPN" or c.ent_type_ == "PERSON" or _names_someone(c, cues) for c in near
    ) or any(
        cues.has("political_title", t.lower_) or cues.has("political_noun", t.lemma_.lower())
        for c in near
        for t in c.subtree
    )


def _names_someone(word: Any, cues: Any) -> bool:
    """A name, a nation or a political word on a noun ("Gaddafi's son", "Egyptian students'
    leaders", "the president's brother")."""
    return bool(
        word.pos_ == "PROPN"
        or word.ent_type_
        or cues.has("political_noun", word.lemma_.lower())
        or (
            word.dep_ in ("poss", "compound", "prep")
            and any(_names_someone(g, cues) for g in word.children)
        )
    )


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


def _political_party(actors: list[Actor], root: Any, titled: frozenset[str] | None) -> bool:
    """A state, armed group, official or nation among the act's parties: an actor from the
    table in the sentence, or, among who acts and who is acted on, a country, nationality or
    organisation the parser names, a person the article titles as political (``titled``;
    None: any person), or a political noun (firms and things are not enough; a place passed
    through is not a party: "his mother traveled to London")."""
    if any(a.role not in NON_POLITICAL_ROLES and not a.inferred for a in actors):
        return True
    cues = load_cues()
    return any(
        _named_party(t, titled) or cues.has("political_noun", t.lemma_.lower())
        for t in _parties(root)
    )


# who has forces to move, post or put on alert (ontology: posture acts are by armed forces or
# armed groups); a body the parser names but the actor table does not ('the WHO') has none
ARMED_OR_STATE_ROLES = STATE_ROLES | frozenset(
    {
        "rebels",
        "militia",
        "unidentified_armed_group",
        "identity_militia",
        "external_force",
        "international_org",
    }
)


def _armed_party(actors: list[Actor], root: Any) -> bool:
    """A state or armed group among the act's parties: an actor of such a role named in the
    sentence (its country may come from the article), or, among who acts and who is acted
    on, a force ("deployed 600 troops"), a country or a nationality."""
    if any(a.role in ARMED_OR_STATE_ROLES for a in actors):
        return True
    cues = load_cues()
    return any(
        t.ent_type_ in ("GPE", "NORP") or cues.has("force_noun", t.lemma_.lower())
        for t in _parties(root)
    )


def _for_officials(entry: Any) -> bool:
    """Is the type one whose parties are officials by definition (``official_type``)?"""
    cues = load_cues()
    return cues.has("official_type", entry.type) or cues.has(
        "official_type", f"family:{entry.family}"
    )


def _named_party(token: Any, titled: frozenset[str] | None) -> bool:
    if titled and token.text[:1].isupper() and token.lower_ in titled:
        return True  # the parser may miss a titled name met again ("Smith met ...")
    if token.ent_type_ != "PERSON":
        return token.ent_type_ in PARTY_ENTITIES
    return titled is None


PARTY_EDGES = frozenset(
    {"nsubj", "nsubjpass", "dobj", "agent", "poss", "compound", "attr", "amod", "npadvmod"}
)
# an organisation counts as a party (a business is ruled out by its words, _business_agent)
PARTY_ENTITIES = frozenset({"PERSON", "GPE", "NORP", "ORG"})
PARTY_PREPOSITIONS = frozenset({"with", "between", "among", "by", "of", "from", "against"})


def _parties(root: Any) -> list[Any]:
    """The words of who takes part in the act: the subjects and objects of the trigger and
    of the verbs it hangs from, their possessors and 'with', 'between', 'by' phrases."""
    chain = proposition(root)
    heads = [root, *(t for t, _ in chain)]
    verb = clause_verb(root, chain)
    if verb is not None:
        heads.append(verb)
        # a verb coordinated without a subject of its own shares its head's ("keen to ...,
        # has waded into negotiations")
        while verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in verb.children):
            verb = verb.head
            heads.append(verb)
    out: list[Any] = []
    for head in heads:
        for c in head.children:
            if c.i == root.i or c.is_ancestor(root):
                continue  # the trigger's own phrase: its parties are read from it
            if c.dep_ in PARTY_EDGES or (c.dep_ == "prep" and c.lower_ in PARTY_PREPOSITIONS):
                out.extend(c.subtree)
        if head.dep_ in ("relcl", "acl"):  # "the man who met"
            out.extend(t for t in head.head.subtree if t.i < head.i)
    if root.dep_ == "appos" and root.head.i != root.i:  # "at his ranch - the summit at which"
        out.extend(_parties(root.head))
    return out


def _acts(noun: Any, dated: bool) -> bool:
    """A people noun reports an act when it (or the phrase it sits in: "hundreds of
    protesters") is the subject of a verb in the past, perfect or progressive, or of a
    dated present ("a protester totes a shield on Thursday"). Telling a reporter something,
    or being described ("were angry"), wishing ("want new leaders") or appraising someone
    ("hailed by protesters as a hero"), is not that act."""
    if noun.pos_ == "VERB":
        return True
    token = noun
    for _ in range(3):
        if token.dep_ == "agent":  # "targeted by a suicide bomber"
            token = token.head
            if _says_or_is(token.lemma_.lower()):
                return False
            form = tense(token)
            return form in ("past", "perfect", "progressive") or (form == "present" and dated)
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
            verb = token.head.lemma_.lower()
            # "demonstrators told CNN", "protesters have become emboldened": what they say
            # or what they are like is not their act
            if _says_or_is(verb):
                return False
            form = tense(token.head)
            return form in ("past", "perfect", "progressive") or (form == "present" and dated)
        if token.dep_ not in ("pobj", "prep", "compound", "conj", "appos"):
            return False
        token = token.head
    return False


def _says_or_is(verb: str) -> bool:
    """A verb of saying, being, wishing or appraising: what people nouns do with it is no act."""
    cues = load_cues()
    return (
        verb in REPORTING_LEMMAS
        or cues.has("description_verb", verb)
        or cues.has("appraisal_verb", verb)
    )


def _demand_of_no_crowd(verb: Any) -> bool:
    """ "demand" reports a protest only when a crowd makes it ("thousands demanded", "workers
    demanding wages"); a minister's, a lawyer's or a group's demand is a statement. A demand
    with no subject found anywhere up its clause chain is left alone."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "demand":
        return False
    cues = load_cues()
    token = verb
    for _ in range(3):
        maker = next((c for c in token.children if c.dep_ in ("nsubj", "agent")), None)
        if maker is not None and maker.dep_ == "agent":
            maker = next((c for c in maker.children if c.dep_ == "pobj"), None)
        if maker is not None:
            lemma = maker.lemma_.lower()
            counted = maker.like_num or any(c.dep_ == "nummod" for c in maker.children)
            crowd = cues.has("people_noun", lemma) or cues.has("crowd_noun", lemma)
            return not (crowd or counted)
        if token.dep_ not in ("advcl", "acl", "conj", "xcomp", "relcl"):
            return False
        token = token.head
    return False
