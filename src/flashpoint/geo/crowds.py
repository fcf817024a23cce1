"""A crowd's country is where it gathers: ACLED codes protesters and rioters by the country
of the event ("Protesters (Egypt)"). When the event's own sentence places it, every crowd of
the mention takes that place's country; a place found only by a fallback (paragraph, article)
leaves the crowd's country as extraction read or guessed it.

Police whose country the text does not name (extraction guessed it from the article's main
country) take the sentence's place's country too: "police in St Petersburg arrested ..." in a
story about Iraq is Russia's police, not Iraq's. Merging and the geo check do not read a
country taken from the place (``records.FROM_PLACE``): the place itself is compared."""

from __future__ import annotations

from dataclasses import replace

from flashpoint.countries import moved_label, with_country
from flashpoint.geo.locate import SENTENCE_RULES
from flashpoint.records import (
    COUNTRY_FROM_CONTEXT,
    CROWD_FROM_PLACE,
    CROWD_ROLES,
    LOCAL_FROM_PLACE,
    LOCAL_ROLES,
    Actor,
    Mention,
)


def crowd_country(mention: Mention) -> Mention:
    """The mention with each crowd actor, and each police actor of a guessed country, in the
    country of the place its sentence gives."""
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
    if actor is None or actor.country == where:
        return actor
    if actor.role in CROWD_ROLES:
        label = with_country(actor.name.split(" (", 1)[0], where)
        return replace(actor, name=label, country=where, inferred=CROWD_FROM_PLACE)
    if actor.role in LOCAL_ROLES and actor.inferred == COUNTRY_FROM_CONTEXT and actor.country:
        moved = moved_label(actor.name, actor.country, where)
        if moved is not None:
            return replace(actor, name=moved, country=where, inferred=LOCAL_FROM_PLACE)
    return actor
