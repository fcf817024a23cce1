"""Reading the knowledge tables shipped in ``flashpoint/data`` (and a user's extra ones): one
reader for them all."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


class TableError(ValueError):
    """A table row that cannot be read as its header says; the message names file and row."""


def parse_tsv(text: str, origin: str = "<tsv>") -> list[dict[str, str]]:
    """Rows of a tab-separated table (header row; ``#`` and blank lines skipped) as dicts.

    A short row is padded with empty cells (editors drop trailing tabs); a row with more cells
    than the header is an error, since its columns would be shifted. Cells are kept as written
    (no quoting: a ``"`` is a character like any other).
    """
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise TableError(f"{origin}: no header row")
    header = lines[0].split("\t")
    rows: list[dict[str, str]] = []
    bad: list[str] = []
    for i, line in enumerate(lines[1:], start=1):
        cells = line.split("\t")
        cells += [""] * (len(header) - len(cells))
        if len(cells) != len(header):
            bad.append(f"{origin}: data row {i} has {len(cells)} cells, header has {len(header)}")
            continue
        rows.append(dict(zip(header, cells, strict=True)))
    if bad:
        raise TableError("\n".join(bad))
    return rows


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of the shipped table ``data/NAME``."""
    text = resources.files("flashpoint").joinpath(f"data/{name}").read_text("utf-8")
    return parse_tsv(text, f"data/{name}")


def read_cells(name: str) -> list[tuple[int, list[str]]]:
    """The rows of the shipped header-less table ``data/NAME`` whose width depends on the row
    (``date_phrases.tsv``: one kind of cue per row; ``irregular_forms.tsv``: a lemma and its
    forms), each with its line number; ``#`` and blank lines skipped. The caller checks each
    row's cells against its first."""
    text = resources.files("flashpoint").joinpath(f"data/{name}").read_text("utf-8")
    return [
        (n, line.split("\t"))
        for n, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.startswith("#")
    ]


def read_table(path: str | Path) -> list[dict[str, str]]:
    """Rows of a table outside the package (a user's extra patterns, an eval's own mappings);
    OSError if unreadable."""
    return parse_tsv(Path(path).read_text("utf-8"), str(path))
