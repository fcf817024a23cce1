"""Other word senses of cue words ("attacking options", "cardiac arrest", "released figures").

A rule of ``data/sense_rules.tsv`` fires when the trigger's lemma is its cue and one of its
words stands in its relation to the trigger in the parse (object, subject, modifier, head, a
preposition's object, a particle, a neighbouring word, a number or a clause).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from flashpoint.datafiles import read_tsv
from flashpoint.extract.actors import normalise_actor

MONTH_NEIGHBOURS = frozenset(
    "in on since until till by from of early mid late last next this before after during".split()
)

RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})


@dataclass(frozen=True)
class SenseRule:
    cue: str
    relation: str
    words: frozenset[str]


@lru_cache(maxsize=1)
def load_sense_rules() -> dict[str, tuple[SenseRule, ...]]:
    rows = read_tsv("sense_rules.tsv")
    # a row of relation 'list' names a word list ('@people') that other rows' words take in
    lists = {
        row["cue"].strip().lower(): _split(row["words"])
        for row in rows
        if row["relation"].strip() == "list"
    }
    rules: dict[str, list[SenseRule]] = defaultdict(list)
    for row in rows:
        if row["relation"].strip() == "list":
            continue
        words: set[str] = set()
        for w in _split(row["words"]):
            words |= lists[w] if w.startswith("@") else {w}
        cue = row["cue"].strip().lower()
        rules[cue].append(SenseRule(cue, row["relation"].strip(), frozenset(words)))
    return {k: tuple(v) for k, v in rules.items()}


def _split(cell: str) -> set[str]:
    return {w.strip().lower() for w in cell.split("|") if w.strip()}


def other_sense(trigger: Any) -> str:
    """``"other_sense: ..."`` when a sense rule fires for the trigger, else ``""``."""
    for key in {trigger.lemma_.lower(), trigger.lower_}:
        for rule in load_sense_rules().get(key, ()):
            hit = _sense_hit(rule, trigger)
            if hit:
                return f"other_sense: '{trigger.text}' {rule.relation} '{hit}'"
    return ""


def _words(tokens: Any) -> dict[str, str]:
    found = [_antecedent(t) for t in tokens]
    return {t.lemma_.lower(): t.text for t in found} | {t.lower_: t.text for t in found}


def _antecedent(token: Any) -> Any:
    """A relative pronoun stands for the noun its clause modifies: in "the democracy that
    people fight for" and "the jackpot that was claimed", the word read is the noun."""
    if token.tag_ not in ("WDT", "WP") or token.lower_ not in RELATIVE_PRONOUNS:
        return token
    clause = token.head
    for _ in range(3):
        if clause.dep_ in ("relcl", "acl:relcl"):
            return clause.head
        if clause.head.i == clause.i:
            break
        clause = clause.head
    return token


def _shared_subject(verb: Any) -> list[Any]:
    """A verb coordinated with another and without a subject of its own shares that verb's
    subject and passive auxiliary ("wealth is being stolen and handed over": 'wealth' is what
    was handed over)."""
    if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX"):
        return []
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass", "auxpass")]


def _sense_hit(rule: SenseRule, trigger: Any) -> str:
    kids = list(trigger.children)
    doc = trigger.doc
    if rule.relation == "object":
        # The subject of a passive verb is its object ("the jackpot that was claimed").
        kids = kids + _shared_subject(trigger)
        passive = any(c.dep_ == "auxpass" for c in kids)
        objects = ("dobj", "nsubjpass", "attr", "obj", *(("nsubj",) if passive else ()))
        found = _words(c for c in kids if c.dep_ in objects)
    elif rule.relation == "subject":
        kids = kids + _shared_subject(trigger)
        found = _words(c for c in kids if c.dep_ in ("nsubj", "poss", "compound", "nsubjpass"))
    elif rule.relation == "active_subject":
        kids = kids + _shared_subject(trigger)
        passive = any(c.dep_ == "auxpass" for c in kids)
        found = {} if passive else _words(c for c in kids if c.dep_ == "nsubj")
    elif rule.relation == "modifier":
        found = _words(
            c for c in kids if c.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod")
        )
    elif rule.relation == "governor":
        found = _words(_governors(trigger))
    elif rule.relation == "head":
        modifies = trigger.dep_ in ("amod", "compound", "nmod", "acl")
        found = _words([trigger.head]) if modifies else {}
    elif rule.relation.startswith("prep:"):
        prep = rule.relation[5:]
        found = _words(
            g
            for c in kids
            if c.dep_ == "prep" and c.lower_ == prep
            for g in c.children
            if g.dep_ == "pobj"
        )
    elif rule.relation == "controlled":
        # "took control of the movement": 'of' hangs on the object 'control' or on the verb
        control = [c for c in kids if c.dep_ == "dobj" and c.lemma_.lower() == "control"]
        holders = [*control, trigger] if control else []  # 'of' on 'control' or on the verb
        found = _words(
            g
            for h in holders
            for p in h.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children
            if g.dep_ == "pobj"
        )
    elif rule.relation == "complement":
        clauses = [c for c in kids if c.dep_ in ("xcomp", "ccomp") or _to_infinitive(c)]
        # and their auxiliaries: "is alleged to have used" hedges "used"
        found = _words(clauses) | _words(g for c in clauses for g in c.children if g.dep_ == "aux")
    elif rule.relation == "stranded":
        found = _words(
            c for c in kids if c.dep_ == "prep" and not any(g.dep_ == "pobj" for g in c.children)
        )
    elif rule.relation == "particle":
        found = _words(c for c in kids if c.dep_ in ("prt", "prep", "advmod") and c.i > trigger.i)
    elif rule.relation == "before":
        found = _words([doc[trigger.i - 1]]) if trigger.i > 0 else {}
    elif rule.relation == "near":
        found = _words(doc[max(0, trigger.i - 3) : trigger.i])
    elif rule.relation == "clause":
        found = _words(
            g for c in kids if c.dep_ in ("ccomp", "advcl") for g in c.children if g.dep_ == "mark"
        ) | _words(c for c in kids if c.dep_ == "ccomp")
        return next((t for w, t in found.items() if w in rule.words), "") or (
            "a clause" if any(c.dep_ == "ccomp" for c in kids) else ""
        )
    elif rule.relation == "number":
        return _number_sense(rule, trigger)
    elif rule.relation == "alone":
        return _lone_speaker(rule, trigger)
    elif rule.relation in ("patient_only", "undergoer_only"):
        return _thing_patient(rule, trigger)
    else:
        return ""
    return next(
        (text for word, text in found.items() if word in rule.words or "*" in rule.words), ""
    )


