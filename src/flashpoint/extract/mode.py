"""A mention's mode (happened, planned, claimed, denied, ...) and who says so.

Cues come from ``data/mode_cues.tsv``; this module only walks the parse: the trigger's chain
of heads, the auxiliaries and adverbs attached to it, and phrases in the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from flashpoint.datafiles import read_tsv
from flashpoint.extract.clause_parts import free_adjunct, takes_to
from flashpoint.extract.clauses import load_cues, shares_verb_group, tense
from flashpoint.extract.negation import leaves_subject_done, negating
from flashpoint.extract.roles import role_cues
from flashpoint.extract.triggers import names_people

HAPPENED = "happened"
REPORTING_LEMMAS = frozenset(
    "say tell report announce state add confirm claim accuse allege cite quote warn insist "
    "note explain write reveal disclose".split()
)

# Edges by which a trigger heads an adverbial or relative clause: its head's negation is not
# its own (a complement or a coordinated verb shares it: "did not say they attacked").
OWN_CLAUSE_EDGES = frozenset({"advcl", "relcl", "acl:relcl", "parataxis"})


@dataclass(frozen=True)
class ModeCue:
    mode: str
    relation: str
    lemma: str
    priority: int
    types: frozenset[str] = frozenset()  # the event types it applies to; empty: all
    via: frozenset[str] = frozenset()  # the verbs its to-infinitive must be; empty: any chain


@lru_cache(maxsize=1)
def load_mode_cues() -> tuple[ModeCue, ...]:
    rows = read_tsv("mode_cues.tsv")
    return tuple(
        ModeCue(
            r["mode"],
            r["relation"],
            r["lemma"].strip().lower(),
            int(r["priority"]),
            frozenset(t for t in r["types"].split("|") if t),
            frozenset(v for v in r["via"].split("|") if v),
        )
        for r in rows
    )


def _heads(token: Any) -> list[Any]:
    """The trigger's chain of heads up to the root, nearest first (the trigger excluded)."""
    chain = []
    while token.head.i != token.i:
        token = token.head
        chain.append(token)
    return chain


def _governing(trigger: Any, heads: list[Any]) -> list[Any]:
    """The heads that govern the trigger: up to the verb whose active subject it is, since a
    verb says nothing of the act that is its subject ("the clashes threaten the truce": the
    clashes happened; "a protest was planned": a passive subject is what is planned), and up
    to an adjunct of time, grounds or concession (``circumstance_word`` in role_cues.tsv)."""
    out, below = [], trigger
    circumstance = role_cues().get("circumstance_word", frozenset())
    for head in heads:
        if below.dep_ in ("nsubj", "csubj"):
            break
        if below.dep_ in ("prep", "pobj") and below.lower_ in circumstance:
            break  # "dismissed his cabinet in the face of protests": the protests were held
        out.append(head)
        below = head
    return out


def _sharing_auxiliary(verb: Any) -> list[Any]:
    """The verb a non-finite conjunct shares its auxiliaries with (see
    ``clauses.shares_verb_group``)."""
    return [verb.head] if shares_verb_group(verb) else []


def _controlling_verb(verb: Any) -> list[Any]:
    """The verb whose to-infinitive the act is: its modal scopes over the act too ("must try
    to kill", "could decide to strike"; "tried to kill" has none)."""
    head = verb.head
    return (
        [head] if verb.dep_ == "xcomp" and takes_to(verb) and head.pos_ in ("VERB", "AUX") else []
    )


def _copula_of_complement(verb: Any) -> list[Any]:
    """The copula of the adjective whose infinitive the act is: in "would be able to attack"
    or "will be ready to strike" the modal on 'be' is the act's own ("was able to attack"
    has none, and tells an act that happened)."""
    adjective = verb.head
    if verb.dep_ != "xcomp" or adjective.pos_ != "ADJ" or adjective.dep_ != "acomp":
        return []
    return [adjective.head] if adjective.head.pos_ in ("VERB", "AUX") else []


def _free_adjunct_head(verb: Any) -> list[Any]:
    """The clause an -ing adjunct with no subject of its own hangs on: its modal, and its other
    words of mode, scope over the adjunct's act too ("the army could storm the town, leading
    to a massacre"; "rebels reportedly shelled the base, killing five": reported too;
    "stormed the town, killing dozens" has none, and tells what happened). An -ing clause
    after a preposition is read by ``_gerund_adjunct_head``."""
    if free_adjunct(verb) and verb.head.pos_ in ("VERB", "AUX"):
        return [verb.head]
    return _gerund_adjunct_head(verb)


