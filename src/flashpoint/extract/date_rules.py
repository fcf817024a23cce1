"""Calendar arithmetic and the cue tables behind :mod:`flashpoint.extract.dates`.

The cue knowledge (relative expressions, anchor expressions, number words, named periods,
future and background cue words) lives in ``data/date_phrases.tsv``; this module loads it
and does the date arithmetic. Dates here are ``datetime.date``; records get ISO strings.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Container
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache

from flashpoint.datafiles import read_cells
from flashpoint.records import DateValue

MONTHS = (
    "january february march april may june july august september october november december"
).split()
MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8}
MONTH_ABBR |= {"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()

_MONTH_NAMES = "|".join(MONTHS + sorted(MONTH_ABBR, key=len, reverse=True))
_MONTH_RE = re.compile(rf"\b({_MONTH_NAMES})\b", re.I)
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
_YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
# an older year, read only right after a month or its day ('15 June 1215', 'June 1791'): a
# bare number of that size is as often a count ('1500 days after')
_OLD_YEAR_RE = re.compile(
    rf"(?:\b(?:{_MONTH_NAMES})\.?|\d(?:st|nd|rd|th)?,)\s+(1[0-7]\d\d)(?!\d)",
    re.I,
)
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
class VagueAgo:
    unit: str  # day | week | month | year
    least: int  # how many units back at the least
    most: int  # and at the most


@dataclass
class Cues:
    relative: dict[str, Relative] = field(default_factory=dict)
    vague_ago: dict[str, VagueAgo] = field(default_factory=dict)
    anchor: dict[str, AnchorRule] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    periods: dict[str, Period] = field(default_factory=dict)
    named_days: dict[str, date] = field(default_factory=dict)
    future: list[str] = field(default_factory=list)
    background: list[str] = field(default_factory=list)
    time_of_day: list[str] = field(default_factory=list)
    name_part: list[str] = field(default_factory=list)
    old_year_next: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Ctx:
    """What a phrase is resolved against."""

    published: date
    tense: str = "past"  # past | future
    anchor: DateValue | None = None
    reverse: bool = False  # "on Friday, a day after X": X is the anchor minus the offset


def key(text: str) -> str:
    """Lookup key: lower case, single spaces, straight apostrophes."""
    return " ".join(text.replace("’", "'").lower().split())


_WIDTH = {
    "relative": 4,
    "anchor": 4,
    "number": 1,
    "vague_ago": 3,
    "period": 3,
    "named_day": 1,
    "future": 0,
    "background": 0,
    "time_of_day": 0,
    "name_part": 0,
    "old_year_next": 0,
}


def _add_row(cues: Cues, cols: list[str], where: str) -> None:
    kind, phrase, rest = cols[0], key(cols[1]) if len(cols) > 1 else "", cols[2:]
    if kind not in _WIDTH or len(rest) != _WIDTH[kind] or not phrase:
        raise ValueError(f"{where}: bad date cue row {cols!r}")
    if kind == "relative":
        cues.relative[phrase] = Relative(rest[0], rest[1], int(rest[2]), rest[3])
    elif kind == "anchor":
        cues.anchor[phrase] = AnchorRule(rest[0], int(rest[1]), int(rest[2]), rest[3])
    elif kind == "number":
        cues.numbers[phrase] = int(rest[0])
    elif kind == "vague_ago":
        cues.vague_ago[phrase] = VagueAgo(rest[0], int(rest[1]), int(rest[2]))
    elif kind == "named_day":
        cues.named_days[phrase] = date.fromisoformat(rest[0])
    elif kind == "period":
        start, end = date.fromisoformat(rest[0]), date.fromisoformat(rest[1])
        cues.periods[phrase] = Period(start, end, rest[2])
    else:
        lists = {
            "future": cues.future,
            "background": cues.background,
            "name_part": cues.name_part,
            "old_year_next": cues.old_year_next,
        }
        lists.get(kind, cues.time_of_day).append(phrase)


@cache
def cues() -> Cues:
    """The cue tables from ``data/date_phrases.tsv`` (loaded once; treat as read-only)."""
    table = Cues()
    for n, cells in read_cells("date_phrases.tsv"):
        _add_row(table, cells, f"data/date_phrases.tsv:{n}")
    return table


def lookup(table: Container[str], text: str) -> str | None:
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
    m = _YEAR_RE.search(text) or _OLD_YEAR_RE.search(text)
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
    without_old = _OLD_YEAR_RE.sub(lambda y: y.group(0)[: y.start(1) - y.start(0)] + " ", text)
    m = _DAY_RE.search(_YEAR_RE.sub(" ", without_old))
    return int(m.group(1)) if m else None


def qualifier(text: str, before: str) -> str | None:
    """``last``/``next``/``this``/``past``/``previous`` written right before the word
    ``before``."""
    m = re.search(r"\b(last|next|this|past|previous)\s+" + re.escape(before), text, re.I)
    return m.group(1).lower() if m else None


def explicit_year(text: str, pub: date) -> int | None:
    """A year written out, or named relative to publication ("last year")."""
    year = year_of(text)
    if year is not None:
        return year
    m = _YEAR_QUAL_RE.search(text)
    return pub.year + _QUAL_SHIFT[m.group(1).lower()] if m else None


def value(
    start: date, end: date, precision: str, rule: str, *, time: str | None = None
) -> DateValue:
    return DateValue(start.isoformat(), end.isoformat(), precision, rule, time=time)


def is_history(start: date, end: date, precision: str, pub: date) -> bool:
    """Background: ends over a year before publication, or a whole earlier year."""
    if end < pub - timedelta(days=365):
        return True
    return precision == "year" and end.year < pub.year and start.year < pub.year


RECALLED_DAYS = 14  # a month-dated act this long past is no longer news


def recalled_month(end: date, precision: str, pub: date) -> bool:
    """An earlier month that ended at least two weeks before the report ("in November" in
    March, "in late January" on 28 February): news tells an act by its day while it is new,
    so a past act the report dates no finer than such a month is recalled, not reported.
    "Late last month" on 2 March may be two days old: still news. (As the start of "since
    January" a month is not recalled either.)"""
    return precision == "month" and end < pub.replace(day=1) and (pub - end).days >= RECALLED_DAYS


def clip(dv: DateValue, ctx: Ctx) -> DateValue:
    """Past: a range can't run past publication; future: it can't start before it."""
    start, end = date.fromisoformat(dv.start), date.fromisoformat(dv.end)
    pub = ctx.published
    if ctx.tense == "future" and start < pub <= end:
        start = pub
    elif ctx.tense != "future" and start <= pub < end:
        end = pub
    history = (
        dv.background
        or is_history(start, end, dv.precision, pub)
        or (ctx.tense != "future" and recalled_month(end, dv.precision, pub))
    )
    return DateValue(
        start.isoformat(), end.isoformat(), dv.precision, dv.rule, time=dv.time, background=history
    )


# --- resolvers: one per phrase kind; each gets the tidied phrase and the context ----------

Resolver = Callable[[str, Ctx], "DateValue | None"]
_COARSE = {"day": 0, "week": 1, "month": 2, "year": 3}


@cache
def number_pattern() -> str:
    """Regex alternation for a count: digits or a number word from the cue table."""
    words = sorted(cues().numbers, key=len, reverse=True)
    return "|".join([r"\d{1,3}"] + [re.escape(w).replace(r"\ ", r"\s+") for w in words])


def _count(word: str) -> int:
    word = key(word)
    return int(word) if word.isdigit() else cues().numbers[word]


def _last_saturday(day: date) -> date:
    return day - timedelta(days=(day.weekday() - 5) % 7)


def _weekend(k: int, ctx: Ctx) -> tuple[date, date]:
    pub = ctx.published
    if k < 0:
        sat = _last_saturday(pub - timedelta(days=2))  # its Sunday is before publication
    elif k == 0 and ctx.tense != "future":
        sat = _last_saturday(pub)
    else:
        sat = week_span(pub)[0] + timedelta(days=5 + 7 * k)
    return sat, sat + timedelta(days=1)


def _unit_span(unit: str, k: int, ctx: Ctx) -> tuple[date, date]:
    pub = ctx.published
    if unit == "day":
        return pub + timedelta(days=k), pub + timedelta(days=k)
    if unit == "week":
        return week_span(pub + timedelta(weeks=k))
    if unit == "weekend":
        return _weekend(k, ctx)
    if unit == "month":
        return month_span(*shift_month(pub.year, pub.month, k))
    return date(pub.year + k, 1, 1), date(pub.year + k, 12, 31)


def _rolling_start(unit: str, pub: date) -> date:
    if unit == "week":
        return pub - timedelta(days=6)
    year, month = shift_month(pub.year, pub.month, -12 if unit == "year" else -1)
    day = min(pub.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) + timedelta(days=1)


def relative(text: str, ctx: Ctx) -> DateValue | None:
    found = lookup(cues().relative, text)
    if found is None:
        return None
    rel, pub = cues().relative[found], ctx.published
    start, end = _unit_span(rel.unit, rel.offset, ctx)
    if rel.mode == "earlier":
        end = max(start, pub - timedelta(days=1))
    elif rel.mode == "later":
        start = min(end, pub + timedelta(days=1))
    elif rel.mode == "rolling":
        start, end = _rolling_start(rel.unit, pub), pub
    precision = "week" if rel.unit == "weekend" else rel.unit
    return value(start, end, precision, rel.rule)


def _shifted(ctx: Ctx, lo: int, hi: int, precision: str, rule: str) -> DateValue | None:
    anchor = ctx.anchor
    if anchor is None:
        return None
    if ctx.reverse:
        lo, hi, rule = -hi, -lo, f"{rule}-reverse"
    start = date.fromisoformat(anchor.start) + timedelta(days=lo)
    end = date.fromisoformat(anchor.end) + timedelta(days=hi)
    coarse = max(precision, anchor.precision, key=lambda p: _COARSE.get(p, 0))
    return value(start, end, coarse, rule)


def anchored(text: str, ctx: Ctx) -> DateValue | None:
    found = lookup(cues().anchor, text)
    if found is None:
        return None
    row = cues().anchor[found]
    return _shifted(ctx, row.lo, row.hi, row.precision, row.rule)


def anchor_count(text: str, ctx: Ctx) -> DateValue | None:
    pat = rf"({number_pattern()})\s+(?:full\s+)?(day|week|year)s?\s+(\w+)"
    m = re.search(pat, key(text))
    if m is None:
        return None
    n, unit = _count(m.group(1)), m.group(2)
    if m.group(3) in ("before", "earlier", "prior"):
        n = -n
    if unit == "year":  # "six years later": the anchor's year moved on, a year's precision
        return _years_on(ctx, n)
    days = n * (7 if unit == "week" else 1)
    return _shifted(ctx, days, days, "day", "anchor-offset")


def _years_on(ctx: Ctx, n: int) -> DateValue | None:
    if ctx.anchor is None:
        return None
    if ctx.reverse:
        n = -n
    year = date.fromisoformat(ctx.anchor.start).year + n
    rule = "anchor-years-offset" + ("-reverse" if ctx.reverse else "")
    return value(date(year, 1, 1), date(year, 12, 31), "year", rule)


ANNIVERSARY = r"today|tonight|yesterday|this\s+weekend|this\s+week|this\s+month"


def ago(text: str, ctx: Ctx) -> DateValue | None:
    m = re.search(
        rf"({number_pattern()})\s+(day|week|month|year)s?\s+ago(?:\s+({ANNIVERSARY}))?",
        key(text),
    )
    if m is None:
        return None
    n, unit, pub = _count(m.group(1)), m.group(2), ctx.published
    if m.group(3):
        return _anniversary(n, unit, m.group(3), pub)
    return value(*_units_back(pub, unit, n), unit, "relative-ago")


ELAPSED_RULE = "relative-elapsed"
# spans named with no count, as regular expressions, and their years
LONG_SPANS = {
    r"(?:a\s+)?quarter[\s-]+(?:of\s+a\s+)?century": 25,
    r"half\s+a\s+century": 50,
}


def elapsed(text: str, ctx: Ctx) -> DateValue | None:
    """'it has been two years since the town fell': the act the 'since' clause tells is that
    long before publication, at the unit's precision; a decade is ten years."""
    t = key(text)
    m = re.search(rf"({number_pattern()})\s+(day|week|month|year|decade)s?\s+since", t)
    if m is not None:
        n, unit = _count(m.group(1)), m.group(2)
    else:
        n, unit = next((v for k, v in LONG_SPANS.items() if re.search(k, t)), 0), "year"
    if unit == "decade":
        n, unit = n * 10, "year"
    if n <= 0:
        return None
    return value(*_units_back(ctx.published, unit, n), unit, ELAPSED_RULE)


def _units_back(pub: date, unit: str, n: int) -> tuple[date, date]:
    """The day, ISO week, month or year ``n`` units before publication."""
    if unit == "day":
        day = pub - timedelta(days=n)
        return day, day
    if unit == "week":
        return week_span(pub - timedelta(weeks=n))
    if unit == "month":
        return month_span(*shift_month(pub.year, pub.month, -n))
    return date(pub.year - n, 1, 1), date(pub.year - n, 12, 31)


VAGUE_AGO = "relative-vague-ago"


def vague_ago(text: str, ctx: Ctx) -> DateValue | None:
    """'a few years ago', 'months ago': the span the table gives for the phrase, counted back
    from publication, at the unit's precision (days at a week's: 'a few days ago' is no day)."""
    found = cues().vague_ago.get(key(text))
    if found is None:
        return None
    # days and weeks are counted in days, read a unit coarser: 'a few days ago' is no one day
    days = {"day": 1, "week": 7}.get(found.unit)
    unit, scale = ("day", days) if days else (found.unit, 1)
    start = _units_back(ctx.published, unit, found.most * scale)[0]
    end = _units_back(ctx.published, unit, found.least * scale)[1]
    precision = {"day": "week", "week": "month"}.get(found.unit, found.unit)
    return value(start, end, precision, VAGUE_AGO)


def _anniversary(n: int, unit: str, when: str, pub: date) -> DateValue:
    """'four years ago this week', 'a year ago today': the day or week named, counted back
    ``n`` units, at its own precision."""
    day = pub - timedelta(days=1) if when == "yesterday" else pub
    if unit in ("year", "month"):
        months = n * (12 if unit == "year" else 1)
        year, month = shift_month(day.year, day.month, -months)
        day = date(year, month, min(day.day, month_span(year, month)[1].day))
    else:
        day -= timedelta(days=n * (7 if unit == "week" else 1))
    when = " ".join(when.split())
    if when in ("this week", "this weekend"):
        start, end = week_span(day)
        start = end - timedelta(days=1) if when == "this weekend" else start
        return value(start, end, "week", "relative-ago-anniversary")
    if when == "this month":
        start, end = month_span(day.year, day.month)
        return value(start, end, "month", "relative-ago-anniversary")
    return value(day, day, "day", "relative-ago-anniversary")


def weekday(text: str, ctx: Ctx) -> DateValue | None:
    wd = weekday_of(text)
    if wd is None:
        return None
    pub, qual = ctx.published, qualifier(text, WEEKDAYS[wd])
    back, ahead = (pub.weekday() - wd) % 7, (wd - pub.weekday()) % 7
    if qual in ("last", "past", "previous"):
        day, rule = pub - timedelta(days=back or 7), "weekday-last"
    elif qual == "next":
        day, rule = pub + timedelta(days=ahead or 7), "weekday-next"
    elif ctx.tense == "future":
        day, rule = pub + timedelta(days=ahead), "weekday-after-published"
    else:
        day, rule = pub - timedelta(days=back), "weekday-before-published"
    return value(day, day, "day", rule)


def month_day(text: str, ctx: Ctx) -> DateValue | None:
    month, day = month_of(text), day_of(text)
    if month is None or day is None:
        return None
    year = explicit_year(text, ctx.published)
    if year is not None:
        got = safe_date(year, month, day)
        rule = "explicit-date" if year_of(text) else "month-day-relative-year"
    else:
        got = nearest_month_day(ctx.published, month, day, ctx.tense)
        rule = f"month-day-{'after' if ctx.tense == 'future' else 'before'}-published"
    return None if got is None else value(got, got, "day", rule)


def _month_year(month: int, qual: str | None, ctx: Ctx) -> tuple[int, str]:
    pub = ctx.published
    if qual in ("last", "past", "previous"):
        return (pub.year if month < pub.month else pub.year - 1), "month-last"
    if qual == "next":
        return (pub.year if month > pub.month else pub.year + 1), "month-next"
    if qual == "this":
        return pub.year, "month-this-year"
    if ctx.tense == "future":
        return (pub.year if month >= pub.month else pub.year + 1), "month-after-published"
    return (pub.year if month <= pub.month else pub.year - 1), "month-before-published"


def month(text: str, ctx: Ctx) -> DateValue | None:
    m = _MONTH_RE.search(text)
    number = month_of(text)
    if m is None or number is None:
        return None
    year = explicit_year(text, ctx.published)
    if year is not None:
        rule = "explicit-month" if year_of(text) else "month-relative-year"
    else:
        year, rule = _month_year(number, qualifier(text, m.group(1)), ctx)
    return value(*month_span(year, number), "month", rule)


def ordinal(text: str, ctx: Ctx) -> DateValue | None:
    day, pub = day_of(text), ctx.published
    if day is None:
        return None
    step = 1 if ctx.tense == "future" else -1
    for k in range(13):
        got = safe_date(*shift_month(pub.year, pub.month, step * k), day)
        if got is not None and (got >= pub if step == 1 else got <= pub):
            rule = f"ordinal-day-{'after' if step == 1 else 'before'}-published"
            return value(got, got, "day", rule)
    return None


def iso(text: str, ctx: Ctx) -> DateValue | None:
    m = re.search(r"(\d{4})-(\d\d)-(\d\d)", text)
    got = safe_date(*(int(g) for g in m.groups())) if m else None
    return None if got is None else value(got, got, "day", "iso-date")


def iso_month(text: str, ctx: Ctx) -> DateValue | None:
    m = re.search(r"(\d{4})-(\d\d)", text)
    if m is None or not 1 <= int(m.group(2)) <= 12:
        return None
    return value(*month_span(int(m.group(1)), int(m.group(2))), "month", "iso-month")


def numeric(text: str, ctx: Ctx) -> DateValue | None:
    """dd/mm/yyyy unless only mm/dd/yyyy is valid, or the day-first reading is after
    publication in a past-tense context and the month-first one is not."""
    m = re.search(r"(\d{1,2})([/.])(\d{1,2})\2(\d{4})", text)
    if m is None:
        return None
    a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    dmy, mdy = safe_date(year, b, a), safe_date(year, a, b)
    pub = ctx.published
    late = dmy is not None and dmy > pub and ctx.tense != "future"
    if mdy is not None and (dmy is None or (late and mdy <= pub)):
        return value(mdy, mdy, "day", "numeric-mdy")
    return None if dmy is None else value(dmy, dmy, "day", "numeric-dmy")


def year(text: str, ctx: Ctx) -> DateValue | None:
    y = year_of(text)
    return None if y is None else value(date(y, 1, 1), date(y, 12, 31), "year", "explicit-year")


def year_range(text: str, ctx: Ctx) -> DateValue | None:
    m = re.search(r"((?:1[89]|20)\d\d)\D+?(\d{4}|\d\d)(?!\d)", text)
    if m is None:
        return None
    first, last = int(m.group(1)), int(m.group(2))
    if last < 100:
        last += first // 100 * 100
    if not first < last <= first + 100:
        return None
    return value(date(first, 1, 1), date(last, 12, 31), "year", "year-range")


DECADE_WORDS = ("thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")


def decade(text: str, ctx: Ctx) -> DateValue | None:
    """'the 1970s'; 'the 70s' and 'the '80s' are the 20th century's (the 30s to the 90s only:
    'the 20s' may be this century's)."""
    m = re.search(r"((?:1[89]|20)\d)0['’]?s", text)
    if m is not None:
        first = int(m.group(1)) * 10
    else:
        short = re.search(r"(?<!\d)['’]?([3-9])0['’]?s", text)
        word = next((w for w in DECADE_WORDS if w in text.lower()), None)
        if short is None and word is None:
            return None
        tens = int(short.group(1)) if short else DECADE_WORDS.index(word or "") + 3
        first = 1900 + tens * 10
    return value(date(first, 1, 1), date(first + 9, 12, 31), "year", "decade")


CENTURY_WORDS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first",
)  # fmt: skip
_LONGEST_FIRST = sorted(CENTURY_WORDS, key=len, reverse=True)  # 'seventeenth' before 'tenth'
CENTURY_ORDINALS = r"(?:[1-9]|1\d|2[01])(?:st|nd|rd|th)|" + "|".join(_LONGEST_FIRST)


