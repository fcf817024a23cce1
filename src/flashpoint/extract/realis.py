"""Does a candidate mention report a specific, real event? (realis, word sense, genericity)

A cue word in a sentence is only a candidate. It reports an event when the sentence asserts
that one particular occurrence happened (or a source claims it did). It does not when the
occurrence is negated or prevented, asked, conditional or wished for, habitual or generic, a
running total over a period, or when the cue is read in another sense. The decision walks the
parse from the trigger up through its own proposition (never into another clause) and reads
the words it meets against ``data/realis_cues.tsv`` and ``data/sense_rules.tsv``.

:func:`judge` returns ``""`` for an event, else ``"code: words that decided it"``; the code is
one of :data:`CODES`. Nothing here is tuned to a corpus: each rule is a linguistic definition.
"""

from __future__ import annotations

from typing import Any

from flashpoint.extract.clause_parts import takes_to
from flashpoint.extract.clauses import (
    Cues,
    act_heads,
    clause_verb,
    load_cues,
    participle_of,
    proposition,
    shares_subject,
    tense,
)
from flashpoint.extract.date_rules import WEEKDAYS
from flashpoint.extract.forecasts import forecast
from flashpoint.extract.generic import generic
from flashpoint.extract.habitual import habitual
from flashpoint.extract.irrealis import asked, irrealis
from flashpoint.extract.negation import negated
from flashpoint.extract.senses import other_sense
from flashpoint.extract.triggers import names_people
from flashpoint.extract.wordlists import word_list
from flashpoint.ontology import load_ontology

