"""Event triggers: cue lemmas from ``data/event_cues.tsv`` matched in parsed sentences.

Before any parsing, :func:`may_hold_event` checks a sentence's words against every inflected
form of every cue's first word, so sentences that cannot hold an event skip the model.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from flashpoint.extract.actors import table as actor_table
from flashpoint.extract.clauses import load_cues as realis_cues
from flashpoint.inflect import inflections
from flashpoint.nlp import MOJIBAKE_QUOTES
from flashpoint.ontology import load_cues, load_ontology

_WORD = re.compile(r"[a-z0-9à-ÿ][a-z0-9à-ÿ'-]*")
_MOJIBAKE = re.compile("|".join(re.escape(q) for q in MOJIBAKE_QUOTES))


@dataclass(frozen=True)
class Trigger:
    type: str
    start: int  # token index in the sentence doc
    end: int
    weight: float
    cue: str


PREFILTER_WEIGHT = 0.0  # every cue counts; a multi-word cue only when all its words are there


@lru_cache(maxsize=1)
def cue_forms() -> dict[str, list[tuple[frozenset[str], ...]]]:
    """Inflected form of a cue's first word -> the form sets of each of its other words."""
    index: dict[str, list[tuple[frozenset[str], ...]]] = {}
    for cue in load_cues():
        if cue.weight < PREFILTER_WEIGHT:
            continue
        words = [w for w in cue.cue.replace("-", " ").split() if w not in ("a", "an", "the")]
        rest = tuple(frozenset(inflections(w)) for w in words[1:])
        for form in inflections(words[0]):
            index.setdefault(form, []).append(rest)
    return index


def may_hold_event(sentence: str) -> bool:
    """Cheap pre-filter: are all the words of some cue in the sentence, in some form? A
    hyphenated word may hold a whole cue of several words ("lathi-charged")."""
    # a closing single quote or a plural's apostrophe is no part of the word ("a 'massacre'"),
    # nor is a quote of UTF-8 read as cp1252 ("â€˜a massacreâ€™")
    lowered = _MOJIBAKE.sub(" ", sentence.lower())
    words = {w.rstrip("'-") for w in _WORD.findall(lowered)}
    index = cue_forms()
    for word in words:
        for rest in index.get(word, ()):
            if all(not forms.isdisjoint(words) for forms in rest):
                return True
    for word in (w for w in words if "-" in w):
        parts = set(word.split("-"))
        for rest in index.get(word.split("-")[0], ()):
            if rest and all(not forms.isdisjoint(parts) for forms in rest):
                return True
    return False


_SKIP = frozenset({"a", "an", "the", "-"})
NOT_TRIGGERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY"})
WINDOW = 8  # tokens after the first word in which the rest of a cue must appear


@lru_cache(maxsize=1)
def _cue_index() -> dict[str, list[tuple[int, tuple[str, ...]]]]:
    """First word of each cue -> (cue number, words without articles)."""
    index: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for number, cue in enumerate(load_cues()):
        words = _cue_words(cue.cue)
        if words:
            index.setdefault(words[0], []).append((number, words))
    return index


@lru_cache(maxsize=64)
def _type_words(event_type: str) -> frozenset[str]:
    """Every word of the cues of one event type ("gas" for chemical attacks)."""
    return frozenset(w for c in load_cues() if c.type == event_type for w in _cue_words(c.cue))


def _cue_words(cue: str) -> tuple[str, ...]:
    """A cue's words as the matcher reads them: hyphens split, articles left out."""
    return tuple(w for w in cue.replace("-", " ").split() if w not in _SKIP)


def _pos_ok(token: Any, pos: str) -> bool:
    if pos == "VERB":
        return bool(token.pos_ in ("VERB", "AUX"))
    if pos == "NOUN":
        return bool(token.pos_ in ("NOUN", "PROPN", "ADJ"))
    return True


