"""Extraction: the Python and CLI interfaces, provenance, and the seed articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

import flashpoint
from flashpoint.extract.events import _people_country
from flashpoint.extract.mode import load_mode_cues
from flashpoint.extract.triggers import find_triggers
from flashpoint.inflect import inflections
from flashpoint.nlp import load_nlp
from flashpoint.ontology import load_ontology
from flashpoint.records import COUNTRY_FROM_CONTEXT, Mention

WIRE = (
    "Rebel fighters attacked an army post near the town on Tuesday, killing three soldiers, "
    "the military said. Officials said the rebels could attack again next week. "
    "The two sides fought a long war in the 1990s."
)


@pytest.fixture(scope="module")
def wire_mentions() -> list[Mention]:
    return flashpoint.extract(WIRE, published="2025-03-06")


def test_python_interface_returns_typed_mentions(wire_mentions: list[Mention]) -> None:
    assert wire_mentions and all(isinstance(m, Mention) for m in wire_mentions)


def test_every_field_has_its_span(wire_mentions: list[Mention]) -> None:
    for m in wire_mentions:
        assert WIRE[m.trigger.start : m.trigger.end] == m.trigger.text
        assert WIRE[m.sentence.start : m.sentence.end] == m.sentence.text
        assert WIRE[m.raw_start : m.raw_end] == m.sentence.text
        for actor in (m.actor1, m.actor2):
            if actor is not None and not actor.inferred:
                assert WIRE[actor.span_start : actor.span_end] == actor.text
        for q in (m.killed, m.injured, m.participants):
            if q is not None:
                assert WIRE[q.span_start : q.span_end] == q.text
        if m.date is not None and not any(f == "date" for f, _ in m.inferred):
            assert m.date.span_start >= 0


def test_attack_is_dated_counted_and_factual(wire_mentions: list[Mention]) -> None:
    first = wire_mentions[0]
    assert first.date is not None and first.date.start == "2025-03-04"
    assert first.mode == "happened"
    assert first.killed is not None and first.killed.min == 3


def test_forecast_is_not_factual(wire_mentions: list[Mention]) -> None:
    later = [m for m in wire_mentions if "next week" in m.sentence.text]
    assert later and all(m.mode in ("planned", "hypothetical", "threatened") for m in later)


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        (
            "Mediators were trying to broker a ceasefire between the two sides on Monday.",
            "ceasefire",
            "planned",
        ),
        (
            "The government tried to reach a peace deal with the rebels on Monday.",
            "agreement",
            "planned",
        ),
        (
            "The two sides agreed a ceasefire on Monday after mediators worked for weeks.",
            "ceasefire",
            "happened",
        ),
        ("Troops tried to storm the village on Monday.", "armed_clash", "happened"),
        ("Egypt is working to secure a truce between the two sides.", "ceasefire", "planned"),
        # an attempt in another clause, at another act, or another sense of 'work'
        ("Mediators worked hard and a ceasefire was agreed on Monday.", "ceasefire", "happened"),
        ("Rebels tried to break the ceasefire on Monday.", "ceasefire", "happened"),
        (
            "Mediators worked out a ceasefire between the two sides on Monday.",
            "ceasefire",
            "happened",
        ),
        ("The ceasefire is working, officials said on Monday.", "ceasefire", "happened"),
    ],
)
def test_an_agreement_attempted_is_not_reached(text: str, event_type: str, mode: str) -> None:
    """Trying for an agreement does not reach it; an attempted attack is an attack, as ACLED
    codes it (mode_cues.tsv limits the attempt verbs to agreement types)."""
    found = [m for m in flashpoint.extract(text, published="2025-03-06") if m.type == event_type]
    assert found and found[0].mode == mode


def test_history_is_not_dated_on_publication_day(wire_mentions: list[Mention]) -> None:
    old = [m for m in wire_mentions if "1990s" in m.sentence.text]
    assert all(m.mode == "historical" for m in old)
    assert all(m.date is None or m.date.start < "2000-01-01" for m in old)


def test_cli_extract_json(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(WIRE)
    proc = run_cli("extract", str(path), "--published", "2025-03-06", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert rows and {"type", "acled_event_type", "cameo", "mode", "date"} <= set(rows[0])


@pytest.fixture(scope="module")
def seeds_result() -> dict[str, object]:
    from conftest import shared_path

    from flashpoint.evaluation.seeds import run

    return run(shared_path("seeds"))


def test_seeds_no_background_mention_dated_on_publication_day(
    seeds_result: dict[str, object],
) -> None:
    assert seeds_result["background_dated_on_publication_day"] == 0


def test_seeds_repeated_text_yields_no_repeated_mentions(seeds_result: dict[str, object]) -> None:
    assert seeds_result["repeated_mentions"] == 0


def test_seeds_found_events(seeds_result: dict[str, object]) -> None:
    floors = json.loads((Path(__file__).parents[1] / "evals" / "floors.json").read_text())
    found = seeds_result["found_events"]
    assert isinstance(found, int)
    assert found >= floors["suites"]["seeds"]["floors"]["found_events"]


def test_destruction_told_after_a_strike_is_part_of_it() -> None:
    """ACLED codes destruction during an attack within the attack (data/part_of.tsv): the
    undated sentence takes the strike's type and day, marked inferred."""
    text = (
        "A military aircraft bombed a market in the town of Kalaw on Sunday, killing 12 "
        "civilians. Two bombs destroyed about 30 stalls and set several houses on fire."
    )
    found = flashpoint.extract(text, published="2025-03-07")
    burned = [m for m in found if "houses" in m.trigger.text]
    assert burned and burned[0].type == "air_strike"
    assert burned[0].date is not None and burned[0].date.start == "2025-03-02"
    assert dict(burned[0].inferred)["type"].startswith("part of the air_strike")


