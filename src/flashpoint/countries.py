"""Country names by ISO 3166-1 alpha-3, from ``data/countries.tsv`` (shared knowledge)."""

from __future__ import annotations

from functools import lru_cache

from flashpoint.datafiles import read_tsv


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    return {r["iso3"]: r["name"] for r in read_tsv("countries.tsv")}
