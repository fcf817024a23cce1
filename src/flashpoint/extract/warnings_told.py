"""What a warning tells: a warning is a threat only when it tells of a hostile act ("warned
of retaliation", "warned that it would strike"), deters a party ("warned against any attempt
by the opposition") or makes a demand of a state or an armed party ("warned Syria to end
its occupation"); one of a danger, a forecast or advice is none ("warned that cases may be
underestimated", "warned people to stay indoors"). Read by the sense rows of relation
``content_lacks`` (``data/sense_rules.tsv``), whose words are the hostile acts."""

from __future__ import annotations

from typing import Any

from flashpoint.extract.clause_parts import content_clause, prep_objects, to_infinitive
from flashpoint.extract.patients import names_party
from flashpoint.extract.wordlists import word_union

CONTENT_PREPS = ("of", "about", "against", "over")  # "warned on state television": no content
NAMED = ("GPE", "NORP", "ORG", "PERSON", "LOC", "FAC", "DATE", "TIME")  # "warned over Taiwan"


def harmless_warning(trigger: Any, hostile: frozenset[str]) -> str:
    """The first word of what the warning says when it tells of no hostile act, deters no
    party and demands nothing of one, else "". A warning that says nothing more ("Japan
    warned") is left as it is."""
    kids = list(trigger.children)
    content = [c for c in kids if c.dep_ in ("ccomp", "xcomp") or to_infinitive(c)]
    content += [c for c in kids if content_clause(c)]
    objects = [g for prep in CONTENT_PREPS for g in prep_objects(kids, prep)]
    content += [g for g in objects if g.ent_type_ not in NAMED]
    if not content:
        return ""
    words = [t for c in content for t in c.subtree]
    if any(t.lemma_.lower() in hostile or t.lower_ in hostile for t in words):
        return ""
    against = [t for g in prep_objects(kids, "against") for t in g.subtree]
    if any(_a_party(t) for t in against):
        return ""  # "warned against any attempt by the opposition": a party is deterred
    warned = [c for c in kids if c.dep_ in ("dobj", "nsubjpass")]
    if any(_a_state_or_force(c) for c in warned):
        return ""  # "warned Syria to end its occupation": a demand made of a party
    return str(content[0].text)


def _a_party(token: Any) -> bool:
    """A party: named, an actor's or a people word, or the doer of a noun ("by the
    opposition", not "by Friday")."""
    doer = token.dep_ == "pobj" and token.head.lower_ == "by" and token.ent_type_ != "DATE"
    people = word_union("@people", "@armed", "@parties")
    return doer or names_party(token) or token.lemma_.lower() in people


def _a_state_or_force(token: Any) -> bool:
    """A state or a group the parser names, or an armed party ("the rebels"); not a people
    ("warned Singaporeans to prepare for an outbreak" is advice to the public)."""
    armed = word_union("@armed", "@combatants")
    return token.lemma_.lower() in armed or token.ent_type_ in ("GPE", "ORG")
