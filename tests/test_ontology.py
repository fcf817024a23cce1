"""Schema tests that pin the ontology and cue tables to ACLED, CAMEO, PLOVER and CASE 2021.

The standards' vocabularies are written out here on their own, so a wrong table and a wrong
loader cannot agree with each other by accident.
"""

from __future__ import annotations

import re

import pytest

from flashpoint.ontology import (
    Cue,
    EventType,
    OntologyError,
    acled_types,
    cue_rows,
    higher_type,
    load_cues,
    load_ontology,
    ontology_rows,
    parse_tsv,
    validate,
    validate_cues,
)

COLUMNS = [
    "type",
    "label",
    "family",
    "acled_event_type",
    "acled_sub_event_type",
    "disorder_type",
    "acled_rank",
    "cameo",
    "plover_type",
    "plover_mode",
    "case2021",
    "definition",
    "agent_slot",
    "state_force",
    "note",
]
REQUIRED = ["type", "label", "family", "acled_rank", "definition"]

BAT, ERV, VAC = "Battles", "Explosions/Remote violence", "Violence against civilians"
PRO, RIO, SD = "Protests", "Riots", "Strategic developments"

# ACLED's 25 sub-event types and the event type each belongs to.
ACLED_PAIRS = {
    "Armed clash": BAT,
    "Government regains territory": BAT,
    "Non-state actor overtakes territory": BAT,
    "Chemical weapon": ERV,
    "Air/drone strike": ERV,
    "Suicide bomb": ERV,
    "Shelling/artillery/missile attack": ERV,
    "Remote explosive/landmine/IED": ERV,
    "Grenade": ERV,
    "Sexual violence": VAC,
    "Attack": VAC,
    "Abduction/forced disappearance": VAC,
    "Peaceful protest": PRO,
    "Protest with intervention": PRO,
    "Excessive force against protesters": PRO,
    "Violent demonstration": RIO,
    "Mob violence": RIO,
    "Agreement": SD,
    "Arrests": SD,
    "Change to group/activity": SD,
    "Disrupted weapons use": SD,
    "Headquarters or base established": SD,
    "Looting/property destruction": SD,
    "Non-violent transfer of territory": SD,
    "Other": SD,
}

# ACLED's disorder type for each sub-event type that is not decided by its event type alone.
DISORDER_EXCEPTIONS = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Violent demonstration": "Demonstrations",
    "Mob violence": "Political violence",
}
DISORDER_BY_EVENT = {
    BAT: "Political violence",
    ERV: "Political violence",
    VAC: "Political violence",
    PRO: "Demonstrations",
    SD: "Strategic developments",
}

# CASE 2021 Task 2: the 25 ACLED-derived classes (1:1 with the sub-event types) and 5 unseen.
CASE_FOR_SUB = {
    "Armed clash": "ARMED_CLASH",
    "Air/drone strike": "AIR_STRIKE",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Grenade": "GRENADE",
    "Suicide bomb": "SUIC_BOMB",
    "Chemical weapon": "CHEM_WEAP",
    "Attack": "ATTACK",
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Sexual violence": "SEX_VIOL",
    "Mob violence": "MOB_VIOL",
    "Violent demonstration": "VIOL_DEMONSTR",
    "Peaceful protest": "PEACE_PROTEST",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Arrests": "ARREST",
    "Disrupted weapons use": "DISR_WEAP",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Agreement": "AGREEMENT",
    "Other": "OTHER",
}
CASE_UNSEEN = {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"}
CASE_CLASSES = set(CASE_FOR_SUB.values()) | CASE_UNSEEN

PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "DEMAND",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
    "ASSAULT", "FIGHT",
}  # fmt: skip