def _rest(
    doc: Any,
    first: Any,
    words: tuple[str, ...],
    noun: bool = False,
    kind_words: frozenset[str] = frozenset(),
    verb: bool = False,
) -> int | None:
    """Index of the token ending the cue whose first word is ``first``, or None.

    The other words must follow in order within a few tokens: next to each other (a noun
    compound) or inside the first word's phrase ("crossed the heavily fortified border").
    A ``noun`` cue is one noun phrase: a preposition it does not name starts another ("a
    land full of mines" holds no land mine), and so does a noun between its words.
    """
    subtree = {t.i for t in first.subtree}
    at: int = first.i
    matched = {at}
    for word in words[1:]:
        found = None
        for t in doc[at + 1 : min(len(doc), first.i + WINDOW + 1)]:
            inside = t.i in subtree and not _other_clause(t, first)
            if inside and noun and _other_preposition(t, first, words):
                inside = False
            off = noun and len(words) == 2 and _other_noun(doc, first, at, t, kind_words)
            near = (t.i <= at + 2 and not off) or inside
            loose = near and t.i > at + 1 and t.pos_ == "ADP" and not verb
            if loose and not _on_cue(t, first, matched):
                near = False
            if word in (t.lemma_.lower(), t.lower_) and near:
                if verb and t.i > at + 1 and _describes_other_noun(t, first, words, matched):
                    continue
                found = int(t.i)
                break
        if found is None:
            return None
        at = found
        matched.add(found)
    return at


def _on_cue(preposition: Any, first: Any, matched: set[int]) -> bool:
    """In a cue that may be a noun ("sit in", "exchange of prisoner"), the preposition is
    part of a fixed phrase: away from the word before it, it hangs on a cue word or on the
    first word's object, not inside a phrase of its own ("sitting alone at cafe tables in
    the Green Zone" is no sit-in); the first word may modify the noun that takes it ("the
    exchange process of prisoners"). A verb cue's preposition heads its goal, which the
    parser often hangs elsewhere ("arrived with a delegation in Kabul"): it is not checked."""
    head = preposition.head
    compound = first.dep_ == "compound" and head.i == first.head.i  # "exchange process of"
    return head.i in matched or head.head.i == first.i or compound


def _describes_other_noun(
    token: Any, first: Any, words: tuple[str, ...], matched: set[int]
) -> bool:
    """A verb cue's word, away from the word before it, that is an adjective in front of a
    noun that is no word of the cue, in a phrase opened by a preposition that is not the
    cue's, describes that noun: 'set a deadline for free elections' sets no one free. After
    its noun it is the verb's complement, however parsed ('set the hostages free'); on the
    verb's own object it may be the cue's noun ('raised its alert level'), and after the
    cue's preposition it names the act's target ('opened fire on a civilian car')."""
    head = token.head
    outside = head.i not in matched and head.lemma_.lower() not in words
    noun = head.pos_ in ("NOUN", "PROPN") and outside
    in_front = token.dep_ == "amod" and noun and token.i < head.i
    return bool(in_front and _other_preposition(token, first, words))


def _other_noun(doc: Any, first: Any, at: int, token: Any, kind_words: frozenset[str]) -> bool:
    """In a two-word noun cue, is the word between its words a noun that the first word
    modifies ("a gas pipeline attack" is no gas attack)? Not when it is a word of the same
    kind of act ("a chlorine gas attack" is a chlorine attack)."""
    if token.i != at + 2:
        return False
    skipped = doc[at + 1]
    return bool(
        skipped.pos_ in ("NOUN", "PROPN")
        and first.head.i == skipped.i
        and skipped.lemma_.lower() not in kind_words
    )


def _other_preposition(token: Any, first: Any, words: tuple[str, ...]) -> bool:
    """Does ``token`` hang from ``first`` through a preposition that is not a cue word?"""
    head = token.head
    while head.i != first.i and head.i != head.head.i:
        if head.pos_ == "ADP" and head.lower_ not in words:
            return True
        head = head.head
    return False


def _other_clause(token: Any, first: Any) -> bool:
    """Does ``token`` hang from ``first`` through another verb? 'claimed to be explaining the
    reasons for the attacks': the attacks are what is explained, not what was claimed."""
    head = token.head
    while head.i != first.i and head.i != head.head.i:
        if head.pos_ in ("VERB", "AUX"):
            return True
        head = head.head
    return False


def names_people(token: Any) -> bool:
    """The word names people: a person, a people noun, or an actor of the actor table
    ("civilians", "soldiers", "protesters")."""
    words = {token.lemma_.lower(), token.lower_}
    if token.ent_type_ in ("PERSON", "NORP") or any(
        realis_cues().has("people_noun", w) for w in words
    ):
        return True
    return any(e.words == (w,) for w in words for e in actor_table().index.get(w, ()))


