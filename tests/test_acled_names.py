"""ACLED's actor names where they follow the act (extract/acled_names.py), and a capital in
front of a noun read as a place, not its government (extract/roles.city_in_front)."""

from __future__ import annotations

import pytest

import flashpoint
from flashpoint.merge.anchors import anchors
from flashpoint.ontology import load_ontology
from flashpoint.records import STATE_FORCE_RULE, Mention


def _acts(text: str, published: str = "2025-04-23") -> list[Mention]:
    return [m for m in flashpoint.extract(text, published=published) if not m.dropped]


def _actor1(text: str, trigger: str) -> str | None:
    acts = [m for m in _acts(text) if m.trigger.text.startswith(trigger)]
    assert acts, [(m.trigger.text, m.type) for m in _acts(text)]
    names = {m.actor1.name if m.actor1 is not None else None for m in acts}
    assert len(names) == 1, names
    return names.pop()


def test_every_armed_act_names_a_state_by_its_military() -> None:
    for t in load_ontology().values():
        if t.family in ("violence", "explosion", "posture") and t.type != (
            "non_state_overtakes_territory"
        ):
            assert t.state_force == "military", t.type
        if t.family == "political":
            assert t.state_force == "", t.type  # a statement is the government's
    for t in ("protest_with_intervention", "excessive_force_against_protesters", "arrest"):
        assert load_ontology()[t].state_force == "police"


@pytest.mark.parametrize(
    ("text", "trigger", "name"),
    [
        (
            "China began military drills around Taiwan on Tuesday.",
            "military drills",
            "Military Forces of China",
        ),
        ("Russia shelled Kharkiv on Monday.", "shelled", "Military Forces of Russia"),
        ("Egypt arrested 40 people in Cairo on Monday.", "arrested", "Police Forces of Egypt"),
        # a capital standing for its state, as a possessor
        (
            "Moscow's strikes on Kyiv killed three people on Monday.",
            "strikes",
            "Military Forces of Russia",
        ),
        # the government named as such stays the government
        (
            "The US government deployed troops to the border on Monday.",
            "deployed",
            "Government of the United States",
        ),
        # a statement is the government's, whatever it is about
        ("Japan condemned the missile launch on Monday.", "condemned", "Government of Japan"),
    ],
)
def test_a_state_named_by_its_country_is_the_force_that_does_the_act(
    text: str, trigger: str, name: str
) -> None:
    assert _actor1(text, trigger) == name


def test_the_renaming_is_recorded_and_still_ties_reports_of_one_drill() -> None:
    (bare,) = [m for m in _acts("China began military drills around Taiwan on Tuesday.")]
    (named,) = [
        m
        for m in _acts("China's military launched joint exercises around Taiwan yesterday.")
        if m.type == "military_exercise"
    ]
    assert ("actor1", STATE_FORCE_RULE) in bare.inferred
    assert bare.actor2 is None  # "military" in "military drills" is the kind of drill
    assert "actor:Military Forces of China" in anchors(bare) & anchors(named)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The London bombings on Thursday killed 52 people.", "bombings"),
        ("A Kabul blast killed nine people on Monday.", "blast"),
    ],
)
def test_a_capital_in_front_of_an_act_is_where_it_was_not_who_did_it(
    text: str, trigger: str
) -> None:
    acts = _acts(text, "2025-07-10")
    assert any(m.trigger.text == trigger for m in acts), acts
    assert all(m.actor1 is None or m.actor1.role != "government" for m in acts), [
        (m.trigger.text, m.actor1) for m in acts
    ]
    assert all(a.role != "government" for m in acts for a in m.actors)


def test_a_capital_in_front_of_a_force_leaves_the_force() -> None:
    acts = _acts("Kabul police arrested nine people on Monday.", "2025-07-10")
    assert [m.actor1.role if m.actor1 else None for m in acts] == ["police"]


def test_the_agent_is_renamed_in_its_acled_slot_and_is_not_its_own_patient() -> None:
    (dispersal,) = [
        m
        for m in _acts("Egypt dispersed the protesters with tear gas in Cairo on Monday.")
        if m.type == "protest_with_intervention"
    ]
    assert dispersal.actor2 is not None and dispersal.actor2.name == "Police Forces of Egypt"
    assert ("actor2", STATE_FORCE_RULE) in dispersal.inferred
    (offensive,) = _acts("Russia launched a military offensive in the east on Monday.")
    assert offensive.actor1 is not None and offensive.actor1.name == "Military Forces of Russia"
    assert offensive.actor2 is None  # "military" is the kind of offensive, not its target
