"""geo/seats.py: a bare name that reads as a town and the province named after it is the town."""

from __future__ import annotations

import pytest

from flashpoint.geo import find_places
from flashpoint.nlp import load_nlp


@pytest.mark.parametrize(
    ("name", "kind", "country"),
    [
        ("Basra", "city", "IRQ"),  # Basra governorate holds Basra
        ("Kunduz", "city", "AFG"),
        ("Kherson", "city", "UKR"),  # the city's own name, another of Khersonska oblast
        ("Gaza", "city", "PSE"),  # not Mozambique's Gaza province, whose town it is not
        ("Kunduz province", "admin1", "AFG"),  # a kind word asks for the province
        ("New York", "city", "USA"),  # the start of its main town's own name, New York City
        ("Minnesota", "admin1", "USA"),  # an old name of a small town is no town
        ("Bihar", "admin1", "IND"),  # Bihar Sharif carries the name but is not its main town
        ("New York state", "admin1", "USA"),
    ],
)
def test_a_bare_name_is_the_town_its_province_is_named_after(
    name: str, kind: str, country: str
) -> None:
    text = f"Gunmen attacked a checkpoint in {name} on Monday, officials said."
    found = find_places(text)
    entries = [
        e for t, e in zip(found.toponyms, found.entries, strict=True) if name.startswith(t.text)
    ]
    assert entries and entries[0] is not None
    assert (entries[0].kind, entries[0].country) == (kind, country), entries[0]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fighting raged in Kunduz, Baghlan and Takhar provinces.", "Kunduz"),
        ("Gunmen raided villages in Katsina and Zamfara states.", "Katsina"),
        ("Fighting spread to the provinces of Takhar and Kunduz.", "Kunduz"),
        ("Airstrikes hit Idlib, the last rebel-held province, killing 12.", "Idlib"),
        ("Israeli strikes across Gaza killed 50 people.", "Gaza"),
        ("Shelling hit the Donetsk and Luhansk regions.", "Luhansk"),
    ],
)
def test_words_that_ask_for_the_area_keep_it(text: str, name: str) -> None:
    found = find_places(text)
    entries = [e for t, e in zip(found.toponyms, found.entries, strict=True) if t.text == name]
    assert entries and entries[0] is not None and entries[0].kind != "city", entries


def test_a_district_gives_way_only_to_a_town_in_its_own_state() -> None:
    """Bilaspur district of Himachal Pradesh is no Bilaspur city of Chhattisgarh."""
    found = find_places("Maoists killed two jawans in Bilaspur, Himachal Pradesh.")
    entries = [
        e for t, e in zip(found.toponyms, found.entries, strict=True) if t.text == "Bilaspur"
    ]
    assert entries and entries[0] is not None
    assert entries[0].admin1 == "Himāchal Pradesh", entries[0]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The band toured Missouri, New York, Ohio and Virginia last year.", "New York", "admin1"),
        ("The airline, based in Rego Park, New York, starts flights in May.", "New York", "admin1"),
        ("Flights between New York and Moscow start next year.", "New York", "city"),
        ("Protesters marched in Chicago, New York and Boston on Sunday.", "New York", "city"),
        ("Gunmen attacked a market in Buffalo, New York, on Saturday.", "New York", "admin1"),
        ("Police arrested him in Los Angeles, California, and New York.", "New York", "city"),
        ("Floods hit New York's Rockland County on Monday.", "New York", "admin1"),
        ("Gunmen killed three people in upstate New York.", "New York", "admin1"),
        ("New York Governor Kathy Hochul deployed the guard.", "New York", "admin1"),
        ("The governor of New York declared an emergency.", "New York", "admin1"),
        ("The Basra governor said five people died.", "Basra", "admin1"),
    ],
)
def test_the_company_a_name_keeps_asks_for_the_state(text: str, name: str, kind: str) -> None:
    found = find_places(text)
    entries = [e for t, e in zip(found.toponyms, found.entries, strict=True) if t.text == name]
    assert entries and entries[0] is not None
    assert entries[0].kind == kind, entries[0]


@pytest.mark.parametrize("parsed", [True, False])
def test_a_place_in_a_newspaper_s_name_is_no_place_of_the_story(parsed: bool) -> None:
    """'the New York Times' names an outlet: its 'New York' is kept as a toponym but is no
    place for an act (``embedded``), whether or not the parser read the sentence."""
    text = "The findings were reported by the New York Times on Monday. Troops left Kirkuk."
    doc = load_nlp()(text) if parsed else load_nlp().make_doc(text)
    found = find_places(text, None, doc=doc)
    embedded = {t.text: t.embedded for t in found.toponyms}
    assert embedded.get("New York") is True and embedded.get("Kirkuk") is False, embedded


def test_a_column_title_is_no_newspaper() -> None:
    """'Kharkiv Dispatch:' heads a column: Kharkiv is where the shelling was."""
    text = "Kharkiv Dispatch: Russian shelling killed three civilians on Monday."
    found = find_places(text, None, doc=load_nlp()(text))
    assert [t.embedded for t in found.toponyms if t.text == "Kharkiv"] == [False]
