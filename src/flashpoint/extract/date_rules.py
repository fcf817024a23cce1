"""Calendar arithmetic and the cue tables behind :mod:`flashpoint.extract.dates`.

The cue knowledge (relative expressions, anchor expressions, number words, named periods,
future and background cue words) lives in ``data/date_phrases.tsv``; this module loads it
and does the date arithmetic. Dates here are ``datetime.date``; records get ISO strings.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources

from flashpoint.records import DateValue

MONTHS = (
    "january february march april may june july august september october november december"
).split()
MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8}
MONTH_ABBR |= {"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()

_MONTH_RE = re.compile(
    r"\b(" + "|".join(MONTHS + sorted(MONTH_ABBR, key=len, reverse=True)) + r")\b", re.I
)
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
_YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_DAY_RE = re.compile(r"(?<![\d/.:-])([12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])", re.I)
_YEAR_QUAL_RE = re.compile(r"\b(this|last|next)\s+year\b", re.I)
_LEAD_WORDS = frozenset("on in from during until till by of over throughout as at the".split())
_QUAL_SHIFT = {"this": 0, "last": -1, "next": 1}


@dataclass(frozen=True)
class Relative:
    rule: str
    unit: str  # day | week | weekend | month | year
    offset: int
    mode: str  # whole | earlier | later | rolling


@dataclass(frozen=True)
class AnchorRule:
    rule: str
    lo: int
    hi: int
    precision: str


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    precision: str


@dataclass(frozen=True)
class Cues:
    relative: dict[str, Relative]
    anchor: dict[str, AnchorRule]
    numbers: dict[str, int]
    periods: dict[str, Period]
    future: tuple[str, ...]
    background: tuple[str, ...]


@dataclass(frozen=True)
class Ctx:
    """What a phrase is resolved against."""

    published: date
    tense: str = "past"  # past | future
    anchor: DateValue | None = None


def key(text: str) -> str:
    """Lookup key: lower case, single spaces, straight apostrophes."""
    return " ".join(text.replace("’", "'").lower().split())


def _add_row(cues: Cues, cols: list[str], where: str) -> None:
    kind, phrase, rest = cols[0], key(cols[1]), cols[2:]
    want = {"relative": 4, "anchor": 4, "number": 1, "period": 3, "future": 0, "background": 0}
    if kind not in want or len(rest) != want[kind]:
        raise ValueError(f"{where}: bad date cue row {cols!r}")
    if kind == "relative":
        cues.relative[phrase] = Relative(rest[0], rest[1], int(rest[2]), rest[3])
    elif kind == "anchor":
        cues.anchor[phrase] = AnchorRule(rest[0], int(rest[1]), int(rest[2]), rest[3])
    elif kind == "number":
        cues.numbers[phrase] = int(rest[0])
    elif kind == "period":
        start, end = date.fromisoformat(rest[0]), date.fromisoformat(rest[1])
        cues.periods[phrase] = Period(start, end, rest[2])
    else:
        getattr(cues, "_lists")[kind].append(phrase)


@cache
def cues() -> Cues:
    """The cue tables from ``data/date_phrases.tsv`` (loaded once)."""
    path = "data/date_phrases.tsv"
    text = resources.files("flashpoint").joinpath(path).read_text("utf-8")
    lists: dict[str, list[str]] = {"future": [], "background": []}
    table = Cues({}, {}, {}, {}, (), ())
    object.__setattr__(table, "_lists", lists)
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            _add_row(table, line.rstrip("\n").split("\t"), f"{path}:{n}")
    object.__setattr__(table, "future", tuple(lists["future"]))
    object.__setattr__(table, "background", tuple(lists["background"]))
    return table


def lookup(table: dict[str, object], text: str) -> str | None:
    """The table key that ``text`` names, after dropping leading prepositions and "the"."""
    words = key(text).split()
    while words:
        joined = " ".join(words)
        if joined in table:
            return joined
        if words[0] not in _LEAD_WORDS:
            return None
        words = words[1:]
    return None


# --- calendar helpers ---------------------------------------------------------------------


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_span(year: int, month: int) -> tuple[date, date]:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, 1), date(year, month, last)


def shift_month(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def week_span(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def nearest_month_day(pub: date, month: int, day: int, tense: str) -> date | None:
    """The most recent ``month``/``day`` on or before ``pub`` (past), or next on/after it."""
    step = 1 if tense == "future" else -1
    for k in range(9):  # 9 years always reach a 29 February
        got = safe_date(pub.year + step * k, month, day)
        if got is not None and (got >= pub if step == 1 else got <= pub):
            return got
    return None


def year_of(text: str) -> int | None:
    m = _YEAR_RE.search(text)
    return int(m.group(1)) if m else None


def month_of(text: str) -> int | None:
    m = _MONTH_RE.search(text)
    if m is None:
        return None
    name = m.group(1).lower()
    return MONTHS.index(name) + 1 if name in MONTHS else MONTH_ABBR[name]


def weekday_of(text: str) -> int | None:
    m = _WEEKDAY_RE.search(text)
    return WEEKDAYS.index(m.group(1).lower()) if m else None


def day_of(text: str) -> int | None:
    m = _DAY_RE.search(_YEAR_RE.sub(" ", text))
    return int(m.group(1)) if m else None


def qualifier(text: str, before: str) -> str | None:
    """``last``/``next``/``this``/``past`` written right before the word ``before``."""
    m = re.search(r"\b(last|next|this|past)\s+" + re.escape(before), text, re.I)
    return m.group(1).lower() if m else None


def explicit_year(text: str, pub: date) -> int | None:
    """A year written out, or named relative to publication ("last year")."""
    year = year_of(text)
    if year is not None:
        return year
    m = _YEAR_QUAL_RE.search(text)
    return pub.year + _QUAL_SHIFT[m.group(1).lower()] if m else None


def value(start: date, end: date, precision: str, rule: str, **kw: object) -> DateValue:
    return DateValue(start.isoformat(), end.isoformat(), precision, rule, **kw)  # type: ignore[arg-type]


def is_history(start: date, end: date, precision: str, pub: date) -> bool:
    """Background: ends over a year before publication, or a whole earlier year."""
    if end < pub - timedelta(days=365):
        return True
    return precision == "year" and end.year < pub.year and start.year < pub.year


def clip(dv: DateValue, ctx: Ctx) -> DateValue:
    """Past: a range can't run past publication; future: it can't start before it."""
    start, end = date.fromisoformat(dv.start), date.fromisoformat(dv.end)
    pub = ctx.published
    if ctx.tense == "future" and start < pub <= end:
        start = pub
    elif ctx.tense != "future" and start <= pub < end:
        end = pub
    history = dv.background or is_history(start, end, dv.precision, pub)
    return DateValue(
        start.isoformat(), end.isoformat(), dv.precision, dv.rule, time=dv.time, background=history
    )