CODES = {
    "negated": "the sentence says it did not happen, or was prevented",
    "hypothetical": "asked, conditional, or only possible",
    "irrealis": "wanted, urged, expected or called for, not reported as done",
    "generic": "a kind of event or a habit, not one occurrence",
    "statistic": "a running total over a period, not one event",
    "other_sense": "the cue word is used in another sense",
    "not_specific": "planned or threatened with no actor or date of its own",
    "not_an_act": "the cue names people, and no act of theirs is reported",
    "not_political": "a political act with no state, armed group or political actor named",
    "background": (
        "an act put before the story with no date of its own (a crime judged or charged, a "
        "period of a war, a relative clause in the past perfect): history, not news"
    ),
    "classifier": "the trained eventiveness model (extract/eventive_model.py) finds no event",
    "fragment": "a sentence of one word ('Arrested!', 'Protests.'): no one, no place, no time",
}
# Named entities whose names may hold a cue word ("Amnesty International", "9 Assault
# Squadron", a book's title): the word names the thing, it reports no event. Named events
# ("Operation Desert Storm") stay events.
NAME_ENTITIES = frozenset({"ORG", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"})


def judge(trigger: Any, sentence: str, mode: str, dated: bool, event_type: str = "") -> str:
    """``""`` when the candidate whose head token is ``trigger`` reports a specific real event,
    else ``"code: words"``. ``dated``: the sentence itself gives a date for it."""
    cues = load_cues()
    if sum(t.is_alpha for t in trigger.doc) <= 1:
        return f"fragment: '{trigger.text}' stands alone"
    chain = proposition(trigger)
    for check in (_sense, _modifier, negated, asked, irrealis, habitual, _framed):
        verdict = check(trigger, chain, cues, sentence)
        if verdict:
            return verdict
    aim = _purpose_aim(trigger, cues)
    if aim is not None and not cues.has("purpose_kept_family", _family(event_type)):
        return f"irrealis: 'to {aim.text}' is the purpose of '{aim.head.text}', not a done act"
    verb = clause_verb(trigger, chain)
    marker = _experiential(verb, cues) if verb is not None and not dated else None
    if marker is not None:
        return f"generic: '{marker.text}' with a perfect tells of past acts, not one event"
    if mode in ("negated", "hypothetical"):
        return f"{mode}: {mode} mode"
    if mode not in ("happened", "claimed", "historical"):
        return ""
    verdict = generic(trigger, chain, cues, sentence, dated)
    faced = _faced(trigger, cues) if not verdict and not dated else None
    if faced is not None:  # "sacked his government in the face of protests"
        return f"generic: 'in the {faced.text} of {trigger.text}' frames another act"
    standing = _standing_allegation_of(trigger, cues) if not verdict and not dated else None
    if standing is not None:
        return f"generic: '{standing.text}' again and again with no date: a pattern, no one act"
    background = _background(trigger, verb, cues, event_type)
    if not verdict and not dated and background:
        return background
    earlier = _earlier(trigger, cues)
    if not verdict and not dated and earlier is not None:
        return f"background: '{earlier.text} {trigger.text}' names an earlier act"
    judged = _judged(trigger, cues)
    if not verdict and judged is not None and not _dated_phrase(trigger):
        # a date in the clause dates the judgement ("charged the men with murder on Monday")
        return f"background: '{judged.text}' judges a crime done before it"
    period = _in_period(trigger, verb, cues) if not verdict and not dated else None
    if period is not None:
        return f"background: '{period.text}' dates it to a period, not the news"
    if verdict or dated or verb is None or not cues.has("statement_type", event_type):
        return verdict
    filed = cues.has("filing_verb", verb.lemma_.lower())  # "has registered a case": done
    if tense(verb) == "perfect" and not filed and not _said_by_person(verb, cues):
        return f"generic: '{verb.text}' with no date states a standing position"
    passives = [c for c in verb.children if c.dep_ == "auxpass"]
    if tense(verb) == "present" and passives and all(c.tag_ != "VBG" for c in passives):
        # "is condemned by Iraqis across the spectrum"; "are being condemned" goes on now
        return f"generic: present passive '{verb.text}' with no date states a standing position"
    return verdict


def _perfect_aux(verb: Any) -> str:
    """'had' when the verb group is in the past perfect, else ''."""
    had = (c for c in verb.children if c.dep_ == "aux" and c.lemma_ == "have")
    return next((c.text for c in had if c.tag_ == "VBD"), "")


def _background(trigger: Any, verb: Any | None, cues: Cues, event_type: str) -> str:
    """A cue verb in a relative clause in the past perfect, with no date: it names someone
    or something by what had happened before the story's own time ("the officer who had
    negotiated her release", "the court, which had slapped a fine"), it does not report the
    news. Harm and crowd acts so told are mostly the news itself ("villagers who had been
    killed by the militants"; `background_kept_family`), and a main clause in the past
    perfect may well be the news too ("the army had been deployed within 16 hours")."""
    if verb is None:
        return ""
    told_before = (
        verb.i == trigger.i
        and verb.dep_ == "relcl"
        and verb.tag_ == "VBN"
        and bool(_perfect_aux(verb))
        and not cues.has("background_kept_family", _family(event_type))
    )
    return f"background: '{_perfect_aux(verb)} {verb.text}' with no date" if told_before else ""


def _earlier(trigger: Any, cues: Cues) -> Any | None:
    """A word that puts a noun trigger before the story, unless the sentence dates it: an
    adjective ("a previous deployment to Bosnia", "his former detention") or a noun whose
    'of' it is ("in the aftermath of the 9/11 attacks")."""
    if trigger.pos_ != "NOUN":
        return None
    kids = (c for c in trigger.children if c.dep_ == "amod")
    found = next((c for c in kids if cues.has("background_modifier", c.lower_)), None)
    of = trigger.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" else None
    recent = any(
        c.dep_ == "poss" or (c.dep_ == "amod" and c.lower_ in ("latest", "recent", "last"))
        for c in trigger.children
    )  # "in the aftermath of Monday's attack", "of the latest attack": this story's act
    if found is None and of is not None and not recent:
        return of.head if cues.has("background_noun", of.head.lemma_.lower()) else None
    if found is None and trigger.dep_ == "pobj" and _named_occurrence(trigger):
        prep = trigger.head  # "after the Madrid bombings": a known act the story follows
        return prep if cues.has("background_preposition", prep.lower_) else None
    return found


def _named_occurrence(noun: Any) -> bool:
    """'the' and a place or a date on the noun ("the Madrid bombings", "the July 7 attacks",
    "the 9/11 attacks"): an occurrence the reader knows by name. Not one this story tells
    ("Monday's attack", "the Sunday attack", "the attack on the town"), nor one named by its
    doer ("after the Israeli strikes", "the Hamas attack": who did it, often today)."""
    kids = list(noun.children)
    the = any(c.dep_ == "det" and c.lower_ == "the" for c in kids)
    named = any(
        c.dep_ in ("compound", "nmod", "nummod")
        and (c.pos_ == "PROPN" or c.ent_type_ in ("DATE", "GPE", "LOC"))
        and c.ent_type_ not in ("TIME", "NORP", "ORG", "PERSON")
        and not any(d.lower_ in WEEKDAYS for d in c.subtree)
        for c in kids
    )
    return the and named


PERIOD_PREPOSITIONS = frozenset({"during", "throughout"})  # a period itself
PART_PREPOSITIONS = frozenset({"in", "at", "during"})  # a part of one: 'in the first days of'


def _in_period(trigger: Any, verb: Any, cues: Cues) -> Any | None:
    """The period of a conflict or a rule the act is put in by a phrase of time ("during the
    war", "in the first days of the invasion", "at the height of the insurgency"), if any."""
    heads = act_heads(trigger, verb)
    if participle_of(heads[-1]):  # "hit his compound, killing 43": its time is its head's
        heads.append(heads[-1].head)
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep"):
        noun = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if noun is None:
            continue
        word = prep.lower_
        if word in PERIOD_PREPOSITIONS and cues.has("period_noun", noun.lemma_.lower()):
            return noun
        if word in PART_PREPOSITIONS and cues.has("period_part", _part_word(noun)):
            period = _period_of_part(noun)
            if period is not None and cues.has("period_noun", period.lemma_.lower()):
                return period
    return None


def _part_word(noun: Any) -> str:
    """The part a noun names; "run-up" comes apart in the parse ("run - up", or "run" with
    "up to" after it)."""
    lemma = str(noun.lemma_.lower())
    if lemma == "up" and any(c.lower_ == "run" for c in noun.children):
        return "run-up"
    if lemma == "run" and noun.doc[noun.i + 1 : noun.i + 3].text.lower() == "up to":
        return "run-up"
    return lemma


def _period_of_part(noun: Any) -> Any | None:
    """What a part is of: its 'of' ("the height of the insurgency"), or the 'to' of a run-up,
    on the part or right after it ("the run-up to the war")."""
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "to")]
    at = noun.i + (1 if noun.lemma_.lower() == "up" else 2)  # "run-up to" / "run up to"
    after = noun.doc[at] if at < len(noun.doc) else None
    if not preps and after is not None and after.lower_ == "to" and _part_word(noun) == "run-up":
        preps = [after]
    return next((g for p in preps for g in p.children if g.dep_ == "pobj"), None)


