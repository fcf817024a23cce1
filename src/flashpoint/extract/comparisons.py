"""The standard of a comparison: an act named after 'than' is the yardstick, not the news.

"More children died of hunger than were killed in Hiroshima", "the attack killed more people
than the bombing of the embassy in 1998": the act after 'than' is what the reported one is
measured against; it is not reported itself, and its date is not the reported act's.
"Other than the attack, the town was quiet" is an exception that the town saw the attack.
"""

from __future__ import annotations

from typing import Any


def standard_of(token: Any) -> Any | None:
    """The 'than' whose standard of comparison holds the token (a noun after 'than', or a
    clause it opens), else None."""
    for t in [token, *token.ancestors]:
        if t.dep_ == "pobj" and t.head.lower_ == "than" and not _other_than(t.head):
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
