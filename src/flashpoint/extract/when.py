"""Which date a mention gets: the date phrase of its sentence nearest the trigger, else the
paragraph's last date, else the publication week (marked inferred)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from flashpoint.extract.clauses import clause_verb, definite, load_cues, proposition
from flashpoint.extract.comparisons import standard_of
from flashpoint.extract.date_rules import ELAPSED_RULE, cues
from flashpoint.extract.datelines import dateline_end
from flashpoint.extract.dates import resolve_dates_in
from flashpoint.extract.mode import REPORTING_LEMMAS
from flashpoint.ontology import load_cues as load_event_cues
from flashpoint.ontology import load_ontology
from flashpoint.records import UNDATED_RULE, DateValue

_DAYS_AFTER = re.compile(r"\b(a|one|two|three|four|five|six|\d+) days? after\b", re.I)
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def sentence_dates(
    sentence: str, offset: int, published: str | None, anchor: DateValue | None = None
) -> list[DateValue]:
    """Every resolved date phrase of a sentence, spans moved into clean-text offsets;
    ``anchor``: the last date its paragraph told before it, for "two days later"."""
    if not published:
        return []
    out = []
    for value in resolve_dates_in(sentence, published, anchor=anchor):
        out.append(
            replace(value, span_start=value.span_start + offset, span_end=value.span_end + offset)
        )
    return out


STORY_DAY = "a time of day with no day: the day the story last named"


def choose_date(
    trigger_at: int,
    in_sentence: list[DateValue],
    sentence: str,
    offset: int,
    context: DateValue | None,
    published: str | None,
    reported: bool = False,
    story: DateValue | None = None,
) -> tuple[DateValue | None, str]:
    """``(date, how)``; ``how`` is "" when the date is read from the sentence itself. A
    ``reported`` act (told as done) takes no later day from its paragraph: "125 have died"
    after "a rally will be held on March 30" happened before publication. ``story``: the day
    the article last named before this sentence; a sentence that gives only a time of day
    ("shells landed in the afternoon") goes on with the story on that day."""
    if reported and context is not None and published and context.start > published:
        context = None
    if reported and story is not None and published and story.start > published:
        story = None
    anchored = _before_anchor(trigger_at, sentence, offset, in_sentence)
    if anchored is not None:
        return anchored, ""
    if in_sentence:
        filed = dateline_end(sentence, offset)
        own = [d for d in in_sentence if d.span_start >= filed] or in_sentence
        best = min(own, key=lambda d: _distance(trigger_at, d))
        only_times = all(d.rule == "clock-time" for d in own)
        if only_times and context is not None:  # "at around 9 pm" gives a time, not a day
            timed = replace(context, time=best.time)  # spans: the phrase that gave the day
            return timed, "day of the paragraph's previous dated sentence; the time is this one's"
        if only_times and story is not None:
            return replace(story, time=best.time), f"{STORY_DAY} ({story.start}, '{story.text}')"
        return best, ""
    if context is not None:
        return context, "date of the paragraph's previous dated sentence"
    part_of_day = _part_of_day()
    if story is not None and part_of_day is not None and part_of_day.search(sentence):
        return story, f"{STORY_DAY} ({story.start}, '{story.text}')"
    if published:
        end = date.fromisoformat(published)
        start = end - timedelta(days=6)
        value = DateValue(start.isoformat(), end.isoformat(), "week", UNDATED_RULE)
        return value, "no date in the text: the week up to publication"
    return None, ""


@cache
def _part_of_day() -> re.Pattern[str] | None:
    """The time_of_day phrases of date_phrases.tsv as one pattern (None: there are none)."""
    phrases = sorted(cues().time_of_day, key=len, reverse=True)
    if not phrases:
        return None
    several = [p for p in phrases if " " in p]
    single = [p for p in phrases if " " not in p]
    alternatives = [r"\s+".join(map(re.escape, p.split())) for p in several]
    if single:  # "overnight" as an adverb, not "an overnight curfew", "almost overnight"
        words = "|".join(map(re.escape, single))
        figurative = "".join(rf"(?<!{w} )" for w in _FIGURATIVE)
        alternatives.append(rf"{figurative}(?:{words})(?={_CLAUSE_GOES_ON})")
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.I)


# A one-word time of day is one only as an adverb: followed by a clause's end or a word that
# goes on with the clause, not by the noun it modifies ("an overnight curfew"), and not after
# a word that makes it a figure of speech ("grew almost overnight").
_FIGURATIVE = ("almost", "virtually", "literally", "nearly", "practically")
_CLAUSE_GOES_ON = (
    r"\s*(?:[.,;:!?)\"”’—–-]|$)|\s+(?:and|as|when|while|after|before|in|on|at|near|across|"
    r"into|from|with|by|to|along|around|but|killing|wounding|injuring|leaving|officials|"
    r"police|the)\b"
)


def _distance(at: int, value: DateValue) -> int:
    if value.span_start <= at < value.span_end:
        return 0
    gap = value.span_start - at if value.span_start > at else at - value.span_end
    return gap + (40 if value.background else 0)


def _before_anchor(
    trigger_at: int, sentence: str, offset: int, dates: list[DateValue]
) -> DateValue | None:
    """ "issued on Friday, a day after parliament amended ...": the amendment is Friday - 1."""
    m = _DAYS_AFTER.search(sentence)
    if m is None or trigger_at < offset + m.end():
        return None
    anchors = [d for d in dates if d.span_end <= offset + m.start() and d.precision == "day"]
    if not anchors:
        return None
    anchor = anchors[-1]
    n = _NUMBERS.get(m.group(1).lower()) or int(m.group(1))
    day = date.fromisoformat(anchor.start) - timedelta(days=n)
    return DateValue(
        day.isoformat(),
        day.isoformat(),
        "day",
        "days-before-anchor",
        m.group(0),
        offset + m.start(),
        offset + m.end(),
    )


def clause_dates(trigger: Any, dates: list[DateValue], offset: int) -> list[DateValue]:
    """The sentence's dates but the periods in a clause that modifies another noun ("police
    answering to the administration, which has held the city since January, fired tear gas":
    January dates the holding, not the firing). A day there may be the act's too ("shot at
    troops who crossed the border yesterday"), and one in the act's own relative clause is
    the act's only."""
    out = []
    for d in dates:
        first = _first_token(trigger.doc, d, offset)
        if first is not None and _measured_against(first, trigger):
            continue  # "killed more than the bombing of the embassy in 1998": the bombing's
        if d.rule == ELAPSED_RULE and not _in_since_clause(trigger, d, offset):
            continue  # "it has been two years since the war began, and troops shelled ..."
        clause = _modifier_clause(first) if first is not None else None
        own = clause is None or clause.head.i == trigger.i or _holds(clause, trigger)
        if own or d.precision == "day":
            out.append(d)
    # the act's own relative clause dates it ("protested over shelling that killed two on
    # Tuesday night", said on Wednesday): Tuesday, not the day of the protest
    told = [d for d in out if in_own_relative_clause(trigger, d, offset)]
    return told or out


