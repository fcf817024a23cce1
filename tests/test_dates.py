"""Date phrases: finding them, and resolving them against the publication date."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import flashpoint
from flashpoint.extract import date_rules
from flashpoint.extract.dates import find_date_phrases, resolve_date, resolve_dates_in
from flashpoint.merge import ArticleInfo, merge_reports
from flashpoint.records import DateValue, Mention

FRI = "2024-06-21"  # a Friday
TUE_OCT = "2024-10-22"  # a Tuesday
TUE_JUN = "2024-06-18"  # a Tuesday
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [m.capitalize() for m in date_rules.MONTHS]


def day(value: DateValue | None) -> str:
    assert value is not None
    assert value.start == value.end
    assert value.precision == "day"
    return value.start


def span(value: DateValue | None) -> tuple[str, str, str]:
    assert value is not None
    return value.start, value.end, value.precision


# --- fixed cases from the brief ------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("yesterday", "2024-06-20"),
        ("on Thursday", "2024-06-20"),
        ("Thursday", "2024-06-20"),
        ("today", "2024-06-21"),
        ("tonight", "2024-06-21"),
        ("Friday", "2024-06-21"),  # the publication weekday is the publication day
        ("on Saturday", "2024-06-15"),
        ("last night", "2024-06-20"),
    ],
)
def test_days_published_friday(phrase: str, expected: str) -> None:
    assert day(resolve_date(phrase, FRI)) == expected


def test_rule_ids_published_friday() -> None:
    assert resolve_date("yesterday", FRI).rule == "relative-yesterday"  # type: ignore[union-attr]
    assert resolve_date("Thursday", FRI).rule == "weekday-before-published"  # type: ignore[union-attr]


def test_earlier_this_week_published_friday() -> None:
    start, end, precision = span(resolve_date("earlier this week", FRI))
    assert (start, precision) == ("2024-06-17", "week")
    assert end <= "2024-06-20"


def test_this_week_is_clipped_at_publication() -> None:
    assert span(resolve_date("this week", FRI)) == ("2024-06-17", "2024-06-21", "week")
    future = resolve_date("this week", FRI, tense="future")
    assert span(future) == ("2024-06-21", "2024-06-23", "week")


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("on Monday", "2024-10-21"),
        ("on Friday", "2024-10-18"),
        ("Tuesday", "2024-10-22"),
        ("on December 1", "2023-12-01"),  # past tense: the most recent one
        ("ahead of drills slated to kick off on December 1", "2024-12-01"),
    ],
)
def test_days_published_tuesday_october(phrase: str, expected: str) -> None:
    assert day(resolve_date(phrase, TUE_OCT)) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("last week", ("2024-10-14", "2024-10-20", "week")),
        ("in July", ("2024-07-01", "2024-07-31", "month")),
        ("in June", ("2024-06-01", "2024-06-30", "month")),
        ("since April this year", ("2024-04-01", "2024-10-22", "month")),
        ("in October", ("2024-10-01", "2024-10-22", "month")),
        ("last month", ("2024-09-01", "2024-09-30", "month")),
        ("earlier this month", ("2024-10-01", "2024-10-21", "month")),
        ("this year", ("2024-01-01", "2024-10-22", "year")),
        ("in July last year", ("2023-07-01", "2023-07-31", "month")),
    ],
)
def test_spans_published_tuesday_october(phrase: str, expected: tuple[str, str, str]) -> None:
    assert span(resolve_date(phrase, TUE_OCT)) == expected


def test_since_month_rule() -> None:
    value = resolve_date("since April this year", TUE_OCT)
    assert value is not None and value.rule == "since-month" and not value.background
    assert span(resolve_date("since April", TUE_OCT))[:2] == ("2024-04-01", TUE_OCT)


def test_future_month_and_month_day() -> None:
    assert span(resolve_date("in July", TUE_OCT, tense="future"))[0] == "2025-07-01"
    assert day(resolve_date("on December 1", TUE_OCT, tense="future")) == "2024-12-01"
    assert day(resolve_date("from December 1", TUE_OCT, tense="future")) == "2024-12-01"


def test_a_day_after_needs_an_anchor() -> None:
    anchor = resolve_date("2024-10-16", TUE_OCT)
    assert day(resolve_date("a day after", TUE_OCT, anchor=anchor)) == "2024-10-17"
    assert resolve_date("a day after", TUE_OCT) is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("hours after", "2024-10-16"),
        ("the same day", "2024-10-16"),
        ("the day before", "2024-10-15"),
        ("two days later", "2024-10-18"),
        ("a week later", "2024-10-23"),
        ("three days earlier", "2024-10-13"),
        ("the next day", "2024-10-17"),
    ],
)
def test_anchored_phrases(phrase: str, expected: str) -> None:
    anchor = DateValue("2024-10-16", "2024-10-16", "day", "iso-date")
    assert day(resolve_date(phrase, TUE_OCT, anchor=anchor)) == expected


def test_days_later_is_a_vague_range() -> None:
    anchor = DateValue("2024-10-01", "2024-10-01", "day", "iso-date")
    value = resolve_date("days later", TUE_OCT, anchor=anchor)
    assert span(value) == ("2024-10-02", "2024-10-08", "week")
    late = DateValue("2024-10-20", "2024-10-20", "day", "iso-date")  # clipped at publication
    assert span(resolve_date("days later", TUE_OCT, anchor=late)) == ("2024-10-21", TUE_OCT, "week")


@pytest.mark.parametrize(
    ("phrase", "kwargs", "expected"),
    [
        ("Tuesday", {}, "2024-06-18"),
        ("on Tuesday night", {"tense": "future"}, "2024-06-18"),
        ("on Tuesday night", {}, "2024-06-18"),
        ("Tuesday's", {}, "2024-06-18"),
        ("on June 9", {}, "2024-06-09"),
        ("9 June", {}, "2024-06-09"),
        ("on Wednesday", {"tense": "future"}, "2024-06-19"),
        ("on Wednesday", {}, "2024-06-12"),
        ("last Tuesday", {}, "2024-06-11"),
        ("next Tuesday", {}, "2024-06-25"),
        ("on the 9th", {}, "2024-06-09"),
        ("on the 20th", {}, "2024-05-20"),
    ],
)
def test_days_published_tuesday_june(phrase: str, kwargs: dict[str, str], expected: str) -> None:
    assert day(resolve_date(phrase, TUE_JUN, **kwargs)) == expected  # type: ignore[arg-type]


def test_clock_time_keeps_the_day() -> None:
    value = resolve_date("8:30 a.m.", TUE_JUN)
    assert day(value) == TUE_JUN
    assert value is not None and value.time == "08:30" and value.rule == "clock-time"
    anchor = DateValue("2024-06-16", "2024-06-16", "day", "x")
    assert resolve_date("at 8:30 a.m.", TUE_JUN, anchor=anchor).start == "2024-06-16"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("8:30 am local time", "08:30"),
        ("at 8 p.m.", "20:00"),
        ("12 a.m.", "00:00"),
        ("12:15 pm", "12:15"),
        ("at noon", "12:00"),
        ("around midnight", "00:00"),
        ("0830 GMT", "08:30"),
        ("at 20:30", "20:30"),
        ("20:30 local time", "20:30"),
        ("08:30", "08:30"),
    ],
)
def test_clock_times(phrase: str, expected: str) -> None:
    value = resolve_date(phrase, TUE_JUN)
    assert value is not None and value.time == expected


@pytest.mark.parametrize(
    ("phrase", "published"),
    [
        ("since 2006", TUE_OCT),
        ("in 2018", TUE_OCT),
        ("the 1950-1953 conflict", TUE_OCT),
        ("1950-53", TUE_OCT),
        ("between 1950 and 1953", TUE_OCT),
        ("in 2022", FRI),
        ("the 1990s", FRI),
        ("the 70s", FRI),
        ("the late '80s", FRI),
        ("in the Eighties", FRI),
        ("back to 1979", FRI),
        ("as far back as 1948", FRI),
        ("World War II", FRI),
        ("during the Korean War", FRI),
        ("since the Cold War", FRI),
        ("June 9, 2021", FRI),  # more than a year before publication
        ("last year", FRI),
        ("two years ago", FRI),
    ],
)
def test_background_is_never_the_publication_day(phrase: str, published: str) -> None:
    value = resolve_date(phrase, published)
    assert value is not None and value.background
    assert value.start <= value.end < published


def test_a_two_digit_decade_needs_the_and_an_age_is_no_decade() -> None:
    assert phrases("a man in his 70s was shot in the 70s") == ["in the 70s"]
    assert span(resolve_date("the 70s", FRI)) == ("1970-01-01", "1979-12-31", "year")
    assert phrases("the row goes back to 1979, when the accords were signed") == ["back to 1979"]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("in the 19th century", ("1800-01-01", "1899-12-31", "year")),
        ("at the end of the nineteenth century", ("1800-01-01", "1899-12-31", "year")),
        ("in the early 12th century", ("1100-01-01", "1199-12-31", "year")),
        ("in the late 1800s", ("1800-01-01", "1899-12-31", "year")),
        ("in the 1990s", ("1990-01-01", "1999-12-31", "year")),  # a decade stays a decade
        # a year before 1800 written after its month is read, not dropped for the nearest
        # 15 June before publication
        ("on 15 June 1215", ("1215-06-15", "1215-06-15", "day")),
        ("on June 15, 1215", ("1215-06-15", "1215-06-15", "day")),
        ("in March 1791", ("1791-03-01", "1791-03-31", "month")),
        ("on 3rd March 1690", ("1690-03-03", "1690-03-03", "day")),
    ],
)
def test_a_century_or_an_older_date_is_its_own_span(
    phrase: str, expected: tuple[str, str, str]
) -> None:
    assert span(resolve_date(phrase, FRI)) == expected


def test_an_act_of_an_earlier_century_is_history() -> None:
    found = flashpoint.extract("Troops raided the fort in the 19th century.", published=FRI)
    assert found and found[0].mode == "historical"


def test_an_act_on_a_day_of_an_older_year_is_history() -> None:
    found = flashpoint.extract(
        "The barons met the king at Runnymede on 15 June 1215.", published=FRI
    )
    assert found and found[0].mode == "historical" and found[0].date.start == "1215-06-15"
    assert phrases("They counted 1500 days after the siege.") == ["days after"]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("In June 1500 troops were sent to the border.", "In June"),
        ("On 3 May 1000 protesters marched.", "On 3 May"),
        ("Police held 1200 people on June 3, 1500 of them students.", "on June 3"),
        ("Shelling resumed on 12 June, 1200 people fled.", "on 12 June"),
        ("Rebels shelled the town on June 5, 1600 GMT.", "on June 5"),
    ],
)
def test_a_count_or_a_clock_time_after_a_month_is_no_older_year(text: str, phrase: str) -> None:
    assert phrases(text)[0] == phrase


def test_a_year_before_a_noun_dates_it_and_a_count_stays_a_count() -> None:
    text = "Rule was imposed after the 1981 assassination of the president."
    assert phrases(text) == ["the 1981"]
    value = resolve_date("the 1981", FRI)
    assert value is not None and value.background and value.start == "1981-01-01"
    assert phrases("The 1500 troops and the 2000 dead were counted.") == []
    assert phrases("policy after the September 11 terror attacks shifted") == [
        "the September 11 terror attacks"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "They urged voters not to forget the lessons of September 11 and the war.",
        "Since September 11, the agency has tripled its budget.",
        "It was a post-September 11 offensive, ministers said.",
        "The 11 September hijackers trained in Florida.",
        "Security was tightened after the 7/7 bombings.",
    ],
)
def test_a_day_that_names_an_attack_is_history(sentence: str) -> None:
    # a day and month after a naming word names what happened then: not last September
    dates = resolve_dates_in(sentence, "2006-03-01")
    assert len(dates) == 1 and dates[0].background
    assert dates[0].start < "2005-08-01"


def test_a_named_day_just_past_names_that_day() -> None:
    # weeks after another September 11, the words more likely name it
    text = "Officials blamed militants for the September 11 attack on the consulate."
    dates = resolve_dates_in(text, "2012-10-02")
    assert [(d.start, d.background) for d in dates] == [("2012-09-11", False)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Protesters marched on September 11 in the capital.", "2005-09-11"),
        ("NEW YORK, Sept 11 (Reuters) - Stocks fell.", "2005-09-11"),
        ("Talks resumed on 11 September, officials said.", "2005-09-11"),
    ],
)
def test_a_day_introduced_as_a_date_stays_a_date(sentence: str, expected: str) -> None:
    dates = resolve_dates_in(sentence, "2005-10-09")
    assert [(d.start, d.background) for d in dates] == [(expected, False)]


@pytest.mark.parametrize(
    ("sentence", "month"),
    [
        ("The gunman had opened fire that November day, a witness recalled.", "2010-11"),
        ("It was one March morning when the convoy was ambushed.", "2010-03"),
    ],
)
def test_a_day_of_a_month_told_as_the_storys_is_that_month(sentence: str, month: str) -> None:
    # 'that November day' names a month, the most recent before publication: not the
    # publication week, and not a day another phrase of the sentence gives
    dates = resolve_dates_in(sentence, "2011-02-03")
    assert [(d.start[:7], d.precision, d.background) for d in dates] == [(month, "month", True)]


def test_history_ranges() -> None:
    assert span(resolve_date("the 1950-1953 conflict", TUE_OCT)) == (
        "1950-01-01",
        "1953-12-31",
        "year",
    )
    since = resolve_date("since 2006", TUE_OCT)
    assert since is not None and since.rule == "since-year"
    assert (since.start, since.end) == ("2006-01-01", "2006-12-31")
    assert resolve_date("World War II", FRI).rule == "named-period"  # type: ignore[union-attr]


def test_current_year_is_not_background() -> None:
    value = resolve_date("in 2024", FRI)
    assert value is not None and not value.background
    assert (value.start, value.end) == ("2024-01-01", FRI)
    since = resolve_date("since 2024", FRI)
    assert since is not None and not since.background and since.end == FRI
    recent = resolve_date("the 2020s", FRI)
    assert recent is not None and not recent.background and recent.end == FRI


# --- year boundaries, leap years, other calendars -------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("last week", "2025-01-02", ("2024-12-23", "2024-12-29", "week")),
        ("this week", "2025-01-02", ("2024-12-30", "2025-01-02", "week")),
        ("in December", "2025-01-02", ("2024-12-01", "2024-12-31", "month")),
        ("last month", "2025-01-02", ("2024-12-01", "2024-12-31", "month")),
        ("last month", "2024-01-10", ("2023-12-01", "2023-12-31", "month")),
        ("this year", "2025-01-02", ("2025-01-01", "2025-01-02", "year")),
        ("earlier this month", "2024-01-01", ("2024-01-01", "2024-01-01", "month")),
        ("earlier this week", "2024-06-17", ("2024-06-17", "2024-06-17", "week")),
        ("last month", "2024-03-15", ("2024-02-01", "2024-02-29", "month")),
        ("last month", "2023-03-15", ("2023-02-01", "2023-02-28", "month")),
        ("the past week", FRI, ("2024-06-15", FRI, "week")),
        ("the past month", "2024-03-31", ("2024-03-01", "2024-03-31", "month")),
        ("three weeks ago", FRI, ("2024-05-27", "2024-06-02", "week")),
        ("over the weekend", "2024-06-17", ("2024-06-15", "2024-06-16", "week")),
        ("last weekend", "2024-06-16", ("2024-06-08", "2024-06-09", "week")),
        ("over the weekend", "2024-06-16", ("2024-06-15", "2024-06-16", "week")),
        ("next week", FRI, ("2024-06-24", "2024-06-30", "week")),
        ("2024-06", FRI, ("2024-06-01", FRI, "month")),
        ("June 2024", "2024-07-04", ("2024-06-01", "2024-06-30", "month")),
    ],
)
def test_boundaries(phrase: str, published: str, expected: tuple[str, str, str]) -> None:
    assert span(resolve_date(phrase, published)) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("a year ago today", ("2023-06-18", "2023-06-18", "day")),
        ("four years ago this week", ("2020-06-15", "2020-06-21", "week")),
        ("two months ago yesterday", ("2024-04-17", "2024-04-17", "day")),
        ("a year ago", ("2023-01-01", "2023-12-31", "year")),
        ("two years ago this weekend", ("2022-06-18", "2022-06-19", "week")),
        ("a year ago tonight", ("2023-06-18", "2023-06-18", "day")),
    ],
)
def test_an_anniversary_counts_back_from_the_day_named(
    phrase: str, expected: tuple[str, str, str]
) -> None:
    """'a year ago today' is a day a year before publication, not the publication day."""
    value = resolve_date(phrase, TUE_JUN)
    assert span(value) == expected
    assert value is not None and value.rule.startswith("relative-ago")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It has been two years since the rebels took the port.", ("2022-01-01", "2022-12-31")),
        ("It's been a quarter of a century since the dam burst.", ("1999-01-01", "1999-12-31")),
        # a scraped page's lost apostrophe
        ("It s been a quarter of a century since the dam burst.", ("1999-01-01", "1999-12-31")),
        ("It is now nearly a decade since the war began.", ("2014-01-01", "2014-12-31")),
        ("It has been three days since the convoy was ambushed.", ("2024-06-15", "2024-06-15")),
        ("It has been a week since troops crossed the border.", ("2024-06-10", "2024-06-16")),
        ("It is more than half a century since the siege ended.", ("1974-01-01", "1974-12-31")),
        # told from a time the story is at, not from publication: no count back from today
        ("By then it was two years since the war began.", None),
    ],
)
def test_the_time_elapsed_since_an_act_dates_it_back_from_publication(
    text: str, expected: tuple[str, str] | None
) -> None:
    """'it has been two years since X' puts X two years before the report, not on its day."""
    found = [d for d in resolve_dates_in(text, TUE_JUN) if d.rule == "relative-elapsed"]
    assert [(d.start, d.end) for d in found] == ([expected] if expected else [])


def test_the_time_elapsed_dates_only_the_act_after_since() -> None:
    text = "Troops shelled the port again; it has been two years since rebels seized it."
    found = {m.type: m for m in flashpoint.extract(text, published=TUE_JUN)}
    seized, shelled = found["non_state_overtakes_territory"], found["shelling"]
    assert seized.date is not None and seized.date.start == "2022-01-01"
    assert shelled.mode == "happened" and shelled.date is not None
    assert shelled.date.rule != "relative-elapsed"


def test_an_act_years_before_the_report_is_history() -> None:
    found = flashpoint.extract(
        "It has been two years since rebels seized the port.", published=TUE_JUN
    )
    seized = [m for m in found if m.type == "non_state_overtakes_territory"]
    assert seized and seized[0].mode == "historical"
    assert seized[0].date is not None and seized[0].date.start == "2022-01-01"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("a few years ago", ("2018-01-01", "2022-12-31", "year")),
        ("decades ago", ("1944-01-01", "2004-12-31", "year")),
        ("a decade ago", ("2013-01-01", "2015-12-31", "year")),
        ("more than a decade ago", ("2004-01-01", "2014-12-31", "year")),
        ("half a century ago", ("1969-01-01", "1979-12-31", "year")),
        ("less than a decade ago", ("2014-01-01", "2023-12-31", "year")),
        ("two decades ago", ("2003-01-01", "2005-12-31", "year")),
        ("a few months ago", ("2023-12-01", "2024-04-30", "month")),
        ("a few days ago", ("2024-06-12", "2024-06-16", "week")),
    ],
)
def test_a_vague_count_back_is_a_span_of_its_unit(
    phrase: str, expected: tuple[str, str, str]
) -> None:
    """'a few years ago' gives no number: the table's span before publication, so the act
    told is history, not the publication week."""
    value = resolve_date(phrase, TUE_JUN)
    assert span(value) == expected
    assert value is not None and value.rule == "relative-vague-ago"


def test_an_act_a_decade_ago_is_background() -> None:
    found = flashpoint.extract(
        "A decade ago, the president stepped down after street protests.", published="2009-05-04"
    )
    assert found and all(m.mode == "historical" for m in found), found


def test_an_act_a_few_years_ago_is_background() -> None:
    found = flashpoint.extract(
        "I visited the camp with a charity a few years ago.", published="2010-01-20"
    )
    assert found and all(m.mode == "historical" for m in found), found


def test_a_vague_count_back_is_no_date_the_paragraph_goes_on_from() -> None:
    """'The talks were planned months ago. Police arrested two men.': the arrest is not dated
    to a span of months; it takes the publication week."""
    found = flashpoint.extract(
        "The talks were planned months ago. Police arrested two men in the town.",
        published="2009-05-05",
    )
    arrests = [m for m in found if m.type == "arrest"]
    assert arrests and all(m.date is not None for m in arrests)
    assert all(m.date.rule != "relative-vague-ago" for m in arrests if m.date), arrests


def test_a_leap_day_anniversary_falls_on_the_last_day_of_february() -> None:
    assert day(resolve_date("a year ago today", "2024-02-29")) == "2023-02-28"


def test_this_weekend_in_the_future() -> None:
    value = resolve_date("this weekend", "2024-06-19", tense="future")
    assert span(value) == ("2024-06-22", "2024-06-23", "week")


@pytest.mark.parametrize(
    ("phrase", "published", "kwargs", "expected"),
    [
        ("yesterday", "2025-01-01", {}, "2024-12-31"),
        ("on December 31", "2025-01-02", {}, "2024-12-31"),
        ("on January 2", "2024-12-30", {"tense": "future"}, "2025-01-02"),
        ("yesterday", "2024-03-01", {}, "2024-02-29"),
        ("on February 29", "2024-03-01", {}, "2024-02-29"),
        ("on February 29", "2025-03-01", {}, "2024-02-29"),
        ("on February 29", "2024-03-01", {"tense": "future"}, "2028-02-29"),
        ("on the 31st", "2024-06-18", {}, "2024-05-31"),
        ("tomorrow", "2024-12-31", {}, "2025-01-01"),
        ("two days ago", "2024-03-01", {}, "2024-02-28"),
        ("on Sunday", "2025-01-01", {}, "2024-12-29"),
    ],
)
def test_calendar_edges(phrase: str, published: str, kwargs: dict[str, str], expected: str) -> None:
    assert day(resolve_date(phrase, published, **kwargs)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("phrase", "expected", "rule"),
    [
        ("2024-06-18", "2024-06-18", "iso-date"),
        ("18/06/2024", "2024-06-18", "numeric-dmy"),
        ("06/18/2024", "2024-06-18", "numeric-mdy"),  # only month-first is valid
        ("07/06/2024", "2024-06-07", "numeric-dmy"),  # day-first by default
        ("06/07/2024", "2024-06-07", "numeric-mdy"),  # day-first would be after publication
        ("18.06.2024", "2024-06-18", "numeric-dmy"),
        ("June 9, 2024", "2024-06-09", "explicit-date"),
        ("9 June 2024", "2024-06-09", "explicit-date"),
        ("Sunday, June 9, 2024", "2024-06-09", "explicit-date"),
        ("the 9th of June", "2024-06-09", "month-day-before-published"),
        ("Sept. 9", "2023-09-09", "month-day-before-published"),
        ("June 9 this year", "2024-06-09", "month-day-relative-year"),
        ("9-Jun-2024", "2024-06-09", "parsed-date"),
    ],
)
def test_explicit_dates(phrase: str, expected: str, rule: str) -> None:
    value = resolve_date(phrase, TUE_JUN)
    assert day(value) == expected
    assert value is not None and value.rule == rule


@pytest.mark.parametrize(
    "phrase", ["hello", "", "the", "Mayor", "31/02/2024", "June 31", "at 25:70", "a day after"]
)
def test_not_dates(phrase: str) -> None:
    assert resolve_date(phrase, TUE_JUN) is None


def test_published_forms_and_bad_tense() -> None:
    expected = resolve_date("yesterday", TUE_JUN)
    assert resolve_date("yesterday", date(2024, 6, 18)) == expected
    assert resolve_date("yesterday", datetime(2024, 6, 18, 23, 59)) == expected
    assert resolve_date("yesterday", "2024-06-18T08:00:00Z") == expected
    with pytest.raises(ValueError):
        resolve_date("Tuesday", TUE_JUN, tense="present")


# --- finding ---------------------------------------------------------------------------------


def phrases(text: str) -> list[str]:
    return [p for _, _, p in find_date_phrases(text)]


def test_finds_weekday_forms() -> None:
    text = "Troops fired on Tuesday night. Tuesday's strike followed late Monday shelling."
    assert phrases(text) == ["on Tuesday night", "Tuesday's", "late Monday"]


def test_finds_longest_phrases() -> None:
    text = "Attacks have risen since April this year, earlier this week and in July last year."
    assert phrases(text) == ["since April this year", "earlier this week", "in July last year"]


def test_finds_the_brief_examples() -> None:
    text = (
        "Yesterday and today, tonight and last night, this week, last week, earlier this month, "
        "last month, this year; on June 9, 9 June, in June, since April, in 2018, since 2006, "
        "the 1950-1953 conflict, a day after, the day before, two days later, hours after, "
        "ahead of drills slated to kick off on December 1, from December 1, at 8:30 a.m., "
        "8:30 am local time, 2024-06-18, 18/06/2024, in October, last year, next week, tomorrow."
    )
    assert phrases(text) == [
        "Yesterday", "today", "tonight", "last night", "this week", "last week",
        "earlier this month", "last month", "this year", "on June 9", "9 June", "in June",
        "since April", "in 2018", "since 2006", "1950-1953", "a day after", "the day before",
        "two days later", "hours after", "on December 1", "from December 1", "at 8:30 a.m.",
        "8:30 am local time", "2024-06-18", "18/06/2024", "in October", "last year",
        "next week", "tomorrow",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "May I ask you to march in the Mayor's parade?",
        "The 2018 people killed were counted 3 times.",
        "A score of 10:30 and a ratio of 3/4.",
        "Sundays are quiet; he said so on the 9th floor.",
        "June Carter sang.",
        # a date before a capitalised word for a place is part of its name
        "A police truck drove onto the 6 October Bridge firing tear gas.",
        "Residents of October 6 City fled.",
        # in lower case, the article before the day puts it inside the name's phrase
        "Troops blocked the nearby October 6 bridge.",
    ],
)
def test_finds_nothing(text: str) -> None:
    assert find_date_phrases(text) == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("On October 6 bridges were closed.", "On October 6"),
        # a weekday is no part of a name, and a name may start after the date
        ("On Monday Camp Bastion came under attack.", "On Monday"),
        ("On Tuesday City police arrested 12 protesters.", "On Tuesday"),
        ("On June 5 City Hall staff left early.", "On June 5"),
        ("On June 5 bridge traffic was halted.", "On June 5"),
        ("Police dispersed the March 15 street protests.", "March 15"),
        # a year before a singular noun dates it: no count of 2001 is singular
        ("Insurers priced the 2001 attack on the towers at 23 billion dollars.", "the 2001"),
    ],
)
def test_a_date_before_a_name_or_a_common_noun_stays_a_date(text: str, phrase: str) -> None:
    assert [p for _, _, p in find_date_phrases(text)] == [phrase]


def test_offsets_are_exact() -> None:
    text = "On Friday, the ministry said — at 8:30 a.m. — that shelling began."
    for start, end, phrase in find_date_phrases(text):
        assert text[start:end] == phrase
    assert phrases(text) == ["On Friday", "at 8:30 a.m."]


def test_every_table_phrase_is_found_and_resolves() -> None:
    cues = date_rules.cues()
    anchor = DateValue("2024-10-16", "2024-10-16", "day", "iso-date")
    for table in (cues.relative, cues.anchor, cues.periods):
        for phrase in table:
            assert phrases(f"It happened {phrase}, they said.") == [phrase]
            assert resolve_date(phrase, TUE_OCT, anchor=anchor) is not None, phrase


# --- resolving in running text ---------------------------------------------------------------


def test_resolve_dates_in_offsets_and_future_cue() -> None:
    text = "On Monday, Seoul said the drills are slated to kick off on December 1."
    values = resolve_dates_in(text, TUE_OCT)
    assert [(v.text, v.start) for v in values] == [
        ("On Monday", "2024-10-21"),
        ("on December 1", "2024-12-01"),
    ]
    for value in values:
        assert text[value.span_start : value.span_end] == value.text


def test_resolve_dates_in_tense_hint() -> None:
    text = "The spacecraft will touch down on Tuesday."
    assert resolve_dates_in(text, "2024-06-20")[0].start == "2024-06-25"
    assert resolve_dates_in(text, "2024-06-20", tense_hint="past")[0].start == "2024-06-18"


def test_resolve_dates_in_anchors() -> None:
    text = "Shelling hit the town on Monday. Two days later, a drone struck at 8:30 a.m."
    values = resolve_dates_in(text, TUE_OCT)
    assert [(v.text, v.start, v.time) for v in values] == [
        ("on Monday", "2024-10-21", None),
        ("Two days later", "2024-10-23", None),
        ("at 8:30 a.m.", "2024-10-23", "08:30"),
    ]


def test_an_anchor_from_the_sentence_before() -> None:
    monday = resolve_dates_in("Shelling hit the town on Monday.", TUE_OCT)[-1]
    later = resolve_dates_in("Two days later, a drone struck.", TUE_OCT, anchor=monday)
    assert [(v.text, v.start, v.rule) for v in later] == [
        ("Two days later", "2024-10-23", "anchor-offset")
    ]
    assert resolve_dates_in("Two days later, a drone struck.", TUE_OCT) == []


def test_years_counted_from_history_are_history_unless_they_reach_the_story() -> None:
    values = resolve_dates_in("In 1975 he took power. Six years later, he was shot.", TUE_OCT)
    assert [(v.start, v.end, v.rule, v.background) for v in values][1] == (
        "1981-01-01",
        "1981-12-31",
        "anchor-years-offset",
        True,
    )
    freed = resolve_dates_in("He was jailed in 2022 and freed two years later.", TUE_OCT)[1]
    assert (freed.start, freed.background) == ("2024-01-01", False)
    told = resolve_dates_in("In 1998 the war ended.", TUE_OCT)[0]
    assert resolve_dates_in("Years later, troops left.", TUE_OCT, anchor=told)[0].background


def test_resolve_dates_in_day_after_next_date() -> None:
    values = resolve_dates_in("Missiles flew a day after Monday's drills.", TUE_OCT)
    assert [(v.text, v.start) for v in values] == [
        ("a day after", "2024-10-22"),
        ("Monday's", "2024-10-21"),
    ]


def test_resolve_dates_in_day_after_reversed() -> None:
    text = "The decree was issued on Friday, a day after parliament amended the law."
    values = resolve_dates_in(text, TUE_OCT)
    assert [(v.text, v.start, v.rule) for v in values] == [
        ("on Friday", "2024-10-18", "weekday-before-published"),
        ("a day after", "2024-10-17", "anchor-offset-reverse"),
    ]


def test_resolve_dates_in_background() -> None:
    text = (
        "Tensions have simmered since 2006 and the 1950-1953 conflict; on the anniversary of "
        "June 25 crowds gathered on Tuesday."
    )
    values = resolve_dates_in(text, "2024-06-28")
    assert [(v.text, v.background) for v in values] == [
        ("since 2006", True),
        ("1950-1953", True),
        ("of June 25", True),
        ("on Tuesday", False),
    ]
    assert values[-1].start == "2024-06-25"


def test_resolve_dates_in_unanchored_is_dropped() -> None:
    assert resolve_dates_in("Two days later, troops left.", TUE_OCT) == []


# --- properties ------------------------------------------------------------------------------

PUBLISHED = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))
PAST_RELATIVE = sorted(
    p
    for p, row in date_rules.cues().relative.items()
    if row.offset <= 0 and row.mode != "later" and "tomorrow" not in p
)
PAST_PHRASES = st.one_of(
    st.sampled_from(PAST_RELATIVE),
    st.sampled_from(WEEKDAYS).map(lambda d: f"on {d}"),
    st.sampled_from(MONTHS).map(lambda m: f"in {m}"),
    st.sampled_from(MONTHS).map(lambda m: f"since {m}"),
    st.tuples(st.sampled_from(MONTHS), st.integers(1, 31)).map(lambda t: f"{t[0]} {t[1]}"),
    st.integers(1, 31).map(lambda n: f"on the {n}{'th' if 4 <= n <= 20 else 'st'}"),
    st.integers(1, 40).map(lambda n: f"{n} days ago"),
    st.sampled_from(["over the weekend", "last weekend", "this weekend", "the 9th of May"]),
)
ANY_PHRASES = st.one_of(
    PAST_PHRASES,
    st.sampled_from(sorted(date_rules.cues().relative)),
    st.sampled_from(["next week", "in 2018", "since 2006", "the 1990s", "1950-1953"]),
    st.sampled_from(["8:30 a.m.", "June 9, 2024", "18/06/2024", "next Tuesday", "Tuesday"]),
)


@settings(max_examples=300, deadline=None)
@given(PUBLISHED, st.sampled_from(WEEKDAYS), st.sampled_from(["{}", "on {}", "{}'s", "{} night"]))
def test_past_weekday_is_within_the_week_ending_on_publication(
    published: date, weekday: str, form: str
) -> None:
    got = date.fromisoformat(day(resolve_date(form.format(weekday), published)))
    assert 0 <= (published - got).days <= 6
    assert got.weekday() == WEEKDAYS.index(weekday)


@settings(deadline=None)
@given(PUBLISHED, st.sampled_from(WEEKDAYS))
def test_future_weekday_is_within_the_week_starting_on_publication(
    published: date, weekday: str
) -> None:
    got = date.fromisoformat(day(resolve_date(weekday, published, tense="future")))
    assert 0 <= (got - published).days <= 6
    assert got.weekday() == WEEKDAYS.index(weekday)


@settings(deadline=None)
@given(PUBLISHED)
def test_yesterday_is_the_day_before(published: date) -> None:
    assert day(resolve_date("yesterday", published)) == (published - timedelta(1)).isoformat()


@settings(max_examples=300, deadline=None)
@given(PUBLISHED, ANY_PHRASES, st.sampled_from(["past", "future"]))
def test_start_is_never_after_end(published: date, phrase: str, tense: str) -> None:
    value = resolve_date(phrase, published, tense=tense)
    if value is not None:
        assert value.start <= value.end
        assert value.precision in {"day", "week", "month", "year"}


@settings(max_examples=300, deadline=None)
@given(PUBLISHED, PAST_PHRASES)
def test_past_dates_are_never_after_publication(published: date, phrase: str) -> None:
    value = resolve_date(phrase, published)
    if value is not None:  # "February 30" is no date
        assert value.end <= published.isoformat()
        assert value.start <= value.end


DATE_WORDS = st.sampled_from(
    [
        "on", "Tuesday", "Tuesday's", "night", "since", "April", "May", "this", "year", "in",
        "2018", "1950-1953", "a", "day", "after", "at", "8:30", "a.m.", "9", "June", "the",
        "9th", ",", ".", "18/06/2024", "2024-06-18", "last", "week", "two", "days", "later",
        "hours", "ago", "World", "War", "II", "0830", "GMT", "-", "'s", "noon",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(st.one_of(DATE_WORDS, st.text(max_size=3))).map(" ".join)))
def test_finder_spans_are_exact_and_disjoint(text: str) -> None:
    found = find_date_phrases(text)
    previous_end = 0
    for start, end, phrase in found:
        assert 0 <= previous_end <= start < end <= len(text)
        assert text[start:end] == phrase
        previous_end = end


@settings(max_examples=100, deadline=None)
@given(st.lists(DATE_WORDS).map(" ".join), PUBLISHED)
def test_resolve_dates_in_spans_match_text(text: str, published: date) -> None:
    for value in resolve_dates_in(text, published):
        assert text[value.span_start : value.span_end] == value.text
        assert value.start <= value.end


@pytest.mark.parametrize(
    "text",
    [
        "MOGADISHU, March 23 — A roadside bomb struck an army truck on Saturday, killing three.",
        "YEREVAN, March 24 (Caucasus Ledger) — Border guards fired warning shots on Saturday.",
    ],
)
def test_a_dateline_dates_the_report_not_the_event(text: str) -> None:
    """The dateline's date is when the report was filed: the sentence's own "on Saturday"
    dates the event (published Monday 2025-03-24)."""
    found = [m for m in flashpoint.extract(text, published="2025-03-24") if not m.dropped]
    assert found and all(m.date is not None and m.date.start == "2025-03-22" for m in found)


def test_a_dateline_date_stands_when_the_sentence_has_no_other() -> None:
    (m,) = flashpoint.extract(
        "NEW DELHI, March 20 — Police arrested five men.", published="2025-03-24"
    )
    assert m.date is not None and m.date.start == "2025-03-20"


def test_a_clock_time_alone_takes_the_day_of_the_paragraph() -> None:
    """ "The shelling began at around 9 pm": the day is the one the paragraph gave."""
    text = (
        "Artillery shells hit the village on Tuesday night, killing two civilians. "
        "The shelling began at around 9 pm and went on for three hours."
    )
    found = [m for m in flashpoint.extract(text, published="2025-02-20") if not m.dropped]
    dates = {m.date.start for m in found if m.date is not None}
    assert dates == {"2025-02-18"}, [(m.trigger.text, m.date) for m in found]


def test_a_reported_act_takes_no_later_day_from_its_paragraph() -> None:
    text = (
        "The union will hold a rally in the capital on March 30. "
        "Police figures show 12 people have died in police firing."
    )
    by_type = {m.type: m for m in flashpoint.extract(text, published="2025-03-07")}
    assert by_type["peaceful_protest"].mode == "planned"
    firing = by_type["attack"]
    assert firing.mode == "happened" and firing.date is not None
    assert firing.date.end <= "2025-03-07", firing.date


def _told_after(text: str, start: int, published: str) -> list[Mention]:
    """The kept mentions whose trigger is at ``start`` or after, at least one."""
    found = [m for m in flashpoint.extract(text, published=published) if not m.dropped]
    later = [m for m in found if m.trigger.start >= start]
    assert later, [(m.type, m.trigger.text) for m in found]
    return later


def test_a_time_of_day_goes_on_with_the_story_on_the_day_it_last_named() -> None:
    """ "Army reinforcements arrived in the morning", in a later paragraph, is on the day the
    story told (narrative time), not somewhere in the week before publication."""
    text = (
        "Rebels attacked a police station in the town on Saturday, officials said.\n\n"
        "Army reinforcements arrived in the morning and the attackers withdrew."
    )
    later = _told_after(text, text.index("\n\n"), "2025-03-17")
    for m in later:
        assert m.date is not None and m.date.start == m.date.end == "2025-03-15", m.date
        assert dict(m.inferred)["date"].startswith("a time of day with no day")


def test_overnight_goes_on_with_the_story_on_the_day_it_last_named() -> None:
    """ "drones launched overnight", after a sentence dated Friday, is that night's attack."""
    text = (
        "Russian drones struck a residential area of the city on Friday, officials said. "
        "Air defences shot down 41 of the 68 drones launched across the country overnight."
    )
    later = _told_after(text, text.index("Air defences"), "2025-04-12")
    assert all(m.date is not None and m.date.start == "2025-04-11" for m in later), later


