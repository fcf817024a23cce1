"""A noun act with a passive to-infinitive of holding right after it is yet to happen ("a
meeting to be held shortly": ``noun_infinitive`` in data/mode_cues.tsv); another sense of a cue
word gives no event ("to accord him security", "my nerves were shot": data/sense_rules.tsv);
an act in the that-clause of a view put forward is not told as done ("the theory that the
army shelled the town": ``view_noun`` in realis_cues.tsv). A bare plural act in 'in the face
of' is a backdrop, and what a thing is purported to be is no party's claim.

Every sentence is the team's own, written to one definition each.
"""

from __future__ import annotations

import pytest

import flashpoint
from flashpoint.records import Mention

PUBLISHED = "2025-03-07"  # a Friday


def mentions(text: str) -> list[Mention]:
    return flashpoint.extract(text, published=PUBLISHED)


def of_type(text: str, event_type: str) -> Mention:
    found = [m for m in mentions(text) if m.type == event_type]
    assert found, f"no {event_type} in {text!r}: {[m.type for m in mentions(text)]}"
    return found[0]


def test_a_meeting_to_be_held_is_ahead() -> None:
    text = (
        "The officers have raised the issue with the agenda of a meeting of the army council "
        "to be held shortly."
    )
    assert of_type(text, "meeting").mode == "planned"


def test_people_to_be_freed_were_still_taken() -> None:
    text = "The hostages to be freed under the deal were moved on Monday."
    assert of_type(text, "abduction").mode != "planned"


def test_the_first_to_be_arrested_was_arrested() -> None:
    assert of_type("The first man to be arrested was a soldier.", "arrest").mode == "happened"


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("After a week on the front line my nerves were shot.", "attack"),
        (
            "critics questioned the move to accord ''z'' category security to the minister.",
            "agreement",
        ),
    ],
)
def test_idioms_and_other_senses_give_no_event(text: str, event_type: str) -> None:
    assert of_type(text, event_type).dropped.startswith("other_sense")


@pytest.mark.parametrize(
    "text",
    [
        "The latest attack to be claimed by the group killed 12 soldiers on Monday.",
        "Another attack to be blamed on the militia killed 20 villagers on Monday.",
        "The meeting in the capital, to be followed by a press conference, began at noon.",
    ],
)
def test_a_ranked_or_set_off_act_is_told(text: str) -> None:
    found = [m for m in mentions(text) if m.type in ("attack", "armed_clash", "meeting")]
    assert found and all(m.mode != "planned" for m in found)


def test_an_act_in_a_theory_is_not_told_as_done() -> None:
    text = "The colonel advanced the theory that the army shelled the town."
    assert of_type(text, "shelling").dropped.startswith("irrealis")
    told = "The theory was tested when the army shelled the town on Monday."
    assert not of_type(told, "shelling").dropped


def test_bare_protests_in_the_face_of_which_one_acts_are_a_backdrop() -> None:
    text = "The king sacked his government in the face of protests."
    assert of_type(text, "peaceful_protest").dropped.startswith("generic")
    told = "Police fled in the face of the mob's attack on Monday."
    assert not of_type(told, "mob_violence").dropped
    dated = "Troops withdrew in the face of militant attacks near the town on Tuesday."
    assert not [m for m in mentions(dated) if m.dropped.startswith("generic: 'in the face")]


def test_what_a_thing_is_purported_to_be_is_no_claim() -> None:
    hedge = "The site posted what is purported to be a guide for the marchers."
    assert of_type(hedge, "claim").dropped.startswith("other_sense")
    for claimed in (
        "The rebels purported to have captured the town on Monday.",
        "The militia purported to be holding 30 hostages on Monday.",
    ):
        assert not of_type(claimed, "claim").dropped
