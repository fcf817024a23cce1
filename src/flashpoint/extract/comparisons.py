"""The standard of a comparison: an act named after 'than' is the yardstick, not the news.

"More children died of hunger than were killed in Hiroshima", "the attack killed more people
than the bombing of the embassy in 1998": the act after 'than' is what the reported one is
measured against; it is not reported itself, and its date is not the reported act's.
"Other than the attack, the town was quiet" is an exception that the town saw the attack.
"Rather than" and "instead of" name the course not taken: "police negotiated rather than
storming the camp", "instead of arresting the protesters": that act did not happen.
"""

from __future__ import annotations

from typing import Any


def standard_of(token: Any) -> Any | None:
    """The 'than' whose standard of comparison holds the token (a noun after 'than', or a
    clause it opens), else None."""
    for t in [token, *token.ancestors]:
        if t.dep_ in ("pobj", "pcomp") and t.head.lower_ == "than" and not _other_than(t.head):
            return t.head
        than = next((c for c in t.children if c.dep_ == "mark" and c.lower_ == "than"), None)
        if than is not None and t.dep_ in ("advcl", "ccomp"):
            return than
        if t.dep_ in ("ROOT", "relcl", "conj", "parataxis"):
            return None
    return None


def yardstick(trigger: Any) -> str:
    """``background: ...`` when the trigger stands in the standard of a comparison."""
    than = standard_of(trigger)
    if than is None:
        return ""
    return f"background: 'than {trigger.text}' is what another act is measured against"


def _other_than(than: Any) -> bool:
    """'other than', 'rather than' name an exception or a choice, not a yardstick."""
    before = than.doc[than.i - 1] if than.i > 0 else None
    return before is not None and before.lower_ in ("other", "rather")


def course_not_taken(token: Any) -> Any | None:
    """The 'than' of 'rather than' or the 'of' of 'instead of' whose phrase holds the token
    (a verb or -ing clause after it, or a verb it coordinates: "chose to negotiate rather
    than attack"), up to the token's own clause; else None. A noun after it may contrast
    what a statement is about, not deny the act ("the arrests rather than the protest drew
    criticism", "died in the stampede rather than the shooting")."""
    for t in [token, *token.ancestors]:
        if t.dep_ in ("pobj", "pcomp") and _alternative(t.head) and _verbal(t):
            return t.head
        marker = _coordinated_by(t)
        if marker is not None:
            return marker
        if t.dep_ in ("ROOT", "relcl", "ccomp", "advcl", "parataxis", "nsubj", "nsubjpass"):
            return None
    return None


def _alternative(word: Any) -> bool:
    before = word.doc[word.i - 1].lower_ if word.i > 0 else ""
    return (word.lower_, before) in (("than", "rather"), ("of", "instead"))


def _coordinated_by(verb: Any) -> Any | None:
    """The 'than' of 'rather than' right before a conjunct ("negotiate rather than attack",
    "shot by soldiers rather than killed in crossfire": the parser hangs 'than' anywhere
    on the left)."""
    start = verb.left_edge.i
    if verb.dep_ != "conj" or start < 2 or not _verbal(verb):
        return None
    than = verb.doc[start - 1]
    return than if _alternative(than) else None


def _verbal(token: Any) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")
