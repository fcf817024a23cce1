"""A crowd's country is where it gathers: ACLED codes protesters and rioters by the country
of the event ("Protesters (Egypt)"). Bare civilians and police ("villagers", "police
officers") and armed men named by no group ("insurgents", "gunmen"), whose country extraction
took from the article's main country or did not know, are likewise those of where they are:
police officers arresting a girl in St Petersburg in a story on Iraq are Russia's. When the
event's own sentence places it, each crowd of the mention takes that place's country; bare
civilians, police and armed men only when the place is tied to the trigger itself ('arrested
in St Petersburg': rule "sentence") and lies in one country (not a border line). A place from
the paragraph, the article or an earlier act moves only a crowd whose country was a guess
from the article's main country: the two guesses disagree ('protesters' in a transcript that
names Washington most, placed at Cairo), and ACLED names the crowd by where the event is. A
crowd's own words ('Egyptian protesters') and the other actors stay as extraction read them."""

from __future__ import annotations

from dataclasses import replace

from flashpoint.countries import of_country, with_country
from flashpoint.geo.locate import (
    ANTECEDENT_RULE,
    ARTICLE_RULE,
    PARAGRAPH_RULE,
    SENTENCE_RULES,
    STRONG,
)
from flashpoint.records import (
    COUNTRY_FROM_CONTEXT,
    CROWD_FROM_PLACE,
    CROWD_ROLES,
    LOCAL_FROM_PLACE,
    LOCAL_ROLES,
    Actor,
    Mention,
)

ONE_COUNTRY_KINDS = frozenset({"city", "admin1", "admin2", "country", "base"})
# places read beyond the sentence: they move only a crowd whose country was itself a guess
WEAK_RULES = frozenset({PARAGRAPH_RULE, ARTICLE_RULE, ANTECEDENT_RULE})


def crowd_country(mention: Mention) -> Mention:
    """The mention with each crowd, and each bare civilian, police or unnamed armed actor, in
    the country of the place its sentence gives."""
    place = mention.place
    if place is None or not place.country:
        return mention
    if place.rule not in SENTENCE_RULES.values() and place.rule not in WEAK_RULES:
        return mention
    where = place.country
    tied = place.rule == SENTENCE_RULES[STRONG] and place.kind in ONE_COUNTRY_KINDS
    weak = place.rule in WEAK_RULES
    return replace(
        mention,
        actor1=_moved(mention.actor1, where, tied, weak),
        actor2=_moved(mention.actor2, where, tied, weak),
        actors=tuple(a for a in (_moved(x, where, tied, weak) for x in mention.actors) if a),
    )


def _moved(actor: Actor | None, where: str, tied: bool, weak: bool = False) -> Actor | None:
    """``weak``: the place comes from the paragraph, the article or an earlier act's; it moves
    only a crowd
    whose country was itself a guess from the article ('protesters' in a paragraph on Athens,
    on a page about Egypt)."""
    if actor is None or actor.country == where:
        return actor
    if weak and not (actor.role in CROWD_ROLES and _guessed(actor)):
        return actor
    if actor.role in CROWD_ROLES:
        how = CROWD_FROM_PLACE
    elif tied and actor.role in LOCAL_ROLES and _guessed(actor):
        how = LOCAL_FROM_PLACE
    else:
        return actor
    return replace(actor, name=_label(actor.name, where), country=where, inferred=how)


def _guessed(actor: Actor) -> bool:
    """Was the actor's country not read from its own words (taken from the article, or none)?"""
    return actor.inferred == COUNTRY_FROM_CONTEXT or (not actor.inferred and not actor.country)


def _label(name: str, where: str) -> str:
    """The actor table's label in another country, in its own form: "Protesters (Pakistan)"
    -> "Protesters (Egypt)", "Police Forces of Iraq" (or a bare "Police Forces") -> "Police
    Forces of Russia"."""
    if " (" in name or " " not in name:
        return with_country(name.split(" (", 1)[0], where)  # "Civilians (X)", "Civilians"
    return f"{name.partition(' of ')[0]} of {of_country(where)}"
