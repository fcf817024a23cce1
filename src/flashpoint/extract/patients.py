"""Who or what an act is done to, and whether that may be people; who does it, and
whether that may be a party.

Some acts are done only to people (a release frees captives, people go missing, people are
picked up) or only against a party (armed fighting). ``data/sense_rules.tsv`` rows of the
relations ``patient_only`` and ``undergoer_only`` list the words such a patient may be;
:func:`thing_patient` finds the patient in the parse and says when it is a thing instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flashpoint.extract.actors import normalise_actor
from flashpoint.extract.wordlists import word_list, word_union

RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
RELATIVE_TAGS = ("WDT", "WP")  # the tags of a relative pronoun


def antecedent(token: Any) -> Any:
    """A relative pronoun stands for the noun its clause modifies: in "the democracy that
    people fight for" and "the jackpot that was claimed", the word read is the noun."""
    if token.tag_ not in RELATIVE_TAGS or token.lower_ not in RELATIVE_PRONOUNS:
        return token
    clause = token.head
    for _ in range(3):
        if clause.dep_ in ("relcl", "acl:relcl"):
            return clause.head
        if clause.head.i == clause.i:
            break
        clause = clause.head
    return token


def gap_object(verb: Any) -> list[Any]:
    """The object a relative clause leaves out is the noun it describes ("the figures it
    released", "the cash the gang stole"); a subject of the clause's own, not a relative
    pronoun, shows the gap is the object ("the man who stole" has none). A gap after a
    preposition ("the governor militants fired on") or a clause of 'whose', 'where' or 'when'
    ("the town where rebels shelled the market") leaves the noun no object of the verb."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN", "NUM"):
        return []
    kids = list(verb.children)
    if any(c.dep_ == "auxpass" for c in kids) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in kids
    ):
        return [verb.head]  # a passive with no subject of its own: "the report, to be released"
    own = any(c.dep_ == "nsubj" and c.tag_ not in RELATIVE_TAGS for c in kids)
    stranded = any(c.dep_ == "prep" and not any(g.dep_ == "pobj" for g in c.children) for c in kids)
    other_gap = any(t.tag_ in ("WP$", "WRB") for t in verb.subtree if t.i < verb.i)
    return [verb.head] if own and not stranded and not other_gap else []


def shared_subject(verb: Any) -> list[Any]:
    """A verb coordinated with another and without a subject of its own shares that verb's
    subject and passive auxiliary ("wealth is being stolen and handed over": 'wealth' is what
    was handed over)."""
    if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX"):
        return []
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass", "auxpass")]


def _bare_noun(token: Any) -> bool:
    return not any(c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in token.children)


def _lowercase(sentence: Any) -> bool:
    """A sentence written without capitals (scraped lowercase text): names are not told
    from nouns."""
    return not any(t.text[:1].isupper() for t in sentence if t.is_alpha)


def _patients(trigger: Any, undergoer: bool) -> list[Any]:
    """Who or what the act is done to: the verb's object or passive subject, a noun
    trigger's 'of' object ("the release of the detainees"), with their conjuncts and what
    they are of ("the kind of war"). With ``undergoer`` (acts whose subject may undergo them:
    "a poll just released", "money went missing"), also the noun a participle describes
    ("cables released by WikiLeaks") and the subject when there is no object."""
    kids = list(trigger.children) + shared_subject(trigger)
    if trigger.pos_ in ("VERB", "AUX"):
        passive = any(c.dep_ == "auxpass" for c in kids)
        deps = ("dobj", "nsubjpass", "obj", *(("nsubj",) if passive else ()))
        found = [antecedent(c) for c in kids if c.dep_ in deps] or gap_object(trigger)
        if not found and undergoer:
            found = _undergoers(trigger, kids, passive)
    else:
        found = of_objects(trigger)
    found = _with_conjuncts(found)
    # "the kind of war", "a group of prisoners": what a collective noun is of counts as
    # well; "an indictment of BP", "a video of the hostages" release no one
    collective = word_list("@collective")
    return found + [g for p in found if p.lemma_.lower() in collective for g in of_objects(p)]


def _with_conjuncts(tokens: list[Any]) -> list[Any]:
    """The tokens and the words coordinated with them ("the soldiers and the villagers")."""
    return tokens + [c for t in tokens for c in t.children if c.dep_ == "conj"]


def _first_thing(tokens: list[Any], may_be_party: Callable[[Any], bool]) -> str:
    """The first token's words when there are tokens and none of them may be a party or a
    person (``may_be_party``), else ""."""
    if not tokens or any(may_be_party(t) for t in tokens):
        return ""
    return str(tokens[0].text)


def of_objects(token: Any) -> list[Any]:
    """What the word's 'of' names ("the release of the detainees": the detainees)."""
    return [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _undergoers(verb: Any, kids: list[Any], passive: bool) -> list[Any]:
    """Who undergoes a verb with no object: the noun a participle describes ("cables
    released by WikiLeaks"), the subject a passive clause takes from its head ("leaps into
    the river after being released"), or the subject ("a poll just released")."""
    if verb.dep_ == "acl":
        return [verb.head]
    if passive and verb.dep_ in ("advcl", "xcomp", "pcomp"):
        head = verb.head.head if verb.dep_ == "pcomp" else verb.head
        return [c for c in head.children if c.dep_ == "nsubj"]
    return [] if passive else [antecedent(c) for c in kids if c.dep_ == "nsubj"]


def thing_patient(trigger: Any, words: frozenset[str], *, undergoer: bool) -> str:
    """The patient's words when the act, done only to people and what carries them
    (``words``), is done to a thing: a common noun naming neither ("released the report",
    "energy is freed"), else "". Names, pronouns and numbers may be people, so they never
    count as things."""
    return _first_thing(_patients(trigger, undergoer), lambda p: _may_be_people(p, words))


def thing_accused(trigger: Any, words: frozenset[str]) -> str:
    """The one blamed, when it is a thing and no party: "blamed the weather", "blamed his
    illness on the flu" (what something is blamed on is the 'on' object; else the object, or
    a passive's subject: "the regime is blamed"), else "". Names, pronouns and numbers may be
    parties, so they never count as things."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return ""
    kids = list(trigger.children) + shared_subject(trigger)
    blamed = [antecedent(c) for c in kids if c.dep_ in ("dobj", "obj", "nsubjpass")]
    # "blamed the bombing on rebels": the parse may hang 'on' on the verb or on its object
    on = [
        g
        for c in kids + [k for b in blamed for k in b.subtree]
        if c.dep_ == "prep" and c.lower_ == "on"
        for g in c.children
        if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")  # not "on Monday"
    ]
    accused = _with_conjuncts(on or blamed)
    return _first_thing(accused, lambda p: _may_be_people(p, words))


def unlisted_thing(tokens: list[Any], words: frozenset[str]) -> str:
    """The first token's words when each of them, conjuncts too, is a common noun that
    ``words`` does not list ("engaged in communal activism", where only combat is listed),
    else "". Names, pronouns and numbers, and in text with no capitals a bare noun, never
    count: they may name a place or a party ("engaged in Helmand", "in Kunar province")."""
    return _first_thing(_with_conjuncts(tokens), lambda t: _named_or_listed(t, words))


def _named_or_listed(token: Any, words: frozenset[str]) -> bool:
    if token.pos_ != "NOUN" or token.ent_type_ or (_bare_noun(token) and _lowercase(token.sent)):
        return True
    if any(c.dep_ == "compound" and (c.pos_ == "PROPN" or c.ent_type_) for c in token.children):
        return True  # "Kunar province": a name
    return token.lemma_.lower() in words or token.lower_ in words


def people_only(trigger: Any, words: frozenset[str]) -> bool:
    """The act is done to people only: it has a patient, and each is a listed word ("captured
    two soldiers", "journalists who were seized") or a person the parser names, none a place
    ("captured the town and its garrison")."""
    patients = _patients(trigger, undergoer=False)
    return bool(patients) and all(_people_word(p, words) for p in patients)


def _people_word(token: Any, words: frozenset[str]) -> bool:
    """A listed word; or a person or group the parser names, when the list holds 'person'
    (anyone: "Saddam was captured"; not a list of combatants only)."""
    if token.ent_type_ in ("GPE", "LOC", "FAC"):
        return False
    named = token.ent_type_ in ("PERSON", "NORP") and "person" in words
    return named or token.lemma_.lower() in words


def _may_be_people(token: Any, words: frozenset[str]) -> bool:
    if token.ent_type_ == "MONEY":
        return False  # "handed over $3 million": a sum, never people
    if token.pos_ != "NOUN" or token.ent_type_ in ("PERSON", "NORP"):
        return True
    owners = [c for c in token.children if c.dep_ == "poss" and c.lower_ != "its"]
    if owners and _may_be_people(owners[0], words):
        return True  # someone's: "fought back the strikers' attempts" fights the strikers
    if _bare_noun(token) and _lowercase(token.sent):
        return True  # "siddiqui was picked up": in lowercase text a name reads as a noun
    if token.lemma_.lower() in words or token.lower_ in words:
        return True
    return normalise_actor(token.text, strict=not _lowercase(token.sent)) is not None


def thing_agent(trigger: Any, kids: list[Any], words: frozenset[str], described: list[Any]) -> str:
    """The doer's words when an act that only a party does (a threat made, an official visit) is
    done by a thing: a common noun that is neither listed (``words``) nor an actor's word ("the
    spill threatens the coast", "the steel box arrived at the scene"), else "". ``kids``: the
    trigger's children with any subject it shares; ``described``: the noun an -ing participle
    describes ("an oil spill threatening the coast"). Names, pronouns and numbers may be
    parties, so they never count as things."""
    if any(c.dep_ == "auxpass" for c in kids):  # "was threatened by the slick"
        agents = [g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    elif trigger.pos_ in ("VERB", "AUX"):
        agents = [antecedent(c) for c in kids if c.dep_ == "nsubj"] or described
        if not agents and trigger.dep_ == "xcomp":
            agents = _raised_subject(trigger)
    else:
        agents = [c for c in kids if c.dep_ == "poss"]
    agents = _with_conjuncts(agents)
    # "the son of the former dictator", "hundreds of protesters": what the doer is of may
    # make it a party (any 'of', unlike a patient's: a doer's kin or members are the party's)
    agents += [g for a in agents for g in of_objects(a)]
    return _first_thing(agents, lambda a: _may_act(a, words))


def _raised_subject(verb: Any) -> list[Any]:
    """Who may do what an infinitive says: the object and the subject of the clause above
    ("the crisis prompted Iran to threaten": Iran; "the army used the report to threaten
    him": the army; "the rig was due to arrive", "the leak threatens to spread": the rig,
    the leak)."""
    head = verb.head
    objects = [c for c in head.children if c.dep_ == "dobj"]
    for _ in range(2):
        subjects = [c for c in head.children if c.dep_ == "nsubj"]
        if subjects or head.dep_ not in ("xcomp", "acomp"):
            return objects + subjects
        head = head.head
    return objects


def _may_act(token: Any, words: frozenset[str]) -> bool:
    """A party may have done it: a name, a pronoun, a number ("hundreds of protesters"), a
    listed or actor's word, or a thing of a party's ("the group's military wing")."""
    if token.pos_ != "NOUN" or token.ent_type_ in ("PERSON", "NORP", "ORG", "GPE", "CARDINAL"):
        return True
    if token.like_num or any(c.dep_ == "poss" and c.lower_ != "its" for c in token.children):
        return True
    if token.lemma_.lower() in words or token.lower_ in words:
        return True
    if _bare_noun(token) and _lowercase(token.sent):
        return True  # in lowercase text a name reads as a noun
    return names_party(token)


def names_party(token: Any) -> bool:
    """A person, group or state the parser names, or an actor's word ("the opposition")."""
    if token.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"):
        return True
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    return normalise_actor(token.text, strict=not _lowercase(token.sent)) is not None


def contested(clause: Any) -> bool:
    """What a struggle is to do is done to ground or to a party: "battled to control the
    town", "fought to halt the IS advance" are combat; "battled to control the blaze" is not."""
    objects = [c for c in clause.children if c.dep_ == "dobj"]
    objects += [g for o in objects for g in o.children if g.dep_ in ("compound", "poss", "amod")]
    objects += [g for o in objects for g in of_objects(o)]  # "the advance of Islamic State"
    ground = word_union("@held", "@armed", "@combatants", "@war")
    return any(
        o.ent_type_ in ("GPE", "LOC", "FAC", "NORP", "ORG") or o.lemma_.lower() in ground
        for o in objects
    )