SINGLE_PRONOUNS = frozenset({"he", "she", "i", "you"})


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
    kids = list(trigger.children) + _shared_subject(trigger)
    if trigger.pos_ in ("VERB", "AUX"):
        passive = any(c.dep_ == "auxpass" for c in kids)
        deps = ("dobj", "nsubjpass", "obj", *(("nsubj",) if passive else ()))
        found = [_antecedent(c) for c in kids if c.dep_ in deps]
        if not found and undergoer:
            found = _undergoers(trigger, kids, passive)
    else:
        found = [
            g
            for c in kids
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
    found += [c for p in found for c in p.children if c.dep_ == "conj"]
    # "the kind of war", "a group of prisoners": what the noun is of counts as well
    return found + [
        g
        for p in found
        for c in p.children
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
    return [] if passive else [_antecedent(c) for c in kids if c.dep_ == "nsubj"]


def _thing_patient(rule: SenseRule, trigger: Any) -> str:
    """The act is done only to people and what carries them (rule words): a patient that is
    a common noun naming neither ("released the report", "energy is freed") is another
    sense. Names, pronouns and numbers may be people, so they never fire."""
    patients = _patients(trigger, undergoer=rule.relation == "undergoer_only")
    if not patients or any(_may_be_people(p, rule.words) for p in patients):
        return ""
    return str(patients[0].text)


def _may_be_people(token: Any, words: frozenset[str]) -> bool:
    if token.pos_ != "NOUN" or token.ent_type_ in ("PERSON", "NORP"):
        return True
    owners = [c for c in token.children if c.dep_ == "poss" and c.lower_ != "its"]
    if owners and _may_be_people(owners[0], words):
        return True  # someone's: "fought back the strikers' attempts" fights the strikers
    if _bare_noun(token) and _lowercase(token.sent):
        return True  # "siddiqui was picked up": in lowercase text a name reads as a noun
    if token.lemma_.lower() in words or token.lower_ in words:
        return True
    return normalise_actor(token.text) is not None


def _lone_speaker(rule: SenseRule, trigger: Any) -> str:
    """Talks need two parties: one person ("he discussed the crisis on the radio") with no
    partner ("with ...", "X and Y") comments on a topic, no meeting is held."""
    kids = list(trigger.children)
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in kids):
        return ""
    subjects = [c for c in kids if c.dep_ == "nsubj"]
    if len(subjects) != 1 or any(c.dep_ == "conj" for c in subjects[0].children):
        return ""
    subject = subjects[0]
    if "pronoun" in rule.words and subject.lower_ in SINGLE_PRONOUNS:
        return str(subject.text)
    if "person" in rule.words and subject.ent_type_ == "PERSON" and subject.tag_ == "NNP":
        return str(subject.text)
    return ""


def _number_sense(rule: SenseRule, trigger: Any) -> str:
    doc = trigger.doc
    if "singular" in rule.words and trigger.tag_ in ("NN", "NNP"):
        return "singular"
    if "month" in rule.words and trigger.pos_ != "VERB":
        after = doc[trigger.i + 1] if trigger.i + 1 < len(doc) else None
        before = doc[trigger.i - 1] if trigger.i > 0 else None
        if after is not None and (after.like_num or after.lower_ in ("first", "last")):
            return "a date"
        verb_after = after is not None and after.lower_ in ("on", "to", "through", "against", "by")
        if before is not None and before.lower_ in MONTH_NEIGHBOURS and not verb_after:
            return "a date"
    return ""


def takes_to(verb: Any) -> bool:
    """Is the verb a to-infinitive ("to revive", "to bomb")?"""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _to_infinitive(clause: Any) -> bool:
    """A to-infinitive the parser hung on as a clause of purpose ("battled to revive him")."""
    return clause.dep_ == "advcl" and takes_to(clause)


def _governors(trigger: Any) -> list[Any]:
    """The word that takes a noun trigger as its object: a verb ("lodged a protest"), or a noun
    through "of" ("a breach of the ceasefire"); a trigger compounded on a noun passes on the
    noun's ("respect the ceasefire understanding")."""
    t = trigger
    if t.dep_ == "compound":  # (the parse may tag the head noun a gerund: "understanding")
        t = t.head
    if t.dep_ in ("dobj", "nsubjpass"):
        return [t.head]
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ == "NOUN":
        return [t.head.head]
    return []
