"""An article told from the time of its report, or a feature that tells history.

News ties what it reports to the time of the report ("on Monday", "yesterday"); a review, an
obituary or a column whose every date is long past tells history, so an act it gives no date
is background. Every text here is the team's own.
"""

from __future__ import annotations

import pytest

import flashpoint
from flashpoint.extract import anchored_to_report
from flashpoint.extract.datelines import opens_with_dateline
from flashpoint.records import DateValue

PUBLISHED = "2025-03-07"  # a Friday

# Six sentences of a book review: two dates, long past; the burning is not dated.
REVIEW = (
    "The new history of the eastern front is a long and sombre book. "
    "Its author spent ten years in the archives. "
    "The siege began in 1942 and ended in 1944. "
    "Soldiers burned the village and its church. "
    "The survivors wrote letters that the author quotes at length. "
    "It is a book that stays with the reader."
)


def _burning(text: str) -> str:
    found = [
        m
        for m in flashpoint.extract(text, published=PUBLISHED)
        if m.trigger.text.startswith("burned")
    ]
    assert found, f"no candidate for 'burned' in {text!r}"
    return found[0].mode + found[0].dropped


def test_an_undated_act_in_a_feature_of_past_dates_is_history() -> None:
    (burning,) = [
        m
        for m in flashpoint.extract(REVIEW, published=PUBLISHED)
        if m.trigger.text.startswith("burned")
    ]
    assert (burning.mode, burning.dropped) == ("historical", "")
    assert burning.mode_cue == "no date, in an article whose dates are all long past"
    # when the act was is no measure of how sure its report is
    news = REVIEW.replace("It is a book", "On Monday the author said it is a book")
    (reported,) = [
        m
        for m in flashpoint.extract(news, published=PUBLISHED)
        if m.trigger.text.startswith("burned")
    ]
    assert burning.confidence == reported.confidence


def test_a_day_near_the_report_makes_it_news() -> None:
    news = REVIEW.replace("It is a book", "On Monday the author said it is a book")
    assert _burning(news) == "happened"


def test_a_dateline_files_it_as_a_report() -> None:
    assert _burning("kabul: " + REVIEW[0].lower() + REVIEW[1:]) == "happened"
    assert _burning("KABUL, Afghanistan (Wire) -- " + REVIEW) == "happened"


def test_a_paper_stamp_is_no_day_of_the_story() -> None:
    # the stamp's day is the first paragraph's; the burning is told in the second
    stamped = "Friday 7 March 2025 10.15 GMT " + REVIEW.replace(" Soldiers", "\n\nSoldiers")
    assert _burning(stamped) == "historical"


def test_an_article_with_no_date_or_a_brief_is_left_alone() -> None:
    undated = REVIEW.replace("The siege began in 1942 and ended in 1944", "The siege was long")
    assert _burning(undated) == "happened"
    brief = "The siege began in 1942 and ended in 1944. Soldiers burned the village."
    assert _burning(brief) == "happened"
    # one old date is background any report may give ("the group, founded in 2003")
    once = REVIEW.replace("and ended in 1944", "and was long")
    assert _burning(once) == "happened"


def test_a_month_or_year_near_the_report_makes_it_news() -> None:
    for when in ("this month", "this year", "next week"):
        news = REVIEW.replace("It is a book", f"The author will speak {when}; it is a book")
        assert _burning(news) == "happened", when


def _day(start: str, end: str, precision: str = "day", background: bool = False) -> DateValue:
    return DateValue(start, end, precision, "test", background=background)


@pytest.mark.parametrize(
    ("dates", "anchored"),
    [
        ([], True),
        ([_day("2025-03-03", "2025-03-03")], True),
        ([_day("2025-03-10", "2025-03-16", "week")], True),
        ([_day("1942-01-01", "1942-12-31", "year", background=True)], True),
        ([_day("1942-01-01", "1942-12-31", "year", background=True)] * 2, False),
        ([_day("2025-01-02", "2025-01-02"), _day("2024-11-02", "2024-11-02")], False),
        ([_day("2025-01-02", "2025-01-02"), _day("2025-03-01", "2025-03-31", "month")], True),
    ],
)
def test_anchored_to_report(dates: list[DateValue], anchored: bool) -> None:
    assert anchored_to_report(dates, PUBLISHED) is anchored
    assert anchored_to_report(dates, None) is True


@pytest.mark.parametrize(
    ("text", "filed"),
    [
        ("ahmedabad: police said", True),
        ("new delhi: the ministry", True),
        ("BAGHDAD - Troops entered", True),
        ("CAIRO, Egypt (Wire) -- Crowds", True),
        ("NEW YORK, March 3 - Shares fell", True),
        ("Tuesday 11 January 2005 09.11 GMT I am", False),
        ("Analysis: the war goes on", False),
        ("Tony Blair said: we will stay", False),
        ("The victims of the flood", False),
    ],
)
def test_opens_with_dateline(text: str, filed: bool) -> None:
    assert opens_with_dateline(text) is filed


def test_a_stamp_dates_the_acts_of_its_first_paragraph() -> None:
    """A report's acts told undated are mostly of its day, which its stamp gives, marked as
    inferred from the paragraph (the stamp still anchors no feature: see above)."""
    report = "Friday 7 March 2025 10.15 GMT The army is on alert. Soldiers burned the village."
    found = flashpoint.extract(report, published=PUBLISHED)
    (burning,) = [m for m in found if m.trigger.text.startswith("burned")]
    assert burning.date is not None and burning.date.start == "2025-03-07"
    assert dict(burning.inferred)["date"] == "date of the paragraph's previous dated sentence"
