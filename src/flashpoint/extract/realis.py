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
    SUBJECT_EDGES,
    Cues,
    act_heads,
    clause_verb,
    definite,
    load_cues,
    proposition,
    tense,
    uncertain_content,
)
from flashpoint.extract.date_rules import WEEKDAYS
from flashpoint.extract.forecasts import forecast
from flashpoint.extract.generic import generic, habitual
from flashpoint.extract.negation import negated
from flashpoint.extract.patients import antecedent
from flashpoint.extract.senses import other_sense
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
}
# Named entities whose names may hold a cue word ("Amnesty International", "9 Assault
# Squadron", a book's title): the word names the thing, it reports no event. Named events
# ("Operation Desert Storm") stay events.
NAME_ENTITIES = frozenset({"ORG", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"})


def judge(trigger: Any, sentence: str, mode: str, dated: bool, event_type: str = "") -> str:
    """``""`` when the candidate whose head token is ``trigger`` reports a specific real event,
    else ``"code: words"``. ``dated``: the sentence itself gives a date for it."""
    cues = load_cues()
    chain = proposition(trigger)
    for check in (_sense, _modifier, negated, _asked, _irrealis, habitual, _framed):
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
    if _participle_of(heads[-1]):  # "hit his compound, killing 43": its time is its head's
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
    judge, lemma = prep.head, prep.head.lemma_.lower()
    if prep.lower_ in ("for", "of") and cues.has("judgement_word", lemma):
        return judge
    if prep.lower_ == "with" and cues.has("charge_with_word", lemma):
        return judge  # "charged with the murder of a civilian"
    return judge if prep.lower_ in ("for", "over") and cues.has("arrest_word", lemma) else None


def _dated_phrase(noun: Any) -> bool:
    """The act's own phrase names a day or a date ("convicted of the March 3 bombing",
    "arrested over Monday's killing")."""
    return any(t.ent_type_ == "DATE" or t.lower_ in WEEKDAYS for t in noun.subtree if t.i != noun.i)


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
    if (trigger.pos_ != "VERB" and trigger.dep_ in ("compound", "nmod")) or trigger.dep_ == "amod":
        head = trigger.head
        kind_of_event = cues.has("event_head_noun", head.lemma_)
        if head.pos_ == "NOUN" and head.i > trigger.i and not kind_of_event:
            return f"not_an_act: '{trigger.text}' describes '{trigger.head.text}'"
    return ""


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
        *([trigger.head] if trigger.dep_ == "acl" else []),
    ]
    for tok in around:
        if cues.has("generic_pronoun", tok.lower_):
            return f"generic: '{tok.text}'"
        for c in tok.children:
            if cues.has("generic_pronoun", c.lower_):
                return f"generic: '{c.text}'"
    return ""


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


def _asked(trigger: Any, chain: list[tuple[Any, str]], cues: Cues, sentence: str) -> str:
    if sentence.rstrip(" \"'”’)").endswith("?"):
        return "hypothetical: a question"
    if _participle_of(trigger) and tense(trigger.head) == "modal":  # "can detonate, killing"
        return f"hypothetical: '{trigger.head.text}' is only possible"
    tokens = [trigger, *(t for t, _ in chain)]
    if chain:  # the clause that was left last may be an "if" clause
        tokens.append(chain[-1][0])
    if _shares_subject(trigger):  # "if police tried to stop us and arrest": both conditional
        tokens += [trigger.head, *(t for t, _ in proposition(trigger.head))]
    top = tokens[-1]
    for tok in {*tokens, top}:
        for c in tok.children:
            if c.dep_ == "mark" and cues.has("conditional_mark", c.lower_):
                return f"hypothetical: '{c.text}'"
    pending = _pending_under_modal(top, cues)
    if pending is not None:  # "weeks can pass before a bureau confirms an arrest"
        return f"hypothetical: '{pending.text} ...' under '{top.head.text}' is only possible"
    case = _in_case(trigger, cues)
    if case is not None:  # "in case they were detained", "in case of an attack"
        words = case.doc[case.left_edge.i : case.i + 1].text
        return f"hypothetical: 'in {words}' opens a condition"
    mark = _condition(trigger)
    if mark is not None:
        return f"hypothetical: '{mark.text} ...' makes it a consequence"
    inverted = _inverted(trigger)
    if inverted is not None:
        return f"hypothetical: '{inverted.text} ...' before its subject is a condition"
    return ""


def _in_case(trigger: Any, cues: Cues) -> Any | None:
    """The noun of 'in case ...' with no article above the trigger, through its clause or its
    'of' ("carried their papers in case they were stopped and detained", "in case of an
    attack"): a condition, not a report ("in the case of the detained journalists" is one)."""
    tok = trigger
    for _ in range(4):
        head = tok.head
        if head.i == tok.i or tok.dep_ not in ("conj", "acl", "pobj", "prep", "relcl"):
            break
        if _condition_noun(head, cues):
            return head
        tok = head
    return _case_before(trigger, cues)


def _case_before(clause: Any, cues: Cues) -> Any | None:
    """'in case' right before a clause the parser hung beside it, not under it ("stayed in
    case they were detained": 'detained' a clausal complement of 'stayed')."""
    if clause.dep_ not in ("ccomp", "advcl"):
        return None
    start = clause.left_edge.i
    for prep in (c for c in clause.head.children if c.dep_ == "prep" and c.lower_ == "in"):
        noun = next((g for g in prep.children if g.dep_ == "pobj" and g.i == start - 1), None)
        if noun is not None and _condition_noun(noun, cues):
            return noun
    return None


def _condition_noun(noun: Any, cues: Cues) -> bool:
    """'case' after 'in' with no article or possessor: 'in case', a condition ("in the case
    of" is not one); 'event' after 'in the', before 'of' or 'that': 'in the event of'."""
    if not (noun.dep_ == "pobj" and noun.head.lower_ == "in"):
        return False
    lemma = noun.lemma_.lower()
    determiners = [c.lower_ for c in noun.children if c.dep_ in ("det", "poss")]
    if not determiners:
        return cues.has("conditional_noun", lemma)
    after = noun.doc[noun.i + 1].lower_ if noun.i + 1 < len(noun.doc) else ""
    opens = after in ("of", "that")
    return determiners == ["the"] and opens and cues.has("conditional_definite_noun", lemma)


def _inverted(verb: Any) -> Any | None:
    """A condition told by inversion: "Had he been killed in that action", "Were the army
    to withdraw": the auxiliary stands before the subject, at the clause's start."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    auxes = (c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < subject.i)
    first = next((a for a in auxes if a.lower_ in ("had", "were", "should")), None)
    return first if first is not None and first.i == verb.left_edge.i else None


def _condition(trigger: Any) -> Any:
    """The 'if' of a condition on the trigger's own clause, when that clause is not in the
    past ("girls risk being attacked if their clothes are not 'proper'"): a consequence, not
    a report. A past act with an if-clause stays a report hedged ("if confirmed, the strike
    killed 40", "attacked the convoy, if witnesses are to be believed"), and so do "even if"
    and "as if"."""
    if trigger.pos_ not in ("VERB", "AUX") or tense(trigger) == "past":
        return None
    for clause in (c for c in trigger.children if c.dep_ == "advcl"):
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
            continue
        for c in clause.children:
            if c.dep_ == "mark" and c.lower_ in ("if", "unless"):
                before = c.doc[c.i - 1].lower_ if c.i > 0 else ""
                return None if before in ("even", "as") else c
    return None


def _shares_subject(verb: Any) -> bool:
    """A verb coordinated with another verb, with no subject of its own: one predicate of the
    same clause, so under the same condition."""
    return bool(
        verb.dep_ == "conj"
        and verb.pos_ == "VERB"
        and verb.head.pos_ == "VERB"
        and not any(c.dep_ in SUBJECT_EDGES or c.dep_ == "nsubjpass" for c in verb.children)
    )


def _participle_of(trigger: Any) -> bool:
    """A participle clause with no subject of its own takes its head's modality."""
    return bool(
        trigger.dep_ in ("advcl", "xcomp")
        and trigger.tag_ in ("VBG", "VBN")
        and not any(c.dep_ in SUBJECT_EDGES for c in trigger.children)
        and trigger.head.pos_ in ("VERB", "AUX")
    )


def _predicated_modal(trigger: Any, cues: Cues) -> Any | None:
    """The noun a copula predicates of the act that makes it expected ("an attack on Britain
    was a certainty", "fresh clashes are a real possibility")."""
    verb = trigger.head
    if trigger.dep_ != "nsubj" or verb.lemma_ != "be":
        return None
    return next(
        (c for c in verb.children if c.dep_ == "attr" and cues.has("modal_noun", c.lemma_.lower())),
        None,
    )


def _compared_with(chain: list[tuple[Any, str]], cues: Cues) -> Any | None:
    """The comparison verb whose 'to' or 'with' phrase holds the trigger ("compared the
    damage to the effects of an atom bomb"), or None."""
    below = None
    for tok, edge in chain:
        if edge in SUBJECT_EDGES:
            return None
        comparing = cues.has("comparison_verb", tok.lemma_.lower())
        if comparing and edge == "prep" and below is not None and below.lower_ in ("to", "with"):
            return tok
        below = tok
    return None


def _irrealis(trigger: Any, chain: list[tuple[Any, str]], cues: Cues, sentence: str) -> str:
    if _infinitive_aim(trigger):
        return f"irrealis: 'to {trigger.text}' names an aim, not a done act"
    if _imperative(trigger):
        return f"irrealis: '{trigger.text}' is an order, not a done act"
    expected = _predicated_modal(trigger, cues)
    if expected is not None:
        return f"irrealis: '{trigger.text} ... {expected.text}' is expected, not reported"
    for tok, edge in [(trigger, ""), *chain]:  # a wh-infinitive, up to a subject
        if tok.pos_ == "NOUN" and tok.i != trigger.i:
            break  # "how to rebuild the homes destroyed in the strike": the strike is told
        if edge == "pobj":
            break  # "whom to arrest after the riot", "how to respond to the riot": told
        asked = _question_word(tok, cues)
        if asked is not None:
            return f"irrealis: '{asked.text} to {tok.text}' asks how or whether, not a done act"
        if edge in SUBJECT_EDGES and not _bare_passive(tok):
            break
    unsure = uncertain_content(clause_verb(trigger, chain), cues)
    if unsure is not None:
        return f"irrealis: '{unsure.text} that ... {trigger.text}'"
    likened = _compared_with(chain, cues)
    if likened is not None:
        return f"irrealis: '{likened.text}' compares with the act, not the act"
    below = trigger
    for tok, edge in chain:
        lemma = tok.lemma_.lower()
        # "protesters are calling for ...": the caller acts; but the subject of a bare
        # passive participle is its patient ("with another protest predicted for Friday").
        if edge in SUBJECT_EDGES and not _bare_passive(tok):
            break
        if edge == "conj" and tok.pos_ in ("VERB", "AUX"):  # a sibling, not a governor
            below = tok
            continue
        if edge == "prep" and cues.has("negation_stop_preposition", below.lower_):
            break  # "requested troops after the riot": the riot is told, not asked for
        if tok.pos_ in ("VERB", "AUX", "ADJ") and cues.has("irrealis_governor", lemma):
            if tok.pos_ == "ADJ" and definite(trigger):  # "afraid of the shelling, which ..."
                below = tok  # the adjective presupposes it; a governor above may not
                continue
            return f"irrealis: '{tok.text}'"
        judged = _extraposed(tok, edge, cues)
        if judged is not None:  # "it would be impossible for the army to strike"
            return f"irrealis: '{judged.text}'"
        if edge == "xcomp" and tok.pos_ == "VERB" and cues.has("directive_verb", lemma):
            return f"irrealis: '{tok.text} ... to' tells what to do"
        if edge == "xcomp" and tok.pos_ == "VERB" and _imperative(tok):  # "Try blaming OPEC"
            return f"irrealis: '{tok.text}' is an order, not a done act"
        if _obligation(tok, edge, below, cues):
            return f"irrealis: '{tok.text} to' is a duty, not a done act"
        below = tok
        if tok.pos_ == "NOUN" and cues.has("irrealis_noun", lemma) and edge in _NOUN_EDGES:
            return f"irrealis: '{tok.text}'"
        if tok.pos_ == "NOUN" and tok.i != trigger.i and definite(trigger):
            break  # "demanded an inquiry into the police firing": the firing is presupposed
        if edge == "attr" and tok.lemma_ == "be":  # "what is needed is a dialogue"
            wanted = next((c for c in tok.children if c.dep_ == "csubj"), None)
            if wanted is not None and cues.has("irrealis_governor", wanted.lemma_.lower()):
                return f"irrealis: '{wanted.text}'"
    return ""


def _extraposed(copula: Any, edge: str, cues: Cues) -> Any | None:
    """The adjective of 'it is ADJ (for X) to VERB', when it does not assert the act: the
    infinitive hangs on the copula, the adjective beside it ("it would be impossible for
    the army to strike", "it is likely to spread")."""
    if copula.lemma_ != "be" or edge not in ("advcl", "xcomp", "ccomp"):
        return None
    return next(
        (
            c
            for c in copula.children
            if c.dep_ == "acomp" and cues.has("irrealis_governor", c.lemma_.lower())
        ),
        None,
    )


def _obligation(verb: Any, edge: str, complement: Any, cues: Cues) -> bool:
    """'have to' in the present is a duty; in the past it says the act was done."""
    return (
        edge == "xcomp"
        and cues.has("obligation_verb", verb.lemma_.lower())
        and takes_to(complement)
        and tense(verb) != "past"
    )


def _imperative(verb: Any) -> bool:
    """A base-form verb with no subject and no auxiliary, on its own or on the verb it is
    coordinated with ("go and fight those terrorists"), or as the clause a verb of saying or
    demanding governs, or opening the sentence before the clause it hangs on ("Arrest them
    all, the crowd chanted"): an order or a demand, not a report. A bare infinitive under a
    causative ("made them fight") is the causative's complement."""
    if verb.tag_ != "VB":
        return False
    head = verb
    while head.dep_ == "conj" and head.head.tag_ == "VB":
        head = head.head
    if head.dep_ == "advcl" and _opens_sentence(head) and not _subject_or_marker(head):
        return True  # "Arrest them all, the crowd chanted", "Kidnap me, kidnap us all!"
    if head.dep_ in ("xcomp", "advcl", "relcl", "acl"):
        return False  # a quoted order or a mandative "demanded he fight" (ccomp) is no report
    return not _subject_or_marker(verb) and not _subject_or_marker(head)


def _subject_or_marker(verb: Any) -> bool:
    """A subject, an auxiliary or a subordinating word on the verb; a name before a base
    form is a vocative the parser took for a subject ("George go")."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass", "mark")
        and not (c.dep_ == "nsubj" and c.tag_ == "NNP")
        for c in verb.children
    )


def _opens_sentence(verb: Any) -> bool:
    """Is the base form the sentence's first word (after quote marks)? A bare base form
    opening a sentence before its clause's governor is an order; 'to' or 'in order to' would
    make it an aim."""
    first = verb.sent.start
    while first < verb.i and verb.doc[first].is_quote:
        first += 1
    return bool(first == verb.i and verb.i < verb.head.i)


def _bare_passive(verb: Any) -> bool:
    """A past participle with a subject and no auxiliary: an absolute or reduced passive
    ("with a protest predicted", which the tagger may read as a past tense: the opening
    "with" gives the absolute construction away)."""
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    absolute = any(c.dep_ == "prep" and c.lower_ == "with" and c.i < verb.i for c in verb.children)
    return verb.tag_ == "VBN" or (verb.tag_ == "VBD" and absolute)


def _pending_under_modal(clause: Any, cues: Cues) -> Any | None:
    """The 'before' or 'until' of an adverbial clause whose main clause is modal ("weeks can
    pass before ...", "it may take days until ..."): what it tells has not happened."""
    if clause.dep_ != "advcl" or tense(clause.head) != "modal":
        return None
    return next(
        (c for c in clause.children if c.dep_ == "mark" and cues.has("pending_mark", c.lower_)),
        None,
    )


def _question_word(verb: Any, cues: Cues) -> Any | None:
    """The question word of a wh-infinitive ("ideas on how to beat the insurgency", "did not
    know whether to arrest them"): an embedded question or a method, which never asserts the
    act. A relative pronoun ("which the rebels managed to capture") is none."""
    if verb.pos_ not in ("VERB", "AUX") or not takes_to(verb):
        return None
    return next(
        (
            c
            for c in verb.children
            if c.i < verb.i
            and c.dep_ in ("advmod", "mark", "dobj", "nsubj")
            and cues.has("question_word", c.lower_)
            and antecedent(c) is c
        ),
        None,
    )


def _infinitive_aim(trigger: Any) -> bool:
    """A to-infinitive that modifies a noun or stands as a relative ("a plot to bomb",
    "the decision to withdraw") names what is aimed at, not what was done; an attempt to act
    is partly the act ("detained during an attempt to protest")."""
    return bool(
        trigger.tag_ == "VB"
        and trigger.dep_ in ("relcl", "acl")
        and takes_to(trigger)
        and not load_cues().has("attempt_noun", trigger.head.lemma_.lower())
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


_NOUN_EDGES = frozenset({"acl", "prep", "pobj", "xcomp", "compound"})


def _experiential(verb: Any, cues: Cues) -> Any | None:
    """The word that makes a perfect experiential ("has mined roads before"), if any; a verb
    coordinated without a subject shares its head's auxiliary ("has denied ... and accused")."""
    group = [verb, verb.head] if _shares_subject(verb) else [verb]
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
