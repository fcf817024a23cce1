"""geo/seats.py: a bare name that reads as a town and the province named after it is the town."""

from __future__ import annotations

import pytest

from flashpoint.geo import find_places


@pytest.mark.parametrize(
    ("name", "kind", "country"),
    [
        ("Basra", "city", "IRQ"),  # Basra governorate holds Basra
        ("Kunduz", "city", "AFG"),
        ("Kherson", "city", "UKR"),  # the city's own name, another of Khersonska oblast
        ("Gaza", "city", "PSE"),  # not Mozambique's Gaza province, whose town it is not
        ("Kunduz province", "admin1", "AFG"),  # a kind word asks for the province
        ("New York", "admin1", "USA"),  # the state's own name, another of the city's
        ("Minnesota", "admin1", "USA"),  # an old name of a small town is no town
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