@pytest.mark.parametrize(
    "claim",
    [
        "Al-Shabaab claimed responsibility in a statement on a website.",
        "Al-Shabaab claimed responsibility for the blast on Sunday.",  # the claim's own day
    ],
)
def test_a_claim_of_responsibility_is_recorded_on_the_attack_it_claims(claim: str) -> None:
    """ACLED codes no claim of its own (data/part_of.tsv, claimed_author): the claim takes
    the attack's type and day, and its group is the attack's claimed author."""
    text = (
        "A roadside bomb struck an army vehicle in the capital on Saturday, killing three "
        "soldiers. The army said the device was detonated by remote control. " + claim
    )
    found = [m for m in flashpoint.extract(text, published="2025-03-24") if not m.dropped]
    assert "claim_responsibility" not in {m.type for m in found}
    claimed = [m for m in found if "claimed" in m.trigger.text]
    assert claimed and claimed[0].type == "remote_explosive"
    assert claimed[0].date is not None and claimed[0].date.start == "2025-03-22"
    assert claimed[0].actor1 is not None and "Shabaab" in claimed[0].actor1.name
    assert dict(claimed[0].inferred)["actor1"].startswith("claimed responsibility")


@pytest.mark.parametrize(
    ("text", "act"),
    [
        (
            "A suicide bomber blew himself up at a checkpoint in the city on Tuesday, killing "
            "12 people. The blast also wounded 20 others, police said.",
            "suicide_bombing",
        ),
        (
            "A landmine exploded near the border on Wednesday, wounding three soldiers. The "
            "blast happened on Wednesday morning as the soldiers worked on a road.",
            "landmine_explosion",
        ),
    ],
)
def test_the_blast_is_the_explosion_the_article_told(text: str, act: str) -> None:
    """A definite 'the blast' after an explosion of another type is that explosion
    (data/part_of.tsv, definite): it takes its type and day and keeps its own count."""
    found = [m for m in flashpoint.extract(text, published="2025-04-03") if not m.dropped]
    blast = [m for m in found if m.trigger.text.lower() == "blast"]
    assert blast and blast[0].type == act
    assert dict(blast[0].inferred)["type"].startswith(f"part of the {act}")


@pytest.mark.parametrize(
    "after",
    [
        "Another bomb exploded at a bus station on Tuesday evening.",
        "The second blast wounded 20 people near the bus station.",
    ],
)
def test_another_bomb_is_another_blast(after: str) -> None:
    text = "A suicide bomber blew himself up at a checkpoint in the city on Tuesday. " + after
    found = [m for m in flashpoint.extract(text, published="2025-04-03") if not m.dropped]
    assert "remote_explosive" in {m.type for m in found}


