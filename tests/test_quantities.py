"""Counts of people: the count grammar, the ACLED conventions and the classification."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flashpoint.extract.counts import _rows
from flashpoint.extract.quantities import find_quantities, parse_count

# --- parse_count ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("12", (12, 12, "number")),
        ("1,500", (1500, 1500, "number")),
        ("12,000", (12000, 12000, "number")),
        ("two", (2, 2, "number")),
        ("Twenty-five", (25, 25, "number")),
        ("twenty five", (25, 25, "number")),
        ("a dozen", (12, 12, "number")),
        ("two dozen", (24, 24, "number")),
        ("half a dozen", (6, 6, "number")),
        ("hundred", (100, 100, "number")),
        ("a hundred and twenty", (120, 120, "number")),
        ("three thousand five hundred", (3500, 3500, "number")),
        ("1.5 million", (1_500_000, 1_500_000, "number")),
        ("a couple of", (2, 2, "number")),
    ],
)
def test_numbers(phrase: str, expected: tuple[int, int, str]) -> None:
    assert parse_count(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("20 to 30", (20, 30, "range")),
        ("between 20 and 30", (20, 30, "range")),
        ("20-30", (20, 30, "range")),
        ("20–30", (20, 30, "range")),
        ("from 40 to 25", (25, 40, "range")),
        ("two or three", (2, 3, "range")),
        ("two to three hundred", (200, 300, "range")),
        ("some 20 to 30", (20, 30, "approx;range")),
    ],
)
def test_ranges(phrase: str, expected: tuple[int, int, str]) -> None:
    assert parse_count(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("at least 10", (10, None, "at-least")),
        ("no fewer than ten", (10, None, "at-least")),
        ("more than 100", (100, None, "more-than")),  # the stated figure, not 101
        ("over 40", (40, None, "more-than")),
        ("up to 50", (None, 50, "up-to")),  # no lower bound
        ("as many as 70", (None, 70, "up-to")),
        ("fewer than 5", (None, 5, "less-than")),
        ("about 1,500", (1500, 1500, "approx")),
        ("nearly fifty", (50, 50, "approx")),
        ("a total of 9", (9, 9, "number")),
    ],
)
def test_modifiers(phrase: str, expected: tuple[int | None, int | None, str]) -> None:
    assert parse_count(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("dozens", 12),
        ("Dozens of", 12),
        ("several", 3),
        ("a few", 3),
        ("a handful of", 3),
        ("multiple", 3),
        ("many", 3),
        ("tens", 10),
        ("scores", 20),
        ("hundreds", 100),
        ("thousands", 1000),
        ("tens of thousands", 10_000),
        ("hundreds of thousands", 100_000),
        ("several hundred", 300),
        ("a few dozen", 36),
    ],
)
def test_vague_words_take_the_acled_figure_with_no_maximum(phrase: str, value: int) -> None:
    lo, hi, rule = parse_count(phrase) or (None, None, "")
    assert (lo, hi) == (value, None)
    assert rule.startswith("vague:") and rule.endswith(f"={value}")


def test_vague_with_modifier_keeps_both_rules() -> None:
    assert parse_count("at least dozens") == (12, None, "at-least;vague:dozens=12")


@pytest.mark.parametrize("phrase", ["no one", "Nobody", "none"])
def test_explicit_none(phrase: str) -> None:
    assert parse_count(phrase) == (0, 0, "explicit-none")


@pytest.mark.parametrize(
    "phrase", ["", "soldiers", "five twenty", "1.5", "some", "at least", "twenty twenty"]
)
def test_not_counts(phrase: str) -> None:
    assert parse_count(phrase) is None


def test_vague_values_come_from_the_table() -> None:
    rows = {r["phrase"]: r for r in _rows("vague_quantities.tsv")}
    assert rows["dozens"]["value"] == "12"
    assert rows["several"]["value"] == "3"
    assert rows["hundreds"]["value"] == "100"
    types = {"unit", "tens", "multiplier", "exact", "vague", "vague-scale", "modifier", "none"}
    rules = {"at-least", "more-than", "up-to", "less-than", "approx", "exact"}
    for r in rows.values():
        assert r["type"] in types, r
        assert (r["rule"] in rules) if r["type"] == "modifier" else r["value"].isdigit(), r


def test_cue_table_is_well_formed() -> None:
    kinds = {"killed", "injured", "arrested", "participants", "other", "casualties", "-"}
    slots = {"person", "thing", "after", "before", "filler", "stop", "noise-before", "noise-after"}
    seen = set()
    for r in _rows("quantity_cues.tsv"):
        assert r["kind"] in kinds, r
        assert set(r["slot"].split(",")) <= slots, r
        key = (r["cue"], r["slot"])
        assert key not in seen, key
        seen.add(key)


# --- find_quantities --------------------------------------------------------------------


def _found(text: str) -> list[tuple[str, int | None, int | None, str]]:
    return [(q.kind, q.min, q.max, q.text) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Roughly 40 to 60 Chadian soldiers moved across the river at dawn.",
            [("participants", 40, 60, "Roughly 40 to 60")],
        ),
        (
            "Police dispersed dozens of striking teachers and students.",
            [("participants", 12, None, "dozens")],
        ),
        ("Thousands rallied outside the parliament.", [("participants", 1000, None, "Thousands")]),
        (
            "The ministry plans to station 8,000 troops in the east, with about 900 there now.",
            [("participants", 8000, 8000, "8,000"), ("participants", 900, 900, "about 900")],
        ),
        (
            "On Monday several Ethiopian soldiers sustained injuries from an old mine.",
            [("injured", 3, None, "several")],
        ),
        (
            "A roadside bomb injured multiple police officers in the north.",
            [("injured", 3, None, "multiple")],
        ),
        (
            "Monitors recorded at least 15 unexploded ordnance accidents since March.",
            [("other", 15, None, "at least 15")],
        ),
        (
            "The air strike hit a wedding, killing two civilians and wounding seven.",
            [("killed", 2, 2, "two"), ("injured", 7, 7, "seven")],
        ),
        (
            "Gunmen stormed the village, killing at least 5.",
            [("killed", 5, None, "at least 5")],
        ),
        (
            "Eleven people were killed and 40 injured when the market was shelled.",
            [("killed", 11, 11, "Eleven"), ("injured", 40, 40, "40")],
        ),
        (
            "The clashes left 8 dead and a dozen wounded.",
            [("killed", 8, 8, "8"), ("injured", 12, 12, "a dozen")],
        ),
        ("Rescuers recovered 23 bodies from the rubble.", [("killed", 23, 23, "23")]),
        (
            "Officials said 6 fishermen lost their lives in the attack.",
            [("killed", 6, 6, "6")],
        ),
        (
            "Officers arrested 14 students and detained scores of activists.",
            [("arrested", 14, 14, "14"), ("arrested", 20, None, "scores")],
        ),
        (
            "Up to 30 demonstrators were detained overnight.",
            [("arrested", None, 30, "Up to 30")],
        ),
        ("One of the guards was killed.", [("killed", 1, 1, "One")]),
        ("Some 300 people died in the floods of 2019.", [("killed", 300, 300, "Some 300")]),
    ],
)
def test_find_quantities(
    text: str, expected: list[tuple[str, int | None, int | None, str]]
) -> None:
    assert _found(text) == expected


def test_casualties_may_include_the_dead() -> None:
    (q,) = find_quantities("The shelling caused 17 casualties among the defenders.")
    assert (q.kind, q.min, q.rule) == ("injured", 17, "number;casualties")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No one was hurt in the blast.", [("injured", 0, 0, "No one")]),
        (
            "Nobody was killed or wounded.",
            [("killed", 0, 0, "Nobody"), ("injured", 0, 0, "Nobody")],
        ),
        (
            "There were no casualties, a spokesman said.",
            [("killed", 0, 0, "no casualties"), ("injured", 0, 0, "no casualties")],
        ),
        ("The army reported no deaths.", [("killed", 0, 0, "no deaths")]),
        ("No soldiers were injured.", [("injured", 0, 0, "No soldiers")]),
    ],
)
def test_explicit_none_in_text(
    text: str, expected: list[tuple[str, int | None, int | None, str]]
) -> None:
    assert _found(text) == expected
    assert all(q.rule == "explicit-none" for q in find_quantities(text))


@pytest.mark.parametrize(
    "text",
    [
        "The talks resumed on June 9 after 3 years and a 10 per cent tariff cut.",
        "A 25-year-old conscript drove 40 km to the post at 08:30.",
        "Resolution 2231 cost $5 million and No. 7 was closed.",
        "No progress was made; no more talks are planned.",
        "In 2021 the border was closed.",
        "One official said the plan had no support.",
        "There were no landmines on the road.",
    ],
)
def test_no_counts_of_people(text: str) -> None:
    assert find_quantities(text) == []


@given(st.integers(min_value=0, max_value=10**7))
def test_parse_count_of_digits(n: int) -> None:
    assert parse_count(str(n)) == (n, n, "number")
    assert parse_count(f"{n:,}") == (n, n, "number")


@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_parse_count_of_ranges(a: int, b: int) -> None:
    assert parse_count(f"{a} to {b}") == (min(a, b), max(a, b), "range")
    assert parse_count(f"between {a} and {b}") == (min(a, b), max(a, b), "range")


_WORDS = st.sampled_from(
    [
        "killed",
        "no one",
        "dozens",
        "of",
        "troops",
        "at least",
        "12",
        "1,500",
        "-",
        "to",
        "were",
        "injured",
        "several",
        "casualties",
        "June",
        "'s",
        "no",
        ",",
        ".",
        "some",
        "twenty-five",
    ]
)


@given(st.one_of(st.text(), st.lists(_WORDS, max_size=12).map(" ".join)))
def test_find_quantities_never_raises_and_spans_match(text: str) -> None:
    for q in find_quantities(text):
        assert text[q.span_start : q.span_end] == q.text
        assert q.kind in {"participants", "injured", "killed", "arrested", "other"}
        assert q.min is None or q.max is None or q.min <= q.max
