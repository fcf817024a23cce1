"""Date phrases in news text, resolved against the publication date.

``find_date_phrases`` finds temporal expressions with regular expressions (longest match
wins, no overlaps); ``resolve_date`` turns one phrase into a :class:`DateValue`;
``resolve_dates_in`` does both for a sentence or paragraph, chaining anchors ("a day after",
"at 8:30 a.m.") and reading tense and history cues from the words before each phrase.

News conventions used (the cue words themselves are data, in ``data/date_phrases.tsv``):

* A bare weekday is the most recent such day on or before publication (the publication day
  itself when it is that weekday); in a future context ("slated to ... on Tuesday") it is
  the next one on or after publication. ``last``/``next Tuesday`` skip the publication day.
* Month names and month-days without a year are the most recent ones not after
  publication (past) or the next ones not before it (future).
* Ranges that straddle publication are clipped: a past-tense range ends on the publication
  day, a future one starts on it.
* History is marked ``background=True``: named periods (World War II), days written as
  names after a naming word ("since September 11"), year ranges, decades, centuries,
  whole years before the publication year, anything ending more than a year before
  publication, a past month that ended two weeks or more before publication ("in November"
  in March: ``date_rules.recalled_month``), and dates right after a background cue ("the
  anniversary of").
* Numeric dates are day-first (18/06/2024) unless only month-first is valid or day-first
  would put a past event after publication.

Rule ids (``DateValue.rule``):
  relative-*            table rows: relative-yesterday, relative-today, relative-tonight,
                        relative-last-night, relative-tomorrow, relative-this-week,
                        relative-earlier-this-week, relative-last-week, relative-next-week,
                        relative-weekend, relative-last-weekend, relative-this-month,
                        relative-last-month, relative-this-year, relative-last-year, ...
                        (the full list is the ``rule`` column of the table)
  relative-ago          "two days ago", "three weeks ago", "a year ago"
  relative-vague-ago    "a few years ago", "months ago": a span back from publication (table)
  relative-ago-anniversary  "four years ago this week", "a year ago today": the day or week
                        named, counted back
  relative-elapsed      "it has been two years since", "it is now half a century since":
                        the act after 'since' is that long before publication
  weekday-before-published, weekday-after-published, weekday-last, weekday-next
  month-day-before-published, month-day-after-published, month-day-relative-year,
  explicit-date         "June 9, 2024"
  month-before-published, month-after-published, month-last, month-next, month-this-year,
  month-relative-year ("July last year"), explicit-month ("June 2024")
  ordinal-day-before-published, ordinal-day-after-published   "on the 9th"
  iso-date, iso-month, numeric-dmy, numeric-mdy, parsed-date (dateparser fallback)
  named-day             "the lessons of September 11": a day that names what happened on it
  explicit-year, year-range, decade, century ("the 19th century", "the 1800s"),
  named-period (explicit-year also reads a chronology's
  label, a year first on its line before a colon and a capital: "1974: Five are killed")
  since-day, since-week, since-month, since-year   "since April" = April 1 .. publication
  anchor-offset ("a day after"), anchor-same-day ("hours after"), anchor-next-day,
  anchor-day-before, anchor-days-later, anchor-days-before, anchor-years-offset ("six
                        years later": the anchor's year moved on); with ``-reverse`` appended
                        when counted backwards from the date of the main clause ("issued on
                        Friday, a day after parliament voted": the vote is Friday - 1)
  clock-time            "at 8:30 a.m.": the anchor's (or publication) day with ``time``
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime
from functools import cache

from flashpoint.extract import date_rules as rules
from flashpoint.extract import quantities
from flashpoint.records import DateValue

__all__ = ["find_date_phrases", "resolve_date", "resolve_dates_in"]

_LEAD = r"(?:(?:on|in|since|from|during|until|till|by|of|as\s+of|over|throughout)\s+)"
_LEAD_YEAR = r"(?:(?:in|since|during|by|until|till|from|before|after|throughout|of|as\s+of"
_LEAD_YEAR += r"|as\s+early\s+as|as\s+far\s+back\s+as|back\s+to)\s+)"
_DET = (
    r"(?:the|an?|its|his|her|their)\s+"  # a year after one names a noun: 'the 1981 assassination'
)
_LEAD_TIME = r"(?:(?:at|around|about|by|before|after|from|until|till|shortly\s+(?:after|before)"
_LEAD_TIME += r"|just\s+(?:after|before))\s+)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_ORD = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
_YEAR = r"(?<!\d)(?:1[89]|20)\d\d(?!\d)"
_WD = "(?:" + "|".join(rules.WEEKDAYS) + ")"
_PART = r"(?:\s+(?:morning|afternoon|evening|night|overnight))"
_EDGE = r"(?:(?:early|late|mid)(?:\s+|-))"
_EDGE_WD = r"(?:(?:(?:early|late)(?:\s+on)?|overnight)\s+)"
_QUAL = r"(?:(?:last|next|this|past)\s+)"
_PREVIOUS = r"(?:the\s+previous\s+)"  # 'the previous April': a month before publication
_YEAR_QUALIFIER = r"\s+(?:of\s+)?(?:this|last|next)\s+year"


def _year_after_month() -> str:
    """A year after a month or a day: '2024', 'this year', or one before 1800 read right after
    a month ('15 June 1215', 'June 1791') or a day and its comma ('June 15, 1215'), and only
    before punctuation, a capitalised word or a word of the `old_year_next` rows of
    date_phrases.tsv: 'June 1500 troops', '12 June, 1200 people', 'June 3, 1500 of them' and
    'June 5, 1600 GMT' are counts and clock times."""
    opens = "|".join(rules.cues().old_year_next)
    # case-sensitive inside: the patterns are compiled to ignore case
    after = rf"(?=\s*(?:[.,;:!?)\"'’”]|$)|\s+(?-i:[A-Z][a-z]|(?:{opens})\b))"
    older = rf"(?:(?<=\d),\s*|\s+)1[0-7]\d\d(?!\d){after}"
    return rf"(?:,?\s*{_YEAR}|{older}|{_YEAR_QUALIFIER})"


_T12 = r"(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s*(?:a\.m\.?|p\.m\.?|am|pm)"
_T24 = r"(?:[01]?\d|2[0-3]):[0-5]\d"
_T4 = r"(?:[01]\d|2[0-3])[0-5]\d"
_TZ = r"(?:\s*\(\s*(?:[01]\d|2[0-3]):?[0-5]\d\s*(?:GMT|UTC)\s*\)"
_TZ += r"|\s+(?:local\s+time|GMT|UTC|hrs|hours|h(?!\w)))"
_AFTER = r"(?:after|later|before|earlier|prior)"
_SINCE = re.compile(r"since\s+", re.I)
_TIDY = ' \t\n,;:!?"“”()[]'
_PAST, _FUTURE = "past", "future"


# "it has been two years since", "it's been nearly a decade since": the time elapsed since
# the act the clause after 'since' tells, counted from publication; only in the present tense,
# since "it was two years since" counts from a time the story is at
# 'it s been': a scraped page's lost apostrophe, read as nlp.readable reads "didn t"
_ELAPSED = r"it(?:\s+has\s+(?:now\s+)?been|(?:\s+is|(?:['’]|\s)s)\s+(?:now\s+)?(?:been\s+)?)\s*"
_ELAPSED += r"(?:(?:more|less|fewer)\s+than|almost|nearly|over|about|exactly|just)?\s*"
_LONG = "|".join(rules.LONG_SPANS)


def _alt(phrases: Iterable[str]) -> str:
    words = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def _months(strict: bool) -> tuple[str, str]:
    """(full month names, full or abbreviated); case-sensitive inside a strict pattern."""
    full = "|".join(m.capitalize() for m in rules.MONTHS)
    abbr = "|".join(a.capitalize() for a in sorted(rules.MONTH_ABBR, key=len, reverse=True))
    flag = "?-i:" if strict else "?:"
    return f"({flag}{full})", rf"({flag}(?:{full})|(?:{abbr})\.?)"


def _bodies(strict: bool) -> list[tuple[str, str]]:
    full, mon = _months(strict)
    year = _year_after_month()
    cues, num = rules.cues(), rules.number_pattern()
    lead = f"{_LEAD}?"
    month_day = rf"{lead}{_EDGE}?(?:{_WD},?\s+)?(?:(?:the\s+)?{_DAY}\s+(?:of\s+)?{mon}|"
    month_day += rf"{mon}\s+(?:the\s+)?{_DAY}){year}?"
    month = rf"(?:{_LEAD}{_EDGE}?{_QUAL}?|{_QUAL}|{_PREVIOUS}|{_EDGE}){full}{year}?"
    month += rf"|{_EDGE}?{mon},?\s*{_YEAR}|{full}\s+(?:of\s+)?(?:this|last|next)\s+year"
    # a day of a month told as the story's ("that November day", "one March morning")
    month += rf"|(?:that|one)\s+{full}\s+(?:day|morning|afternoon|evening|night)"
    time = rf"{_LEAD_TIME}?(?:{_T12}|noon|midnight){_TZ}?|{_LEAD_TIME}{_T24}{_TZ}?"
    time += rf"|{_T24}{_TZ}|{_LEAD_TIME}?{_T4}{_TZ}"
    years = rf"{lead}{_YEAR}\s*[-–—]\s*(?:{_YEAR}|\d\d(?![\d-]))"
    years += rf"|(?:from|between)\s+{_YEAR}\s+(?:to|and|until|till|through)\s+{_YEAR}"
    anniversary = rf"(?:\s+(?:{rules.ANNIVERSARY}))?"  # "a year ago today"
    out = [
        ("period", rf"{lead}(?:the\s+)?(?:{_alt(cues.periods)})"),
        ("named-day", _named_days()),
        ("iso", rf"{lead}{_YEAR}-(?:0[1-9]|1[0-2])-(?:[0-2]\d|3[01])(?![\d-])"),
        ("numeric", rf"{lead}(?<![\d/.])[0-3]?\d(?P<sep>[/.])[0-3]?\d(?P=sep){_YEAR}(?![/.]\d)"),
        ("iso-month", rf"{lead}{_YEAR}-(?:0[1-9]|1[0-2])(?![\d-])"),
        ("month-day", month_day),
        ("month", month),
        ("weekday", rf"{lead}{_EDGE_WD}?{_QUAL}?{_WD}(?:['’]s)?{_PART}?"),
        ("ordinal", rf"on\s+the\s+{_ORD}(?=\s*(?:[,.;:!?)]|$))"),
        ("time", time),
        ("anchor-count", rf"(?:{num})\s+(?:full\s+)?(?:days?|weeks?|years?)\s+{_AFTER}"),
        ("ago", rf"(?:{num})\s+(?:day|week|month|year)s?\s+ago{anniversary}"),
        ("elapsed", rf"{_ELAPSED}(?:(?:{num})\s+(?:day|week|month|year|decade)s?|{_LONG})\s+since"),
        ("vague-ago", rf"(?:{_alt(cues.vague_ago)})"),
        ("relative", rf"{lead}(?:{_alt(cues.relative)})"),
        ("anchor", rf"{lead}(?:{_alt(cues.anchor)})"),
        ("year-range", years),
        ("century", rf"{lead}(?:the\s+)?{_EDGE}?(?:{rules.CENTURY_ORDINALS})\s+century"),
        ("century", rf"{lead}(?:the\s+)?{_EDGE}?1[0-8]00['’]?s"),  # 'the 1800s'
        ("decade", rf"{lead}(?:the\s+)?{_EDGE}?(?:1[89]|20)\d0['’]?s"),
        ("decade", rf"{lead}the\s+{_EDGE}?['’]?[3-9]0['’]?s"),  # 'the 70s': not 'his 70s' (an age)
        ("decade", rf"{lead}the\s+{_EDGE}?(?:{'|'.join(rules.DECADE_WORDS)})"),  # 'the Eighties'
        ("year", rf"(?:{_LEAD_YEAR}{_EDGE}?|{_EDGE}){_YEAR}"),
        # a year before a noun dates it: 'the 1981 assassination', 'the 2003 invasion' (a count
        # of 1,000 or more is written with a comma)
        ("year", rf"{_DET}{_YEAR}(?=\s+[a-z])"),
        # a chronology's label, first on its line: "1974: At least five leaders are killed",
        # "1983: 8,000 are arrested" ("1945: troops ..." on a live page is a clock time: a valid
        # HHMM is never read)
        ("year", rf"(?<![^\n])(?!(?:[01]\d|2[0-3])[0-5]\d(?!\d)){_YEAR}(?=:\s+[A-Z0-9\"'‘“])"),
    ]
    if not strict:  # bare forms a caller may hand to resolve_date, too loose for finding
        out.append(("month", rf"{lead}{_EDGE}?{_QUAL}?{mon}{year}?"))
        out.append(("year", rf"(?:{lead}{_EDGE}?|{_DET}){_YEAR}"))
        out.append(("time", rf"{_LEAD_TIME}?(?:{_T24}|{_T4}){_TZ}?"))
    return out


def _named_days() -> str:
    """A day written as a name, after a word that makes it one (rules.NAME_LEAD): 'the
    lessons of September 11', not 'on September 11'; a year after it makes it a date."""
    named = list(rules.cues().named_days) or ["(?!)"]
    lead = "|".join(re.escape(w) + (r"\s*" if w.endswith("-") else r"\s+") for w in rules.NAME_LEAD)
    return rf"(?:{lead})(?:{_alt(named)})(?!,?\s*\d)"