def _measured_against(token: Any, trigger: Any) -> bool:
    """Does the token stand in the standard of a comparison that does not hold the trigger?"""
    than = standard_of(token)
    return than is not None and standard_of(trigger) is not than


def in_own_relative_clause(trigger: Any, value: DateValue, offset: int) -> bool:
    """The date stands in a relative clause on the trigger ("shelling that killed two on
    Tuesday night"): it dates the act itself, never a reaction to it."""
    first = _first_token(trigger.doc, value, offset)
    clause = _modifier_clause(first) if first is not None else None
    return clause is not None and clause.head.i == trigger.i and clause.dep_ == "relcl"


def _in_since_clause(trigger: Any, value: DateValue, offset: int) -> bool:
    """The trigger stands in the clause after the 'since' that ends a time elapsed ("it has
    been two years since rebels took the port"): that time dates that act only."""
    span = _phrase_span(trigger.doc, value, offset)
    if span is None or not len(span) or span[-1].lower_ != "since":
        return False
    since = span[-1]
    clause = since.head if since.dep_ == "mark" else since
    return since.i < trigger.i and _holds(clause, trigger)


def _phrase_span(doc: Any, value: DateValue, offset: int) -> Any | None:
    """The parse's tokens of a date phrase (clean-text offsets, ``offset`` the sentence's)."""
    return doc.char_span(
        value.span_start - offset, value.span_end - offset, alignment_mode="expand"
    )


