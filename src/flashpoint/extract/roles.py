"""Who did it to whom: actor1 and actor2 of a trigger, from the parse and the actor table."""

from __future__ import annotations

from typing import Any

from flashpoint.records import Actor

SUBJECT_DEPS = ("nsubj", "agent")
OBJECT_DEPS = ("dobj", "nsubjpass", "pobj", "dative", "attr")
OBJECT_PREPS = frozenset("at on against into across upon toward towards with".split())


def _span(tokens: list[Any]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _verb_of(trigger: Any) -> Any:
    """The verb that carries the event: the trigger itself, or the verb a noun trigger hangs on."""
    token = trigger
    for _ in range(3):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return token
        token = token.head
    return trigger


def _role_spans(trigger: Any) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans of the subject side and the object side of the trigger's clause."""
    verb = _verb_of(trigger)
    subjects: list[tuple[int, int]] = []
    objects: list[tuple[int, int]] = []
    for child in verb.children:
        if child.dep_ == "nsubj" or child.dep_ == "agent":
            subjects.append(_span(list(child.subtree)))
        elif child.dep_ in ("dobj", "nsubjpass", "dative"):
            objects.append(_span(list(child.subtree)))
        elif child.dep_ == "prep" and child.lower_ in OBJECT_PREPS:
            objects.extend(_span(list(g.subtree)) for g in child.children if g.dep_ == "pobj")
    if not subjects and verb.dep_ == "relcl":  # "troops who crossed": the head noun
        subjects.append(_span([verb.head]))
    head = verb
    for _ in range(2):  # "attacked the post, killing three": the subject of "attacked"
        if subjects or head.dep_ not in ("advcl", "xcomp", "conj", "acl"):
            break
        head = head.head
        subjects.extend(_span(list(c.subtree)) for c in head.children if c.dep_ == "nsubj")
    if trigger.i != verb.i:  # "explosions injured soldiers" / "the crossing of troops"
        for child in trigger.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                subjects.extend(_span(list(g.subtree)) for g in child.children)
    return subjects, objects


def _inside(actor: Actor, spans: list[tuple[int, int]], offset: int) -> bool:
    start, end = actor.span_start - offset, actor.span_end - offset
    return any(s <= start and end <= e for s, e in spans)


def assign_roles(
    trigger: Any, actors: list[Actor], offset: int, claimant: Actor | None
) -> tuple[Actor | None, Actor | None, str]:
    """``(actor1, actor2, rule)``; actor offsets are in the clean text, ``offset`` is where
    the sentence starts in it."""
    candidates = [a for a in actors if claimant is None or a.span_start != claimant.span_start]
    subjects, objects = _role_spans(trigger)
    actor1 = next((a for a in candidates if _inside(a, subjects, offset)), None)
    actor2 = next((a for a in candidates if _inside(a, objects, offset) and a is not actor1), None)
    if actor1 or actor2:
        return actor1, actor2, "parse"
    trig_at = trigger.idx + offset
    before = [a for a in candidates if a.span_end <= trig_at]
    after = [a for a in candidates if a.span_start >= trig_at]
    first = before[-1] if before else (after.pop(0) if after else None)
    second = after[0] if after else None
    return first, second, "nearest"
