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