def _judged(trigger: Any, cues: Cues) -> Any | None:
    """The word of judging, punishing or arresting whose 'for', 'of' or 'over' the trigger is
    ("a sentence for attacking two women", "convicted of the bombing", "arrested over the
    killing"), or of charging whose 'with' it is ("charged with the murder"): the crime came
    before the judgement."""
    prep = trigger.head
    if trigger.dep_ not in ("pobj", "pcomp"):
        return None
    judge = prep.head
    if judge.dep_ == "dobj" and not _judging(judge, cues) and _a_person(judge):
        judge = judge.head  # "convicted the corporal of murder": 'of' may hang on the person
    lemma = judge.lemma_.lower()
    if prep.lower_ in ("for", "of") and cues.has("judgement_word", lemma):
        return judge
    if prep.lower_ == "with" and cues.has("charge_with_word", lemma):
        # "charged with the murder of a civilian"; not "charged the crowd with tear gas"
        return None if other_sense(judge) else judge
    return judge if prep.lower_ in ("for", "over") and cues.has("arrest_word", lemma) else None


def _a_person(noun: Any) -> bool:
    """Who is judged: a name, a pronoun or a word for people ("executed a series of raids"
    judges no one)."""
    lemma = noun.lemma_.lower()
    listed = lemma in word_list("@people") or lemma in word_list("@combatants")
    return noun.pos_ in ("PROPN", "PRON") or listed or bool(names_people(noun))


def _judging(word: Any, cues: Cues) -> bool:
    lemma = word.lemma_.lower()
    return any(cues.has(k, lemma) for k in ("judgement_word", "charge_with_word", "arrest_word"))


def _dated_phrase(noun: Any) -> bool:
    """The act's own phrase names a day or a date ("convicted of the March 3 bombing",
    "arrested over Monday's killing")."""
    return any(t.ent_type_ == "DATE" or t.lower_ in WEEKDAYS for t in noun.subtree if t.i != noun.i)


