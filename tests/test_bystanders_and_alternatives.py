"""Who did an act that a sentence names only as what someone met, escaped or stopped; acts
named as the course not taken; and acts named as a kind in the present.

- A noun act that is the object of a verb of meeting, watching or fleeing
  (``bystander_verb`` in data/role_cues.tsv) is not its subject's act: "residents fled the
  fighting" tells no fighting by residents. One of fighting off, putting down or surviving
  (``resisting_verb``) makes its subject the act's other party: "soldiers quelled the riot".
- "evaded arrest" tells that no arrest was made (sense_rules.tsv).
- "rather than X", "instead of X": X is the course not taken, so no act (comparisons.py).
- "all" or "most" on a plural noun act told in the simple present says what such acts are
  (``present_generic_determiner``), not that one took place.
- A capacity ("equipped to do battle") is no act done; a person or an effort sabotaged or
  abandoned, or the world mobilised, are other senses than the conflict ones.

Every sentence is the team's own, written to one definition each.
"""

from __future__ import annotations

import pytest

import flashpoint
from flashpoint.records import Mention

PUBLISHED = "2025-03-07"  # a Friday


def mentions(text: str) -> list[Mention]:
    return flashpoint.extract(text, published=PUBLISHED)


def candidate(text: str, trigger: str) -> Mention:
    found = [m for m in mentions(text) if trigger in m.trigger.text]
    assert found, f"no candidate on {trigger!r} in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Residents fled the fighting in the northern districts on Thursday.", "fighting"),
        ("Farmers witnessed the massacre near the river on Tuesday.", "massacre"),
        ("Soldiers quelled the riot in the market town on Wednesday.", "riot"),
        ("Police contained the looting in the port on Monday.", "looting"),
        ("Villagers survived the shelling of the valley on Tuesday.", "shelling"),
    ],
)
def test_who_meets_or_stops_an_act_is_not_its_doer(text: str, trigger: str) -> None:
    found = candidate(text, trigger)
    subject = text.split()[0]
    assert found.actor1 is None or found.actor1.text != subject


def test_the_agent_named_on_the_act_still_counts() -> None:
    found = candidate("Residents fled the army's shelling of the valley on Tuesday.", "shelling")
    assert found.actor1 is not None and "army" in found.actor1.text


def test_who_fights_off_an_act_is_its_other_party() -> None:
    text = "Soldiers repulsed an assault by rebels on the town on Tuesday."
    found = candidate(text, "assault")
    assert found.actor2 is not None and found.actor2.text == "Soldiers"
    assert found.actor1 is not None and found.actor1.text == "rebels"


def test_an_act_the_subject_calls_its_own_stays_its_own() -> None:
    found = candidate("The army filmed its airstrikes on the rebel camp on Monday.", "airstrikes")
    assert found.actor1 is not None and found.actor1.text == "army"


def test_an_agent_in_a_participle_after_the_act_is_its_doer() -> None:
    found = candidate("Protesters fled the tear gas fired by police on Monday.", "tear gas")
    parties = {p.text for p in (found.actor1, found.actor2) if p is not None}
    assert "police" in parties


def test_a_verb_of_doing_keeps_its_subject_as_the_doer() -> None:
    found = candidate("Rebels launched an offensive on the town on Tuesday.", "offensive")
    assert found.actor1 is not None and found.actor1.text == "Rebels"


@pytest.mark.parametrize("verb", ["evaded", "escaped"])
def test_an_arrest_evaded_did_not_happen(verb: str) -> None:
    found = candidate(f"The smuggler {verb} arrest at the border on Tuesday.", "arrest")
    assert found.dropped


def test_an_ambush_evaded_did_happen() -> None:
    found = candidate(
        "The rebels evaded an ambush by the army near the river on Tuesday.", "ambush"
    )
    assert not found.dropped


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The rebels chose to negotiate rather than attack the town on Monday.", "attack"),
        ("The men were shot by soldiers rather than killed in crossfire.", "crossfire"),
        ("Police detained the organisers instead of arresting the protesters.", "arresting"),
    ],
)
def test_the_course_not_taken_is_no_act(text: str, trigger: str) -> None:
    assert candidate(text, trigger).dropped.startswith("negated")


def test_the_course_taken_stays() -> None:
    found = candidate("The rebels chose to negotiate rather than attack the town.", "negotiate")
    assert not found.dropped.startswith("negated")
    kept = candidate("Other than the attack on the market, the town was quiet on Monday.", "attack")
    assert not kept.dropped


def test_a_noun_after_rather_than_contrasts_what_is_told() -> None:
    text = "The arrests rather than the protest itself drew criticism on Monday."
    assert not candidate(text, "protest").dropped.startswith("negated")


def test_an_act_measured_against_in_an_ing_clause_is_no_report() -> None:
    text = "They would rather watch football on Saturday than demonstrating outside parliament."
    assert candidate(text, "demonstrating").dropped.startswith("background")


@pytest.mark.parametrize(
    "text",
    [
        "Officials say all suicide attacks in the province are carried out by one cell.",
        "Most protests in the capital are peaceful.",
    ],
)
def test_all_or_most_acts_in_the_present_name_a_kind(text: str) -> None:
    found = [m for m in mentions(text) if m.type in ("suicide_bombing", "peaceful_protest")]
    assert found and all(m.dropped.startswith("generic") for m in found)


@pytest.mark.parametrize(
    "text",
    [
        "All three attacks on Monday were claimed by the group.",
        "All the attacks in the port are being investigated by the police.",
    ],
)
def test_all_the_acts_are_particular_ones(text: str) -> None:
    assert not candidate(text, "attacks").dropped.startswith("generic")


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # a capacity or a skill is no act done (irrealis_governor)
        ("The frigate was equipped to do battle with submarines.", "armed_clash"),
        # a person or an effort undermined, left or rallied: other senses (sense_rules.tsv)
        ("I had been sabotaged by the agency all along.", "property_destruction"),
        (
            "He was abandoned by the party he had served for years.",
            "non_violent_territory_transfer",
        ),
        ("The preacher tried to mobilise the Muslim world against the occupation.", "deployment"),
    ],
)
def test_capacities_and_other_senses_give_no_event(text: str, event_type: str) -> None:
    found = [m for m in mentions(text) if m.type == event_type]
    assert found and all(m.dropped for m in found)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Militants sabotaged the pipeline near the border on Monday.", "property_destruction"),
        (
            "Rebels abandoned their positions near the town on Monday.",
            "non_violent_territory_transfer",
        ),
        ("The army mobilised reservists on Monday.", "deployment"),
    ],
)
def test_the_conflict_senses_stay(text: str, event_type: str) -> None:
    found = [m for m in mentions(text) if m.type == event_type]
    assert found and not found[0].dropped


def test_the_of_of_a_criticism_is_what_is_criticised() -> None:
    text = "The senator kept up his criticism of the White House on Thursday."
    found = candidate(text, "criticism")
    assert found.actor1 is None or found.actor1.text != "White House"
    assert found.actor2 is not None and found.actor2.text == "White House"
