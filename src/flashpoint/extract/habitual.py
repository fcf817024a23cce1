"""A habit, not one occurrence: "marched every day", "often found themselves", "used to
fight", "tends to respond by denying", "from time to time killing", "a habit of detaining".

:func:`habitual` returns ``""`` or ``"generic: words"`` like
:func:`flashpoint.extract.realis.judge`, which calls it; the words come from
``data/realis_cues.tsv`` (habitual_adverb, habitual_phrase, habitual_frequency, habitual_noun,
span_adverb, habit_verb, tendency_verb).
"""

from __future__ import annotations

from typing import Any

from flashpoint.extract.clauses import Cues, clause_verb, participle_of, shares_subject, tense
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
    kind = _habit_of_kind(trigger, verb, cues)
    if kind is not None:  # "raids that often go unreported"
        return f"generic: '{kind.text} {kind.head.text}' tells what such acts do"
    for governor in _governors(trigger, chain):  # "often found themselves sitting"
        found = _frequency(governor, cues)  # "had ever managed to": a first time
        if found is not None:
            return f"generic: '{found.text} {governor.text}' tells a habit"
    shared = _shared_frequency(trigger, verb, cues)
    if shared is not None:  # "are always fighting each other, assassinating each other"
        return f"generic: '{shared.text} {shared.head.text}' tells a habit of both verbs"
    habit = _habit_of_when_clause(verb if verb is not None else trigger, cues)
    if habit is not None:  # "is rarely mentioned when discussing her rise"
        return f"generic: 'when' under '{habit.text} {habit.head.text}' tells a habit"
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


def _shared_frequency(trigger: Any, verb: Any, cues: Cues) -> Any | None:
    """A frequency adverb before the first of coordinated verbs of one subject, one tense and
    one auxiliary scopes over them all, and over an undated participle clause of the first
    ("they are always fighting each other, assassinating each other"); "usually patrol ...
    but arrested five men on Monday", "are constantly shelling the city and are advancing"
    and "rarely venture into the district, killing three militants there on Monday" keep
    their second act."""
    for tok in dict.fromkeys([trigger, *([verb] if verb is not None else [])]):
        first = tok.head
        coordinated = (
            shares_subject(tok)
            and tense(tok) == tense(first)
            and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
        )
        if not (coordinated or participle_of(tok)) or _dated(tok):
            continue
        found = _frequency(first, cues)
        if found is not None and found.i < first.i:
            return found
    return None


WHEN_WORDS = frozenset({"when", "whenever"})


def _habit_of_when_clause(clause: Any, cues: Cues) -> Any | None:
    """The frequency adverb of the clause a 'when' clause hangs on ("police often fire when
    protesters march"): the time of a habit is a habit too. Up two clauses, as the parser
    may hang the 'when' clause on a participle of the habitual one, but through no clause
    with a date ("often die when rebels attack, as happened on Monday when gunmen killed 12")."""
    if clause.dep_ != "advcl" or not any(c.lower_ in WHEN_WORDS for c in clause.children):
        return None
    if _dated(clause):
        return None
    tok = clause
    for _ in range(2):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        found = _frequency(tok, cues)
        if found is not None:
            return found
        if tok.dep_ != "advcl" or _dated(tok):
            return None
    return None


def _frequency(verb: Any, cues: Cues) -> Any | None:
    """A frequency adverb on the verb ('often', 'rarely'); 'ever' tells a first time."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "advmod" and cues.has("habitual_adverb", c.lower_) and c.lower_ != "ever"
        ),
        None,
    )


def _habit_of_kind(trigger: Any, verb: Any, cues: Cues) -> Any | None:
    """The frequency adverb of a relative clause on a bare noun trigger: a kind of act and what
    it often does ("raids that often go unreported terrify villagers"); "the attack, which was
    often described as" keeps its determiner and stays one act, and so does one told in the
    past or dated ("clashes that often turn deadly erupted on Tuesday")."""
    if trigger.pos_ != "NOUN" or any(c.dep_ in ("det", "poss", "nummod") for c in trigger.children):
        return None
    if verb is not None and (tense(verb) == "past" or _dated(verb)):
        return None
    for clause in trigger.children:
        found = _frequency(clause, cues) if clause.dep_ == "relcl" and not _dated(clause) else None
        if found is not None:
            return found
    return None


def _dated(clause: Any) -> bool:
    """A date or a time in the clause's own words ('on Monday')."""
    return any(t.ent_type_ in ("DATE", "TIME") for t in clause.subtree)


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
