"""The geo-events suite's scoring, on hand-made events (the suite itself ingests Timeline17:
run by the eval gate, not here)."""

from __future__ import annotations

from flashpoint.countries import continent
from flashpoint.evaluation.geo_events import TOPIC_REGIONS, score
from flashpoint.records import Actor, Event, Place

EGYPT = "EgyptianProtest_cnn"


def event(country: str | None, actor: str | None, rule: str = "sentence") -> Event:
    place = (
        None
        if country is None
        else Place("x", 1.0, 2.0, country, rule=rule, area_only=rule == "country")
    )
    actors = (Actor("a", "a", actor, "protesters", 6),) if actor else ()
    return Event(id="e", type="protest", mode="happened", date=None, actors=actors, location=place)


def test_continents_of_countries() -> None:
    found = tuple(continent(c) for c in ("EGY", "IRQ", "USA", "GBR"))
    assert found == ("AF", "AS", "NA", "EU")


def test_every_topic_has_a_region() -> None:
    from flashpoint.evaluation.t17 import DEV_CONFLICT_TOPICS

    assert set(DEV_CONFLICT_TOPICS) <= set(TOPIC_REGIONS)


def test_shares() -> None:
    events = [
        event("EGY", "EGY"),  # in the region
        event("USA", "EGY"),  # an Egyptian protest in Illinois: wrong continent
        event("GBR", "GBR"),  # a British event in Britain: its actor's country
        event("USA", None, rule="paragraph"),  # another continent, no actor
        event(None, "EGY"),  # not located
        event("EGY", "EGY", rule="country"),
    ]
    tally = score(events, EGYPT)
    assert tally["events"] == 6 and tally["placed"] == 5
    assert tally["other_continent"] == 2  # the GBR event is its actor's country
    assert tally["other_continent_raw"] == 3
    assert tally["in_region_or_actor"] == 3
    assert tally["topical_placed"] == 3 and tally["topical_other_continent"] == 1
    assert tally["rule_sentence"] == 3 and tally["rule_none"] == 1
    assert tally["area_only"] == 1
