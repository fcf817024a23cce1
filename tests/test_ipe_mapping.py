"""The table that maps flashpoint's mentions to IndiaPoliceEvents' five questions
(evals/ipe_questions.tsv): each row is read, and each column decides."""

from __future__ import annotations

import flashpoint
from flashpoint.evaluation.ipe import answers, load_rules

PUBLISHED = "2025-03-07"


def questions(text: str) -> set[str]:
    rules = load_rules()
    found: set[str] = set()
    for m in flashpoint.extract(text, published=PUBLISHED):
        found |= answers(m, rules)
    return found


def test_every_row_is_read_with_its_claimants() -> None:
    rules = load_rules()
    assert {r.question for r in rules} >= {"KILL", "ARREST", "FORCE", "ANY_ACTION"}
    said = [r for r in rules if "*" not in r.claimants]
    assert said and all(r.claimants == {"police"} for r in said)


def test_a_police_killing_answers_kill_force_and_any_action() -> None:
    assert questions("Police shot dead two men in the market on Monday.") >= {
        "KILL",
        "FORCE",
        "ANY_ACTION",
    }


def test_a_report_the_police_give_is_a_police_action() -> None:
    assert "ANY_ACTION" in questions(
        "A shop was set on fire in the old city on Monday, police said."
    )
    assert "ANY_ACTION" not in questions("A shop was set on fire in the old city on Monday.")


def test_a_negated_arrest_answers_nothing() -> None:
    assert "ARREST" not in questions("No arrests have been made so far.")
