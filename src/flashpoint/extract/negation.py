"""Is a candidate negated or prevented? (the negation half of :mod:`flashpoint.extract.realis`)

"no arrests were made", "none of his men were killed", "failed to arrest", "prevented the
march", "ruled out a withdrawal": a negation on the trigger or its chain of heads, a negative
subject, or a negating governor (``data/realis_cues.tsv``) that reaches the act through verbs
that pass the negation on. Returns ``""`` or ``"negated: words"`` like :func:`realis.judge`.
"""

from __future__ import annotations

from typing import Any

from flashpoint.extract.clause_parts import purpose_clause
from flashpoint.extract.clauses import SUBJECT_EDGES, Cues, tense
from flashpoint.extract.comparisons import course_not_taken
from flashpoint.extract.triggers import names_people


def negated(trigger: Any, chain: list[tuple[Any, str]], cues: Cues, sentence: str) -> str:
    instead = course_not_taken(trigger)
    if instead is not None:  # "negotiated rather than storming the camp": not done
        return f"negated: '{instead.doc[instead.i - 1].text} {instead.text} {trigger.text}'"
    for tok in [trigger, *_negation_reach(trigger, chain, cues)]:
        for c in tok.children:
            if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
                if tok is not trigger and negating(tok, cues):
                    continue  # "did not prevent the attack": read with the governor below
                return f"negated: '{c.text} {tok.text}'"
    for subject in (c for c in trigger.children if c.dep_ == "nsubjpass"):  # "no treaty was signed"
        if any(d.dep_ == "det" and d.lower_ == "no" for d in subject.children):
            return f"negated: 'no {subject.text}'"
    for subject in (c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")):
        if cues.has("negative_pronoun", subject.lower_):  # "none of his men were killed"
            return f"negated: '{subject.text}'"  # and "took nothing back"
    excess = _too_to(trigger, chain)
    if excess is not None:  # "too weak to attack": the degree rules the act out
        return f"negated: 'too {excess.text} to {trigger.text}'"
    noun = trigger.pos_ in ("NOUN", "PROPN")
    below = trigger
    for k, (tok, edge) in enumerate(chain):
        aim = purpose_clause(below)  # "blocked the road to protest": what is blocked is the road
        below = tok
        if edge in SUBJECT_EDGES:
            break
        if edge == "conj":  # a coordinated verb is a sibling, not a governor ("stop and arrest")
            continue
        lemma = tok.lemma_.lower()
        if negating(tok, cues) and not aim:
            if _negated_governor(tok, chain[k + 1 :], cues):
                return ""  # "failed to stop the looting", "did not prevent the attack": it happened
            return f"negated: '{tok.text}'"
        if tok.pos_ == "ADP" and _stop_preposition(tok, cues):
            break  # "banned the march after the riot", "deterred looting by deploying"
        if tok.pos_ == "NOUN" and not cues.has("negation_passing_noun", lemma):
            break  # "unable to reach the homes torched by the mob": the torching is told
        if (
            noun
            and tok.pos_ in ("VERB", "AUX")
            and (edge == "prep" or not _passes_negation(lemma, cues))
        ):
            break  # "unable to withstand the assault": the assault is another's act, told
    return ""


ACTIVE_SUBJECT_EDGES = frozenset({"nsubj", "csubj"})


def _negation_reach(trigger: Any, chain: list[tuple[Any, str]], cues: Cues) -> list[Any]:
    """The trigger's heads whose 'not' may deny the act: all of them, up to a verb told in the
    past, the perfect or with a modal that the act is the subject of and that says something
    else of it than that it took place ("the raid did not kill anyone", "the damage caused by
    the bombing was not as bad as feared": a done act, presupposed). A verb that tells the act
    took place ("the attack did not happen") denies it, a verb of the people the trigger
    names is their act ("protesters did not march"), and one in the present may say what such
    acts are ("protests are not limited to Egypt"): read as before."""
    for k, (tok, edge) in enumerate(chain):
        if edge not in ACTIVE_SUBJECT_EDGES or not leaves_subject_done(tok, cues):
            continue  # a passive's 'by' is read as before: "was not hit by an airstrike"
        subject = chain[k - 1][0] if k else trigger
        if cues.has("report_noun", subject.lemma_.lower()):
            break  # "reports of an airstrike did not prove accurate": the report is denied
        if not (k == 0 and names_people(trigger)):  # "protesters did not march": theirs
            return [t for t, _ in chain[:k]]
    return [t for t, _ in chain]


def leaves_subject_done(verb: Any, cues: Cues) -> bool:
    """Does 'not' on this verb leave the act that is its subject done? Yes, when the verb is
    told in the past, the perfect or with a modal and says no more than something of the act."""
    return tense(verb) in ("past", "perfect", "modal") and not tells_occurrence(verb, cues)


def tells_occurrence(verb: Any, cues: Cues) -> bool:
    """A verb that says an act took place or started: 'happen', 'take place', 'begin', 'break
    out'; not with 'until' or 'before', which tell it did, later ("did not begin until
    Monday"), nor 'as' a thing ("did not come as a surprise")."""
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    if any(c.lower_ in ("until", "till", "before") for k in kids for c in (k, *k.children)):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in kids):
        return False
    return cues.has("occurrence_verb", lemma) or _phrasal(
        verb, "occurrence_verb", cues, ("prt", "advmod", "dobj", "prep")
    )


