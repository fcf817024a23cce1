"""Other word senses of cue words ("attacking options", "cardiac arrest", "released figures").

A rule of ``data/sense_rules.tsv`` fires when the trigger's lemma is its cue and one of its
words stands in its relation to the trigger in the parse (object, subject, modifier, head, a
preposition's object, a particle, a neighbouring word, a number or a clause), or, for acts done
only to people, when their patient is a thing (``extract/patients.py``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from flashpoint.datafiles import read_tsv
from flashpoint.extract.clause_parts import (
    content_clause,
    free_adjunct,
    prep_objects,
    takes_to,
    to_infinitive,
)
from flashpoint.extract.patients import (
    antecedent,
    contested,
    gap_object,
    shared_subject,
    thing_accused,
    thing_agent,
    thing_patient,
    unlisted_thing,
)
from flashpoint.extract.warnings_told import harmless_warning
from flashpoint.extract.wordlists import split_words as _split
from flashpoint.extract.wordlists import word_list, word_lists

MONTH_NEIGHBOURS = frozenset(
    "in on since until till by from of early mid late last next this before after during".split()
)


NUMBER_WORD = "#number"  # a words cell's name for any numeral
SINGULAR_MARK = ":singular"  # a words cell's word with it counts only as a singular noun


@dataclass(frozen=True)
class SenseRule:
    cue: str
    relation: str
    words: frozenset[str]


# the relations _sense_hit reads; 'prep:P', 'passive:P', 'in:P' and 'prep_only:P' name a
# preposition
RELATIONS = frozenset(
    {
        *("object", "led", "subject", "active_subject", "modifier", "common_modifier"),
        *("governor", "head", "controlled", "complement", "stranded", "particle", "before"),
        *("near", "clause", "number", "bare", "alone", "accuser", "patient_only"),
        *("undergoer_only", "list", "predicate", "agent_only", "content_lacks", "struggle"),
        "accused_only",
    }
)


def _known(relation: str) -> str:
    if relation in RELATIONS or relation.split(":", 1)[0] in ("prep", "in", "passive", "prep_only"):
        return relation
    raise ValueError(f"sense_rules.tsv: unknown relation {relation!r}")


@lru_cache(maxsize=1)
def load_sense_rules() -> dict[str, tuple[SenseRule, ...]]:
    rows = read_tsv("sense_rules.tsv")
    lists = word_lists()  # '@people' and the like, which other rows' words take in
    rules: dict[str, list[SenseRule]] = defaultdict(list)
    for row in rows:
        if row["relation"].strip() == "list":
            continue
        words: set[str] = set()
        for w in _split(row["words"]):
            words |= lists[w] if w.startswith("@") else {w}
        cue = row["cue"].strip().lower()
        rules[cue].append(SenseRule(cue, _known(row["relation"].strip()), frozenset(words)))
    return {k: tuple(v) for k, v in rules.items()}


def other_sense(trigger: Any) -> str:
    """``"other_sense: ..."`` when a sense rule fires for the trigger, else ``""``."""
    work = work_title(trigger)
    if work:
        return f"other_sense: '{trigger.text}' is in the title of the {work} before it"
    for key in {trigger.lemma_.lower(), trigger.lower_}:
        for rule in load_sense_rules().get(key, ()):
            hit = _sense_hit(rule, trigger)
            if hit:
                return f"other_sense: '{trigger.text}' {rule.relation} '{hit}'"
    return ""


NAMING_VERBS = frozenset({"call", "title", "entitle", "name", "dub"})


def work_title(trigger: Any) -> str:
    """The kind of work ('opera') when the trigger, written with a capital inside the
    sentence, stands in a run of capitalised words right after a word for a work, or after
    such a word and 'called', 'titled' ('the opera The Siege of Troy', 'a film called Hostage
    Day', 'her novel Raid'): the title names the work, no event. A named battle or operation
    ('the Battle of Mosul began') follows no such word."""
    if not trigger.text[:1].isupper() or trigger.is_sent_start:
        return ""
    doc, i = trigger.doc, trigger.i
    while i > trigger.sent.start and _in_title(doc[i - 1]):
        i -= 1
    if i == trigger.sent.start or not doc[i].text[:1].isupper():
        return ""  # a title starts with a capital: "a film on the Battle of" is read from 'Battle'
    before = doc[i - 1]
    if before.lemma_.lower() in NAMING_VERBS and i - 2 >= trigger.sent.start:
        before = doc[i - 2]
    works = word_list("@works")
    return before.lower_ if before.lemma_.lower() in works or before.lower_ in works else ""


def _in_title(token: Any) -> bool:
    """A word of a title: capitalised, or a short word a title leaves small ('of', 'the')."""
    return token.text[:1].isupper() or token.lower_ in ("of", "the", "a", "an", "in", "on", "and")


def _words(tokens: Any) -> dict[str, str]:
    """Each token's lemma and lowercase form, and '#number' for a numeral ("fell to 5,000");
    a singular common noun also as 'lemma:singular' ("attacked the minister's position" is
    criticism, "attacked enemy positions" is not)."""
    # a place's name is never the common noun it is spelled like ("Turkey moved troops",
    # "attacked Turkey": no bird); a party's may be ("defected to the Liberal Democrats")
    found = [t for t in (antecedent(t) for t in tokens) if not _place_name(t)]
    numeral = next((t.text for t in found if t.like_num or t.tag_ == "CD"), None)
    numbers = {NUMBER_WORD: numeral} if numeral is not None else {}
    singular = {t.lemma_.lower() + SINGULAR_MARK: t.text for t in found if t.tag_ == "NN"}
    forms = {t.lemma_.lower(): t.text for t in found} | {t.lower_: t.text for t in found}
    return forms | singular | numbers


def _place_name(token: Any) -> bool:
    return bool(token.pos_ == "PROPN" and token.ent_type_ == "GPE")


def _sense_hit(rule: SenseRule, trigger: Any) -> str:
    kids = list(trigger.children)
    doc = trigger.doc
    if rule.relation == "led" and any(to_infinitive(c) or c.dep_ == "xcomp" for c in kids):
        return ""  # "commanded troops to fire" is an order given, "commanded the forces" not
    if rule.relation in ("object", "led"):
        # The subject of a passive verb is its object ("the jackpot that was claimed").
        kids = kids + shared_subject(trigger)
        passive = any(c.dep_ == "auxpass" for c in kids)
        objects = ("dobj", "nsubjpass", "attr", "obj", *(("nsubj",) if passive else ()))
        if passive and any(c.dep_ == "dobj" for c in kids):
            objects = ("dobj",)  # "were denied their rights": the subject is who is denied
        named = [antecedent(c) for c in kids if c.dep_ in objects] or gap_object(trigger)
        return _every_one_listed(rule, [_counted(rule, _of_part(c)) for c in named])
    elif rule.relation == "subject":
        kids = kids + shared_subject(trigger)
        named = [c for c in kids if c.dep_ in ("nsubj", "poss", "compound", "nsubjpass")]
        found = _words([*named, *(_of_part(c, "@count") for c in named)])  # "dozens of"
    elif rule.relation == "active_subject":
        kids = kids + shared_subject(trigger) + _free_adjunct_subject(trigger)
        if any(c.dep_ == "auxpass" for c in kids):
            return ""
        subjects = [c for c in kids if c.dep_ == "nsubj"] or _described_noun(trigger)
        return _every_one_listed(rule, [_of_part(c) for c in subjects])  # "much of the aid"
    elif rule.relation in ("modifier", "common_modifier"):
        common = rule.relation == "common_modifier"  # a name is never the kind of thing
        found = _words(
            c
            for c in kids
            if c.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod")
            and not (common and c.pos_ == "PROPN")
        )
    elif rule.relation == "predicate":
        found = _words([trigger.head]) if trigger.dep_ in ("nsubj", "nsubjpass") else {}
    elif rule.relation == "governor":
        found = _words(_governors(trigger))
    elif rule.relation == "head":
        # a modifier coordinated with another ("colorful and arresting work") shares its head
        word = trigger.head if trigger.dep_ == "conj" and trigger.head.pos_ == "ADJ" else trigger
        modifies = word.dep_ in ("amod", "compound", "nmod", "acl")
        found = _words([word.head]) if modifies else {}
    elif rule.relation.startswith("prep:"):
        held = prep_objects(kids, rule.relation[5:])  # "in a string of corrupt acts"
        found = _words([*held, *(_of_part(c, "@set") for c in held)])
    elif rule.relation.startswith("prep_only:"):  # "engaged in activism": no combat listed
        held = prep_objects(kids, rule.relation[10:])
        return unlisted_thing([_of_part(c, "@set") for c in held], rule.words)
    elif rule.relation.startswith("passive:"):
        if not any(c.dep_ == "auxpass" for c in kids):
            return ""  # "the envoy met with rebels" is talks; "marchers were met with" not
        found = _words(prep_objects(kids, rule.relation[8:]))
    elif rule.relation.startswith("in:"):
        found = _words(_holder(trigger, rule.relation[3:]))
    elif rule.relation == "controlled":
        # "took control of the movement", "a battle for control of the party": 'of' hangs on
        # the object 'control' (or on 'for control') or on the verb
        near = [
            *kids,
            *(g for c in kids if c.dep_ == "prep" and c.lower_ == "for" for g in c.children),
        ]
        control = [c for c in near if c.dep_ in ("dobj", "pobj") and c.lemma_.lower() == "control"]
        holders = [*control, trigger] if control else []  # 'of' on 'control' or on the verb
        found = _words(
            g
            for h in holders
            for p in h.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children
            if g.dep_ == "pobj"
        )
    elif rule.relation in ("complement", "struggle"):
        clauses = [c for c in kids if c.dep_ in ("xcomp", "ccomp") or to_infinitive(c)]
        clauses += [c for c in kids if c.dep_ == "acl" and takes_to(c)]  # "the battle to bring"
        clauses += [c for c in kids if content_clause(c)]  # "a warning that prices would rise"
        if rule.relation == "struggle":  # "battled to control the town" is combat
            clauses = [c for c in clauses if not contested(c)]
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
        after = doc[trigger.i + 1 : trigger.i + 2]  # "demonstrated that ..." however parsed
        found = (
            _words(
                g
                for c in kids
                if c.dep_ in ("ccomp", "advcl")
                for g in c.children
                if g.dep_ == "mark"
            )
            | _words(c for c in kids if c.dep_ == "ccomp")
            | _words(
                t for t in after if t.lower_ in rule.words and t.tag_ in ("IN", "WDT", "WRB", "WP")
            )
        )
        return next((t for w, t in found.items() if w in rule.words), "") or (
            "a clause" if any(c.dep_ == "ccomp" for c in kids) else ""
        )
    elif rule.relation == "number":
        return _number_sense(rule, trigger)
    elif rule.relation == "bare":
        return _bare_after(rule, trigger)
    elif rule.relation in ("alone", "accuser"):
        return _lone_speaker(rule, trigger, partners=rule.relation == "alone")
    elif rule.relation in ("patient_only", "undergoer_only"):
        return thing_patient(trigger, rule.words, undergoer=rule.relation == "undergoer_only")
    elif rule.relation == "accused_only":
        return thing_accused(trigger, rule.words)
    elif rule.relation == "agent_only":
        kids = kids + shared_subject(trigger) + _free_adjunct_subject(trigger)
        return thing_agent(trigger, kids, rule.words, _described_noun(trigger))
    elif rule.relation == "content_lacks":
        return harmless_warning(trigger, rule.words)
    else:
        return ""
    return _listed(rule, found)


BARE_BLOCKERS = frozenset({"det", "poss", "nummod", "amod", "compound", "nmod", "prep", "relcl"})


def _bare_after(rule: SenseRule, trigger: Any) -> str:
    """The listed preposition when the trigger is a bare singular noun right after it, with no
    article, possessor, number, modifier or complement: such a noun names no one occurrence
    ("went into battle", "the night before battle", "at liberation")."""
    prep = trigger.head
    if trigger.tag_ != "NN" or trigger.dep_ != "pobj" or prep.lower_ not in rule.words:
        return ""
    if prep.i != trigger.i - 1 or any(c.dep_ in BARE_BLOCKERS for c in trigger.children):
        return ""
    return str(prep.text)


def _listed(rule: SenseRule, found: dict[str, str]) -> str:
    """The text of the first found word the rule lists ('*': any), else ""."""
    return next(
        (text for word, text in found.items() if word in rule.words or "*" in rule.words), ""
    )


# parts of speech that name no thing: a conjunct of these is no second object
NOT_NOMINAL = frozenset({"ADP", "ADV", "VERB", "AUX", "CCONJ", "SCONJ", "PART", "PUNCT", "DET"})


def _every_one_listed(rule: SenseRule, words: list[Any]) -> str:
    """The first word's text when every one of the objects (or subjects), conjuncts too, is
    listed ("destroyed lives" is another sense; "destroyed lives and homes" is not: the homes
    were destroyed; "the heat and the siege killed" is no death by nature alone)."""
    matched = [_listed(rule, _words([t])) for w in words for t in (w, *_nominal_conjuncts(w))]
    return matched[0] if matched and all(matched) else ""


def _nominal_conjuncts(word: Any) -> list[Any]:
    """The word's conjuncts that may name a thing: a preposition or an adverb the parser
    joined to it names none ("ordered one copy - and only out of curiosity"), nor a reflexive
    pronoun, which stands for the clause's subject ("released a report that blamed its
    contractors as well as itself")."""
    return [c for c in word.conjuncts if c.pos_ not in NOT_NOMINAL and not _reflexive(c)]


def _reflexive(token: Any) -> bool:
    return bool(token.tag_ == "PRP" and token.lower_.endswith(("self", "selves")))


def _counted(rule: SenseRule, noun: Any) -> Any:
    """What a count the row does not list counts ("killed hundreds of chickens": the
    chickens); a count the row lists stays ("released the number of dead")."""
    return noun if _listed(rule, _words([noun])) else _of_part(noun, "@count")


def _of_part(noun: Any, words: str = "@part") -> Any:
    """What a part is of ("captured most of the oil": the oil); ``words``: the word list
    of sense_rules.tsv that names the parts ('@count', '@set' for other readings)."""
    if noun.lemma_.lower() not in word_list(words):
        return noun
    whole = [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
    return next((g for g in whole if g.dep_ == "pobj"), noun)


def _free_adjunct_subject(trigger: Any) -> list[Any]:
    """An -ing clause with no subject of its own, hung on an active clause, is done by that
    clause's subject ("oil gushed into the sea, threatening the coast": the oil threatens)."""
    if not free_adjunct(trigger):
        return []
    head = trigger.head
    if any(c.dep_ == "auxpass" for c in head.children):
        return []
    return [c for c in head.children if c.dep_ == "nsubj"]


def _described_noun(trigger: Any) -> list[Any]:
    """An -ing participle after a noun, with no subject of its own, is done by that noun ("an
    oil spill threatening the coast": the spill threatens), and a to-infinitive with no subject
    of its own after a causative verb by that verb's object ("causes antibodies to attack the
    cells"; "used dogs to attack" is done by whoever used them)."""
    own = any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children)
    head = trigger.head
    if trigger.dep_ == "xcomp" and not own:  # "causes antibodies to attack": the antibodies do
        if head.pos_ == "NOUN" and head.head.lemma_.lower() in word_list("@causative"):
            return [head]
        if head.lemma_.lower() in word_list("@causative"):
            return [c for c in head.children if c.dep_ == "dobj"]
        return []
    if trigger.dep_ != "acl" or trigger.tag_ != "VBG" or own:
        return []
    noun = trigger.head
    # after "thugs on camels" the parser may hang the participle on the last noun: the noun
    # that the preposition qualifies may be its doer as well
    held = noun.dep_ == "pobj" and noun.head.head.pos_ in ("NOUN", "PROPN")
    return [noun, noun.head.head] if held else [noun]


SINGLE_PRONOUNS = frozenset({"he", "she", "i", "you"})
LONE_KINDS = frozenset({"person", "pronoun", "writer"})  # kinds of subject, not lemmas


def _lone_speaker(rule: SenseRule, trigger: Any, partners: bool = True) -> str:
    """Talks need two parties: one person ("he discussed the crisis on the radio") with no
    partner ("with ...", "X and Y") comments on a topic, no meeting is held. Without
    ``partners`` ('accuser') any 'with' is allowed: "he charged the minister with lying"."""
    kids = list(trigger.children)
    withs = ("with", "between", "among") if partners else ()
    if any(c.dep_ == "prep" and c.lower_ in withs for c in kids):
        return ""
    subjects = [c for c in kids if c.dep_ == "nsubj"]
    if len(subjects) != 1 or any(c.dep_ == "conj" for c in subjects[0].children):
        return ""
    subject = subjects[0]
    if "pronoun" in rule.words and subject.lower_ in SINGLE_PRONOUNS:
        return str(subject.text)
    if "writer" in rule.words and subject.lower_ == "i":
        return str(subject.text)
    if "person" in rule.words and subject.ent_type_ == "PERSON" and subject.tag_ == "NNP":
        return str(subject.text)
    if subject.lemma_.lower() in rule.words - LONE_KINDS and subject.tag_ == "NN":  # 'the chairman'
        return str(subject.text)
    return ""


def _number_sense(rule: SenseRule, trigger: Any) -> str:
    doc = trigger.doc
    if "singular" in rule.words and trigger.tag_ in ("NN", "NNP"):
        return "singular"
    if "plural" in rule.words and trigger.tag_ in ("NNS", "NNPS"):
        return "plural"
    if "month" in rule.words and trigger.pos_ != "VERB":
        after = doc[trigger.i + 1] if trigger.i + 1 < len(doc) else None
        before = doc[trigger.i - 1] if trigger.i > 0 else None
        if after is not None and (after.like_num or after.lower_ in ("first", "last")):
            return "a date"
        verb_after = after is not None and after.lower_ in ("on", "to", "through", "against", "by")
        if before is not None and before.lower_ in MONTH_NEIGHBOURS and not verb_after:
            return "a date"
    return ""


def _holder(trigger: Any, prep: str) -> list[Any]:
    """The word that the preposition ``prep`` before a noun trigger hangs on: "spent years
    under house arrest" -> spend."""
    if trigger.dep_ == "pobj" and trigger.head.lower_ == prep:
        return [trigger.head.head]
    return []


def _governors(trigger: Any) -> list[Any]:
    """The word that takes a noun trigger as its object: a verb ("lodged a protest"; a
    participle after it, "the protest lodged"), or a noun through "of" ("a breach of the
    ceasefire"); a trigger compounded on a noun passes on the noun's ("respect the ceasefire
    understanding"), and a conjunct the first conjunct's."""
    t = trigger
    if t.dep_ == "compound":  # (the parse may tag the head noun a gerund: "understanding")
        t = t.head
    while t.dep_ == "conj" and t.head.pos_ in ("NOUN", "PROPN"):
        t = t.head  # "confiscated her radio, grenades and a pistol": the first conjunct's
    # a past participle after the noun takes it as its object too: "the threat posed by"
    told = [c for c in t.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if t.dep_ in ("dobj", "nsubjpass", "attr"):  # 'attr': "The general was a threat"
        return [t.head, *told]
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ == "NOUN":
        return [t.head.head, *told]
    return told