# Types the brief names: posture and border events, and the political events around them.
MUST_HAVE = {
    "armed_clash": (BAT, "Armed clash"),
    "border_crossing": (SD, "Change to group/activity"),
    "warning_shots": (SD, "Change to group/activity"),
    "mine_laying": (SD, "Change to group/activity"),
    "fortification": (SD, "Change to group/activity"),
    "deployment": (SD, "Change to group/activity"),
    "infrastructure_demolition": (SD, "Change to group/activity"),
    "accidental_detonation": (SD, "Disrupted weapons use"),
    "disrupted_weapons_use": (SD, "Disrupted weapons use"),
    "military_exercise": None,
    "weapons_test": None,
    "visit": ("", ""),
    "meeting": ("", ""),
    "treaty_signed": ("", ""),
    "condemnation": ("", ""),
    "summon_ambassador": ("", ""),
    "threat": ("", ""),
    "sanction": ("", ""),
    "claim": ("", ""),
    "denial": ("", ""),
    "order_directive": ("", ""),
    "legislative_act": ("", ""),
    "claim_responsibility": ("", ""),
    "organized_crime": ("", ""),
    "natural_disaster": ("", ""),
    "man_made_disaster": ("", ""),
}

# Cues the rule-based extractor relies on, and the type each must point to.
MUST_CUE = {
    ("cross border", "border_crossing"),
    ("fire warning shot", "warning_shots"),
    ("lay mine", "mine_laying"),
    ("summon ambassador", "summon_ambassador"),
    ("airstrike", "air_strike"),
    ("drone strike", "air_strike"),
    ("shell", "shelling"),
    ("ambush", "armed_clash"),
    ("clash", "armed_clash"),
    ("abduct", "abduction"),
    ("kidnap", "abduction"),
    ("arrest", "arrest"),
    ("detain", "arrest"),
    ("protest", "peaceful_protest"),
    ("rally", "peaceful_protest"),
    ("tear gas", "protest_with_intervention"),
    ("riot", "violent_demonstration"),
    ("loot", "looting"),
    ("torch", "property_destruction"),
    ("ied", "remote_explosive"),
    ("roadside bomb", "remote_explosive"),
    ("landmine", "landmine_explosion"),
    ("suicide bomber", "suicide_bombing"),
    ("grenade", "grenade_attack"),
    ("condemn", "condemnation"),
    ("sign agreement", "treaty_signed"),
    ("visit", "visit"),
    ("deny", "denial"),
    ("amend constitution", "legislative_act"),
    ("claim responsibility", "claim_responsibility"),
    ("tighten security", "deployment"),
}


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return ontology_rows()


@pytest.fixture(scope="module")
def cues() -> list[dict[str, str]]:
    return cue_rows()


# --- the ontology table -------------------------------------------------------------------


def test_columns_are_exactly_the_schema(rows: list[dict[str, str]]) -> None:
    for row in rows:
        assert list(row) == COLUMNS


def test_required_cells_are_filled(rows: list[dict[str, str]]) -> None:
    empty = [(r["type"], c) for r in rows for c in REQUIRED if not r[c].strip()]
    assert empty == []


def test_type_ids_are_unique_snake_case(rows: list[dict[str, str]]) -> None:
    ids = [r["type"] for r in rows]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", i) for i in ids), ids
    assert 45 <= len(ids) <= 70


def test_families(rows: list[dict[str, str]]) -> None:
    families = {r["family"] for r in rows}
    assert families <= {
        "violence", "explosion", "protest", "riot", "strategic", "posture", "political", "other",
    }  # fmt: skip
    assert {"violence", "explosion", "protest", "riot", "strategic", "posture", "political"} <= (
        families
    )


def test_acled_event_type_is_one_of_six_or_empty(rows: list[dict[str, str]]) -> None:
    for r in rows:
        assert r["acled_event_type"] in {BAT, ERV, VAC, PRO, RIO, SD, ""}, r["type"]
        assert bool(r["acled_event_type"]) == bool(r["acled_sub_event_type"]), r["type"]


def test_every_acled_sub_event_type_present_with_its_event_type(
    rows: list[dict[str, str]],
) -> None:
    assert len(ACLED_PAIRS) == 25
    used = {r["acled_sub_event_type"] for r in rows if r["acled_sub_event_type"]}
    assert used == set(ACLED_PAIRS)
    for r in rows:
        if r["acled_sub_event_type"]:
            assert ACLED_PAIRS[r["acled_sub_event_type"]] == r["acled_event_type"], r["type"]


def test_disorder_type_follows_the_event_type(rows: list[dict[str, str]]) -> None:
    for r in rows:
        sub = r["acled_sub_event_type"]
        if not sub:
            assert r["disorder_type"] == "", r["type"]
            continue
        want = DISORDER_EXCEPTIONS.get(sub) or DISORDER_BY_EVENT[r["acled_event_type"]]
        assert r["disorder_type"] == want, r["type"]