@pytest.mark.parametrize(
    "later",
    [
        "The militia, which grew almost overnight after the coup, has attacked the village.",
        "Authorities imposed an overnight curfew after rebels attacked the village.",
    ],
)
def test_overnight_as_a_figure_or_before_a_noun_is_no_time_of_day(later: str) -> None:
    text = "Rebels attacked a police station in the town on Saturday, officials said.\n\n" + later
    after = _told_after(text, len(text) - len(later), "2025-03-12")
    assert all(m.date is None or m.date.precision != "day" for m in after), after


def test_a_sentence_with_no_date_and_no_time_of_day_keeps_the_publication_week() -> None:
    text = (
        "Rebels attacked a police station in the town on Saturday, officials said.\n\n"
        "Army reinforcements arrived and the attackers withdrew."
    )
    later = _told_after(text, text.index("\n\n"), "2025-03-17")
    assert all(m.date is not None and m.date.precision == "week" for m in later)


def test_a_time_of_day_with_no_story_day_before_it_gives_no_day() -> None:
    text = "Army reinforcements arrived in the morning and the attackers withdrew."
    found = [m for m in flashpoint.extract(text, published="2025-03-17") if not m.dropped]
    assert found and all(m.date is not None and m.date.precision == "week" for m in found)


def test_an_act_said_to_go_on_lasts_from_its_first_day() -> None:
    """ "The clashes continued into Wednesday" is the Tuesday fighting, a day longer: one act
    from Tuesday to Wednesday, not a new one on Wednesday."""
    text = (
        "Heavy fighting broke out on Tuesday between the army and rebels in the north. "
        "The clashes continued into Wednesday."
    )
    found = [m for m in flashpoint.extract(text, published="2025-03-20") if not m.dropped]
    assert len(found) == 2, [(m.type, m.trigger.text) for m in found]
    first, later = found
    assert later.continues and first.date is not None and later.date is not None
    assert (later.date.start, later.date.end) == ("2025-03-18", "2025-03-19")
    assert "goes on from" in dict(later.inferred)["date"]
    events = merge_reports(found, {found[0].article_id: ArticleInfo("Wire", "2025-03-20")})
    assert len(events) == 1