def _standing_allegation_of(trigger: Any, cues: Cues) -> Any | None:
    """The verb of accusing whose 'of' or 'for' the act is, when the accusation is told as
    made again and again (in the perfect, with no date, with 'repeatedly', 'long': a
    ``standing_adverb``) of acts done to a bare plural ("the rebels have repeatedly accused
    the army of attacking their positions"): a pattern, no one incident; "has repeatedly
    accused Russia of blowing up the dam", "has accused the army of shelling the village" and
    "accused the army on Monday of shelling the village on Sunday" are news."""
    prep = trigger.head if trigger.dep_ == "pcomp" else None
    if prep is None or prep.lower_ not in ("of", "for"):
        return None
    verb = prep.head
    for _ in range(3):  # "accused the army and its allies of": 'of' may hang on the object
        if verb.pos_ == "VERB" or verb.dep_ not in ("dobj", "conj"):
            break
        verb = verb.head
    if verb.pos_ != "VERB" or not cues.has("allegation_verb", verb.lemma_.lower()):
        return None
    often = any(c.dep_ == "advmod" and cues.has("standing_adverb", c.lower_) for c in verb.children)
    if not often or tense(verb) != "perfect" or not _many_unnamed(trigger):
        return None
    dated = any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)
    return None if dated else verb


def _many_unnamed(act: Any) -> bool:
    """The act is done to things or people named only as a plural, with no number and no name
    ("attacking their positions", "shelling towns"): acts of a kind. One thing or one person
    ("blowing up the dam", "killing their son"), a count ("executing 12 prisoners") or a name
    is one incident, however often it is alleged."""
    objects = [c for c in act.children if c.dep_ == "dobj"]
    return bool(objects) and all(
        o.tag_ == "NNS" and not any(c.dep_ == "nummod" for c in o.children) for o in objects
    )


def _said_by_person(verb: Any, cues: Cues) -> bool:
    """The statement's subject is one person ("a senior official has denied", "Galloway has
    denied"): news of an act of words; a state or a body that "has denied" holds a position."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    if any(c.dep_ == "advmod" and cues.has("standing_adverb", c.lower_) for c in verb.children):
        return False  # "has repeatedly denied", "has long accused": a position all the same
    return subject.ent_type_ == "PERSON" or (
        subject.tag_ == "NN" and cues.has("speaker_noun", subject.lemma_.lower())
    )


def _sense(trigger: Any, chain: list[tuple[Any, str]], cues: Cues, sentence: str) -> str:
    if scare_quoted(trigger):
        return f"other_sense: '\"{trigger.text}\"' in scare quotes, the writer's doubt"
    return other_sense(trigger) or forecast(trigger, cues)


QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’", "``", "''"})


def scare_quoted(trigger: Any) -> bool:
    """One word alone in quotation marks ("its 'liberation' by the BBC") is used at a
    distance, ironically or as someone else's word: it reports no event of that kind."""
    doc = trigger.doc
    if trigger.i == 0 or trigger.i + 1 >= len(doc):
        return False
    return doc[trigger.i - 1].text in QUOTE_MARKS and doc[trigger.i + 1].text in QUOTE_MARKS


def _modifier(trigger: Any, chain: list[tuple[Any, str]], cues: Cues, sentence: str) -> str:
    """A noun or adjective that classifies another noun names no occurrence: "fighter jet
    programs", "air defense system", "riot gear", "alleged program", "attack helicopter";
    an adverb ("reportedly") marks how another act is reported, it is none itself."""
    if trigger.pos_ == "ADV":
        return f"not_an_act: '{trigger.text}' marks how another act is reported"
    if trigger.pos_ == "PROPN" and trigger.ent_type_ in NAME_ENTITIES:
        return f"not_an_act: '{trigger.text}' is part of a name ({trigger.ent_type_})"
    adjective = _compound_adjective(trigger, cues)
    if adjective:
        return f"not_an_act: '{adjective}' names a kind of place or thing, no occurrence"
    if (
        (trigger.pos_ != "VERB" and trigger.dep_ in ("compound", "nmod"))
        or trigger.dep_ == "amod"
        or _describing_participle(trigger)
    ):
        head = trigger.head
        kind_of_event = cues.has("event_head_noun", head.lemma_)
        if head.pos_ == "NOUN" and head.i > trigger.i and not kind_of_event:
            return f"not_an_act: '{trigger.text}' describes '{trigger.head.text}'"
    return ""


def _describing_participle(trigger: Any) -> bool:
    """A participle compounded on a noun of no people is an adjective too ('the fighting
    spirit'); on people it tells what they were doing ('rioting activists blasted bombs')."""
    return trigger.tag_ == "VBG" and trigger.dep_ == "compound" and not _on_people(trigger)


def _on_people(word: Any) -> bool:
    """Does the noun phrase the word is compounded on name people ('rioting party
    activists': its last noun)?"""
    head = word.head
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    return names_people(head) or head.lemma_.lower() in word_list("@people")


