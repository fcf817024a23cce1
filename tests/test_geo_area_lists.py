"""Names that the words around them make places, or place: members of a list that ends in a
plural word for an area ('Barrow, Jackson and Madison counties'), the seat of a title before a
person's name ('Lewisburg Mayor John Manchester'), and a town named a few words from another
('in Cairo ... in Alexandria'). Sentences written by the team."""

from __future__ import annotations

from flashpoint.geo import find_places
from flashpoint.nlp import load_nlp


def _places(text: str) -> dict[str, tuple[str, str | None, str | None]]:
    found = find_places(text, None, doc=load_nlp()(text))
    return {
        t.text: (p.kind, p.admin1, p.country)
        for t, p in zip(found.toponyms, found.places, strict=True)
        if p is not None
    }


def test_every_member_of_a_list_of_counties_is_a_county() -> None:
    """'Jackson' and 'Madison' are people's names on their own; the shared head makes them
    counties, and 'Georgia' says which."""
    got = _places("School boards in Barrow, Jackson and Madison counties in Georgia cut jobs.")
    for name in ("Barrow", "Jackson", "Madison"):
        assert got.get(name) == ("admin2", "Georgia", "USA"), (name, got)


def test_a_list_of_provinces_names_provinces() -> None:
    got = _places("Government forces shelled Idlib and Hama provinces on Monday.")
    assert got["Idlib"][0] == "admin1" and got["Idlib"][2] == "SYR"
    assert got["Hama"][0] == "admin1" and got["Hama"][2] == "SYR"


def test_names_without_the_plural_head_stay_people() -> None:
    got = _places("Jackson and Madison met the committee in Georgia on Monday.")
    assert "Jackson" not in got and "Madison" not in got


def test_the_seat_of_a_title_is_a_place() -> None:
    got = _places("Lewisburg Mayor John Manchester said the bridge in West Virginia would reopen.")
    assert got.get("Lewisburg", ("", None, ""))[2] == "USA", got
    got = _places("The talks were led by Sri Lanka's former president Chandrika Kumaratunga.")
    assert got.get("Sri Lanka", ("", None, ""))[2] == "LKA", got


def test_a_person_s_name_after_a_title_is_still_no_place() -> None:
    got = _places("Mayor Lewisburg said the bridge would reopen on Monday.")
    assert "Lewisburg" not in got


def test_a_town_named_in_the_same_breath_outweighs_the_article_s_lean() -> None:
    """A story that names American cities most, then 'in Cairo ... in Alexandria' in one
    sentence: Cairo, named a few words before, places Alexandria in Egypt, not Virginia."""
    text = (
        "Egyptian Americans rallied in Chicago, Philadelphia and Los Angeles on Saturday, and "
        "hundreds more marched in Washington and New York. Organisers in California and "
        "Pennsylvania said more rallies were planned in Boston.\n\n"
        "Meanwhile, in Cairo on Tuesday, police fired tear gas, and in Alexandria protesters "
        "clashed with supporters of the president."
    )
    found = find_places(text, "cnn")
    got = {t.text: p.country for t, p in zip(found.toponyms, found.places, strict=True) if p}
    assert got["Cairo"] == "EGY" and got["Alexandria"] == "EGY", got