def test_acts_the_paragraph_dates_by_the_day_an_act_went_on_to_lie_in_its_span() -> None:
    """The toll told after "continued into Wednesday", dated by the same words, is the
    clashes' toll over both days: one event, not a second one on Wednesday."""
    text = (
        "Heavy fighting broke out on Tuesday between the army and rebels in the north. "
        "The clashes continued into Wednesday. Several soldiers were injured and at least "
        "five fighters were killed on both sides, a local official said."
    )
    found = [m for m in flashpoint.extract(text, published="2025-03-20") if not m.dropped]
    toll = [m for m in found if m.killed is not None]
    assert toll and all(m.date is not None for m in toll), found
    assert {(m.date.start, m.date.end) for m in toll if m.date} == {("2025-03-18", "2025-03-19")}
    assert all("went on" in dict(m.inferred)["date"] for m in toll)
    events = merge_reports(found, {found[0].article_id: ArticleInfo("Wire", "2025-03-20")})
    combat = [e for e in events if e.type in ("armed_clash", "attack")]
    assert len(combat) == 1, [(e.type, e.date) for e in events]


@pytest.mark.parametrize(
    ("last", "word"),
    [
        # an act with an agent of its own is another act
        ("In the capital, gunmen shot dead two civilians outside a mosque.", "gunmen"),
        # an act with its own day keeps it
        ("On Wednesday two soldiers were killed in a separate ambush in the south.", "ambush"),
    ],
)
def test_another_act_in_the_paragraph_of_an_act_gone_on_keeps_its_day(last: str, word: str) -> None:
    text = (
        "Heavy fighting broke out on Tuesday between the army and rebels in the north. "
        f"The clashes continued into Wednesday. {last}"
    )
    found = [m for m in flashpoint.extract(text, published="2025-03-20") if not m.dropped]
    other = [m for m in found if word in m.sentence.text and m.date is not None]
    assert other and all(m.date and m.date.start == "2025-03-19" for m in other), found


