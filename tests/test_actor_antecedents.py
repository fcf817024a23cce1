"""Who a bare force or crowd is, what a named building is, and whose the 'of' of a taking is:
actors read the way a reader resolves them. Sentences written by the team."""

from __future__ import annotations

import pytest

import flashpoint
from flashpoint.extract.actors import named_countries
from flashpoint.records import COUNTRY_FROM_CONTEXT, Actor, Mention

PUBLISHED = "2011-02-01"


def kept(text: str) -> list[Mention]:
    return [m for m in flashpoint.extract(text, published=PUBLISHED) if not m.dropped]


def actor1_of(text: str, trigger: str) -> Actor | None:
    return next(m.actor1 for m in kept(text) if m.trigger.text == trigger)


def force_of(text: str, trigger: str) -> Actor | None:
    """The state force among the parties of the mention of ``trigger``."""
    m = next(m for m in kept(text) if m.trigger.text == trigger)
    return next((a for a in (m.actor1, m.actor2) if a and a.role in ("military", "police")), None)


def test_a_bare_army_is_the_army_the_article_names_not_the_last_speakers() -> None:
    """An American official speaking between them does not make 'the army' American."""
    text = (
        "The Egyptian army deployed tanks around the square on Friday. "
        "U.S. officials condemned the violence on Saturday. "
        "On Sunday the army fired warning shots over the crowd."
    )
    army = force_of(text, "fired warning shots")
    assert army is not None and (army.role, army.country) == ("military", "EGY")
    assert army.inferred == COUNTRY_FROM_CONTEXT


def test_a_bare_force_before_any_named_one_is_the_one_named_later() -> None:
    text = (
        "U.S. officials condemned the violence on Saturday. "
        "The army fired warning shots over the crowd on Sunday. "
        "Egyptian soldiers then withdrew from the square on Monday."
    )
    army = force_of(text, "fired warning shots")
    assert army is not None and (army.country, army.inferred) == ("EGY", COUNTRY_FROM_CONTEXT)


FORCE_CASES = [
    # Russian troops shelling Kharkiv do not make its police Russian: a force of another kind
    # is no antecedent, and the officials last named are the better guess
    (
        "Russian troops shelled Kharkiv overnight. "
        "Ukrainian officials said on Monday that four people were killed. "
        "Police later detained a man suspected of guiding the strikes.",
        "detained",
        "UKR",
    ),
    # a page of briefs: after the story moves to Lebanon, 'security forces' are not Iraq's
    (
        "Iraqi security forces fired on protesters in Baghdad on Sunday. "
        "Elsewhere, Lebanese protesters blocked roads in Beirut on Monday. "
        "Security forces used tear gas to disperse them.",
        "tear gas",
        "LBN",
    ),
    # 'A U.S. lawmaker ... the army': the sentence names its country; an army named earlier
    # in another country's story does not override it
    (
        "Egyptian soldiers deployed around the square on Friday. "
        "A U.S. lawmaker said the army arrested two men in Virginia on Monday.",
        "arrested",
        "USA",
    ),
    # police act where they are: the one country a sentence names as a place is theirs, not the
    # country of the officials who spoke before
    (
        "U.S. officials condemned the violence on Monday. "
        "Police fired tear gas at protesters in Algiers on Tuesday.",
        "fired tear gas",
        "DZA",
    ),
    # the sentence names Algeria as a place ('in Algiers'), so the story's own country holds,
    # not a force named in an earlier story
    (
        "Egyptian soldiers deployed around the square on Friday. "
        "Algeria's president said on Friday that the opposition would not march again. "
        "Security forces clashed with the crowds on Saturday in Algiers.",
        "clashed",
        "DZA",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "country"), FORCE_CASES)
def test_a_bare_forces_country_follows_the_story(text: str, trigger: str, country: str) -> None:
    forces = force_of(text, trigger)
    assert forces is not None and forces.country == country


def test_a_place_word_names_a_country() -> None:
    assert named_countries("Security forces clashed with the crowds in Algiers.") == (
        {"DZA"},
        set(),
    )
    assert named_countries("Egyptian police patrolled Cairo.") == ({"EGY"}, {"EGY"})


def test_a_named_bridge_or_museum_is_no_party() -> None:
    text = (
        "Riot police retreated across the Old Harbour Bridge on Friday. "
        "Looters ransacked the National Museum of Ruritania on Saturday."
    )
    parties = {
        m.trigger.text: [a.name for a in (m.actor1, m.actor2) if a is not None] for m in kept(text)
    }
    assert all("Bridge" not in n and "Museum" not in n for ns in parties.values() for n in ns)
    assert parties["retreated"] == ["Police Forces"]


def test_the_of_of_a_taking_is_what_was_taken() -> None:
    """'the looting of the party's offices by rioters': the offices were looted, the rioters
    looted them (on a noun of no taking, 'the crossing of troops', 'of' names the doer)."""
    text = "The looting of the Workers Party offices by rioters went on for hours on Friday."
    looted = actor1_of(text, "looting")
    assert looted is not None and looted.name.startswith("Rioters")


def test_a_force_with_a_possessive_is_the_possessors() -> None:
    """'its troops' are the troops of whoever 'it' is, the party last named, not the army the
    article named last."""
    text = (
        "Chinese warships began drills around the island on Monday. "
        "Taiwan's government condemned the drills on Tuesday. "
        "It said its troops fired warning shots at a drone on Tuesday."
    )
    said = [m.actor1 for m in flashpoint.extract(text, published=PUBLISHED) if m.actor1]
    troops = next(a for a in said if a.text == "troops")
    assert (troops.role, troops.country) == ("military", "TWN")


def test_a_by_phrase_under_the_patient_is_still_the_agent() -> None:
    """'the release of 200 prisoners by Israel': the parser may hang 'by Israel' on the
    prisoners; Israel released them."""
    text = "The release of 200 Palestinian prisoners by Israel began on Monday."
    released = actor1_of(text, "release")
    assert released is not None and released.country == "ISR"


def test_an_unnamed_crowd_is_of_the_one_country_its_sentence_places_it_in() -> None:
    """ACLED codes a crowd by where it gathers: protests 'in neighbourhoods of Cairo' are
    Egypt's, not those of the country whose officials spoke before."""
    text = (
        "Algerian officials said on Monday that talks would go on. "
        "Peaceful protests took place on Wednesday in other neighbourhoods of Cairo."
    )
    crowd = actor1_of(text, "protests")
    assert crowd is not None and (crowd.role, crowd.country) == ("protesters", "EGY")
