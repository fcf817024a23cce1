"""A crowd's country is where it gathers: ACLED codes protesters and rioters by the country
of the event ("Protesters (Egypt)"), so a crowd whose words name no country takes its event's
place's country once the geo stage has found it, instead of the article's main country."""

from __future__ import annotations

from dataclasses import replace

from flashpoint.countries import country_names
from flashpoint.records import COUNTRY_FROM_CONTEXT, CROWD_ROLES, Mention

FROM_PLACE = "country of the event's place: ACLED codes a crowd by where it gathers"


def crowd_country(mention: Mention) -> Mention:
    """The mention with its crowd actor1 in its place's country, when the crowd's country
    was only the article's (or none) and the place has one."""
    actor, place = mention.actor1, mention.place
    if actor is None or actor.role not in CROWD_ROLES or place is None or not place.country:
        return mention
    if actor.country and actor.inferred != COUNTRY_FROM_CONTEXT:
        return mention  # its own words name it ("Egyptian protesters")
    if actor.country == place.country:
        return mention
    base = actor.name.split(" (", 1)[0]
    label = f"{base} ({country_names().get(place.country, place.country)})"
    moved = replace(actor, name=label, country=place.country, inferred=FROM_PLACE)
    return replace(mention, actor1=moved)