def century(text: str, ctx: Ctx) -> DateValue | None:
    """'the 19th century', 'the late nineteenth century', 'the 1800s': its hundred years, as
    they are told (1800-1899; an edge word keeps the whole century, as for a decade)."""
    lowered = text.lower()
    written = re.search(r"\b1([0-8])00['’]?s", lowered)
    number = re.search(r"(\d{1,2})(?:st|nd|rd|th)\s+century", lowered)
    word = next((w for w in _LONGEST_FIRST if w in lowered), None)
    if written is not None:
        first = 1000 + int(written.group(1)) * 100
    elif number is not None or word is not None:
        nth = int(number.group(1)) if number else CENTURY_WORDS.index(word or "") + 1
        first = (nth - 1) * 100
    else:
        return None
    return value(date(max(1, first), 1, 1), date(first + 99, 12, 31), "year", "century")


def period(text: str, ctx: Ctx) -> DateValue | None:
    found = lookup(cues().periods, text)
    if found is None:
        return None
    got = cues().periods[found]
    dv = value(got.start, got.end, got.precision, "named-period")
    return DateValue(dv.start, dv.end, dv.precision, dv.rule, background=True)


NAME_LEAD = ("of", "the", "since", "after", "before", "following", "post-", "pre-")
RECENT_NAMED_DAYS = 90  # within this many days after that day of a later year, it names that