def _gerund_adjunct_head(verb: Any) -> list[Any]:
    """The clause an -ing clause hangs on after a preposition of means or of the same moment
    (``gerund_adjunct_preposition`` in realis_cues.tsv): the act is done with that clause's,
    so its modal scopes over it ("will answer by shelling the port", "will be arrested upon
    landing"). Not after 'after' or 'for', whose -ing clause may be a past cause ("will face
    trial after killing three men"), nor under a perfect modal, which looks back ("must have
    cut the road by shelling the bridge")."""
    prep, head = verb.head, verb.head.head
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or head.pos_ not in ("VERB", "AUX"):
        return []
    if not load_cues().has("gerund_adjunct_preposition", prep.lower_):
        return []
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children)
    return [] if perfect else [head]


def _attached(tokens: list[Any], deps: tuple[str, ...]) -> list[Any]:
    return [child for tok in tokens for child in tok.children if child.dep_ in deps]


def read_mode(trigger: Any, sentence_text: str, event_type: str = "") -> tuple[str, str]:
    """``(mode, cue words)`` for the event of ``event_type`` whose trigger token is
    ``trigger``."""
    heads = _heads(trigger)
    # Auxiliaries and adverbs count on the trigger's own verb only: "it was reportedly issued
    # a day after parliament amended ..." does not make the amendment a claim.
    own = (
        trigger
        if trigger.pos_ in ("VERB", "AUX")
        else next((h for h in heads[:2] if h.pos_ in ("VERB", "AUX")), trigger)
    )
    verbs = [trigger] if own.i == trigger.i else [trigger, own]
    verbs += _sharing_auxiliary(own) + _copula_of_complement(own) + _controlling_verb(own)
    verbs += _free_adjunct_head(own)
    if trigger.dep_ in ("csubj", "csubjpass") and trigger.tag_ == "VBG":
        verbs.append(trigger.head)  # "attacking the city would be a mistake": the modal's act
    lowered = " " + " ".join(sentence_text.lower().split()) + " "
    best: tuple[int, str, str] = (0, HAPPENED, "")
    for cue in load_mode_cues():
        if cue.types and event_type not in cue.types:
            continue
        hit = _fires(cue, trigger, heads, verbs, lowered)
        if hit and cue.priority > best[0]:
            best = (cue.priority, cue.mode, hit)
    intended = _intended_under_claim(trigger, heads) if best[1] == "claimed" else ""
    return ("planned", intended) if intended else (best[1], best[2])


def _intended_under_claim(trigger: Any, heads: list[Any]) -> str:
    """The act is the to-infinitive of a verb of intending that a verb of claiming governs:
    what is claimed is a plan, and no act was done ("accused of plotting to bomb the
    embassy", "claimed the rebels were preparing to attack"). A plan's noun object, a passive
    subject or a clause joined to it may be a done act ("accused of plotting the attack that
    killed 37", "alleged the bombing had been planned abroad"); a claim elsewhere in the
    sentence governs no plan ("plans to deploy 12,000 troops, Seoul said, claiming 1,500 are
    already there")."""
    intended = _infinitive_of(trigger, _intention_verbs())
    if intended is None:
        return ""
    above = _governing(intended, _heads(intended))[:3]
    return str(intended.text) if any(h.lemma_.lower() in _claim_verbs() for h in above) else ""


@lru_cache(maxsize=1)
def _intention_verbs() -> frozenset[str]:
    return load_cues().by_kind.get("intention_verb", frozenset())


@lru_cache(maxsize=1)
def _claim_verbs() -> frozenset[str]:
    """The verbs of claiming that govern an act (``claimed`` ``governs`` rows)."""
    return frozenset(
        c.lemma for c in load_mode_cues() if c.mode == "claimed" and c.relation == "governs"
    )


