"""The demo corpus end to end against its golden list (``tests/golden/demo_events.tsv``).

The demo (``make demo``) is the team's own invented corpus (demo/README.md); its events are
what a new user sees first. A rule written for real news can move them without failing any
other test (an instrument's noun dropped, an army's deployment lost), so the list the default
view shows, and the size of the review queue, are pinned here. After a change meant to move
them, read the difference and rewrite the file:

    FLASHPOINT_DEMO_GOLDEN=write .venv/bin/python -m pytest tests/test_demo_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

from flashpoint.evaluation.common import default_view_events
from flashpoint.pipeline import run_ingest
from flashpoint.settings import load
from flashpoint.store import Store

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "demo_events.tsv"
HEADER = "date\ttype\tmode\tplace\tsources"


def demo_rows(db: Path) -> list[str]:
    run_ingest([str(ROOT / "demo" / "corpus")], load(overrides={"store.path": str(db)}))
    with Store(db) as store:
        shown = default_view_events(store)
        total = len(store.events())
    rows = sorted(
        f"{e.date.start if e.date else ''}\t{e.type}\t{e.mode}\t"
        f"{e.location.name if e.location else ''}\t{len(e.sources)}"
        for e in shown
    )
    return [HEADER, *rows, f"# review queue and context: {total - len(shown)} more events"]


def test_the_demo_shows_its_golden_events(tmp_path: Path) -> None:
    rows = demo_rows(tmp_path / "demo.db")
    if os.environ.get("FLASHPOINT_DEMO_GOLDEN") == "write":
        GOLDEN.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert rows == GOLDEN.read_text(encoding="utf-8").splitlines()