def _compound_adjective(trigger: Any, cues: Cues) -> str:
    """The noun of a hyphenated adjective ('riot-hit areas', 'a flood-prone district', 'the
    area is riot-prone'): an incorporated noun refers to no occurrence, only to a kind; not
    an instrument's ('explosive-laden drones' attack with explosives)."""
    doc, head = trigger.doc, trigger.head
    if trigger.pos_ == "VERB" or trigger.whitespace_ or head.i != trigger.i + 2:
        return ""
    if cues.has("instrument_participle", head.lower_):
        return ""
    hyphen = doc[trigger.i + 1]
    if hyphen.text not in ("-", "‐") or hyphen.whitespace_ or head.tag_ not in ("JJ", "VBN", "VBG"):
        return ""
    return f"{trigger.text}-{head.text}"


def _looked_into(trigger: Any) -> bool:
    """An act after 'into' on a noun ("a report into the shooting", "a review into the
    killings"): the topic of an inquiry, whatever the noun is called; a move 'into' names a
    place, not an act."""
    into = trigger.head
    return bool(trigger.dep_ == "pobj" and into.lower_ == "into" and into.head.pos_ == "NOUN")


def _told(trigger: Any) -> bool:
    """The act under an inquiry noun is told with facts of its own: a day, a number or a
    clause in its phrase ("the attack on Tuesday", "the attack, which killed 11 soldiers"), or
    a past relative clause right after it, which the parser may hang on the noun before ("an
    inquiry into the firing that left one dead")."""
    own = [t for t in trigger.subtree if t.i != trigger.i]
    if any(t.ent_type_ in ("DATE", "CARDINAL") or t.dep_ in ("relcl", "acl") for t in own):
        return True
    return any(
        t.dep_ == "relcl"
        and t.tag_ in ("VBD", "VBN")
        and t.left_edge.i in (trigger.i + 1, trigger.i + 2)
        for t in trigger.doc
    )


def _faced(trigger: Any, cues: Cues) -> Any | None:
    """The noun N of 'in the N of' (a ``time_frame_noun``) before a bare plural act in a
    sentence with no date: a backdrop, as with 'amid' ("sacked his government in the face of
    protests"). An act with anything of its own, a day, a place, a doer or a clause, is told
    ("in the face of militant attacks near Mosul on Tuesday"), and so is a singular one ("in
    the face of tear gas")."""
    prep = trigger.head
    if trigger.dep_ != "pobj" or prep.lower_ != "of" or trigger.tag_ != "NNS":
        return None
    if any(c.dep_ != "amod" for c in trigger.children):
        return None
    phrase = prep.head
    framing = cues.has("time_frame_noun", phrase.lemma_.lower()) and phrase.dep_ == "pobj"
    return phrase if framing and phrase.head.lower_ == "in" else None


def _framed(trigger: Any, chain: list[tuple[Any, str]], cues: Cues, sentence: str) -> str:
    """The event noun only frames or depicts another statement: "killed during the
    demonstrations", "pictures of people killed", "a new form of attacks", "anyone detained"."""
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "pobj":
        prep = trigger.head
        if cues.has("time_frame_preposition", prep.lower_) and prep.head.i != trigger.i:
            return f"generic: '{prep.text} {trigger.text}' frames another act"
    if _looked_into(trigger) and not _told(trigger):  # "an Italian report into the shooting"
        return f"generic: '{trigger.head.head.text} into' it, not a report of it"
    for tok, edge in chain[:3]:
        if tok.pos_ == "NOUN" and cues.has("frame_noun", tok.lemma_.lower()):
            return f"generic: '{tok.text}' of it, not a report of it"
        looks_into = (tok.pos_ == "NOUN" and cues.has("inquiry_noun", tok.lemma_.lower())) or (
            tok.pos_ == "VERB" and edge == "dobj" and cues.has("inquiry_verb", tok.lemma_.lower())
        )
        if looks_into and not _told(trigger):  # "a tribunal probing the assassination of"
            return f"generic: '{tok.text}' into it, not a report of it"
    kind = _kind_object(trigger, cues)
    if kind is not None:  # "are fighting the sort of conflict that ...": a kind of act
        return f"generic: '{trigger.text} ... {kind.text} of' names a kind, not one event"
    verb = clause_verb(trigger, chain)
    around = [
        trigger,
        *([verb] if verb is not None else []),
        *([trigger.head] if trigger.dep_ in ("acl", "relcl") else []),
    ]
    told = verb is not None and tense(verb) in ("past", "perfect")
    for tok in around:
        for word in (tok, *tok.children):
            if cues.has("generic_pronoun", word.lower_) and not _negative_polarity(word):
                return f"generic: '{word.text}'"
            if cues.has("universal_pronoun", word.lower_) and not told:
                return f"generic: '{word.text}'"  # "killed everyone inside on Friday" is one act
    anyone = _free_choice_head(verb if verb is not None else trigger, cues)
    if anyone is not None and not _one_occurrence(trigger):
        # "a trial for any officers who took part in torture"; not "in Monday's massacre"
        return f"generic: '{anyone.text} {anyone.head.text} who' names no one in particular"
    return ""


