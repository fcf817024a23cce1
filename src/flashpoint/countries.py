"""Country names by ISO 3166-1 alpha-3, from ``data/countries.tsv`` (shared knowledge)."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    text = resources.files("flashpoint").joinpath("data/countries.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return {r["iso3"]: r["name"] for r in csv.DictReader(lines, delimiter="\t")}