def test_acled_rank_implements_the_hierarchy(rows: list[dict[str, str]]) -> None:
    rank: dict[str, set[int]] = {}
    for r in rows:
        rank.setdefault(r["acled_event_type"], set()).add(int(r["acled_rank"]))
    assert all(len(v) == 1 for v in rank.values()), rank
    one = {k: next(iter(v)) for k, v in rank.items()}
    assert one[BAT] == one[ERV] == one[VAC] > one[RIO] > one[PRO] > one[SD] > one[""] == 0


def test_case2021_classes(rows: list[dict[str, str]]) -> None:
    assert len(CASE_CLASSES) == 30
    used = {r["case2021"] for r in rows if r["case2021"]}
    assert used <= CASE_CLASSES
    assert used == CASE_CLASSES  # every class has a flashpoint type
    for r in rows:
        if r["acled_sub_event_type"]:
            assert r["case2021"] == CASE_FOR_SUB[r["acled_sub_event_type"]], r["type"]
        else:
            assert r["case2021"] in CASE_UNSEEN | {""}, r["type"]


def test_cameo_codes_are_well_formed(rows: list[dict[str, str]]) -> None:
    coded = [r for r in rows if r["cameo"]]
    assert len(coded) >= 45
    for r in coded:
        code = r["cameo"]
        assert re.fullmatch(r"\d{2,4}", code), (r["type"], code)
        assert 1 <= int(code[:2]) <= 20, (r["type"], code)


def test_cameo_spot_checks(rows: list[dict[str, str]]) -> None:
    cameo = {r["type"]: r["cameo"] for r in rows}
    assert cameo["visit"] == "042"
    assert cameo["treaty_signed"] == "057"
    assert cameo["arrest"] == "173"
    assert cameo["abduction"] == "181"
    assert cameo["shelling"] == "194"
    assert cameo["air_strike"] == "195"
    assert cameo["sanction"] == "163"
    assert cameo["threat"] == "130"


def test_plover(rows: list[dict[str, str]]) -> None:
    for r in rows:
        if r["plover_type"]:
            assert r["plover_type"] in PLOVER, r["type"]
        if r["plover_mode"]:
            assert r["plover_type"], r["type"]
            assert re.fullmatch(r"[a-z]+(-[a-z]+)*", r["plover_mode"]), r["type"]
    plover = {r["type"]: (r["plover_type"], r["plover_mode"]) for r in rows}
    assert plover["abduction"] == ("ASSAULT", "abduct")
    assert plover["visit"] == ("CONSULT", "visit")
    assert plover["arrest"] == ("COERCE", "arrest")
    assert plover["peaceful_protest"][0] == "PROTEST"


def test_named_types_present_with_their_acled_mapping(rows: list[dict[str, str]]) -> None:
    by_id = {r["type"]: r for r in rows}
    for type_id, want in MUST_HAVE.items():
        assert type_id in by_id, type_id
        if want is not None:
            got = (by_id[type_id]["acled_event_type"], by_id[type_id]["acled_sub_event_type"])
            assert got == want, type_id


def test_definitions_are_short_sentences(rows: list[dict[str, str]]) -> None:
    for r in rows:
        d = r["definition"]
        assert 30 <= len(d) <= 300, r["type"]
        assert d[0].isupper() and d.endswith("."), r["type"]


def test_table_validates_clean(rows: list[dict[str, str]]) -> None:
    assert validate(rows) == []


# --- validate() must catch broken tables ----------------------------------------------------


def _broken(rows: list[dict[str, str]], type_id: str, **changes: str) -> list[dict[str, str]]:
    return [{**r, **changes} if r["type"] == type_id else dict(r) for r in rows]


