"""An act noun said of something else: a description, not an act of its own.

"The prime minister described the bombings as an attack on our values": the bombings are
the act; "an attack" says what they were. An act noun in the 'as' phrase of a verb of
describing (``sense_rules.tsv`` list ``@describing``) reports no act of its own, unless the
object names no kind of act ("described the incident as a terrorist attack":
``neutral_event_noun``), when the 'as' phrase is the act's only name.

So does an act noun that a copula says people are ("they were a 'baying mob'"): a label
for them, no act. And an -ing clause with an object, as the subject of a copula in the
present, names a kind of act, the topic of a judgement ("Killing civilians is a war crime",
"argues that attacking ports is unlawful"), no one occurrence of it.
"""

from __future__ import annotations

from typing import Any

from flashpoint.extract.clauses import Cues
from flashpoint.extract.triggers import names_people
from flashpoint.extract.wordlists import word_list

PERSONAL = frozenset({"i", "we", "you", "he", "she", "they"})  # 'it', 'this' may be an act


def described_as(trigger: Any, cues: Cues) -> Any | None:
    """The describing verb whose 'as' phrase holds the act noun, or None. The parser hangs
    the phrase on the verb or on its object ("described [the bombing as an attack]")."""
    prep = trigger.head
    if trigger.dep_ != "pobj" or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    verb = prep.head
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ in ("dobj", "nsubjpass"):
        verb, objects = verb.head, [verb]
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in word_list("@describing"):
        return None
    if any(cues.has("neutral_event_noun", o.lemma_.lower()) for o in objects):
        return None
    return verb


def said_of_people(trigger: Any) -> Any | None:
    """The copula whose complement the act noun is, its subject people ("they were a baying
    mob", "he is a war criminal and a killer"), or None. The parser may hang a second
    complement on the copula as a conjunct."""
    noun = trigger
    while noun.dep_ == "conj" and noun.head.lemma_ != "be":
        noun = noun.head
    copula = noun.head
    if noun.dep_ not in ("attr", "conj") or copula.lemma_ != "be" or noun.pos_ != "NOUN":
        return None
    if noun.dep_ == "conj" and not any(c.dep_ == "attr" for c in copula.children):
        return None  # "they are ready and march at dawn": a verb the tagger missed
    subjects = [c for c in copula.children if c.dep_ == "nsubj"]
    if not subjects or not all(s.lower_ in PERSONAL or names_people(s) for s in subjects):
        return None
    return copula


def _gerund_subject(trigger: Any) -> bool:
    return bool(trigger.tag_ == "VBG" and trigger.dep_ in ("csubj", "csubjpass"))


def _infinitive_subject(trigger: Any) -> bool:
    """'To deploy troops abroad is ...', or put after an empty 'it': 'It is a crime to shell
    homes'."""
    if trigger.tag_ != "VB" or not any(c.tag_ == "TO" for c in trigger.children):
        return False
    if trigger.dep_ in ("csubj", "csubjpass"):
        return True
    placeholder = any(c.dep_ == "nsubj" and c.lower_ == "it" for c in trigger.head.children)
    return trigger.dep_ in ("xcomp", "ccomp") and placeholder


def act_as_subject(trigger: Any) -> Any | None:
    """The copula in the present whose subject is the act's -ing clause or to-infinitive with
    an object of its own ("Killing civilians is a war crime", "To deploy troops abroad is a
    grave duty", "It is a crime to shell homes"), or None: a judgement of a kind of act. In
    the past it judges one act ("Bombing the bridge was a mistake"); with no object it names
    the fighting going on ("Fighting around the airport is intense"); with a subject of its
    own it is one occurrence ("his attacking the convoy")."""
    if not (_gerund_subject(trigger) or _infinitive_subject(trigger)):
        return None
    copula = trigger.head
    if copula.lemma_ != "be" or copula.tag_ not in ("VBZ", "VBP"):
        return None  # "expressing concern, she said": an adjunct misparsed
    kids = [c.dep_ for c in trigger.children]
    if "dobj" not in kids or any(d in ("nsubj", "poss") for d in kids):
        return None
    return copula
