"""A toll told with the act that caused it is that act's: "20 people were killed on Wednesday
when the RSF shelled the camp", "five civilians were killed in an air strike". ACLED codes the
deaths within the act that caused them, so the toll takes that act's type and day (marked
inferred) and merges into its event. The cause must be the toll verb's own: a "when"/"as"
clause on it, the object of its "in"/"by", or its subject ("a blast killed five"). Which
tolls, and acts of which families, is ``data/part_of.tsv`` (rows that need no agent).
"""

from __future__ import annotations

from typing import Any

from flashpoint.extract.backref import REPORTED_MODES, as_part_of, part_of_rules
from flashpoint.records import Mention

CAUSE_MARKS = frozenset({"when", "as"})
CAUSE_PREPOSITIONS = frozenset({"in", "by"})


def fold_tolls(mentions: list[Mention], roots: list[Any]) -> list[Mention]:
    """The sentence's mentions (with their trigger words), each toll folded into its cause."""
    out = []
    for m, root in zip(mentions, roots, strict=True):
        cause = _cause(m, root, mentions, roots)
        out.append(as_part_of(m, cause, "that caused it") if cause is not None else m)
    return out


def _cause(m: Mention, root: Any, mentions: list[Mention], roots: list[Any]) -> Mention | None:
    rule = part_of_rules().get(m.type)
    if rule is None or not rule.no_agent or m.actor1 is not None or not _reported(m):
        return None
    if root.pos_ != "VERB":
        return None
    for c, c_root in zip(mentions, roots, strict=True):
        if c is m or c.type == m.type or not _reported(c):
            continue
        if rule.fits(c.type) and _caused_by(root, c_root):
            return c
    return None


def _caused_by(verb: Any, cause: Any) -> bool:
    """``cause`` sits in a when/as clause on the verb (or on a verb coordinated with it:
    "were killed and dozens wounded when ... shelled"), under its in/by phrase, or is the
    head of its subject in the active voice ("a blast killed five villagers")."""
    if any(c.dep_ == "nsubj" and c.i == cause.i for c in verb.children):
        return True  # the toll verb's own subject, never a conjunct's ("... and a bomb hit")
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    for child in (c for v in verbs for c in v.children):
        if not child.left_edge.i <= cause.i <= child.right_edge.i:
            continue
        if child.dep_ in ("prep", "agent") and child.lower_ in CAUSE_PREPOSITIONS:
            return True
        marks = {g.lower_ for g in child.children if g.dep_ in ("advmod", "mark")}
        if child.dep_ == "advcl" and marks & CAUSE_MARKS:
            return True
    return False


def _reported(m: Mention) -> bool:
    return m.mode in REPORTED_MODES and not m.dropped