def test_the_blasts_count_is_kept_only_where_the_act_has_none() -> None:
    text = (
        "A suicide bomber blew himself up at a checkpoint in the city on Tuesday, killing 12 "
        "people. The blast also killed two children and wounded 20 others."
    )
    found = [m for m in flashpoint.extract(text, published="2025-04-03") if not m.dropped]
    [blast] = [m for m in found if m.trigger.text.lower() == "blast"]
    assert blast.killed is None  # two of the twelve, or two more: not the event's toll
    assert blast.injured is not None and blast.injured.min == 20


@pytest.mark.parametrize(
    "claim",
    [
        "On Sunday, Al-Shabaab claimed responsibility for a March 2 attack on a hotel.",
        "Al-Shabaab claimed responsibility for the mosque bombing.",
    ],
)
def test_a_claim_that_names_its_own_attack_stays_a_claim(claim: str) -> None:
    text = (
        "Gunmen attacked a police station in the town on Saturday, killing two officers. " + claim
    )
    found = [m for m in flashpoint.extract(text, published="2025-03-24") if not m.dropped]
    claimed = [m for m in found if "claimed" in m.trigger.text]
    assert claimed and claimed[0].type == "claim_responsibility"


def test_a_claim_with_no_attack_before_it_stays_a_claim() -> None:
    found = flashpoint.extract(
        "Al-Shabaab claimed responsibility for Friday's bombing in Kabul.", published="2025-03-24"
    )
    assert "claim_responsibility" in {m.type for m in found}


def test_destruction_with_no_attack_before_it_stays_its_own_act() -> None:
    found = flashpoint.extract("Several houses were burned in the village.", published="2025-03-07")
    assert [m.type for m in found] == ["property_destruction"]


@pytest.mark.parametrize(
    "text",
    [
        # another incident, another agent, or a toll of an act its own sentence names
        "Jets struck a school in the town on Sunday, killing 20. Separately, a man was "
        "stabbed to death in the capital.",
        "Rebels attacked an army base near the town on Sunday. Soldiers later looted shops.",
        "Drones struck an oil depot on Sunday. A man was killed when Russian shelling hit "
        "the port.",
    ],
)
def test_an_act_told_as_another_incident_is_not_folded_into_the_attack(text: str) -> None:
    found = flashpoint.extract(text, published="2025-03-07")
    assert not any("told just before it" in dict(m.inferred).get("type", "") for m in found)


def test_a_toll_told_with_its_cause_is_that_act_s() -> None:
    text = "A man was killed on Sunday when Russian shelling hit the port."
    killed = next(
        m for m in flashpoint.extract(text, published="2025-03-07") if m.trigger.text == "killed"
    )
    assert killed.type == "shelling"
    assert "that caused it" in dict(killed.inferred)["type"]


@pytest.mark.parametrize(
    "text",
    [
        "Five civilians were killed in the town on Sunday, while in the port a drone strike "
        "damaged a power station.",
        "Militants opened fire with rocket-propelled grenades on an army patrol on Monday.",
    ],
)
def test_a_toll_or_fire_is_not_given_an_unrelated_explosion_s_type(text: str) -> None:
    found = flashpoint.extract(text, published="2025-03-07")
    assert not any(m.type == "shelling" for m in found)
    assert not any("that caused it" in dict(m.inferred).get("type", "") for m in found)


def test_a_folded_toll_leaves_the_event_s_count_alone() -> None:
    text = (
        "Artillery shelled the centre of the city on Sunday, killing 12 civilians. "
        "A 54-year-old man was killed near the market."
    )
    folded = [
        m
        for m in flashpoint.extract(text, published="2025-03-07")
        if dict(m.inferred).get("type", "").startswith("part of")
    ]
    assert [m.type for m in folded] == ["shelling"]
    assert folded[0].killed is None and folded[0].injured is None


@pytest.mark.parametrize(
    ("text", "event_type", "expected"),
    [
        (
            "Writers who claimed to be explaining the reasons for the attacks were named.",
            "claim_responsibility",
            False,
        ),
        (
            "The group claimed the attack on the police station on Monday.",
            "claim_responsibility",
            True,
        ),
        ("Troops crossed the heavily fortified border on Monday.", "border_crossing", True),
    ],
)
def test_a_cue_does_not_reach_into_another_verbs_clause(
    text: str, event_type: str, expected: bool
) -> None:
    """A cue's later words are in its first word's phrase, not in a clause of another verb:
    what was explained is not what was claimed."""
    found = [m.type for m in flashpoint.extract(text, published="2025-03-07")]
    assert (event_type in found) is expected, found


