"""The person/place and homonym table (tests/data/geo_person_place_cases.tsv): a name that is
a person is not a place, a common word is never a town, and an article's focus picks among
homonyms ('Geneva' in a diplomacy story, 'Cairo' beside Egypt), while a qualifier in the text
still picks the small town ('Cairo, Illinois')."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from flashpoint.geo import find_places

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
