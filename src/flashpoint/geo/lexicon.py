"""What the geocoder knows from ``flashpoint/data``: curated places, words, demonyms, outlets.

Every file is a tab-separated table with a header row; lines starting with '#' are comments.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from flashpoint import datafiles
from flashpoint.nlp import load_nlp

CURATED_KINDS = frozenset({"zone", "line", "crossing", "base", "sea", "region", "island"})


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of ``data/NAME`` (:func:`flashpoint.datafiles.read_tsv`), each cell stripped: the
    geo tables are aligned by hand with spaces."""
    return [{h: c.strip() for h, c in row.items()} for row in datafiles.read_tsv(name)]


def split_list(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


@dataclass(frozen=True)
class CuratedPlace:
    """One row of ``places_curated.tsv``."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str | None
    countries: tuple[str, ...]
    lat: float
    lon: float
    bbox: tuple[float, float, float, float] | None
    radius_km: float | None
    admin1: str | None
    source: str
    note: str


def _curated(row: dict[str, str]) -> CuratedPlace:
    bbox = tuple(float(v) for v in row["bbox"].split(",")) if row["bbox"] else None
    return CuratedPlace(
        name=row["name"],
        aliases=split_list(row["aliases"]),
        kind=row["kind"],
        country=row["country"] or None,
        countries=split_list(row["countries"]),
        lat=float(row["latitude"]),
        lon=float(row["longitude"]),
        bbox=bbox if bbox is None or len(bbox) == 4 else None,
        radius_km=float(row["radius_km"]) if row["radius_km"] else None,
        admin1=row["admin1"] or None,
        source=row["source"],
        note=row["note"],
    )


@lru_cache(maxsize=1)
def curated_places() -> tuple[CuratedPlace, ...]:
    return tuple(_curated(row) for row in read_tsv("places_curated.tsv"))


@dataclass(frozen=True)
class Words:
    """``geo_words.tsv`` by kind."""

    never: frozenset[str]
    stop: frozenset[str]
    locative: frozenset[str]
    setting: frozenset[str]
    near: frozenset[str]
    origin: frozenset[str]
    origin_person: frozenset[str]
    home_base: frozenset[str]
    home_verb: frozenset[str]
    post: frozenset[str]
    subordinate: frozenset[str]
    border: tuple[str, ...]
    suffix: dict[str, str]
    city_part: frozenset[str]
    area_word: frozenset[str]
    area_scope: frozenset[str]
    area_office: frozenset[str]
    capital_roles: frozenset[str]
    capital_families: frozenset[str]
    theatre_families: frozenset[str]
    theatre_not_types: frozenset[str]
    capital_not_types: frozenset[str]
    capital_nouns: frozenset[str]
    generic_tld: frozenset[str]
    possessor: frozenset[str]
    indefinite: frozenset[str]
    definite: frozenset[str]
    vessel: frozenset[str]
    facility: frozenset[str]
    building: frozenset[str]
    site: frozenset[str]
    institutional_site: frozenset[str]
    street_site: frozenset[str]
    institution: frozenset[str]
    instrument: frozenset[str]
    craft: frozenset[str]
    medium: frozenset[str]
    medium_part: frozenset[str]
    masthead: frozenset[str]
    short_form: dict[str, str]
    arabic_article: frozenset[str]
    arabic_country: frozenset[str]
    weekday: frozenset[str]
    month: frozenset[str]
    caption_local: frozenset[str]


@lru_cache(maxsize=1)
def words() -> Words:
    by_kind: dict[str, list[tuple[str, str]]] = {}
    for row in read_tsv("geo_words.tsv"):
        by_kind.setdefault(row["kind"], []).append((row["word"], row["value"]))

    def kind(name: str) -> frozenset[str]:
        return frozenset(w for w, _ in by_kind.get(name, []))

    return Words(
        never=kind("never"),
        stop=kind("stop"),
        locative=kind("locative"),
        setting=kind("setting"),
        near=kind("near"),
        origin=kind("origin"),
        origin_person=kind("origin_person"),
        home_base=kind("home_base"),
        home_verb=kind("home_verb"),
        post=kind("post"),
        subordinate=kind("subordinate"),
        border=tuple(sorted(kind("border"), key=len, reverse=True)),
        suffix=dict(by_kind.get("suffix", [])),
        city_part=kind("city_part"),
        area_word=kind("area_word"),
        area_scope=kind("area_scope"),
        area_office=kind("area_office"),
        capital_roles=kind("capital_role"),
        capital_families=kind("capital_family"),
        theatre_families=kind("theatre_family"),
        theatre_not_types=kind("theatre_not_type"),
        capital_not_types=kind("capital_not_type"),
        capital_nouns=kind("capital_noun"),
        generic_tld=kind("generic_tld"),
        possessor=kind("possessor"),
        indefinite=kind("indefinite"),
        definite=kind("definite"),
        vessel=kind("vessel"),
        facility=kind("facility"),
        building=kind("building"),
        site=kind("site"),
        institutional_site=frozenset(w for w, v in by_kind.get("site", []) if v == "institution"),
        street_site=frozenset(w for w, v in by_kind.get("site", []) if v == "street"),
        institution=kind("institution"),
        instrument=kind("instrument"),
        craft=kind("craft"),
        medium=kind("medium"),
        medium_part=kind("medium_part"),
        masthead=kind("masthead"),
        short_form=dict(by_kind.get("short_form", [])),
        arabic_article=kind("arabic_article"),
        arabic_country=kind("arabic_country"),
        weekday=kind("weekday"),
        month=kind("month"),
        caption_local=kind("caption_local"),
    )


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """English verbs, adjectives and adverbs in lower case ('kill', 'surprise', 'swift'): a
    capitalised one alone is a word, not the hamlet that shares it. Read from the lexicon the
    spaCy model's lemmatizer ships (WordNet's index); nouns are left out, as WordNet's nouns
    include the names of cities and people."""
    table = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(w for pos in ("verb", "adj", "adv") for w in table.get(pos, ()))


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """Every one-word entry of the same lexicon, nouns included ('warrior', 'republic', and
    the famous: 'blair', 'gallup', 'babylon'): a town that shares such a name is rarely the
    one a text means unless the text locates it (:func:`flashpoint.geo.resolve.located`)."""
    table = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(
        w for pos in ("noun", "verb", "adj", "adv") for w in table.get(pos, ()) if "_" not in w
    )


@dataclass(frozen=True)
class CountryInfo:
    """A country's names as text uses them: from countries.tsv, else pycountry."""

    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@lru_cache(maxsize=1)
