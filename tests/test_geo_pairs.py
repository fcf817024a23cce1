"""geo/pairs.py: a town and its county named in one article confirm each other."""

from __future__ import annotations

from flashpoint.geo.gazetteer import Entry, Hit
from flashpoint.geo.pairs import Pairs


def _town(name: str, state: str, county: str) -> Entry:
    return Entry(f"t:{name}:{state}", name, "city", "USA", 0.0, 0.0, 1000, None, state, county)


def _county(name: str, state: str) -> Entry:
    return Entry(f"c:{name}:{state}", name, "admin2", "USA", 0.0, 0.0, 1000, None, state)


def _hits(*entries: Entry) -> list[Hit]:
    return [Hit(e, True) for e in entries]


PARIS_TN, PARIS_TX = _town("Paris", "Tennessee", "Henry County"), _town("Paris", "Texas", "Lamar")
HENRY_TN, HENRY_GA = _county("Henry County", "Tennessee"), _county("Henry County", "Georgia")


def test_a_town_in_a_county_named_elsewhere_is_paired_both_ways() -> None:
    pairs = Pairs()
    pairs.add("Paris", _hits(PARIS_TN, PARIS_TX))
    pairs.add("Henry County", _hits(HENRY_TN, HENRY_GA))
    assert pairs.paired(PARIS_TN, "Paris") and not pairs.paired(PARIS_TX, "Paris")
    assert pairs.paired(HENRY_TN, "Henry County") and not pairs.paired(HENRY_GA, "Henry County")


def test_a_name_does_not_pair_with_itself_in_capitals() -> None:
    """'ARLINGTON' in a dateline is the same name as 'Arlington' (Arlington County)."""
    town, county = _town("Arlington", "Virginia", "Arlington"), _county("Arlington", "Virginia")
    pairs = Pairs()
    pairs.add("Arlington", _hits(town, county))
    pairs.add("ARLINGTON", _hits(town, county))
    assert not pairs.paired(town, "Arlington") and not pairs.paired(county, "ARLINGTON")


def test_names_that_pair_in_several_states_say_nothing() -> None:
    """'Arlington' beside 'Washington County': more than one state has both."""
    a_tx, a_vt = (
        _town("Arlington", "Texas", "Washington"),
        _town("Arlington", "Vermont", "Washington"),
    )
    w_tx, w_vt = _county("Washington", "Texas"), _county("Washington", "Vermont")
    pairs = Pairs()
    pairs.add("Arlington", _hits(a_tx, a_vt))
    pairs.add("Washington County", _hits(w_tx, w_vt))
    assert not pairs.paired(a_tx, "Arlington") and not pairs.paired(w_vt, "Washington County")


def test_a_county_read_by_another_name_pairs_nothing() -> None:
    """'Lebanon' is the country, and Lebanon County, PA, only by another name: Hebron in that
    county is no pair for it."""
    hebron = _town("Hebron", "Pennsylvania", "Lebanon County")
    lebanon_county = _county("Lebanon County", "Pennsylvania")
    pairs = Pairs()
    pairs.add("Hebron", _hits(hebron))
    pairs.add("Lebanon", [Hit(lebanon_county, False)])
    assert not pairs.paired(hebron, "Hebron")
