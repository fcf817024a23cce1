"""The person/place and homonym table (tests/data/geo_person_place_cases.tsv): a name that is
a person is not a place, a common word is never a town, and an article's focus picks among
homonyms ('Geneva' in a diplomacy story, 'Cairo' beside Egypt), while a qualifier in the text
still picks the small town ('Cairo, Illinois')."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from flashpoint.extract import parse_candidates
from flashpoint.geo import ArticlePlaces, find_places
from flashpoint.geo.names import spelled_like

TABLE = Path(__file__).parent / "data" / "geo_person_place_cases.tsv"
TOWN_KINDS = {"city", "admin2"}


def cases() -> list[tuple[str, str, str]]:
    with TABLE.open(encoding="utf-8") as fh:
        rows = csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")
        return [(r["text"].replace("\\n", "\n"), r["words"], r["expect"]) for r in rows]


def test_table_is_large_enough() -> None:
    rows = cases()
    assert len(rows) >= 60
    assert sum(expect == "-" for _, _, expect in rows) >= 15  # persons and common words


@pytest.mark.parametrize(("text", "words", "expect"), cases())
def test_person_place_case(text: str, words: str, expect: str) -> None:
    found = find_places(text)
    places = [
        p
        for t, p in zip(found.toponyms, found.places, strict=True)
        if t.text == words and p is not None
    ]
    seen = [(p.name, p.country, p.kind) for p in places]
    if expect == "-":
        assert not places, f"{words!r} read as a place: {seen}"
    elif expect == "no-town":
        assert all(p.kind not in TOWN_KINDS for p in places), f"{words!r} read as a town: {seen}"
    else:
        assert places, f"{words!r} not found as a place"
        assert all(p.country == expect for p in places), f"{words!r}: {seen}, want {expect}"


def test_a_sentence_without_a_parse_takes_only_sure_names() -> None:
    """Sentences without an event cue are only tokenised (the extract stage parses the others):
    there a lone name must be sure by itself, as no parse tells 'Tony Blair' from Blair,
    Oklahoma; a big city, a country and a name after 'in' still count."""
    text = (
        "After Tony Blair was caught on the hop, Paul and Harper had lunch with Jones in Swift. "
        "George Bush and the Dow Jones index were all the Syrian News Agency spoke of. "
        "Troops shelled Homs on Monday, killing 20 people near the border with Lebanon."
    )
    doc = parse_candidates(text)
    assert doc is not None
    assert not doc[3].tag_ and doc[-3].tag_  # the first sentence is only tokenised
    found = find_places(text, doc=doc)
    places = {t.text: p for t, p in zip(found.toponyms, found.places, strict=True)}
    assert not {"Blair", "Paul", "Harper", "Jones", "George"} & set(places)
    assert places["Syrian"] is not None and places["Syrian"].country == "SYR"  # a demonym
    assert "Swift" in places  # after 'in': read as a name even unparsed
    assert places["Homs"] is not None and places["Homs"].country == "SYR"
    assert places["Lebanon"] is not None and places["Lebanon"].country == "LBN"


def test_an_unparsed_full_name_makes_a_later_surname_a_person() -> None:
    """'Tony Blair' in a sentence that is only tokenised still names a person, so 'the Blair
    government' in a parsed sentence is no town: Blair County's size is no evidence, as only
    places named exactly 'Blair' could be read there, and they are small."""
    text = (
        "Tony Blair has long been irritated by the leaks about the memo. "
        "Troops attacked the town as the row shook the Blair government on Monday."
    )
    doc = parse_candidates(text)
    assert doc is not None and not doc[0].tag_  # the first sentence is only tokenised
    found = find_places(text, doc=doc)
    assert "Blair" not in {t.text for t in found.toponyms}
    assert "Blair" in {t.text for t, _ in found.dropped}


def places_parsed(text: str) -> ArticlePlaces:
    """The places of a text parsed as the extract stage parses it (cue sentences only)."""
    doc = parse_candidates(text)
    assert doc is not None
    return find_places(text, doc=doc)


def test_a_middle_initial_makes_a_person_whose_surname_stands_for_him() -> None:
    """'George W Bush' (a given name, one capital letter, a surname) is a person, though the
    parse may read the whole run as a building's name; his surname later is him, not a town
    called Bush."""
    text = (
        "Volunteers met in the White House - George W Bush and Bill Clinton - on Monday. "
        "Aid workers in Port-au-Prince thanked Bush for the visit."
    )
    found = places_parsed(text)
    assert "Bush" not in {t.text for t in found.toponyms}
    assert "Bush" in {t.text for t, _ in found.dropped}


def test_a_tiny_village_abroad_needs_the_text_to_locate_it() -> None:
    """A village of a few thousand people on another continent, named once in a story on
    London with nothing to locate it there, is no reading of the name ('Aldgate' is a part of
    London the gazetteer lacks, not the South Australian village), even though no other
    country has a town so called."""
    text = (
        "LONDON - Commuters in London faced delays on Monday. Bombs exploded at Aldgate, "
        "Edgware Road and King's Cross, police in London said."
    )
    found = places_parsed(text)
    read = {t.text: e for t, e in zip(found.toponyms, found.entries, strict=True)}
    assert read.get("Aldgate") is None or read["Aldgate"].country == "GBR", read


@pytest.mark.parametrize(
    ("text", "name", "spelling"),
    [
        ("Misrata", "Misratah", True),
        ("Homs", "Ḩimş", True),
        ("Cook", "Cook County", True),
        ("Phila.", "Philadelphia", True),
        ("Molotov", "Perm", False),
        ("Harper", "Costa Mesa", False),
        ("Do", "Jahrom", False),
    ],
)
def test_spelled_like_tells_a_spelling_from_another_name(
    text: str, name: str, spelling: bool
) -> None:
    assert spelled_like(text, name) is spelling


def test_a_near_name_of_another_town_is_no_spelling() -> None:
    assert not spelled_like("Ivan", "Eyvān")  # one letter in three differs: another name


def test_a_district_of_the_city_named_before_lies_in_that_city() -> None:
    """ "the city's Kyivskyi district": the gazetteer's Kyivskyi districts are Poltava's and
    Donetsk's, not Kharkiv's, so the place is Kharkiv; the words stay the district's."""
    text = (
        "Russian drones struck Kharkiv overnight, killing two civilians, officials said. "
        "Several drones hit the city's Kyivskyi district, setting fire to a block of flats."
    )
    found = find_places(text)
    places = {t.text: p for t, p in zip(found.toponyms, found.places, strict=True)}
    district = places["Kyivskyi"]
    assert district is not None and district.name == "Kharkiv", district
    assert district.text == "Kyivskyi"


def test_a_district_named_without_its_city_keeps_its_own_reading() -> None:
    text = "Russian drones struck Kharkiv overnight. Shells also hit Kyivskyi district of Poltava."
    found = find_places(text)
    places = {t.text: p for t, p in zip(found.toponyms, found.places, strict=True)}
    assert places["Kyivskyi"] is None or places["Kyivskyi"].name != "Kharkiv"