def countries() -> dict[str, CountryInfo]:
    """Every country by ISO3: pycountry's names, with countries.tsv's aliases and demonyms."""
    import pycountry

    out: dict[str, CountryInfo] = {}
    for c in pycountry.countries:
        names = {getattr(c, a, None) for a in ("official_name", "common_name")} - {None}
        out[c.alpha_3] = CountryInfo(c.alpha_3, c.name, tuple(sorted(names)), (), ())  # type: ignore[arg-type]
    for row in read_tsv("countries.tsv"):
        iso3, base = row["iso3"], out.get(row["iso3"])
        aliases = (base.name, *base.aliases) if base else ()
        out[iso3] = CountryInfo(
            iso3=iso3,
            name=row["name"],
            aliases=tuple(dict.fromkeys((*aliases, *split_list(row.get("aliases", ""))))),
            demonyms=split_list(row.get("demonyms", "")),
            capitals=split_list(row.get("capitals", "")),
        )
    return out


@dataclass(frozen=True)
class Reference:
    """A word for a place that is not its name: 'Kurdish', 'the North', 'the Kremlin'."""

    phrase: str
    place: str  # ISO3, 'Name@ISO3', or a curated place's name
    requires: tuple[str, ...]
    demonym: bool  # an adjective or a word for the state, never itself an event's place


@lru_cache(maxsize=1)
def references() -> tuple[Reference, ...]:
    rows = read_tsv("demonyms.tsv")
    return tuple(
        Reference(r["phrase"], r["place"], split_list(r["requires"]), r["kind"] == "demonym")
        for r in rows
    )


@lru_cache(maxsize=1)
def admin_aliases() -> tuple[tuple[str, str], ...]:
    return tuple((r["alias"], r["code"]) for r in read_tsv("admin_aliases.tsv"))


@lru_cache(maxsize=1)
def borders() -> dict[frozenset[str], str]:
    rows = read_tsv("borders.tsv")
    return {frozenset((r["country_a"], r["country_b"])): r["place"] for r in rows}


@lru_cache(maxsize=1)
def outlets() -> dict[str, str]:
    return {r["outlet"].lower(): r["country"] for r in read_tsv("outlets.tsv")}


@lru_cache(maxsize=1)
def points() -> dict[str, tuple[float, float]]:
    """Fixed points of countries (ISO3) and subdivisions (ISO 3166-2) by code."""
    rows = read_tsv("points.tsv")
    return {r["code"]: (float(r["latitude"]), float(r["longitude"])) for r in rows}


def outlet_country(outlet: str | None) -> str | None:
    """An outlet's country: ISO3 as given, a listed name or domain, or a country-code domain."""
    if not outlet:
        return None
    if outlet.isupper() and outlet in countries():
        return outlet
    key = outlet.strip().lower().removeprefix("https://").removeprefix("http://")
    key = key.removeprefix("www.").split("/")[0]
    known = outlets()
    if key in known:
        return known[key]
    for name, country in known.items():
        if " " in name and name in key:
            return country
    return _cctld(key)


def _cctld(domain: str) -> str | None:
    import pycountry

    if "." not in domain or " " in domain:
        return None
    tld = domain.rsplit(".", 1)[1]
    if tld in words().generic_tld or len(tld) != 2:
        return None
    found = pycountry.countries.get(alpha_2="GB" if tld == "uk" else tld.upper())
    return str(found.alpha_3) if found is not None else None
