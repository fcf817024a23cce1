"""A bare crowd, force or government belongs to the country its sentence's actors name, else
to the one country the sentence names ("Unrest in Egypt: ..."), else to the last one named
(extract.extract_mentions, countries.countries_named). Sentences are the team's own."""

from __future__ import annotations

import flashpoint
from flashpoint.countries import countries_named

PUBLISHED = "2025-03-07"


def test_countries_named_by_name_or_alias_only() -> None:
    assert countries_named("Unrest in Egypt: crowds filled Egypt's squares.") == {"EGY"}
    assert countries_named("Egyptian protesters marched in Cairo.") == set()  # demonym, capital
    assert countries_named("A course in Egyptology opened.") == set()


def test_a_country_the_sentence_names_takes_over_from_an_earlier_actor() -> None:
    text = (
        "Canadian police officers praised the lottery on Monday. "
        "Unrest in Egypt: thousands marched in the cities of Egypt on Friday. "
        "Protesters demanded the resignation of the president on Friday."
    )
    found = [m for m in flashpoint.extract(text, published=PUBLISHED) if m.actor1 is not None]
    last = max(found, key=lambda m: m.trigger.start)
    assert last.actor1 is not None and last.actor1.country == "EGY"


def test_an_actor_named_in_the_sentence_keeps_its_country() -> None:
    text = "Unrest in Egypt: Israeli troops fired on the crowd in Egypt on Friday."
    found = [m for m in flashpoint.extract(text, published=PUBLISHED) if m.actor1 is not None]
    assert found and found[0].actor1 is not None and found[0].actor1.country == "ISR"
