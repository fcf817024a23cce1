"""A habit, not one occurrence: "marched every day", "often found themselves", "used to
fight", "tends to respond by denying", "from time to time killing", "a habit of detaining".

:func:`habitual` returns ``""`` or ``"generic: words"`` like
:func:`flashpoint.extract.realis.judge`, which calls it; the words come from
``data/realis_cues.tsv`` (habitual_adverb, habitual_phrase, habitual_frequency, habitual_noun,
span_adverb, habit_verb, tendency_verb).
"""

from __future__ import annotations

from typing import Any

from flashpoint.extract.clauses import Cues, clause_verb, tense
from flashpoint.extract.generic import PRESENT_TENSES


def habitual(trigger: Any, chain: list[tuple[Any, str]], cues: Cues, sentence: str) -> str:
    verb = clause_verb(trigger, chain)
    present = _present(verb)  # in the past, a series of real acts ("marched every day")
    for tok in {trigger, *([verb] if verb is not None else [])}:
        for c in tok.children:
            if c.dep_ == "advmod" and cues.has("habitual_adverb", c.lower_):
                return f"generic: '{c.text}'"
            if tok is trigger and _span_adverb(c, cues):
                return f"generic: '{c.text} {trigger.text}' tells a state over years"
            every = _every(c, cues) if present else ""
            if every:
                return f"generic: '{every}' tells a habit"
    for governor in _governors(trigger, chain):  # "often found themselves sitting"
        for c in governor.children:
            frequency = cues.has("habitual_adverb", c.lower_) and c.lower_ != "ever"
            if c.dep_ == "advmod" and frequency:  # "had ever managed to": a first time
                return f"generic: '{c.text} {governor.text}' tells a habit"
    phrase = _habitual_phrase(trigger, verb, cues)
    if phrase:  # "has been interrogating, and from time to time killing, captives"
        return f"generic: '{phrase}' tells a habit"
    below = trigger
    for tok, edge in chain:  # "a woman who used to fight against logging companies"
        if edge == "xcomp" and _used_to(tok, below, cues):
            return f"generic: '{tok.text} to' tells a past habit"
        if edge == "xcomp" and _tends_to(tok, below, cues):
            return f"generic: '{tok.text} to' tells what usually happens"
        below = tok
    of = trigger.head if trigger.dep_ in ("pobj", "pcomp") else None
    if of is not None and of.lower_ == "of" and cues.has("habitual_noun", of.head.lemma_.lower()):
        return f"generic: '{of.head.text} of {trigger.text}'"  # "a habit of detaining"
    return ""


_COMPLEMENT_EDGES = frozenset({"xcomp", "ccomp", "oprd"})


def _governors(trigger: Any, chain: list[tuple[Any, str]]) -> list[Any]:
    """The verbs whose non-finite complement the act is ("tried to storm", "found themselves
    sitting"): one verb group, so a frequency on them is the act's. A finite complement
    ("often says that police beat him") is a clause of its own."""
    out, below = [], trigger
    started = trigger.pos_ in ("VERB", "AUX")
    for tok, edge in chain:
        if not started:  # up to the clause's verb
            started, below = tok.pos_ in ("VERB", "AUX"), tok
            continue
        if edge not in _COMPLEMENT_EDGES or tense(below) != "nonfinite":
            break
        out.append(tok)
        below = tok
    return out


def _habitual_phrase(trigger: Any, verb: Any, cues: Cues) -> str:
    """A fixed phrase of frequency ('from time to time', 'now and then', 'time and again')
    on the act's verb or right before the trigger."""
    words = [t.lower_ for t in trigger.sent]
    start = trigger.sent.start
    for phrase in cues.by_kind.get("habitual_phrase", ()):
        parts = phrase.split()
        for i in range(len(words) - len(parts) + 1):
            if words[i : i + len(parts)] != parts:
                continue
            first, end = trigger.doc[start + i], start + i + len(parts)
            if first.head in (trigger, verb) or end <= trigger.i <= end + 1:
                return phrase
    return ""


def _every(adjunct: Any, cues: Cues) -> str:
    """A frequency adjunct: a time unit with 'each' or 'every' ("each day", "every week")."""
    if adjunct.dep_ != "npadvmod" or not cues.has("habitual_frequency", adjunct.lemma_.lower()):
        return ""
    det = next((d for d in adjunct.children if d.lower_ in ("each", "every")), None)
    return f"{det.text} {adjunct.text}" if det is not None else ""


def _span_adverb(adverb: Any, cues: Cues) -> bool:
    """'long' right before the act's verb ("long imprisoned", "has long been detained"), not
    heading a phrase of its own ("long since", "long ago")."""
    if adverb.dep_ != "advmod" or not cues.has("span_adverb", adverb.lower_):
        return False
    after = adverb.nbor(1) if adverb.i + 1 < len(adverb.doc) else None
    return after is not None and after.pos_ in ("VERB", "AUX") and not list(adverb.children)


def _tends_to(verb: Any, clause: Any, cues: Cues) -> bool:
    """A tendency in any tense, "tends to respond by denying", "tended to arrest": its 'to'
    right after it."""
    return cues.has("tendency_verb", verb.lemma_.lower()) and _to_right_after(verb, clause)


def _used_to(verb: Any, clause: Any, cues: Cues) -> bool:
    """A past habit, "used to fight": 'used' with no object of its own and its 'to' right
    after it ("used tear gas to disperse the crowd" is a purpose, the act done)."""
    if verb.tag_ != "VBD" or not cues.has("habit_verb", verb.lemma_.lower()):
        return False
    if any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return False
    return _to_right_after(verb, clause)


def _to_right_after(verb: Any, clause: Any) -> bool:
    """The infinitive ``clause``'s 'to' is the word right after ``verb`` ("used to", "tends
    to")."""
    to = next((c for c in clause.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    return to is not None and to.i == verb.i + 1


def _present(verb: Any) -> bool:
    """The clause is in the present tense ("are killed", "attack", "have been shelled")."""
    return verb is not None and tense(verb) in PRESENT_TENSES
