"""geo/namesake.py: a place the outlet is named after is, unqualified in its pages, the reading
the article's other places locate, however much larger a homonym elsewhere is."""

from __future__ import annotations

import pytest

from flashpoint.geo import find_places
from flashpoint.geo.namesake import is_namesake, outlet_labels


@pytest.mark.parametrize(
    ("outlet", "labels"),
    [
        ("http://www.theparisnews.com/story?id=1", ("theparisnews",)),
        ("chronicle.augusta.com", ("chronicle", "augusta")),
        ("https://www.bbc.co.uk/news/world", ("bbc",)),
        ("The Paris News", ("theparisnews",)),
        ("Reuters", ("reuters",)),
        (None, ()),
        ("", ()),
    ],
)
def test_outlet_labels(outlet: str | None, labels: tuple[str, ...]) -> None:
    assert outlet_labels(outlet) == labels


def test_a_namesake_is_a_name_the_outlet_carries() -> None:
    labels = outlet_labels("https://www.lasvegassun.com/news/2009/story")
    assert is_namesake("Las Vegas", labels) and is_namesake("LAS VEGAS", labels)
    assert not is_namesake("Reno", labels)
    assert not is_namesake("Sun", outlet_labels("thesun.co.uk"))  # too short to be sure
    assert not is_namesake("Paris", ())


def _places(text: str, outlet: str | None, name: str) -> set[tuple[str, str | None]]:
    found = find_places(text, outlet)
    return {
        (p.country or "", p.admin1)
        for t, p in zip(found.toponyms, found.places, strict=True)
        if t.text == name and p is not None
    }


TEXAS_STORY = (
    "Paris police arrested two men on Friday after a chase that began near Dallas. "
    "The men were taken to the Paris jail, the police chief said."
)


def test_the_town_paper_s_namesake_is_the_town_its_other_places_locate() -> None:
    assert _places(TEXAS_STORY, "http://theparisnews.com/story.lasso?id=7", "Paris") == {
        ("USA", "Texas")
    }


def test_without_the_namesake_the_larger_homonym_keeps_its_weight() -> None:
    """The same text from another outlet gives no such reason: the rule is the outlet's."""
    assert ("USA", "Texas") not in _places(TEXAS_STORY, "https://www.example.com/a", "Paris")


def test_a_namesake_the_other_places_do_not_locate_keeps_the_usual_reading() -> None:
    """jordantimes.com carries 'Jordan'; Amman lies in the country, so no town of that name
    elsewhere is chosen."""
    text = "Jordan closed its border crossing on Sunday, officials in Amman said."
    assert _places(text, "https://www.jordantimes.com/news/local", "Jordan") == {("JOR", None)}


def test_a_national_paper_s_namesake_stays_the_capital() -> None:
    """The Washington Post's 'Washington' beside 'Louisiana' (a town of that name lies there)
    or beside 'London' and 'England' (so does one there): the article does not locate the
    capital, but a homonym in the same country never overrides it, nor one abroad in a story
    about the United States."""
    outlet = "https://www.washingtonpost.com/national/story"
    text = (
        "Officials in Washington said on Monday that the spill had reached the coast of "
        "Louisiana, and that crews from New Orleans were at work."
    )
    assert _places(text, outlet, "Washington") == {("USA", "District of Columbia")}
    text = (
        "BP executives in London and across England were told on Monday that Washington would "
        "demand more money for the cleanup in Mississippi, Alabama and Florida."
    )
    assert _places(text, outlet, "Washington") == {("USA", "District of Columbia")}