def test_an_act_said_to_go_on_with_nothing_before_it_keeps_its_own_day() -> None:
    (m,) = [
        m
        for m in flashpoint.extract("The clashes continued into Wednesday.", published="2025-03-20")
        if not m.dropped
    ]
    assert m.continues and m.date is not None and m.date.start == "2025-03-19"


@pytest.mark.parametrize(
    ("phrase", "background"),
    [
        ("in November", True),  # a whole month before the report's: recalled
        ("last month", True),
        ("in late January", True),
        ("earlier this month", False),  # the report's own month: still news
        ("on January 5", False),  # a day: told as it happened, however late
        ("since January", False),  # runs up to the report
    ],
)
def test_a_past_act_dated_only_to_an_earlier_month_is_recalled(
    phrase: str, background: bool
) -> None:
    value = resolve_date(phrase, "2025-03-20")
    assert value is not None and value.background is background


@pytest.mark.parametrize("phrase", ["late last month", "in February", "at the end of last month"])
def test_a_month_that_ended_days_before_the_report_is_still_news(phrase: str) -> None:
    value = resolve_date(phrase, "2025-03-02")
    assert value is not None and not value.background


def test_months_and_years_later_count_from_the_date_before_them() -> None:
    text = "Troops stormed the town on March 3 and months later rebels attacked the garrison."
    later = [d for d in resolve_dates_in(text, "2011-02-07") if d.rule.startswith("anchor")]
    assert [(d.start, d.precision, d.rule) for d in later] == [
        ("2010-04-02", "month", "anchor-months-later")
    ]
    # with no date before it, the phrase gives no date of its own
    assert resolve_dates_in("Years later a missile was fired at the office.", "2011-02-07") == []


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("1974: At least five clerics are killed in the south.", "1974"),
        ("The old were the most vulnerable.\n1968: An outbreak killed thousands.", "1968"),
        # an entry after a full stop (no line break), an entry that opens with a count
        ("The old were the most vulnerable. 1968: An outbreak killed thousands.", "1968"),
        ("1983: 8,000 men of the tribe are killed in the north.", "1983"),
    ],
)
def test_a_chronology_label_dates_its_entry(text: str, year: str) -> None:
    """A year and a colon before a capital label one entry of a chronology: its acts are
    history, not news of the publication week."""
    found = [m for m in flashpoint.extract(text, published="2011-02-07") if m.type == "attack"]
    assert found and found[0].date is not None and found[0].date.start == f"{year}-01-01"
    assert found[0].mode == "historical"


@pytest.mark.parametrize(
    "text",
    [
        "The vote on the motion was 1974: 12 for and 3 against.",
        "Update 1945: Troops opened fire on the crowd.",
        "1800: Fighters ambushed a patrol near the bridge.",
        "Bus 2010: Gunmen attacked the bus.",
        "The vote was close, 1974: 12 for and 3 against.",
    ],
)
def test_a_count_a_clock_time_or_a_name_before_a_colon_is_no_year(text: str) -> None:
    """Only a year first on its line and no valid clock time (HHMM) labels a chronology."""
    assert not [p for p in find_date_phrases(text) if p[2][:4] in text.split(":")[0]]


def test_the_previous_month_is_the_last_one_of_that_name() -> None:
    """'the previous April' is history, the last April before publication, as 'last April'."""
    found = find_date_phrases("They met at the White House the previous April to plan the war.")
    assert [text for _, _, text in found] == ["the previous April"]
    for phrase in ("the previous April", "last April"):
        got = resolve_date(phrase, FRI)
        assert got is not None and got.rule == "month-last"
        assert span(got) == ("2024-04-01", "2024-04-30", "month")
    got = resolve_date("the previous December", FRI)
    assert got is not None and span(got)[0] == "2023-12-01"