def _infinitive_of(trigger: Any, lemmas: frozenset[str]) -> Any | None:
    """The verb of ``lemmas`` whose to-infinitive the act is ("plotting to bomb the embassy"),
    or whose to-infinitive has the act as its object ("plotting to carry out an attack")."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else None
    if verb is None and trigger.dep_ in ("dobj", "obj"):
        verb = trigger.head
    if verb is None or verb.dep_ != "xcomp" or not takes_to(verb):
        return None
    head = verb.head
    return head if head.pos_ == "VERB" and head.lemma_.lower() in lemmas else None


def _fires(cue: ModeCue, trigger: Any, heads: list[Any], verbs: list[Any], text: str) -> str:
    if cue.relation == "governs" and cue.via:
        return _governs_via(cue, trigger)
    if cue.relation == "governs":
        for head in _governing(trigger, heads)[:4]:
            if head.lemma_.lower() == cue.lemma and head.pos_ in ("VERB", "NOUN"):
                return str(head.text)
    elif cue.relation == "progressive":
        for below, head in zip([trigger, *heads], heads[:4], strict=False):
            if head.lemma_.lower() == cue.lemma and below.dep_ == "xcomp" and _progressive(head):
                return str(head.text)
    elif cue.relation == "adjective":
        for below, head in zip([trigger, *heads], heads[:4], strict=False):
            fits = head.lemma_.lower() == cue.lemma and head.pos_ == "ADJ"
            if fits and below.dep_ == "xcomp" and takes_to(below):
                return str(head.text)
    elif cue.relation == "aux":
        for tok in _attached(verbs, ("aux", "auxpass")):
            if tok.lemma_.lower() == cue.lemma or tok.lower_ == cue.lemma:
                return str(tok.text)
    elif cue.relation == "advmod":
        for tok in _attached(verbs, ("advmod",)):
            if tok.lower_ == cue.lemma:
                return str(tok.text)
    elif cue.relation == "neg":
        # A negation scopes over its own clause and what it governs ("did not make arrests",
        # "did not manage to cross"), not over an adverbial or relative clause:
        # "they weren't in it until Japan bombed the port" reports the bombing.
        own_clause = trigger.dep_ in OWN_CLAUSE_EDGES or (
            trigger.dep_ == "conj"
            and trigger.pos_ in ("VERB", "AUX")
            and not shares_verb_group(trigger)
        )  # "were not charged but released": the release is told
        # "the raid did not kill anyone" tells a raid; "the attack did not happen" denies it
        presupposed = (
            trigger.dep_ in ("nsubj", "csubj")
            and not names_people(trigger)
            and leaves_subject_done(trigger.head, load_cues())
        )
        scope = [trigger] if own_clause or presupposed else [trigger, *heads[:1]]
        for tok in _attached(scope, ("neg",)):
            if tok.head is not trigger and negating(tok.head, load_cues()):
                continue  # "did not prevent the attack": the negations cancel (negation.py)
            if tok.lower_ == cue.lemma or tok.lemma_.lower() == cue.lemma:
                return str(tok.text)
    elif cue.relation == "modifier" and trigger.pos_ in ("NOUN", "PROPN"):
        # "Friday's planned protests", "the proposed talks": the noun's own adjective, or a
        # participle after it ("protests planned for this week", "talks scheduled for May")
        # unless a verb tells what became of it ("talks scheduled for Friday were held")
        told = trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.lemma_ != "be"
        for tok in _attached([trigger], ("amod", "acl")):
            if tok.dep_ == "acl" and (tok.tag_ != "VBN" or told):
                continue
            if tok.lower_ == cue.lemma or tok.lemma_.lower() == cue.lemma:
                return str(tok.text)
    elif cue.relation == "phrase" and f" {cue.lemma} " in text:
        return cue.lemma
    elif cue.relation == "infinitive":
        head = _infinitive_of(trigger, frozenset({cue.lemma}))
        return str(head.text) if head is not None else ""
    elif cue.relation == "terms_of":
        return _terms_of(cue, trigger)
    elif cue.relation == "relative_infinitive":
        return _relative_infinitive(trigger, cue.lemma)
    elif cue.relation == "noun_infinitive":
        return _noun_infinitive(trigger, cue.lemma, cue.via)
    return ""


def _relative_infinitive(trigger: Any, to: str) -> str:
    """A passive to-infinitive on a noun tells what is yet to happen to it ("the prisoners to be
    freed under the deal"); after a first, a last, an only or a superlative it tells what did
    ("the first man to be arrested")."""
    if trigger.dep_ not in ("relcl", "acl") or trigger.head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return ""
    marker = _passive_to(trigger, to)
    # passive only: "an attempt to protest" is the noun's content, no relative
    return "" if marker is None or _ranked(trigger.head, ORDER_WORDS) else str(marker.text)


def _noun_infinitive(trigger: Any, to: str, via: frozenset[str]) -> str:
    """A noun act with a passive to-infinitive of holding right after it is yet to be held
    ("an emergency meeting to be held shortly"); not one set off by a comma ("the meeting, to
    be followed by a press conference, began"), a ranked one ("the latest attack to be
    claimed", "another attack to be blamed on"), one whose clause tells it in the past ("talks
    to be held in Geneva were cancelled"), nor people ("the hostages to be freed")."""
    if trigger.pos_ != "NOUN" or names_people(trigger) or _ranked(trigger, RANK_WORDS):
        return ""
    if trigger.dep_ in ("nsubj", "nsubjpass") and tense(trigger.head) == "past":
        return ""
    for verb in (c for c in trigger.children if c.dep_ in ("relcl", "acl")):
        marker = _passive_to(verb, to)
        if marker is None or verb.lemma_.lower() not in via:
            continue
        if not any(t.is_punct for t in trigger.doc[trigger.i + 1 : marker.i]):
            return str(marker.text)
    return ""


def _passive_to(verb: Any, to: str) -> Any | None:
    """The 'to' of a passive to-infinitive ("to be freed"), else None."""
    marker = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == to), None)
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return marker if passive else None


