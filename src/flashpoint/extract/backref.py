"""A definite description refers back: "the shelling began at around 9 pm", after "shells
landed on villages on Tuesday night", is that shelling, so it takes that report's day.

Only a mention with no day of its own (its date came from the paragraph, the publication
week, or a clock time alone) takes its antecedent's, and the date is marked inferred, with
the words it refers back to. An act said to go on ("the clashes continued into Wednesday")
is the act reported before, now known to last from its day to this one.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

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
        elif ante is not None and _goes_on(m, ante):
            assert m.date is not None and ante.date is not None
            how = f"'{m.trigger.text}' goes on from '{ante.trigger.text}': from its day"
            how += f" ({ante.date.start}, characters {ante.trigger.start}-{ante.trigger.end})"
            m = replace(
                m,
                date=replace(m.date, start=ante.date.start),
                inferred=(*m.inferred, ("date", how)),
            )
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


CONTINUED_DAYS = 7  # an act said to go on after a longer gap is another one


def _goes_on(m: Mention, ante: Mention) -> bool:
    """m says the act ante reported went on to m's own day, within a week."""
    if not m.continues or m.mode not in _REPORTED or m.dropped or not _own_day(m):
        return False
    a, b = ante.date, m.date
    if a is None or b is None or a.precision != "day" or b.precision != "day":
        return False
    gap = (date.fromisoformat(b.start) - date.fromisoformat(a.start)).days
    return 1 <= gap <= CONTINUED_DAYS