def _negative_polarity(word: Any) -> bool:
    """'anyone' under a negated verb means no one ("the raid did not kill anyone"): the verb's
    negation is read elsewhere, and the act it says nothing of is no generic one."""
    return any(c.dep_ == "neg" for c in word.head.children)


def _one_occurrence(trigger: Any) -> bool:
    """A noun act with a definite article, a possessor or a date of its own is one occurrence
    ("the bombing of the market", "Monday's massacre")."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    own = [c for c in trigger.children if c.dep_ in ("det", "poss")]
    return any(c.dep_ == "poss" or c.lower_ == "the" for c in own) or _dated_phrase(trigger)


def _free_choice_head(clause: Any, cues: Cues) -> Any | None:
    """The free-choice determiner ('any') of the noun a relative clause describes: the act of
    the clause is whoever's it may be, no one occurrence."""
    if clause.dep_ != "relcl":
        return None
    det = (c for c in clause.head.children if c.dep_ == "det")
    return next((c for c in det if cues.has("free_choice_determiner", c.lower_)), None)


def _kind_object(trigger: Any, cues: Cues) -> Any | None:
    """The kind noun a verb trigger takes as its object with 'of' ("fight the kind of war")."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return None
    return next(
        (
            c
            for c in trigger.children
            if c.dep_ == "dobj"
            and cues.has("kind_noun", c.lemma_.lower())
            and not any(d.lower_ in ("a", "an") for d in c.children)  # "a new type of": one
            and any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children)
        ),
        None,
    )


def _family(event_type: str) -> str:
    entry = load_ontology().get(event_type) if event_type else None
    return entry.family if entry is not None else ""


def _purpose_aim(trigger: Any, cues: Cues) -> Any | None:
    """The verb of the purpose clause the candidate is the act of: its own verb, or the verb of
    a support verb's object ("to launch an attack"); not a party ("to disperse a mob") nor a
    word further down ("to lodge a protest over the shelling": the shelling happened). A
    protest's or a riot's purpose ("held a rally to protest the cut", "fired to disperse the
    march") tells what the act that had it was: those families keep it (purpose_kept_family)."""
    verb = trigger
    if trigger.dep_ == "dobj" and cues.has("support_verb", trigger.head.lemma_.lower()):
        verb = trigger.head
    return verb if _purpose(verb) else None


def _purpose(verb: Any) -> bool:
    """A to-infinitive after a complete act, one with its own object or a passive one, is
    that act's purpose ("summoned the envoy to lodge a protest", "troops were sent to secure
    the town"): what was meant, not what was done. A to-infinitive after a verb without an
    object is often its complement ("battled to revive him"), and is left to the cues."""
    if verb.tag_ != "VB" or verb.dep_ != "advcl" or verb.i < verb.head.i or not takes_to(verb):
        return False
    return any(c.dep_ in ("dobj", "auxpass", "nsubjpass") for c in verb.head.children)


def _experiential(verb: Any, cues: Cues) -> Any | None:
    """The word that makes a perfect experiential ("has mined roads before"), if any; a verb
    coordinated without a subject shares its head's auxiliary ("has denied ... and accused")."""
    group = [verb, verb.head] if shares_subject(verb) else [verb]
    if not any(c.dep_ == "aux" and c.lemma_ == "have" for c in group[-1].children):
        return None
    for tok in group:
        for c in tok.children:
            bare = not list(c.children)  # "two days before" dates the act
            if c.dep_ == "advmod" and bare and cues.has("experiential_word", c.lower_):
                return c
            if c.dep_ == "prep" and c.lower_ == "in":
                past = [g for g in c.children if g.dep_ == "pobj"]
                if past and cues.has("experiential_word", past[0].lower_):
                    return past[0]
    return None
