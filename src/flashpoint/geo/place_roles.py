"""What a place word does in its sentence besides placing an act: it tells where a person
comes from or is based ('Private Smith, from Ipswich', 'a partner who works out of
Washington'), who someone is ('White House Press Secretary Robert Gibbs', 'Ali, a shopkeeper
in Hebron'), or where another clause's act happened ('hours after Putin left Pyongyang').
:mod:`flashpoint.geo.locate` reads these before it ties a place to an act."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from flashpoint.geo.lexicon import words
from flashpoint.geo.persons import outlet_word, person_cues
from flashpoint.inflect import inflections

CLAUSE_DEPS = frozenset({"ROOT", "advcl", "relcl", "ccomp", "xcomp", "acl", "pcomp", "csubj"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


def origin(place: Any) -> bool:
    """The place tells where a person comes from ('Private Smith, from Ipswich', 'a man from
    Leeds'), not where an act happened. Acts and things keep it: 'the withdrawal from
    Kherson', 'rocket fire from Gaza', 'fired from Gaza'. Nor is where someone or an outlet
    is based: 'an analyst based in London', 'the London-based group', 'a Stockholm radio
    station'. A place in apposition says the same as the one it qualifies ('works out of
    Washington, D.C.')."""
    while place.dep_ == "appos" and place.head.i != place.i and place.head.ent_type_ in PLACE_ENTS:
        place = place.head
    if home_base(place):
        return True
    prep = place.head
    if place.dep_ != "pobj" or prep.lower_ not in words().origin:
        return False
    person = prep.head
    return bool(
        person.ent_type_ in ("PERSON", "NORP")
        or person.lemma_.lower() in words().origin_person
        or person.lemma_.lower() in person_cues().roles
    )


def person_described(place: Any) -> Any | None:
    """The person a phrase holding the place describes, if any: the seat of a post ('White
    House Press Secretary Robert Gibbs'), or anything in an apposition to a name ('Lory
    Manning, director of a centre in Washington DC', 'Ali, a shopkeeper in Hebron'). Such a
    place says who the person is; it is the act's place only when the person takes part in
    the act (see ``attachment``)."""
    tok, post = place, False
    while tok.dep_ in ("compound", "nmod") and tok.head.i != tok.i:
        tok = tok.head
        post = post or tok.lower_ in words().post
    if post:
        return tok  # the post's holder: 'Gibbs' of 'White House Press Secretary Robert Gibbs'
    for tok in place.ancestors:
        if tok.dep_ in CLAUSE_DEPS or tok.pos_ in ("VERB", "AUX"):
            return None
        if tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON":
            return tok.head
    return None


def speaks(person: Any, place: Any) -> bool:
    """Is the person described the source of the sentence: a verb of saying right after the
    name, or right before the phrase holding the place ('..., Pentagon Press Secretary
    John Kirby said', 'said Ali, a shopkeeper in Hebron')? However the parser attached the
    name (to the reported act's object, as an apposition), that place is the source's."""
    doc, speech = person.doc, person_cues().speech
    after = doc[person.i + 1] if person.i + 1 < len(doc) else None
    start = min(place.i, person.left_edge.i) if person.i < place.i else place.i
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ == "the" and start > 1:
        before = doc[start - 2]
    return any(t is not None and t.lower_ in speech for t in (after, before))


def home_base(place: Any) -> bool:
    """Does the place say where a person, group or outlet is based ('based in London',
    'London-based', 'a Stockholm radio station', 'works out of Washington')?"""
    w = words()
    doc = place.doc
    after = doc[place.i + 1] if place.i + 1 < len(doc) else None
    if after is not None and after.lower_ == "-" and after.i + 1 < len(doc):
        after = doc[after.i + 1]
    beyond = doc[after.i + 1] if after is not None and after.i + 1 < len(doc) else None
    if (
        after is not None
        and after.lower_ in w.home_base
        and (beyond is None or beyond.pos_ != "ADP")
    ):
        return True  # 'the Rome based paper', however the parser attached it; not 'in Helmand
        # based at Camp Bastion', where 'based' has its own place
    before = [t.lower_ for t in doc[max(0, place.i - 3) : place.i]]
    if before[1:] == ["out", "of"] and before[0] in _home_verb_forms():
        return True  # 'a partner who works out of Washington' (read on words: a sentence
        # with no cue word has no parse)
    head = place.head
    if place.dep_ == "pobj" and head.lower_ == "in":
        head = head.head
    elif place.dep_ in ("compound", "nmod") and outlet_word(head):
        return True
    elif place.dep_ not in ("npadvmod", "compound"):
        return False
    return head.i != place.i and head.lower_ in w.home_base


@lru_cache(maxsize=1)
def _home_verb_forms() -> frozenset[str]:
    """Every form of the home_verb words ('works', 'operated', 'operating')."""
    return frozenset(form for verb in words().home_verb for form in inflections(verb))


def clause_of(tok: Any) -> Any:
    while tok.dep_ not in CLAUSE_DEPS and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _opens_side_clause(tok: Any) -> bool:
    """'after', 'before', 'while'... or a clause they mark."""
    subordinate = words().subordinate
    return tok.lower_ in subordinate or any(
        c.dep_ == "mark" and c.lower_ in subordinate for c in tok.children
    )


def subordinate(place: Any, trigger: Any) -> bool:
    """Is the place inside a side clause below the trigger ('hours after Putin left X')?"""
    above_trigger = {trigger, *trigger.ancestors}
    for tok in (place, *place.ancestors):
        if tok in above_trigger:
            return False
        if _opens_side_clause(tok):
            return True
    return False


def in_side_clause(tok: Any) -> bool:
    """Is the token inside a side clause anywhere in its sentence?"""
    return any(_opens_side_clause(t) for t in (tok, *tok.ancestors))