def test_mode_cues_name_only_known_types() -> None:
    """A misspelt type in mode_cues.tsv would switch its cue off without a word."""
    known = set(load_ontology())
    assert all(cue.types <= known for cue in load_mode_cues())
    assert any(cue.types for cue in load_mode_cues())


@pytest.mark.parametrize(
    "text",
    [
        "Additional forces have been rushed to the town, police said.",
        "More troops were rushed to the border on Monday.",
    ],
)
def test_forces_moved_in_the_passive_are_a_deployment(text: str) -> None:
    """A verb that moves forces reads its subject in the passive as what it moves; a verb of
    harm does not ('civilians were killed' is no 'kill civilians' cue)."""
    found = [m for m in flashpoint.extract(text, published="2025-03-10") if not m.dropped]
    assert [m.type for m in found] == ["deployment"], [(m.type, m.dropped) for m in found]


def test_a_charge_d_affaires_summoned_is_a_summons() -> None:
    """A cue may hold a loanword's accented letters: 'summon chargé' (a mission's head)."""
    text = "India summoned Pakistan's chargé d'affaires on Wednesday over the shelling."
    found = [m for m in flashpoint.extract(text, published="2025-02-20") if not m.dropped]
    summons = [m for m in found if m.type == "summon_ambassador"]
    assert summons and "chargé" in summons[0].trigger.text, found


@pytest.mark.parametrize(
    "text",
    [
        "Three injured troops were rushed to hospital after the blast, police said.",
        "The troops were sent home after the exercise ended.",
        "Troops were sent back to their barracks on Monday.",
    ],
)
def test_forces_sent_away_or_hurt_are_no_deployment(text: str) -> None:
    found = [m for m in flashpoint.extract(text, published="2025-03-10") if not m.dropped]
    assert "deployment" not in {m.type for m in found}, [(m.type, m.trigger.text) for m in found]


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        (
            "The ministers signed an agreement on Tuesday setting up the headquarters of a "
            "joint force.",
            "hq_established",
            "planned",
        ),
        ("They signed an agreement setting up the headquarters.", "hq_established", "planned"),
        ("The two sides signed a deal on Monday to withdraw troops.", "withdrawal", "planned"),
        # what broke a deal, or followed it, happened
        (
            "Militants violated the agreement on Sunday, killing two soldiers.",
            "armed_clash",
            "happened",
        ),
        (
            "The army signed an agreement on Tuesday, withdrawing its troops the same day.",
            "withdrawal",
            "happened",
        ),
        ("The deal, freeing 50 prisoners held by rebels, was carried out.", "release", "happened"),
        # the deal and another act: the withdrawal happened
        (
            "The two sides signed a deal on Monday and troops withdrew from the border.",
            "withdrawal",
            "happened",
        ),
    ],
)
def test_the_terms_of_an_agreement_are_to_be_carried_out(
    text: str, event_type: str, mode: str
) -> None:
    assert mode_of(text, event_type) == mode


def mode_of(text: str, event_type: str) -> str | None:
    """The mode of the sentence's (last) candidate of this type; None when there is none."""
    found = {m.type: m for m in flashpoint.extract(text, published="2025-04-09")}
    return found[event_type].mode if event_type in found else None


def test_a_crowd_named_by_its_people_is_of_their_country() -> None:
    """'Thousands of Italians took to the streets' in a story on Egypt: Protesters (Italy), read
    from the words; a crowd the sentence does not name takes the article's country, marked as
    inferred so the geo stage may place it where it gathers."""
    text = (
        "CAIRO, Egypt -- Egyptian protesters marched in Cairo on Friday. Police fired tear gas."
        "\n\nThousands of Italians took to the streets in Rome on Sunday in protest of the "
        "prime minister's conduct."
    )
    found = [m for m in flashpoint.extract(text, published="2011-02-14") if not m.dropped]
    crowds = {m.trigger.text: m.actor1 for m in found if m.actor1 and m.actor1.role == "protesters"}
    italians = crowds["took to the streets"]
    assert italians is not None and (italians.name, italians.country) == (
        "Protesters (Italy)",
        "ITA",
    )
    assert italians.inferred == ""
    unnamed = crowds["fired tear gas"]
    assert unnamed is not None and unnamed.text == "" and unnamed.country == "EGY"
    assert unnamed.inferred == COUNTRY_FROM_CONTEXT


