"""geo/sites.py: a named street or building lies in the town the text names with it.

Sentences written by the team; the towns are real, the sites invented or public landmarks."""

from __future__ import annotations

from test_geo import place_of

from flashpoint.geo import find_places, resolve_spans
from flashpoint.geo.sites import INFERRED


def sites(text: str) -> dict[str, str | None]:
    """Each site name the text gives, and the town it is placed at (None: unplaced)."""
    found = find_places(text)
    return {
        t.text: (e.name if e else None)
        for t, e in zip(found.toponyms, found.entries, strict=True)
        if t.how == "site"
    }


def test_the_town_right_after_the_site() -> None:
    assert sites("A man was shot on Quince Street in Pittsburgh on Friday.") == {
        "Quince Street": "Pittsburgh"
    }
    assert sites("Fans gathered at Kestrel Arena, Leeds, on Saturday.") == {
        "Kestrel Arena": "Leeds"
    }


def test_else_the_last_town_named_before_it() -> None:
    text = (
        "Police in Winnipeg said two people were hurt late on Friday. "
        "The fire started in a house on Larch Avenue, officials said."
    )
    assert sites(text) == {"Larch Avenue": "Winnipeg"}


def test_else_the_first_town_named_after_it() -> None:
    text = (
        "Kestrel Medical Center said it had treated nine people. "
        "The hospital is the largest in Cleveland."
    )
    assert sites(text) == {"Kestrel Medical Center": "Cleveland"}


def test_with_no_town_the_site_stays_unplaced() -> None:
    assert sites("Nine people were hurt at Kestrel Medical Center, officials said.") == {
        "Kestrel Medical Center": None
    }


def test_an_institution_is_no_site() -> None:
    text = "The International Criminal Court said on Monday it would open an inquiry in Tripoli."
    assert sites(text) == {}
    assert sites("The Supreme Court in Nairobi ruled on Monday.") == {}


def test_a_name_that_goes_on_is_another_thing_s() -> None:
    """The site word is inside a person's or a department's name."""
    assert sites("In Seoul, former President Park Min-ho was sentenced on Friday.") == {}
    assert sites("In London, he joined the Bond Market Desk in 1994.") == {}


def test_a_headline_in_title_case_names_no_site() -> None:
    assert sites("Police Arrest Man Near School In Dublin") == {}


def test_a_name_that_holds_a_town_is_left_to_the_town() -> None:
    """Local news names its schools after the town: the town is the place."""
    found = find_places("Police were called to Brooklyn Hospital on Friday.")
    assert [(t.text, t.how) for t in found.toponyms] == [("Brooklyn", "name")]


def test_a_name_the_gazetteer_knows_stays_its_own_place() -> None:
    found = find_places("Protesters filled Tahrir Square in Cairo on Tuesday.")
    read = [
        (t.how, e.name if e else None)
        for t, e in zip(found.toponyms, found.entries, strict=True)
        if t.text.endswith("Square")
    ]
    assert read == [("name", "Tahrir Square")]


def test_a_person_s_name_is_no_site() -> None:
    assert sites("In Leeds, Mr Hall said the march would go ahead.") == {}
    assert sites("In Baghdad, Senator Frank Church met the envoy on Monday.") == {}


def test_a_first_word_of_an_institution_leaves_other_sites_alone() -> None:
    assert sites("Shops on Central Street in Leeds were looted on Friday.") == {
        "Central Street": "Leeds"
    }


def test_a_town_of_another_paragraph_is_not_the_site_s() -> None:
    text = "Shelling hit Kharkiv on Monday.\n\nOil prices rose on Thursday at Quince Street."
    assert sites(text) == {"Quince Street": None}


def test_the_place_says_it_is_inferred() -> None:
    found = find_places("A man was shot on Quince Street in Pittsburgh on Friday.")
    (entry,) = [e for t, e in zip(found.toponyms, found.entries, strict=True) if t.how == "site"]
    assert entry is not None and entry.source == INFERRED.format(site="Quince Street")


def test_a_given_span_of_a_site_is_placed_too() -> None:
    """Gold toponym spans (evaluation) go through the same rule."""
    text = "A man was shot on Quince Street in Pittsburgh on Friday."
    spans = [(text.index("Quince"), text.index(" in ")), (text.index("Pitts"), text.index(" on F"))]
    found = resolve_spans(text, spans)
    assert [e.name if e else None for e in found.entries] == ["Pittsburgh", "Pittsburgh"]


def test_an_event_at_a_site_is_placed_at_its_town() -> None:
    text = (
        "PITTSBURGH (AP) - Police made no arrests on Friday. "
        "A gunman shot two men on Quince Street on Thursday night."
    )
    place = place_of(text, "shot two men", "shot")
    assert (place.name, place.text) == ("Pittsburgh", "Quince Street")


def test_a_street_named_after_a_town_is_no_event_s_place() -> None:
    """'Tavistock Square' is in London, not Tavistock; 'Kensington High Street' is no
    Kensington abroad: the street's town is no event's place, though the name is still read
    (a local street named for the next town tells where the story is)."""
    text = "A bomb tore through a bus in Tavistock Square in central London on Thursday."
    place = place_of(text, "tore through", "bomb")
    assert (place.name, place.country) == ("London", "GBR")
    text = "Police in west London sealed off Kensington High Street after the attack."
    assert place_of(text, "sealed off", "sealed").name == "London"
    headline = find_places("Baghdad Drive-By Shooting Kills Three")  # a headline's capitals
    assert [(t.text, t.embedded) for t in headline.toponyms] == [("Baghdad", False)]
    found = find_places("Troops moved through Baghdad Street in Damascus before dawn.")
    assert [t.embedded for t in found.toponyms if t.text in ("Baghdad", "Damascus")] == [
        True,
        False,
    ]
