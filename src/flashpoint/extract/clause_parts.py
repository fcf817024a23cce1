"""Small readings of the parse that the sense and warning rules share: a preposition's
objects, a to-infinitive, a noun's 'that' clause."""

from __future__ import annotations

from typing import Any


def prep_objects(kids: list[Any], prep: str) -> list[Any]:
    """The objects (or -ing clauses) of the preposition ``prep`` among ``kids``; a passive's
    'by' is its 'agent'."""
    return [
        g
        for c in kids
        if c.dep_ in ("prep", "agent") and c.lower_ == prep
        for g in c.children
        if g.dep_ in ("pobj", "pcomp")
    ]


def takes_to(verb: Any) -> bool:
    """Is the verb a to-infinitive ("to revive", "to bomb")?"""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def content_clause(clause: Any) -> bool:
    """A noun's 'that' clause, which tells what the noun says ("a warning that prices would
    rise"); the parser may read it as a relative clause."""
    marked = any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children)
    return clause.dep_ in ("acl", "relcl") and clause.head.pos_ == "NOUN" and marked


def to_infinitive(clause: Any) -> bool:
    """A to-infinitive the parser hung on as a clause of purpose ("battled to revive him")."""
    return clause.dep_ == "advcl" and takes_to(clause)


def purpose_clause(clause: Any) -> bool:
    """A bare to-infinitive of purpose: no subject and no marker of its own ("rouse themselves
    to protest"; "for the four to be released" is a for-to complement)."""
    return (
        to_infinitive(clause)
        and clause.tag_ == "VB"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children)
    )


def free_adjunct(verb: Any) -> bool:
    """An -ing clause with no subject of its own hung on a clause ("stormed the town, killing
    dozens"): its doer, its time and its modality are that clause's."""
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return bool(verb.dep_ == "advcl" and verb.tag_ == "VBG" and not own_subject)