def named_day(text: str, ctx: Ctx) -> DateValue | None:
    """A day that names what happened on it ('the lessons of September 11'): history. Within
    a few months after the same day of a later year, the words more likely name that recent
    day ('the September 11 attack on the consulate', written in October 2012): read as a
    month and day."""
    words = key(text)
    for lead in NAME_LEAD:
        words = words.removeprefix(lead).strip()
    found = cues().named_days.get(words)
    if found is None:
        return None
    recent = nearest_month_day(ctx.published, found.month, found.day, "past")
    if recent and recent.year > found.year and (ctx.published - recent).days <= RECENT_NAMED_DAYS:
        return month_day(words, ctx)
    dv = value(found, found, "day", "named-day")
    history = is_history(found, found, "day", ctx.published)
    return DateValue(dv.start, dv.end, dv.precision, dv.rule, background=history)


def clock(text: str) -> str | None:
    """``HH:MM`` from "8:30 a.m.", "8 pm", "20:30", "0830 GMT", "noon"; None if invalid."""
    t = key(text)
    if "noon" in t or "midnight" in t:
        return "12:00" if "noon" in t else "00:00"
    m = re.search(r"(?<!\d)(\d{1,2})(?:[:.](\d\d))?\s*([ap])\.?\s*m\b", t)
    if m:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        ok = 1 <= hour <= 12 and minute < 60
        return f"{hour % 12 + (12 if m.group(3) == 'p' else 0):02d}:{minute:02d}" if ok else None
    m = re.search(r"(?<!\d)(\d{1,2}):?(\d\d)(?!\d)", t)
    if m and int(m.group(1)) < 24 and int(m.group(2)) < 60:
        return f"{int(m.group(1)):02d}:{m.group(2)}"
    return None