def _passive_object(
    verb: Any, words: tuple[str, ...], *, moves_forces: bool = False
) -> tuple[int, int] | None:
    """A verb-object cue in the passive: its object is the verb's subject ("security was
    tightened" for "tighten security", "security was beefed up" for "beef up security").
    The trigger is the verb and its particles (the subject is not spanned, so acts named
    inside it stay triggers of their own: "security around the site of Monday's bombing was
    tightened"); None if no match. Words between the verb and the object must be the verb's
    particles. ``moves_forces``: the cue moves or posts forces ("troops were rushed to the
    town"), so people as subject are what it moves, not people harmed."""
    if len(words) < 2:
        return None
    # a particle, or one the parser reads as the passive's complement ("were called in")
    prt = [c for c in verb.children if c.dep_ == "prt" or (c.dep_ == "oprd" and c.tag_ == "RP")]
    if not set(words[1:-1]) <= {w for c in prt for w in (c.lemma_.lower(), c.lower_)}:
        return None
    used = [int(c.i) for c in prt if c.lower_ in words or c.lemma_.lower() in words]
    for child in verb.children:
        if child.dep_ == "nsubjpass" and words[-1] in (child.lemma_.lower(), child.lower_):
            # a harmed person as subject usually comes with what harmed it ("civilians were
            # killed in an air strike"), which ACLED codes the event by: active voice only
            moved = moves_forces and _forces_sent_forward(child, verb)
            harmed = names_people(child) and not moved
            return None if harmed else (int(verb.i), max([int(verb.i), *used]))
    return None


def _forces_sent_forward(subject: Any, verb: Any) -> bool:
    """The passive's subject is a force moved towards a task: a force noun, not casualties
    ("injured troops were rushed"), not sent home, back or to hospital."""
    cues = realis_cues()
    if not cues.has("force_noun", subject.lemma_.lower()):
        return False
    if any(cues.has("casualty_word", c.lower_) for c in subject.children):
        return False
    reached = [*verb.children, *(g for c in verb.children if c.dep_ == "prep" for g in c.children)]
    return not any(cues.has("away_word", t.lemma_.lower()) for t in reached)


def find_triggers(
    doc: Any, min_weight: float = 0.0, admits: Callable[[Trigger], bool] | None = None
) -> list[Trigger]:
    """Non-overlapping cue matches in a parsed sentence: longest, then strongest, wins.
    ``admits``: a reading the sentence rules out (a seizure of no weapon is no weapons
    seizure) takes no words from another reading of the same cue ("seized the airport")."""
    cues = load_cues()
    index = _cue_index()
    found = []
    for token in doc:
        if token.ent_type_ in ("PERSON", "GPE") or (
            token.ent_type_ in NOT_TRIGGERS and token.is_title  # "March" is not a march
        ):
            continue
        keys = {token.lemma_.lower(), token.lower_}
        for key in keys:
            for number, words in index.get(key, ()):
                cue = cues[number]
                if cue.weight < min_weight:
                    continue
                first = token.i
                kind = _type_words(cue.type)
                last = (
                    _rest(doc, token, words, cue.pos == "NOUN", kind, cue.pos == "VERB")
                    if len(words) > 1
                    else first
                )
                if last is None and cue.pos == "VERB":
                    posture = load_ontology()[cue.type].family == "posture"
                    passive = _passive_object(token, words, moves_forces=posture)
                    first, last = passive or (None, None)
                if first is None or last is None:
                    continue
                head = token if cue.pos == "VERB" or len(words) == 1 else doc[last]
                if not _pos_ok(head, cue.pos):
                    continue
                trig = Trigger(cue.type, first, last + 1, cue.weight, cue.cue)
                if admits is None or admits(trig):
                    found.append(trig)
    found.sort(key=lambda t: (-len(t.cue.split()), -t.weight, t.start))
    taken: set[int] = set()
    kept = []
    for trig in found:
        if taken.isdisjoint(range(trig.start, trig.end)):
            kept.append(trig)
            taken.update(range(trig.start, trig.end))
    return sorted(kept, key=lambda t: t.start)