@pytest.mark.parametrize(
    ("type_id", "changes", "expect"),
    [
        ("armed_clash", {"acled_event_type": "Battle"}, "not one of ACLED's six"),
        ("armed_clash", {"acled_event_type": RIO}, "belongs to 'Battles'"),
        ("armed_clash", {"acled_sub_event_type": "Armed Clash"}, "not an ACLED sub-event"),
        ("armed_clash", {"disorder_type": "Demonstrations"}, "disorder_type"),
        ("armed_clash", {"case2021": "AIR_STRIKE"}, "case2021"),
        ("visit", {"case2021": "ARMED_CLASH"}, "ACLED class but ACLED is empty"),
        ("visit", {"cameo": "2101"}, "not a CAMEO code"),
        ("visit", {"cameo": "99"}, "not a CAMEO code"),
        ("visit", {"cameo": "42a"}, "not a CAMEO code"),
        ("visit", {"plover_type": "MEET"}, "not a PLOVER event type"),
        ("visit", {"plover_type": "", "plover_mode": "visit"}, "without a plover_type"),
        ("visit", {"acled_rank": "2"}, "must be 0"),
        ("visit", {"family": "diplomacy"}, "family"),
        ("visit", {"label": ""}, "label is empty"),
        ("arrest", {"acled_rank": "5"}, "different acled_rank"),
        ("peaceful_protest", {"acled_rank": "high"}, "not an integer"),
        ("visit", {"type": "Visit"}, "snake_case"),
        ("visit", {"type": "armed_clash"}, "duplicate type id"),
    ],
)
def test_validate_catches(
    rows: list[dict[str, str]], type_id: str, changes: dict[str, str], expect: str
) -> None:
    problems = validate(_broken(rows, type_id, **changes))
    assert any(expect in p for p in problems), problems


def test_validate_catches_inverted_hierarchy(rows: list[dict[str, str]]) -> None:
    inverted = [{**r, "acled_rank": "5"} if r["acled_event_type"] == SD else r for r in rows]
    problems = validate(inverted)
    assert any("'Battles' must rank above 'Strategic developments'" in p for p in problems)
    flat = [{**r, "acled_rank": "1"} if r["acled_event_type"] else r for r in rows]
    assert any("must rank above" in p for p in validate(flat))


def test_validate_catches_missing_column(rows: list[dict[str, str]]) -> None:
    cut = [{k: v for k, v in r.items() if k != "cameo"} for r in rows]
    assert any("missing column 'cameo'" in p for p in validate(cut))


def test_parse_tsv_rejects_long_rows_and_pads_short_ones() -> None:
    with pytest.raises(OntologyError, match="row 1 has 3 cells"):
        parse_tsv("# comment\na\tb\n1\t2\t3\n")
    assert parse_tsv("# comment\na\tb\n\n1\t2\n3\n") == [
        {"a": "1", "b": "2"},
        {"a": "3", "b": ""},
    ]


# --- the cue table ---------------------------------------------------------------------------


def test_cue_columns_and_size(cues: list[dict[str, str]]) -> None:
    assert all(list(c) == ["type", "cue", "pos", "weight", "note"] for c in cues)
    assert len(cues) >= 300


def test_every_cue_type_exists_and_every_type_has_cues(
    rows: list[dict[str, str]], cues: list[dict[str, str]]
) -> None:
    types = {r["type"] for r in rows}
    cue_types = {c["type"] for c in cues}
    assert cue_types - types == set()
    assert types - cue_types == set()


def test_cue_cells(cues: list[dict[str, str]]) -> None:
    pairs = [(c["type"], c["cue"]) for c in cues]
    assert len(pairs) == len(set(pairs))
    for c in cues:
        assert c["pos"] in {"VERB", "NOUN", "ANY"}, c
        assert 0.0 <= float(c["weight"]) <= 1.0, c
        assert c["cue"] == c["cue"].lower().strip(), c
        assert re.fullmatch(r"[a-z0-9'.à-ÿ]+( [a-z0-9'.à-ÿ]+)*", c["cue"]), c
        assert not {"a", "an", "the"} & set(c["cue"].split()), c


def test_cues_are_lemmas(cues: list[dict[str, str]]) -> None:
    """Obvious inflections are not cues: "kill" not "killed", "troop" not "troops"."""
    inflected = {"killed", "laid", "fired", "shots", "troops", "mines", "crossed", "talks"}
    for c in cues:
        assert not inflected & set(c["cue"].split()), c


def test_required_cues_present(cues: list[dict[str, str]]) -> None:
    have = {(c["cue"], c["type"]) for c in cues}
    assert MUST_CUE - have == set()


def test_multiword_nouns_present(cues: list[dict[str, str]]) -> None:
    multi = [c for c in cues if " " in c["cue"] and c["pos"] == "NOUN"]
    assert len(multi) >= 100


