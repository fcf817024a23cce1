"""Warnings that threaten and warnings that forecast (``warning_verb``, ``forecast_adjective``
in ``data/realis_cues.tsv``): "warned that it would retaliate" threatens an act; "warned that
the fighting could spread" or "that it will be difficult" forecasts, and "were warned to
expect disorder" is advice.
"""

from __future__ import annotations

from typing import Any

from flashpoint.extract.clauses import Cues


def forecast(trigger: Any, cues: Cues) -> str:
    """A warning threatens only when its clause says what a party will do ("warned that it
    would retaliate", "warned that Beijing would act"); with an event or a condition as the
    clause's subject ("warned that the fighting could spread", "that there could be
    violence") it forecasts, and no one threatens anything; so it does when the clause says
    only what another party could do ("warned that the rebels could regroup", "that
    governments can not silence their people"; "warned that it could close the strait" is the
    speaker's own threat, and so is "that its troops could strike"). Being warned to do
    something, with
    no one who warns ("were warned to expect disorder"), is advice; "China warned Taiwan to
    stop or face consequences" and "warned against any attack" stay threats."""
    if not cues.has("warning_verb", trigger.lemma_.lower()):
        return ""
    clause = next((c for c in trigger.children if c.dep_ == "ccomp"), None)
    told = next((c for c in trigger.children if c.dep_ == "xcomp" and _to_verb(c)), None)
    passive = any(c.dep_ == "auxpass" for c in trigger.children)
    if clause is None and told is not None and passive:  # "were warned to expect"
        return f"other_sense: '{trigger.text}' tells someone what to do ('{told.text}'): advice"
    if clause is None:
        return ""
    state = _forecast_state(clause, cues)
    if state is not None:  # "warned that it will be extremely difficult to provide aid"
        return f"other_sense: '{trigger.text}' forecasts a state ('{state.text}'): no act"
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "expl")), None)
    bare = not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "mark", "auxpass")
        for c in clause.children
    )
    if subject is None and bare:
        # the parser often takes the clause's subject for the verb's object ("warned the
        # coming season could be the worst"); with 'that' or a subject of its own the object
        # is who is warned ("warned Israel that any attack could be met with force")
        subject = next((c for c in trigger.children if c.dep_ == "dobj" and c.i < clause.i), None)
    if subject is None:
        return ""
    # the speaker's own side ("it", "his troops") threatens with "could" too
    own = subject.lower_ in SPEAKER_PRONOUNS or any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children
    )
    possible = not own and any(
        c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS for c in clause.children
    )
    if subject.dep_ != "expl" and (own or _may_be_party(subject, cues)) and not possible:
        return ""
    return f"other_sense: '{trigger.text}' forecasts ('{subject.text} ...'): no act is threatened"


def _forecast_state(clause: Any, cues: Cues) -> Any | None:
    """The word of a copular clause that tells a state, not an act: an adjective of difficulty,
    danger or degree ("it will be difficult", "the island is particularly vulnerable";
    `forecast_adjective`) or being at risk ("they are at great risk"). "would be a big
    mistake" (a noun) and "would be ready to strike" (readiness) stay threats."""
    if clause.lemma_ != "be":
        return None
    for child in clause.children:
        if child.dep_ == "acomp" and cues.has("forecast_adjective", child.lemma_.lower()):
            return child
        if child.dep_ == "prep" and child.lower_ == "at":
            risk = next((g for g in child.children if g.dep_ == "pobj"), None)
            if risk is not None and cues.has("forecast_adjective", risk.lemma_.lower()):
                return risk
    return None


POSSIBILITY_MODALS = frozenset({"could", "might", "may", "can", "ca"})  # "ca" of "can't"
# pronouns that may stand for the one who warns ("those trained there could" may not)
SPEAKER_PRONOUNS = frozenset({"it", "we", "they", "he", "she", "i"})


def _to_verb(verb: Any) -> bool:
    return verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )


def _may_be_party(noun: Any, cues: Cues) -> bool:
    lemma = noun.lemma_.lower()
    return bool(
        noun.pos_ in ("PRON", "PROPN")
        or noun.ent_type_
        or cues.has("political_noun", lemma)
        or cues.has("people_noun", lemma)
    )
