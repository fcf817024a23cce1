"""A definite description refers back: "the shelling began at around 9 pm", after "shells
landed on villages on Tuesday night", is that shelling, so it takes that report's day.

Only a mention with no day of its own (its date came from the paragraph, the publication
week, or a clock time alone) takes its antecedent's, and the date is marked inferred, with
the words it refers back to.
"""

from __future__ import annotations

from dataclasses import replace

from flashpoint.groups import group_of
from flashpoint.records import Mention

_REPORTED = frozenset({"happened", "claimed"})


def refer_back(mentions: list[Mention]) -> list[Mention]:
    """The mentions of one article in text order, definite back-references dated."""
    dated: dict[str, Mention] = {}  # merge group -> the last mention dated by its own words
    out = []
    for m in mentions:
        group = group_of(m.type).name
        ante = dated.get(group)
        if ante is not None and _refers_back(m) and ante.date is not None:
            how = f"'{m.trigger.text}' refers back to '{ante.trigger.text}': its date"
            kept = tuple(x for x in m.inferred if x[0] != "date")
            m = replace(m, date=ante.date, inferred=(*kept, ("date", how)))
        elif _own_day(m) and m.mode in _REPORTED and not m.dropped:
            dated[group] = m
        out.append(m)
    return out


def _own_day(m: Mention) -> bool:
    return (
        m.date is not None
        and m.date.rule != "clock-time"
        and not any(field == "date" for field, _ in m.inferred)
    )


def _refers_back(m: Mention) -> bool:
    return m.definite and m.mode in _REPORTED and not m.dropped and not _own_day(m)
