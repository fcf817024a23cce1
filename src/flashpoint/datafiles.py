"""Reading the knowledge tables shipped in ``flashpoint/data``: one reader for them all."""

from __future__ import annotations

import csv
from importlib import resources


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of ``data/NAME`` (tab-separated, header row, ``#`` comment lines skipped)."""
    text = resources.files("flashpoint").joinpath(f"data/{name}").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
