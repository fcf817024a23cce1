"""Where a story is set, for acts whose own words name no country: police the text names
with no country are of the party last named on the spot (not of a government speaking from
afar), and a sentence with no place of its own goes on with the story of the last place named
before it.

Every text here is the team's own, written for one rule each; none is copied from gold data
or from the articles of the eval suites."""

from __future__ import annotations

from flashpoint.clean import clean_text
from flashpoint.extract import extract_mentions
from flashpoint.records import Mention
from flashpoint.stages import locate_mentions

PUBLISHED = "2025-03-09"  # a Sunday


def mentions(text: str) -> list[Mention]:
    clean = clean_text(text)
    return locate_mentions(extract_mentions(clean, published=PUBLISHED), clean.text, None)


def kept(text: str, trigger: str) -> Mention:
    found = [m for m in mentions(text) if not m.dropped and trigger in m.trigger.text]
    assert found, [(m.trigger.text, m.dropped) for m in mentions(text)]
    return found[0]


def test_bare_police_are_of_the_country_the_story_is_set_in() -> None:
    """A foreign government quoted just before does not make the police who fire tear gas
    its own: the article places its story in Egypt."""
    text = (
        "Protesters filled Tahrir Square in Cairo on Friday. Crowds marched in Alexandria and "
        "Suez on Friday. U.S. officials said on Friday that they were watching closely. "
        "Police fired tear gas at the crowd on Saturday."
    )
    found = [
        m for m in mentions(text) if not m.dropped and m.sentence.start >= text.index("Police")
    ]
    police = [
        a for m in found for a in (m.actor1, m.actor2) if a is not None and a.role == "police"
    ]
    assert police and {a.country for a in police} == {"EGY"}, police


def test_a_sentence_with_no_place_goes_on_with_the_story_before_it() -> None:
    """A transcript runs stories together with no blank line: the looting after a sentence on
    Egypt's cities is in Egypt, not in the American city named two sentences before."""
    text = (
        "Protesters filled Cairo again on Friday, and Cairo stayed tense. "
        "Rallies were held in Chicago and Los Angeles on Saturday in support of the uprising. "
        "Order has collapsed across Egypt's largest cities. "
        "As darkness fell, looting spread on Saturday."
    )
    place = kept(text, "looting").place
    assert place is not None and place.country == "EGY", place


def test_governments_condemning_from_afar_do_not_make_the_police_theirs() -> None:
    text = (
        "Libyan security forces fired on protesters in Benghazi on Friday, killing 20. "
        "In London, Britain condemned the violence. Libyan officials denied the reports. "
        "Police arrested dozens of people overnight on Friday."
    )
    arrest = kept(text, "arrested")
    assert arrest.actor1 is not None and arrest.actor1.country == "LBY", arrest.actor1


def test_a_toll_after_a_story_set_in_a_country_is_placed_in_that_country() -> None:
    """A bulletin's last story is set 'in Yemen' with no town near: the toll that follows is
    placed in Yemen at country level, not in a town of an earlier story."""
    text = (
        "Turning to Libya, rebels captured the town of Ajdabiya on Saturday. Across Syria, "
        "protesters took to the streets after Friday prayers. And in Yemen, a bomb exploded "
        "outside a mosque on Saturday. Three people were killed on Saturday."
    )
    toll = [m for m in mentions(text) if m.sentence.start >= text.index("Three")]
    assert toll and all(m.place is not None and m.place.country == "YEM" for m in toll), [
        m.place for m in toll
    ]


def test_a_country_in_a_clause_or_on_a_noun_sets_no_story() -> None:
    """'inspired by the revolt in Egypt' says what moved the crowd, not where the story is:
    the shooting after it stays in Sanaa."""
    text = (
        "Students rallied in Sanaa on Saturday, inspired by the revolt in Egypt. "
        "Two people were shot dead on Saturday."
    )
    place = kept(text, "shot").place
    assert place is not None and place.country == "YEM", place