def test_cues_validate_clean(rows: list[dict[str, str]], cues: list[dict[str, str]]) -> None:
    assert validate_cues(cues, {r["type"] for r in rows}) == []


def test_validate_cues_catches(rows: list[dict[str, str]], cues: list[dict[str, str]]) -> None:
    types = {r["type"] for r in rows}
    bad = [
        {"type": "no_such_type", "cue": "clash", "pos": "VERB", "weight": "0.5", "note": ""},
        {"type": "armed_clash", "cue": "Clashed", "pos": "VERB", "weight": "0.5", "note": ""},
        {"type": "armed_clash", "cue": "clash", "pos": "ADJ", "weight": "1.5", "note": ""},
        {"type": "armed_clash", "cue": "exchange the fire", "pos": "VERB", "weight": "x"},
    ]
    problems = validate_cues(cues + bad, types)
    for expect in (
        "not in the ontology",
        "lowercase",
        "pos 'ADJ'",
        "outside 0-1",
        "not a number",
        "duplicate cue",
        "articles",
        "missing column 'note'",
    ):
        assert any(expect in p for p in problems), expect
    only_one = [c for c in cues if c["type"] == "armed_clash"]
    assert any("has no cue" in p for p in validate_cues(only_one, types))


# --- the loader ------------------------------------------------------------------------------


def test_load_ontology_types_fields() -> None:
    ontology = load_ontology()
    assert len(ontology) == len(ontology_rows())
    visit = ontology["visit"]
    assert isinstance(visit, EventType)
    assert visit.cameo == "042"  # the leading zero survives
    assert visit.acled_event_type is None and visit.acled_rank == 0
    assert not visit.acled_coded
    clash = ontology["armed_clash"]
    assert clash.acled_rank == 4 and isinstance(clash.acled_rank, int)
    assert clash.acled_event_type == BAT and clash.acled_coded
    assert load_ontology() == ontology  # cached content, fresh dict


def test_load_cues() -> None:
    loaded = load_cues()
    assert len(loaded) == len(cue_rows())
    assert all(isinstance(c, Cue) and isinstance(c.weight, float) for c in loaded)
    lay = next(c for c in loaded if c.cue == "lay mine")
    assert lay.type == "mine_laying" and lay.lemmas == ("lay", "mine")


def test_acled_types() -> None:
    table = acled_types()
    assert set(table) == {BAT, ERV, VAC, PRO, RIO, SD}
    assert sum(len(v) for v in table.values()) == 25
    for event, subs in table.items():
        assert all(ACLED_PAIRS[s] == event for s in subs)
    assert len(table[SD]) == 8 and len(table[ERV]) == 6


@pytest.mark.parametrize(
    ("a", "b", "winner"),
    [
        ("armed_clash", "arrest", "armed_clash"),
        ("arrest", "armed_clash", "armed_clash"),
        ("border_crossing", "armed_clash", "armed_clash"),
        ("warning_shots", "shelling", "shelling"),
        ("peaceful_protest", "violent_demonstration", "violent_demonstration"),
        ("arrest", "peaceful_protest", "peaceful_protest"),
        ("mob_violence", "attack", "attack"),
        ("visit", "arrest", "arrest"),
        ("air_strike", "attack", "air_strike"),  # equal rank: the first is kept
        ("attack", "air_strike", "attack"),
        (SD, BAT, BAT),
        (BAT, SD, BAT),
        (PRO, RIO, RIO),
        (SD, PRO, PRO),
    ],
)
def test_higher_type(a: str, b: str, winner: str) -> None:
    assert higher_type(a, b) == winner


def test_higher_type_unknown() -> None:
    with pytest.raises(KeyError):
        higher_type("armed_clash", "no_such_type")


def test_agent_slot_is_actor1_unless_acled_orders_the_actors_otherwise() -> None:
    """Only a protest with intervention puts the agent second (the crowd is ACLED's actor 1);
    an unknown slot is a schema error."""
    types = load_ontology()
    assert types["protest_with_intervention"].agent_slot == "actor2"
    assert types["excessive_force_against_protesters"].agent_slot == "actor1"
    assert types["armed_clash"].agent_slot == "actor1"
    row = dict(ontology_rows()[0], agent_slot="actor3")
    assert any("agent_slot" in p for p in validate([row]))
