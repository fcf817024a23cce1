"""geo/districts.py: a part of a town read inside the town named before it."""

from __future__ import annotations

from dataclasses import replace

from flashpoint.geo.districts import in_named_towns
from flashpoint.geo.gazetteer import Entry
from flashpoint.geo.toponyms import Toponym

TOWN = Entry("t", "Town", "city", "AAA", 50.0, 36.0, 1_000_000)
NEAR = Entry("n", "Quarter", "city", "AAA", 50.1, 36.1, 50_000)  # about 13 km away
FAR = Entry("f", "Quarter", "city", "AAA", 48.0, 34.0, 50_000)  # about 270 km away


def _toponyms(text: str) -> list[Toponym]:
    return [Toponym(text.index(w), text.index(w) + len(w), w, ()) for w in ("Town", "Quarter")]


def test_a_far_reading_of_the_city_s_district_becomes_the_city() -> None:
    text = "Drones struck Town. They hit the city's Quarter district at night."
    assert in_named_towns(_toponyms(text), [TOWN, FAR], text) == [TOWN, TOWN]


def test_an_unresolved_district_of_the_city_becomes_the_city() -> None:
    text = "Drones struck Town. They hit the town's Quarter neighbourhood."
    assert in_named_towns(_toponyms(text), [TOWN, None], text) == [TOWN, TOWN]


def test_a_near_reading_stays() -> None:
    text = "Drones struck Town. They hit the city's Quarter district at night."
    assert in_named_towns(_toponyms(text), [TOWN, NEAR], text) == [TOWN, NEAR]


def test_without_the_city_s_the_reading_stays() -> None:
    for text in (
        "Drones struck Town. They hit Quarter district at night.",
        "Drones struck Town. They hit the city's Quarter at night.",
    ):
        assert in_named_towns(_toponyms(text), [TOWN, FAR], text) == [TOWN, FAR]


def test_a_region_named_between_leaves_the_city_unknown() -> None:
    """ "Drones struck Town. In Region, they hit the city's Quarter": which city is unsure."""
    text = "Drones struck Town. In Region, they hit the city's Quarter district."
    toponyms = [
        Toponym(text.index(w), text.index(w) + len(w), w, ()) for w in ("Town", "Region", "Quarter")
    ]
    region = Entry("r", "Region", "admin1", "AAA", 46.0, 30.0)
    assert in_named_towns(toponyms, [TOWN, region, FAR], text) == [TOWN, region, FAR]


def test_a_town_inside_an_organisation_s_name_is_not_the_town() -> None:
    text = "Drones struck Town. They hit the city's Quarter district at night."
    toponyms = _toponyms(text)
    toponyms[0] = replace(toponyms[0], embedded=True)
    assert in_named_towns(toponyms, [TOWN, FAR], text) == [TOWN, FAR]