def clock_time(text: str, ctx: Ctx) -> DateValue | None:
    hhmm, base = clock(text), ctx.anchor
    if hhmm is None:
        return None
    if base is None:
        return value(ctx.published, ctx.published, "day", "clock-time", time=hhmm)
    return DateValue(base.start, base.end, base.precision, "clock-time", time=hhmm)


def since(inner: DateValue, pub: date) -> DateValue:
    """``since X``: X's start up to publication; a historical X stays X (background)."""
    rule = f"since-{inner.precision}"
    start, end = date.fromisoformat(inner.start), date.fromisoformat(inner.end)
    old = inner.background and is_history(start, end, inner.precision, pub)
    if old or start > pub:
        return DateValue(inner.start, inner.end, inner.precision, rule, background=old)
    return DateValue(inner.start, pub.isoformat(), inner.precision, rule)


def parsed_date(text: str, ctx: Ctx) -> DateValue | None:
    """Last resort for explicit dates in other shapes ("9-Jun-2024"), via dateparser."""
    if _MONTH_RE.search(text) is None:
        return None
    import dateparser  # slow to import: only when needed

    pub, has_year = ctx.published, year_of(text) is not None
    settings = {
        "RELATIVE_BASE": datetime(pub.year, pub.month, pub.day, 12),
        "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": ["day", "month", "year"] if has_year else ["day", "month"],
    }
    got: datetime | None = dateparser.parse(text, languages=["en"], settings=settings)
    if got is None:
        return None
    day = got.date() if has_year else nearest_month_day(pub, got.month, got.day, ctx.tense)
    return None if day is None else value(day, day, "day", "parsed-date")


HANDLERS: dict[str, Resolver] = {
    "period": period,
    "named-day": named_day,
    "iso": iso,
    "numeric": numeric,
    "iso-month": iso_month,
    "month-day": month_day,
    "month": month,
    "weekday": weekday,
    "ordinal": ordinal,
    "time": clock_time,
    "anchor-count": anchor_count,
    "ago": ago,
    "elapsed": elapsed,
    "vague-ago": vague_ago,
    "relative": relative,
    "anchor": anchored,
    "year-range": year_range,
    "century": century,
    "decade": decade,
    "year": year,
}
