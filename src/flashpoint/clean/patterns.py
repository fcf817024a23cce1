"""Boilerplate patterns, loaded from ``data/boilerplate.tsv`` and optional user files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from flashpoint.datafiles import TableError, parse_tsv

SCOPES = ("line", "inline", "credit", "byline", "caption", "tail", "signoff", "header_end")


@dataclass(frozen=True)
class Pattern:
    scope: str
    reason: str
    regex: re.Pattern[str]
    note: str


@dataclass(frozen=True)
class Patterns:
    """Compiled patterns grouped by scope."""

    by_scope: dict[str, tuple[Pattern, ...]]

    def of(self, scope: str) -> tuple[Pattern, ...]:
        return self.by_scope.get(scope, ())


class PatternError(ValueError):
    """A row of a pattern file is malformed."""


def parse_rows(text: str, origin: str) -> list[Pattern]:
    try:
        rows = parse_tsv(text, origin)
    except TableError as exc:
        raise PatternError(str(exc)) from exc
    out = []
    for number, row in enumerate(rows, start=2):
        scope = (row.get("scope") or "").strip()
        if scope not in SCOPES:
            raise PatternError(f"{origin}: row {number}: scope {scope!r} not one of {SCOPES}")
        try:
            regex = re.compile(row["pattern"])
        except (re.error, KeyError, TypeError) as exc:
            raise PatternError(f"{origin}: row {number}: bad pattern: {exc}") from exc
        out.append(Pattern(scope, row["reason"].strip(), regex, row.get("note") or ""))
    return out


@lru_cache(maxsize=8)
def load_patterns(extra: str = "") -> Patterns:
    """The shipped patterns plus those in ``extra`` (a TSV path), if given."""
    text = resources.files("flashpoint").joinpath("data/boilerplate.tsv").read_text("utf-8")
    rows = parse_rows(text, "data/boilerplate.tsv")
    if extra:
        rows += parse_rows(Path(extra).read_text("utf-8"), extra)
    grouped: dict[str, list[Pattern]] = {scope: [] for scope in SCOPES}
    for row in rows:
        grouped[row.scope].append(row)
    return Patterns({scope: tuple(items) for scope, items in grouped.items()})