def test_a_peoples_adjective_names_no_party_of_its_own() -> None:
    """'Iraqis' heading its phrase is a party of Iraq; the adjective in 'Iraqi oil' is none."""
    doc = load_nlp()("Iraqis queued for fuel as Iraqi oil exports fell on Monday.")
    norp = {ent.text: _people_country(ent) for ent in doc.ents if ent.label_ == "NORP"}
    assert norp == {"Iraqis": "IRQ", "Iraqi": None}, norp


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        (
            "A page devoted to Friday's planned protests had 80,000 followers.",
            "peaceful_protest",
            "planned",
        ),
        ("Both sides prepared for the proposed talks in Geneva.", "meeting", "planned"),
        # a participle after the noun: "protests planned for this week"
        ("Unions say rallies planned for next month will go ahead.", "peaceful_protest", "planned"),
        # the adjective of another noun, and a protest that was held
        ("Protesters marched to the planned capital yesterday.", "peaceful_protest", "happened"),
    ],
)
def test_a_noun_announced_as_planned_is_planned(text: str, event_type: str, mode: str) -> None:
    assert mode_of(text, event_type) == mode


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        # a to-infinitive on a noun tells what is yet to happen to it
        ("The prisoners to be freed under the deal were named on Monday.", "release", "planned"),
        ("The captives, to be released at the border, are held in a camp.", "release", "planned"),
        # after a first, a last or a superlative it tells what did
        ("He was the first man to be arrested after the riot.", "arrest", "happened"),
        ("She is the youngest soldier to be killed in the war.", "attack", "happened"),
    ],
)
def test_a_to_infinitive_on_a_noun_is_yet_to_happen(text: str, event_type: str, mode: str) -> None:
    assert mode_of(text, event_type) == mode


@pytest.mark.parametrize(
    ("text", "cue", "found"),
    [
        ("A land mine exploded under the truck on Monday.", "land mine", True),
        ("The hills were a land full of mines and empty villages.", "land mine", False),
        ("They reported an exchange of heavy fire near the post.", "exchange of fire", True),
        ("Flames rose from a gas pipeline attack in the town.", "gas attack", False),
        ("The army denied a gas attack on the town.", "gas attack", True),
    ],
)
def test_a_noun_cue_is_one_phrase(text: str, cue: str, found: bool) -> None:
    """The words of a noun cue stay in one noun phrase: a preposition the cue does not name
    starts another ("full of mines" holds no land mine)."""
    cues = [t.cue for t in find_triggers(load_nlp()(text))]
    assert (cue in cues) is found


@pytest.mark.parametrize(
    ("lead", "day"),
    [
        ("Rebels shelled the airport, killing five guards.", "2005-01-15"),
        ("Rebels shelled the airport on Thursday, killing five guards.", "2005-01-13"),
    ],
)
def test_a_publication_stamp_dates_the_lead_like_a_dateline(lead: str, day: str) -> None:
    """An online paper's header and stamp run into the lead: the stamp dates the lead only
    when it gives no date of its own, as a wire dateline does; the headline is the title."""
    text = f"Airport shelled Five guards dead Saturday 15 January 2005 16.18 GMT {lead}"
    found = flashpoint.extract(text, published="2005-01-15")
    shelling = [m for m in found if m.type == "shelling" and not m.dropped]
    assert len(shelling) == 1 and shelling[0].date is not None
    assert shelling[0].date.start == day
    assert all(m.sentence.start == 0 for m in found)  # the headline gives no mention


def test_inflections_read_the_irregular_forms_table() -> None:
    assert {"fight", "fights", "fighting", "fought"} <= inflections("fight")
    assert {"works", "worked", "working"} <= inflections("work")
    assert {"operates", "operated", "operating"} <= inflections("operate")
