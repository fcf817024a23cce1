"""Actors who are of where they are: the country a crowd, or a bare police force, civilians
or armed men whose country was only guessed, takes from the place of their act.

ACLED codes protesters and rioters by the country of the event ("Protesters (Egypt)"), and
bare civilians, police and unnamed armed men likewise ("Civilians (X)", "Police Forces of X").
The geo stage moves a mention's actors by its own place (:mod:`flashpoint.geo.crowds`); the
merge moves an event's by the place it chose, since a report merged in from another article
may carry that article's guess ("police" in a story on Iraq, for an arrest its sentence
places in Germany)."""

from __future__ import annotations

from dataclasses import replace

from flashpoint.countries import of_country, with_country
from flashpoint.records import (
    COUNTRY_FROM_CONTEXT,
    CROWD_FROM_PLACE,
    CROWD_ROLES,
    LOCAL_FROM_PLACE,
    LOCAL_ROLES,
    Actor,
    Place,
)

# kinds of place that lie in one country (not a border line, a sea or a region)
ONE_COUNTRY_KINDS = frozenset({"city", "admin1", "admin2", "country", "base"})
TIED_RULE = "sentence"  # flashpoint.geo.locate's rule for a place tied to the trigger itself


def tied_to(place: Place) -> bool:
    """Is the place tied to the trigger itself ('arrested in St Petersburg') and in one
    country? Such a place moves bare civilians, police and armed men (see ``moved``)."""
    return place.rule == TIED_RULE and place.kind in ONE_COUNTRY_KINDS


def moved(actor: Actor | None, where: str, tied: bool, weak: bool = False) -> Actor | None:
    """The actor in the country ``where``, if it is of where it is.

    ``tied``: the place is tied to the trigger itself ('arrested in St Petersburg') and lies
    in one country: it moves bare civilians, police and armed men whose country was guessed.
    ``weak``: the place comes from the paragraph, the article or an earlier act's; it moves
    only a crowd whose country was itself a guess ('protesters' in a paragraph on Athens, on
    a page about Egypt). Otherwise a place moves crowds only."""
    if actor is None or actor.country == where:
        return actor
    if weak and not (actor.role in CROWD_ROLES and guessed(actor)):
        return actor
    if actor.role in CROWD_ROLES:
        how = CROWD_FROM_PLACE
    elif tied and actor.role in LOCAL_ROLES and guessed(actor):
        how = LOCAL_FROM_PLACE
    else:
        return actor
    return replace(actor, name=_label(actor.name, where), country=where, inferred=how)


def guessed(actor: Actor) -> bool:
    """Was the actor's country not read from its own words (taken from the article, or none)?"""
    return actor.inferred == COUNTRY_FROM_CONTEXT or (not actor.inferred and not actor.country)


def _label(name: str, where: str) -> str:
    """The actor table's label in another country, in its own form: "Protesters (Pakistan)"
    -> "Protesters (Egypt)", "Police Forces of Iraq" (or a bare "Police Forces") -> "Police
    Forces of Russia"."""
    if " (" in name or " " not in name:
        return with_country(name.split(" (", 1)[0], where)  # "Civilians (X)", "Civilians"
    return f"{name.partition(' of ')[0]} of {of_country(where)}"