@cache
def _patterns(strict: bool) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, regex) in priority order; strict ones find, loose ones classify."""
    return tuple(
        (kind, re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.I)) for kind, body in _bodies(strict)
    )


@cache
def _cue_regex(kind: str) -> re.Pattern[str]:
    words = rules.cues().future if kind == _FUTURE else rules.cues().background
    return re.compile(rf"(?<!\w)(?:{_alt(words)})(?!\w)", re.I)


def find_date_phrases(text: str) -> list[tuple[int, int, str]]:
    """Temporal expressions in ``text`` as ``(start, end, phrase)``, in order, no overlaps."""
    found: list[tuple[int, int, int]] = []
    for prio, (_, rx) in enumerate(_patterns(True)):
        found.extend((m.start(), m.end(), prio) for m in rx.finditer(text) if m.end() > m.start())
    found.sort(key=lambda f: (f[0] - f[1], f[2], f[0]))  # longest first, then priority
    taken: list[tuple[int, int]] = []
    for start, end, _ in found:
        if all(end <= s or start >= e for s, e in taken):
            taken.append((start, end))
    return [
        (s, e, text[s:e])
        for s, e in sorted(taken)
        if not _names_a_place(text, s, e) and not _counts(text, s, e)
    ]


_YEAR_BEFORE_NOUN = re.compile(rf"{_DET}\d{{4}}", re.I)
_SPACE = re.compile(r"\s+")


def _counts(text: str, start: int, end: int) -> bool:
    """Is 'the 2018' before a noun a count ('The 2018 people killed'), not a year? The words
    after it are a noun of people or things, or a casualty word, of quantity_cues.tsv."""
    if not _YEAR_BEFORE_NOUN.fullmatch(text, start, end):
        return False
    gap = _SPACE.match(text, end)
    at = gap.end() if gap else end
    cues = quantities.cues()
    if any(rx.match(text, at) for rx in (cues.person, *cues.after.values())):
        return True
    # two thousand things are a plural: 'the 2001 attack' is the attack of 2001
    thing = cues.thing.match(text, at)
    return thing is not None and thing.group(0).lower().endswith("s")


@cache
def _name_part_regex() -> re.Pattern[str]:
    words = "|".join(re.escape(w.capitalize()) for w in rules.cues().name_part)
    # the word ends the name: no capitalised word or 'of' after it ('City Hall', 'City of')
    return re.compile(rf"[ \t]+(?:{words})\b(?![ \t]+(?:[A-Z]|of\b))")


_DAY_MONTH = re.compile(
    r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}$|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?$"
)


@cache
def _lower_name_part_regex() -> re.Pattern[str]:
    words = "|".join(re.escape(w.lower()) for w in rules.cues().name_part)
    # the word ends the phrase: punctuation or a word that cannot go on a noun phrase follows
    # ('the October 6 bridge, ...', '... bridge was closed'; in 'the March 15 street
    # protests' the day dates the protests)
    return re.compile(rf"[ \t]+(?:{words}){_PHRASE_END}")


_PHRASE_END = (
    r"(?=\s*[,.;:!?)]|\s*$|\s+(?:was|were|is|are|has|had|and|or|in|on|at|to|into|near|over"
    r"|across|from|with|which|that|where)\b)"
)
_THE_BEFORE = re.compile(r"\bthe\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
_BEFORE_CHARS = 40  # 'the nearby' before a day: a few words back are enough


def _names_a_place(text: str, start: int, end: int) -> bool:
    """Is a day and month part of a name ('the 6 October Bridge', 'October 6 City')? The word
    after it (date_phrases.tsv name_part) is written with a capital and ends the name, or,
    in lower case, the article before the day makes the day part of the noun phrase ('the
    nearby October 6 bridge'; 'on June 5 city hall staff' stays a date)."""
    if not rules.cues().name_part or not _DAY_MONTH.search(text[start:end]):
        return False
    if _name_part_regex().match(text, end) is not None:
        return True
    before = _THE_BEFORE.search(text, max(0, start - _BEFORE_CHARS), start)
    return bool(_lower_name_part_regex().match(text, end) and before)


def _as_date(published: date | datetime | str) -> date:
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    return date.fromisoformat(str(published).strip()[:10])


def _classify(text: str) -> str | None:
    for kind, rx in _patterns(False):
        if rx.fullmatch(text):
            return kind
    return None


def _resolve_exact(phrase: str, ctx: rules.Ctx) -> DateValue | None:
    """Resolve a phrase that is exactly one date expression (lead words allowed)."""
    text = phrase.strip(_TIDY)
    since = _SINCE.match(text)
    if since and _classify(text) != "named-day":  # "since September 11": the name
        inner = _resolve_exact(text[since.end() :], replace(ctx, tense=_PAST))
        return None if inner is None else rules.since(inner, ctx.published)
    for candidate in dict.fromkeys((text, text.rstrip("."))):
        kind = _classify(candidate)
        if kind is not None:
            got = rules.HANDLERS[kind](candidate, ctx)
            return None if got is None else rules.clip(got, ctx)
    return None


def _words_before(text: str, start: int, n: int) -> str:
    window = re.split(r"[.!?;]\s", text[max(0, start - 160) : start])[-1]
    return " ".join(re.findall(r"[\w'’-]+", window)[-n:])


def _tense_at(text: str, start: int) -> str:
    return _FUTURE if _cue_regex(_FUTURE).search(_words_before(text, start, 6)) else _PAST


def _relational(phrase: str) -> bool:
    """ "a day after", "the day before", "the eve of": a relation to an event."""
    return re.search(r"(?:after|before|prior|eve\s+of)$", phrase, re.I) is not None


def _anchor_from_next(text: str, spans: list[tuple[int, int, str]], i: int) -> bool:
    """Does phrase ``i`` count from the phrase right after it ("a day after Monday's")?"""
    if i + 1 >= len(spans):
        return False
    phrase, gap = spans[i][2], text[spans[i][1] : spans[i + 1][0]]
    if _classify(phrase.strip(_TIDY).rstrip(".")) == "time":
        return re.fullmatch(r"[\s,]*(?:on\s*)?", gap) is not None
    return _relational(phrase) and len(gap) <= 40 and re.search(r"[.!?;]", gap) is None


def _reversed(text: str, start: int, end: int, phrase: str, last: DateValue | None) -> bool:
    """ "On Friday, a day after parliament voted": the vote is Friday minus one day."""
    if last is None or last.span_end < 0 or not _relational(phrase):
        return False
    same_sentence = re.search(r"[.!?;]", text[last.span_end : start]) is None
    return same_sentence and re.match(r"\s+[A-Za-z]", text[end:]) is not None


def _context(
    text: str,
    spans: list[tuple[int, int, str]],
    i: int,
    tense: str | None,
    base: rules.Ctx,
) -> rules.Ctx:
    """The tense and anchor phrase ``i`` is resolved with (``base`` holds the last date)."""
    start, end, phrase = spans[i]
    here = tense or _tense_at(text, start)
    if _anchor_from_next(text, spans, i):
        nxt = spans[i + 1]
        got = _resolve_exact(nxt[2], rules.Ctx(base.published, tense or _tense_at(text, nxt[0])))
        return rules.Ctx(base.published, here, got or base.anchor)
    reverse = _reversed(text, start, end, phrase, base.anchor)
    return rules.Ctx(base.published, here, base.anchor, reverse)


def _resolve_all(
    text: str, pub: date, tense: str | None, anchor: DateValue | None
) -> list[DateValue]:
    spans, out, told = find_date_phrases(text), [], anchor
    last = None if anchor is None or anchor.background else anchor
    for i, (start, end, phrase) in enumerate(spans):
        ctx = _context(text, spans, i, tense, rules.Ctx(pub, anchor=last))
        dv = _resolve_exact(phrase, ctx)
        if dv is None and told is not last:
            # counted from a date of history ("in 1975 ... six years later"), history too
            # unless it comes up to the story ("jailed in 2009, freed two years later")
            dv = _resolve_exact(
                phrase, _context(text, spans, i, tense, rules.Ctx(pub, anchor=told))
            )
            dv = None if dv is None else replace(dv, background=_history(dv, pub))
        if dv is None:
            continue
        lead = re.match(_LEAD, phrase, re.I)  # "of" in "the anniversary of June 25"
        core = start + (lead.end() if lead else 0)
        if _cue_regex("background").search(_words_before(text, core, 4)):
            dv = replace(dv, background=True)
        dv = replace(dv, text=phrase, span_start=start, span_end=end)
        out.append(dv)
        last, told = (last if dv.background else dv), dv
    return out


def _history(dv: DateValue, pub: date) -> bool:
    start, end = date.fromisoformat(dv.start), date.fromisoformat(dv.end)
    return rules.is_history(start, end, dv.precision, pub)


def _check_tense(tense: str | None) -> None:
    if tense not in (None, _PAST, _FUTURE):
        raise ValueError(f"tense must be 'past' or 'future', not {tense!r}")


def _resolve_inside(phrase: str, ctx: rules.Ctx, tense: str | None) -> DateValue | None:
    """The first date in a longer phrase; dateparser only when no date phrase is found."""
    if find_date_phrases(phrase):
        inside = _resolve_all(phrase, ctx.published, tense, ctx.anchor)
        return inside[0] if inside else None
    parsed = rules.parsed_date(phrase.strip(_TIDY), ctx)
    return None if parsed is None else rules.clip(parsed, ctx)


def resolve_date(
    phrase: str,
    published: date | datetime | str,
    *,
    anchor: DateValue | None = None,
    tense: str | None = None,
) -> DateValue | None:
    """One phrase as a :class:`DateValue`, or ``None`` when it names no date.

    ``tense`` is ``"past"`` or ``"future"``; ``None`` reads future cues ("slated to") from
    words around the date in ``phrase`` and otherwise means past. ``anchor`` is the date that
    "a day after", "hours later" or a bare clock time count from.
    """
    _check_tense(tense)
    pub = _as_date(published)
    ctx = rules.Ctx(pub, tense or _PAST, anchor)
    got = _resolve_exact(phrase, ctx)
    text = phrase.strip(_TIDY)
    if got is None and _classify(text) is None and _classify(text.rstrip(".")) is None:
        got = _resolve_inside(phrase, ctx, tense)
    return None if got is None else replace(got, text=phrase, span_start=-1, span_end=-1)


def resolve_dates_in(
    text: str,
    published: date | datetime | str,
    tense_hint: str | None = None,
    anchor: DateValue | None = None,
) -> list[DateValue]:
    """Every date phrase in ``text`` resolved, with ``span_start``/``span_end`` into ``text``.

    ``tense_hint`` forces a tense for all phrases; ``None`` reads it per phrase from the
    words before it. Anchored phrases ("two days later") count from the previous resolved
    non-background date, or from the date right after them ("a day after Tuesday's attack");
    ``anchor`` is the last date told before ``text`` (its paragraph's: "Rebels attacked on
    Monday. Two days later, troops shelled the port" is Wednesday).
    """
    _check_tense(tense_hint)
    if anchor is not None:  # its span is in another text: never the same sentence
        anchor = replace(anchor, span_start=-1, span_end=-1)
    return _resolve_all(text, _as_date(published), tense_hint, anchor)
