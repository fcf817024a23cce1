"""A kind of act as a clause's subject, an act noun that labels people, a person 'destroyed',
a count or a percentage of those an act befell, a conjunct inside a clause of speculation,
what was supposed to happen and an exercise in futility: none reports an act of its own
(extract/predicated.py, generic._counted_by, _rate_of_people and _named_by_fate,
clauses.uncertain_content, sense_rules.tsv, realis_cues.tsv). Every sentence is the team's
own, written to one definition each; the guards beside them must stay news."""

from __future__ import annotations

import pytest
from test_descriptions_and_totals import verdict


@pytest.mark.parametrize(
    ("text", "event_type", "code"),
    [
        # an -ing clause as a subject names a kind of act, the topic of a judgement
        ("Killing civilians is a war crime, the envoy said.", "attack", "generic"),
        ("She argues that attacking ports is unlawful.", "attack", "generic"),
        # a copula says what people are: the act noun labels them
        ('They were a "baying mob", the senator said.', "mob_violence", "generic"),
        # a person destroyed is undone, not property destroyed
        ("I am destroyed, the widow said.", "property_destruction", "other_sense"),
        # the count of those an act befell is a total over a time
        (
            "The number of people killed in the riots has reached 120, a rights group said.",
            "attack",
            "statistic",
        ),
        # a percentage of a group of people is a rate over a population
        (
            "About 40 percent of the detainees were tortured, the report said.",
            "attack",
            "statistic",
        ),
        # 'those' named by what befell them
        ("The families of those killed want an apology.", "attack", "generic"),
        # a verb coordinated inside a clause of speculation is speculated too
        (
            "There is speculation that the army is backing the general and has taken "
            "control of the capital.",
            "government_regains_territory",
            "irrealis",
        ),
        # what was supposed to happen did not happen yet
        (
            "He told the court: 'We were supposed to blow up the bridge.'",
            "infrastructure_demolition",
            "irrealis",
        ),
        # an exercise in an abstract undertaking is no military exercise
        (
            "The summit was an exercise in futility, the envoy said.",
            "military_exercise",
            "other_sense",
        ),
    ],
)
def test_reports_no_act_of_its_own(text: str, event_type: str, code: str) -> None:
    assert verdict(text, event_type) == code


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # a dated -ing subject, and a participle with a subject of its own, are acts
        ("Killing the hostages on Monday was a war crime, the envoy said.", "attack"),
        # the fighting going on, and one act judged in the past, are news
        ("Fighting around the airport was intense, a commander said.", "armed_clash"),
        ("Bombing the bridge was a mistake, the general admitted.", "air_strike"),
        ("Rebels attacking the convoy were killed on Tuesday.", "armed_clash"),
        # 'it' may stand for the act: a copula saying what it was reports it
        ("It was a massacre, witnesses said on Thursday.", "attack"),
        # buildings destroyed are property destroyed
        ("Their houses were destroyed by the shelling on Monday.", "property_destruction"),
        # a count of one day's dead is that day's event
        ("The number of people killed on Monday rose to 30.", "attack"),
        # one act's toll, and a count of people doing something, are that event's
        ("The number of people killed in the blast rose to 30.", "remote_explosive"),
        ("The number of people protesting in the square grew to 5,000.", "peaceful_protest"),
        ("Those arrested on Monday were released on Thursday.", "arrest"),
        # a dated share of a crowd, and a share of things, are that event's
        ("Some 30 per cent of the protesters were arrested on Monday.", "arrest"),
        (
            "About 20% of the town's buildings were destroyed in the shelling.",
            "property_destruction",
        ),
        ("Troops held an exercise in defending the island on Monday.", "military_exercise"),
        # a conjunct of a clause that is reported, not speculated, is news
        (
            "Witnesses said that the army surrounded the square on Monday and has taken "
            "control of the capital.",
            "government_regains_territory",
        ),
    ],
)
def test_acts_stay(text: str, event_type: str) -> None:
    assert verdict(text, event_type) == ""
