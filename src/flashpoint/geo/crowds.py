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

from flashpoint.geo.locate import (
    ANTECEDENT_RULE,
    ARTICLE_RULE,
    PARAGRAPH_RULE,
    SENTENCE_RULES,
)
from flashpoint.local_actors import moved, tied_to
from flashpoint.records import Mention

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
    tied = tied_to(place)
    weak = place.rule in WEAK_RULES
    return replace(
        mention,
        actor1=moved(mention.actor1, where, tied, weak),
        actor2=moved(mention.actor2, where, tied, weak),
        actors=tuple(a for a in (moved(x, where, tied, weak) for x in mention.actors) if a),
    )
