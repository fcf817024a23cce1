"""A crowd's country is where it gathers: ACLED codes protesters and rioters by the country
of the event ("Protesters (Egypt)"). When the event's own sentence places it, every crowd of
the mention takes that place's country; a place found only by a fallback (paragraph, article)
leaves the crowd's country as extraction read or guessed it."""

from __future__ import annotations

from dataclasses import replace

from flashpoint.countries import with_country
from flashpoint.geo.locate import SENTENCE_RULES
from flashpoint.records import CROWD_FROM_PLACE, CROWD_ROLES, Actor, Mention


def crowd_country(mention: Mention) -> Mention:
    """The mention with each crowd actor in the country of the place its sentence gives."""
    place = mention.place
    if place is None or not place.country or place.rule not in SENTENCE_RULES.values():
        return mention
    where = place.country
    return replace(
        mention,
        actor1=_moved(mention.actor1, where),
        actor2=_moved(mention.actor2, where),
        actors=tuple(a for a in (_moved(x, where) for x in mention.actors) if a is not None),
    )


def _moved(actor: Actor | None, where: str) -> Actor | None:
    if actor is None or actor.role not in CROWD_ROLES or actor.country == where:
        return actor
    label = with_country(actor.name.split(" (", 1)[0], where)
    return replace(actor, name=label, country=where, inferred=CROWD_FROM_PLACE)
