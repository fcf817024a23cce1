"""What a relative clause leaves out is the noun it describes ("the figures it released"); an
act named as the subject of a judgement, as a to-infinitive too, is a kind of act; an -ing
adjunct shares its clause's modal; a spell of weather is no blast; a game and its score are
no combat; goods ordered, records destroyed and claims shot down are other senses
(senses.py, patients.gap_object, predicated.act_as_subject, mode._free_adjunct_head,
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
        ("The board discussed the figures it released on Monday.", "release", "other_sense"),
        # a spell of weather
        (
            "An arctic blast froze the plains on Wednesday, forecasters said.",
            "remote_explosive",
            "other_sense",
        ),
        # a to-infinitive as the subject of a judgement in the present names a kind of act
        ("To deploy troops abroad is a grave duty, the minister said.", "deployment", "generic"),
        ("It is a war crime to shell homes, the envoy said.", "shelling", "generic"),
        # goods ordered are bought, not commanded
        ("The tents had been ordered for the rainy season.", "order_directive", "other_sense"),
        # records destroyed are evidence lost, not property destroyed in a conflict
        (
            "The photographs were destroyed after the scandal, the documents show.",
            "property_destruction",
            "other_sense",
        ),
        # a claim shot down is rejected
        ("The minister shot down the speculation at a press conference.", "attack", "other_sense"),
        # an -ing adjunct is as hypothetical as the clause it hangs on
        ("The army could storm the town, leading to a massacre.", "armed_clash", "hypothetical"),
    ],
)
def test_reports_no_act_of_its_own(text: str, event_type: str, code: str) -> None:
    assert verdict(text, event_type) == code


@pytest.mark.parametrize(
    ("game", "same_words_no_score"),
    [
        (
            "The Lions lost their fifth straight game on Monday, falling to the Rams 99-96.",
            "The Lions lost their fifth straight game on Monday, falling to the Rams.",
        ),
        (
            "The visitors stormed to a 3-0 win in the cup match on Saturday.",
            "The visitors stormed to a win in the cup match on Saturday.",
        ),
        (
            "The Hawks attacked from the start and won the match 2-1 on Saturday.",
            "The Hawks attacked from the start and won the match on Saturday.",
        ),
    ],
)
def test_a_game_and_its_score_are_no_combat(game: str, same_words_no_score: str) -> None:
    """The same words without the score do give a candidate: the score and the game drop it."""
    assert flashpoint.extract(same_words_no_score, published=PUBLISHED)
    kept = [m for m in flashpoint.extract(game, published=PUBLISHED) if not m.dropped]
    assert kept == []


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # people seized in a relative clause are abducted, not ground taken
        ("Rebels freed the men they had seized on Monday.", "abduction"),
        # a relative pronoun as the subject leaves the noun the doer, not the object
        ("The rebels who released the hostages on Monday were paid.", "release"),
        # a gap after a preposition, or in a clause of 'whose', is no object of the verb
        ("The governor whose convoy militants fired on was unhurt.", "armed_clash"),
        # one act judged in the past is news
        ("To attack the convoy was a mistake, the general admitted.", "armed_clash"),
        # an adjunct of a clause that tells what happened happened too
        ("Troops stormed the town on Monday, killing dozens.", "armed_clash"),
        # violence at or after a match is violence; a range of attackers and a party's
        # league are no game and its score
        ("Fans clashed with police after the 2-1 match on Sunday.", "violent_demonstration"),
        ("Militants shelled the town after the cup match ended 2-1.", "shelling"),
        ("On 13 May, at least 5-6 armed men shot a leader of the Youth League.", "attack"),
        # a building, an archive or old manuscripts destroyed in fighting are property
        ("Shelling destroyed the archive building on Monday.", "property_destruction"),
        ("Fighters destroyed the national archive on Monday.", "property_destruction"),
        ("Militants shot down a helicopter on Friday.", "armed_clash"),
    ],
)
def test_acts_stay(text: str, event_type: str) -> None:
    assert verdict(text, event_type) == ""


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        # 'due' with a to-infinitive: scheduled, and the text does not say it took place
        ("The president is due to visit the border post on Monday.", "visit", "planned"),
        ("The two leaders were due to hold talks in Geneva on Monday.", "meeting", "planned"),
        # 'due to' a cause tells why, and the cause happened
        ("The deaths were due to shelling by government forces on Monday.", "shelling", "happened"),
        ("The power cut is due to a rebel attack on the grid on Monday.", "attack", "happened"),
        # an -ing clause after a preposition of means or of the same moment is done with its
        # clause, under its modal
        ("The rebels will answer by attacking the convoy.", "armed_clash", "planned"),
        ("The militia will be disarmed upon crossing the border.", "border_crossing", "planned"),
        ("The army could respond by shelling the port.", "shelling", "hypothetical"),
        # 'after' may give a past cause; a clause that tells what happened tells its adjunct
        ("The soldier will face trial after killing three civilians.", "attack", "happened"),
        ("Troops took the town on Monday after shelling the port.", "shelling", "happened"),
        # a perfect modal looks back
        ("The rebels must have cut the road by shelling the bridge.", "shelling", "happened"),
    ],
)
def test_the_mode_a_word_or_a_clause_gives_the_act(text: str, event_type: str, mode: str) -> None:
    found = [m for m in flashpoint.extract(text, published=PUBLISHED) if m.type == event_type]
    assert found and found[0].mode == mode, [(m.type, m.mode) for m in found]


def test_a_crime_tried_is_no_plan() -> None:
    """A preposition of reason ('for') tells the act a judgement is about, done before it."""
    found = flashpoint.extract(
        "The man will be tried for killing two soldiers.", published=PUBLISHED
    )
    assert found and all(m.mode != "planned" for m in found)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("He appeared in a film called The Killing Fields.", "attack"),
        ("The highlight of the festival is the opera The Massacre Of Paris.", "attack"),
    ],
)
def test_a_title_after_a_word_for_a_work_is_no_event(text: str, event_type: str) -> None:
    """A trigger written with a capital in the title of a film, an opera or a book names the
    work ('a film called The Killing Fields')."""
    assert verdict(text, event_type) == "other_sense"


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # no word for a work before the capitalised words: read as ever
        ("The Killing of the mayor on Monday shocked the town.", "attack"),
        ("Gunmen massacred villagers near Paris on Monday.", "attack"),
    ],
)
def test_a_capital_with_no_work_before_it_is_read_as_ever(text: str, event_type: str) -> None:
    assert verdict(text, event_type) == ""