def negating(verb: Any, cues: Cues) -> bool:
    """A negating governor ("prevented", "failed to", "ruled out"), by lemma or phrasal verb."""
    return cues.has("negating_governor", verb.lemma_.lower()) or _phrasal(
        verb, "negating_governor", cues
    )


def _negated_governor(verb: Any, above: list[tuple[Any, str]], cues: Cues) -> bool:
    """Is the negating governor itself negated: by 'not', by a subject such as 'no one', or by
    another negating governor whose infinitive it is ("failed to stop the looting")? The two
    negations cancel, and the act is told as having happened."""
    for c in verb.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and (
            cues.has("negative_pronoun", c.lower_)
            or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        ):
            return True
    below = verb
    for tok, edge in above:
        if edge != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in below.children):
            return False
        if negating(tok, cues):
            return True
        below = tok
    return False


def _too_to(trigger: Any, chain: list[tuple[Any, str]]) -> Any | None:
    """The adjective or adverb of an excess ('too weak', 'too fast') whose to-infinitive is
    the trigger's verb: "too weak to attack the town" says the attack did not happen."""
    below = trigger
    for tok, edge in chain[
        :2
    ]:  # the act itself or a support verb below it ("too late to hold talks")
        if edge == "xcomp" and any(c.dep_ == "advmod" and c.lower_ == "too" for c in tok.children):
            to = any(c.dep_ == "aux" and c.lower_ == "to" for c in below.children)
            return tok if to and tok.pos_ in ("ADJ", "ADV") else None
        below = tok
    return None


def _phrasal(verb: Any, kind: str, cues: Cues, deps: tuple[str, ...] = ("prt",)) -> bool:
    """A phrasal verb of the kind: the lemma with its particle ("ruled out a withdrawal",
    "called off the march"), or with another word of ``deps`` ("take place", "go ahead")."""
    lemma = verb.lemma_.lower()
    return any(cues.has(kind, f"{lemma} {c.lower_}") for c in verb.children if c.dep_ in deps)


def _stop_preposition(prep: Any, cues: Cues) -> bool:
    """A preposition of time, or of means on a verb ("stopped the attack with artillery fire";
    "an attempt by smugglers" names who attempted)."""
    return cues.has("negation_stop_preposition", prep.lower_) or (
        cues.has("means_preposition", prep.lower_) and prep.head.pos_ in ("VERB", "AUX")
    )


def _passes_negation(verb: str, cues: Cues) -> bool:
    """A verb between a negating governor and a noun act that is the act itself ("refused to
    hold talks": a support verb), lets it happen ("refused to allow the march") or
    establishes it ("failed to confirm the airstrike")."""
    return cues.has("support_verb", verb) or cues.has("negation_passing_verb", verb)
