"""What a relative clause leaves out is the noun it describes ("the papers they released"); an
act named as the subject of a judgement, as a to-infinitive too, is a kind of act; an -ing
adjunct shares its clause's modal; a spell of weather is no blast; a game and its score are
no combat (senses.py, patients.gap_object, predicated.act_as_subject, mode._free_adjunct_head,
sense_rules.tsv, type_rules.tsv). Every sentence is the team's own, written to one definition
each; the guards beside them must stay news."""

from __future__ import annotations

import pytest
from test_descriptions_and_totals import PUBLISHED, verdict

import flashpoint


@pytest.mark.parametrize(
    ("text", "event_type", "code"),
    [
        # the object a relative clause leaves out is the noun it describes
        ("Her lawyers quoted papers they released on Monday.", "release", "other_sense"),
        # a spell of weather
        (
            "Another winter blast hit the coast on Wednesday, forecasters said.",
            "remote_explosive",
            "other_sense",
        ),
        # a to-infinitive as the subject of a judgement in the present names a kind of act
        ("To send troops into battle is a grave duty, the minister said.", "deployment", "generic"),
        ("It is a war crime to shell homes, the envoy said.", "shelling", "generic"),
        # goods ordered are bought, not commanded
        (
            "The tents had been ordered for the rainy season.",
            "order_directive",
            "other_sense",
        ),
        # records destroyed are evidence lost, not property destroyed in a conflict
        (
            "The photographs were destroyed after the scandal, the documents show.",
            "property_destruction",
            "other_sense",
        ),
        # a claim shot down is rejected
        ("The minister shot down the speculation at a press conference.", "attack", "other_sense"),
        # an -ing adjunct is as hypothetical as the clause it hangs on
        ("The court could convict him, leading to his execution.", "attack", "hypothetical"),
    ],
)
def test_reports_no_act_of_its_own(text: str, event_type: str, code: str) -> None:
    assert verdict(text, event_type) == code


@pytest.mark.parametrize(
    "text",
    [
        "The Lions lost their fifth straight game on Monday, falling to the Rams 99-96.",
        "The visitors stormed to a 3-0 win in the cup match on Saturday.",
        "The Hawks attacked from the start and won the match 2-1 on Saturday.",
    ],
)
def test_a_game_and_its_score_are_no_combat(text: str) -> None:
    kept = [m for m in flashpoint.extract(text, published=PUBLISHED) if not m.dropped]
    assert kept == []


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # people seized in a relative clause are abducted, not ground taken
        ("Rebels freed the men they had seized on Monday.", "abduction"),
        # a relative pronoun as the subject leaves the noun the doer, not the object
        ("The rebels who released the hostages on Monday were paid.", "release"),
        # a building that holds an archive is property
        ("Shelling destroyed the archive building on Monday.", "property_destruction"),
        ("Militants shot down a helicopter on Friday.", "armed_clash"),
        # one act judged in the past is news
        ("To attack the convoy was a mistake, the general admitted.", "armed_clash"),
        # an adjunct of a clause that tells what happened happened too
        ("Troops stormed the town on Monday, killing dozens.", "armed_clash"),
        # violence at a match is violence; a range of attackers and a party's league are
        # no game and its score
        ("Fans clashed with police after the 2-1 match on Sunday.", "violent_demonstration"),
        ("On 13 May, at least 5-6 armed men shot a leader of the Youth League.", "attack"),
    ],
)
def test_acts_stay(text: str, event_type: str) -> None:
    assert verdict(text, event_type) == ""


@pytest.mark.parametrize(
    "text",
    [
        "The prime minister was due to visit the border post on Monday.",
        "The two leaders were due to meet in Geneva on Monday.",
    ],
)
def test_what_was_due_is_planned(text: str) -> None:
    """'was due to', 'were set to': scheduled, and the text does not say it took place."""
    found = flashpoint.extract(text, published=PUBLISHED)
    assert found and {m.mode for m in found} == {"planned"}