ORDER_WORDS = frozenset({"only", "last"})
RANK_WORDS = ORDER_WORDS | frozenset("first another similar next previous latest recent".split())


def _ranked(noun: Any, words: frozenset[str]) -> bool:
    """A rank on the noun: an ordinal, a superlative ("the most recent") or one of ``words``
    (an only, a last; for a noun act also another or a similar one)."""
    return any(
        c.tag_ in ("JJS", "RBS")
        or c.ent_type_ == "ORDINAL"
        or c.lower_ in words
        or any(g.lower_ == "most" for g in c.children)
        for c in noun.children
    )


def _progressive(verb: Any) -> bool:
    """Is the verb an -ing form with a 'be' of its own ("are going to attack"; "went on to
    attack" is no such verb)? Its to-infinitive (xcomp) leads to the trigger: "going to the
    border after clashes erupted" says nothing of the clashes."""
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "be" for c in verb.children
    )


def _terms_of(cue: ModeCue, trigger: Any) -> str:
    """The trigger's verb (or the verb it is the object of) is a participle or to-infinitive
    that tells the terms of the cue's noun ("an agreement setting up the headquarters", "a
    deal to withdraw troops"): to be carried out, not carried out. A participle after a comma
    tells what followed ("the deal, freeing 50 prisoners, was implemented"); on a verb it
    counts only when that verb makes the deal (``via``: "signed an agreement on Tuesday
    setting up", not "violated the agreement, killing two")."""
    verb = trigger
    if trigger.pos_ not in ("VERB", "AUX") and trigger.dep_ in ("dobj", "nsubjpass"):
        verb = trigger.head
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    restrictive = verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text != ","
    if verb.pos_ not in ("VERB", "AUX") or not (infinitive or restrictive):
        return ""
    if verb.dep_ == "acl":
        nouns = [verb.head]
    elif verb.dep_ == "advcl" and verb.head.lemma_.lower() in cue.via:
        nouns = [c for c in verb.head.children if c.dep_ in ("dobj", "nsubjpass")]
    else:
        return ""
    return next((str(n.text) for n in nouns if n.lemma_.lower() == cue.lemma), "")


def find_claimant(trigger: Any) -> tuple[int, int] | None:
    """Character span (in the sentence doc) of who reports the event: "Seoul said", "a JCS
    official said", "according to the source"."""
    for head in _heads(trigger):
        if head.lemma_.lower() in REPORTING_LEMMAS:
            for child in head.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i != trigger.i:
                    sub = list(child.subtree)
                    return sub[0].idx, sub[-1].idx + len(sub[-1].text)
    doc = trigger.doc
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            objs = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
            if objs:
                sub = list(objs[0].subtree)
                return sub[0].idx, sub[-1].idx + len(sub[-1].text)
    return None


def _governs_via(cue: ModeCue, trigger: Any) -> str:
    """The cue's to-infinitive makes the event: the trigger is one of ``via`` ("trying to
    agree") or its object ("trying to broker a ceasefire"). Another verb between them ("tried
    to break the ceasefire") or another clause ("mediators worked hard and a ceasefire was
    agreed") is no attempt at the event."""
    verb = trigger
    if trigger.lemma_.lower() not in cue.via:
        verb = trigger.head
        if trigger.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in cue.via:
            return ""
    head = verb.head
    to = verb.dep_ == "xcomp" or (
        verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )  # "working to secure a truce" is often parsed as a clause of purpose
    if to and head.lemma_.lower() == cue.lemma and head.pos_ == "VERB":
        return str(head.text)
    return ""
