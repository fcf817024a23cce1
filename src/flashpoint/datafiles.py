"""Reading the knowledge tables shipped in ``flashpoint/data``: one reader for them all."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path


def parse_tsv(text: str) -> list[dict[str, str]]:
    """Rows of a table: tab-separated, header row, ``#`` comment lines skipped."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of the shipped table ``data/NAME``."""
    return parse_tsv(resources.files("flashpoint").joinpath(f"data/{name}").read_text("utf-8"))


def read_table(path: str | Path) -> list[dict[str, str]]:
    """Rows of a table outside the package (the eval's own mappings)."""
    return parse_tsv(Path(path).read_text("utf-8"))
