"""The default list shows events at or above events.min_confidence; --review the rest."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli


def listed(db: Path, *args: str) -> list[dict[str, object]]:
    proc = run_cli("events", "--db", str(db), "--format", "json", *args)
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert isinstance(rows, list)
    return rows


def test_default_list_and_review_queue_split_all_events(seeds_db: Path) -> None:
    shown = listed(seeds_db)
    queue = listed(seeds_db, "--review")
    everything = listed(seeds_db, "--min-confidence", "0")
    assert shown and all(float(str(e["confidence"])) >= 0.5 for e in shown)
    assert all(float(str(e["confidence"])) < 0.5 for e in queue)
    assert len(shown) + len(queue) == len(everything)
    assert {e["id"] for e in shown}.isdisjoint({e["id"] for e in queue})


def test_setting_moves_the_threshold(seeds_db: Path) -> None:
    strict = run_cli(
        "events",
        "--db",
        str(seeds_db),
        "--format",
        "json",
        env={"FLASHPOINT_EVENTS_MIN_CONFIDENCE": "0.9"},
    )
    assert strict.returncode == 0, strict.stderr
    rows = json.loads(strict.stdout)
    assert all(float(e["confidence"]) >= 0.9 for e in rows)
    assert len(rows) < len(listed(seeds_db))


def test_event_view_shows_confidence_and_field_sources(seeds_db: Path) -> None:
    first = listed(seeds_db)[0]
    proc = run_cli("event", str(first["id"]), "--db", str(seeds_db))
    assert proc.returncode == 0, proc.stderr
    assert "confidence" in proc.stdout and "from cue" in proc.stdout


def test_extract_explain_gives_the_reason(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Police arrested 20 people on Tuesday. No arrests were made in the next town.")
    plain = run_cli("extract", str(story), "--published", "2025-03-07")
    explained = run_cli("extract", str(story), "--published", "2025-03-07", "--explain")
    assert plain.returncode == 0 and explained.returncode == 0, explained.stderr
    assert "not an event: negated" in explained.stdout
    assert "not an event" not in plain.stdout


def test_api_applies_the_same_threshold(seeds_db: Path) -> None:
    from fastapi.testclient import TestClient

    from flashpoint.settings import load
    from flashpoint.web import create_app

    client = TestClient(create_app(seeds_db, load(environ={})))
    shown = client.get("/api/events", params={"limit": 500}).json()
    queue = client.get("/api/events", params={"limit": 500, "review": "true"}).json()
    cli_ids = {e["id"] for e in listed(seeds_db)}
    api_rows = shown["events"] if isinstance(shown, dict) else shown
    assert {e["id"] for e in api_rows} == cli_ids
    queue_rows = queue["events"] if isinstance(queue, dict) else queue
    assert cli_ids.isdisjoint({e["id"] for e in queue_rows})


def test_context_events_are_stored_but_left_out_of_the_default_list(tmp_path: Path) -> None:
    story = tmp_path / "story.jsonl"
    text = (
        "Gunmen attacked a police post in Tillaberi on Tuesday, killing three officers.\n\n"
        "A powerful earthquake struck the town of Agadez on Tuesday, killing 12 people.\n"
    )
    story.write_text(json.dumps({"id": "n1", "text": text, "published": "2025-03-07"}) + "\n")
    db = tmp_path / "c.db"
    proc = run_cli("ingest", str(story), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    everything = listed(db, "--min-confidence", "0", "--type", "natural_disaster")
    assert everything, "the earthquake is stored as a context event"
    shown = {e["type"] for e in listed(db)}
    assert "natural_disaster" not in shown and shown, shown
    asked = listed(db, "--type", "natural_disaster")
    assert [e["id"] for e in asked] == [e["id"] for e in everything]
    on = run_cli(
        "events", "--db", str(db), "--format", "json", env={"FLASHPOINT_EVENTS_SHOW_CONTEXT": "1"}
    )
    assert on.returncode == 0, on.stderr
    assert "natural_disaster" in {e["type"] for e in json.loads(on.stdout)}