def _first_token(doc: Any, value: DateValue, offset: int) -> Any | None:
    span = _phrase_span(doc, value, offset)
    return span[0] if span is not None and len(span) else None


def _holds(clause: Any, token: Any) -> bool:
    return bool(clause.left_edge.i <= token.i <= clause.right_edge.i)


def _modifier_clause(token: Any) -> Any | None:
    """The nearest relative or participial clause holding ``token``, if any."""
    return next((t for t in [token, *token.ancestors] if t.dep_ in ("relcl", "acl")), None)


def dated_here(trigger: Any, dates: list[DateValue], offset: int) -> bool:
    """A date stands in the trigger's own clause ("summoned the envoy today over the deal
    signed last week": "today" dates the summons, not the signing)."""
    if not dates:
        return False
    chain = proposition(trigger)
    verb = clause_verb(trigger, chain) or trigger
    tokens = list(verb.subtree)
    start, end = tokens[0].idx + offset, tokens[-1].idx + len(tokens[-1].text) + offset
    return any(start <= d.span_start and d.span_end <= end for d in dates)


STORY_REACH_DAYS = 7  # a story day further back is another story's


def since_story_day(value: DateValue | None, story: DateValue | None) -> DateValue | None:
    """A day that dates only the report of an act, or a reaction to it: the act was then or
    before, so from the day the story last named (within a week) to that day ("Jihadists
    attacked the base on Saturday ... The army said on Sunday it had repelled the assault":
    Saturday to Sunday)."""
    if value is None or story is None or value.precision != "day" or story.precision != "day":
        return value
    first, last = date.fromisoformat(story.start), date.fromisoformat(value.start)
    if not timedelta(days=1) <= last - first <= timedelta(days=STORY_REACH_DAYS):
        return value
    return replace(value, start=story.start)


def reaction_since_story(
    trigger: Any, event_type: str, story: DateValue | None, published: str | None
) -> DateValue | None:
    """A statement with no day of its own that answers an act the story told ("Japan condemned
    the launch as a threat", after "North Korea fired two missiles on Friday") was made on or
    after that act's day and by publication: that range, when it is at most a week; else None.
    Statements are the ``statement_type`` rows of ``data/realis_cues.tsv``; the act answered
    is a definite object ("the launch", "its strike")."""
    if story is None or published is None or story.precision != "day":
        return None
    answered = [
        c
        for c in trigger.children
        if c.dep_ == "dobj" and definite(c) and c.lemma_.lower() in event_nouns()
    ]
    if not answered or not load_cues().has("statement_type", event_type):
        return None
    first, last = date.fromisoformat(story.start), date.fromisoformat(published)
    if not timedelta(0) <= last - first <= timedelta(days=STORY_REACH_DAYS):
        return None
    return DateValue(story.start, published, "day" if first == last else "week", "since-story-day")


STATEMENT_FAMILIES = frozenset({"political", "other"})  # words, and non-political context


@cache
def event_nouns() -> frozenset[str]:
    """Single-word noun cues of event_cues.tsv that name an act a statement answers ("the
    launch", "the strike"), not words of another statement ("the allegations")."""
    ontology = load_ontology()
    return frozenset(
        c.cue
        for c in load_event_cues()
        if " " not in c.cue
        and c.pos != "VERB"
        and ontology[c.type].family not in STATEMENT_FAMILIES
    )


def story_note(value: DateValue | None, story: DateValue | None) -> str:
    """Where a range's first day came from, when since_story_day moved it."""
    if value is None or story is None or value.start != story.start or value.end == story.start:
        return ""
    return f" (from {story.start}, '{story.text}', the story's last day)"


def dates_the_report(trigger: Any, value: DateValue, offset: int) -> bool:
    """The date modifies a verb of saying whose complement holds the act ("the army said on
    Sunday that it had repelled the assault"): it dates the report; the act was then or
    before."""
    first = _first_token(trigger.doc, value, offset)
    if first is None:
        return False
    verb = next((t for t in first.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.lemma_.lower() not in REPORTING_LEMMAS or verb.i == trigger.i:
        return False
    said = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    return any(_holds(c, trigger) for c in said)
