"""Story clustering (flashpoint.merge.stories) and its B-cubed score (evaluation.ecbplus)."""

from __future__ import annotations

import pytest

from flashpoint.evaluation.ecbplus import bcubed
from flashpoint.merge.stories import cluster_stories


def test_bcubed_perfect_and_degenerate() -> None:
    gold = ["a", "a", "b", "b"]
    assert bcubed(gold, [0, 0, 1, 1]) == (1.0, 1.0, 1.0)
    p, r, _ = bcubed(gold, [0, 0, 0, 0])  # one cluster: full recall, half precision
    assert (p, r) == (0.5, 1.0)
    p, r, _ = bcubed(gold, [0, 1, 2, 3])  # singletons: full precision, half recall
    assert (p, r) == (1.0, 0.5)


def test_bcubed_uneven() -> None:
    p, r, f = bcubed(["a", "a", "a", "b"], [0, 0, 1, 1])
    assert p == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    assert r == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert f == pytest.approx(2 * p * r / (p + r))


# Two look-alike shootings (same words, different names, places and numbers), written by us.
SHOOTING_A = [
    "Gunmen killed 7 villagers in Korvana on Sunday, Governor Ilse Marren said. Police in Korvana "
    "said the attackers fled towards the Dera hills.",
    "Seven villagers died when gunmen attacked Korvana, Governor Ilse Marren told reporters. The "
    "gunmen escaped into the Dera hills, Korvana police said.",
]
SHOOTING_B = [
    "Gunmen killed 12 traders at Belsk market on Friday, Mayor Tomas Quill said. Belsk police "
    "said the attackers drove off in two trucks.",
    "Twelve traders were shot dead in Belsk market, Mayor Tomas Quill said. Police in Belsk are "
    "looking for two trucks seen leaving the market.",
]


def test_look_alike_stories_stay_apart() -> None:
    labels = cluster_stories(SHOOTING_A + SHOOTING_B)
    assert labels[0] == labels[1] and labels[2] == labels[3] and labels[0] != labels[2]


def test_no_texts() -> None:
    assert cluster_stories([]) == []
