"""An act noun said of something else: a description, not an act of its own.

"The prime minister described the bombings as an attack on our values": the bombings are
the act; "an attack" says what they were. An act noun in the 'as' phrase of a verb of
describing (``sense_rules.tsv`` list ``@describing``) reports no act of its own, unless the
object names no kind of act ("described the incident as a terrorist attack":
``neutral_event_noun``), when the 'as' phrase is the act's only name.
"""

from __future__ import annotations

from typing import Any

from flashpoint.extract.clauses import Cues
from flashpoint.extract.wordlists import word_list


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
