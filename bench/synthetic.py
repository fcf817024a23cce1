"""Synthetic but realistic events for benchmarks: ``build_event_db(path, n, seed=0)``.

The events go through the real store (``Store(path, write=True)`` and ``Store.replace_events``), so
every indexed column, the JSON record and the event-mention links are what a real merge writes.
What is made up: places (real towns in places that see armed conflict, with their real
coordinates), actors named the ACLED way, types from the real ontology with a skewed
distribution, dates over 2015-2025, 1 to 6 sources from a list of outlets, quotes from
templates, fatality counts for violent types. Deterministic for a given ``seed``.

No article rows are written: ``/api/events/{id}`` on such a database shows the quotes without
the articles behind them. Nothing here is real news text.

    .venv/bin/python bench/synthetic.py OUT.db [--events 100000] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from flashpoint.countries import country_names
from flashpoint.ontology import load_ontology
from flashpoint.records import Actor, DateValue, Event, Place, Quantity, Source
from flashpoint.store import Store

__all__ = ["PLACES", "build_event_db", "synthetic_events"]

# name, latitude, longitude, ISO3, admin1, kind
PLACES: tuple[tuple[str, float, float, str, str, str], ...] = (
    ("Korean Demilitarized Zone", 38.25, 127.25, "KOR", "", "zone"),
    ("Panmunjom", 37.956, 126.677, "KOR", "Gyeonggi", "crossing"),
    ("Paju", 37.76, 126.78, "KOR", "Gyeonggi", "city"),
    ("Cheorwon", 38.146, 127.313, "KOR", "Gangwon", "city"),
    ("Kaesong", 37.971, 126.554, "PRK", "North Hwanghae", "city"),
    ("Pyongyang", 39.034, 125.754, "PRK", "Pyongyang", "city"),
    ("Seoul", 37.566, 126.978, "KOR", "Seoul", "city"),
    ("Yeonpyeong Island", 37.666, 125.7, "KOR", "Incheon", "city"),
    ("Kharkiv", 49.993, 36.231, "UKR", "Kharkiv", "city"),
    ("Bakhmut", 48.595, 38.0, "UKR", "Donetsk", "city"),
    ("Avdiivka", 48.139, 37.743, "UKR", "Donetsk", "city"),
    ("Kherson", 46.636, 32.617, "UKR", "Kherson", "city"),
    ("Zaporizhzhia", 47.838, 35.139, "UKR", "Zaporizhzhia", "city"),
    ("Kyiv", 50.45, 30.524, "UKR", "Kyiv City", "city"),
    ("Belgorod", 50.595, 36.587, "RUS", "Belgorod", "city"),
    ("Kursk", 51.73, 36.193, "RUS", "Kursk", "city"),
    ("Gaza City", 31.502, 34.467, "PSE", "Gaza Strip", "city"),
    ("Khan Younis", 31.346, 34.306, "PSE", "Gaza Strip", "city"),
    ("Rafah", 31.297, 34.245, "PSE", "Gaza Strip", "city"),
    ("Jenin", 32.461, 35.3, "PSE", "West Bank", "city"),
    ("Sderot", 31.525, 34.597, "ISR", "Southern", "city"),
    ("Kiryat Shmona", 33.208, 35.572, "ISR", "Northern", "city"),
    ("Beirut", 33.894, 35.502, "LBN", "Beirut", "city"),
    ("Nabatieh", 33.378, 35.484, "LBN", "Nabatieh", "city"),
    ("Damascus", 33.513, 36.292, "SYR", "Damascus", "city"),
    ("Aleppo", 36.202, 37.134, "SYR", "Aleppo", "city"),
    ("Idlib", 35.931, 36.633, "SYR", "Idlib", "city"),
    ("Deir ez-Zor", 35.336, 40.14, "SYR", "Deir ez-Zor", "city"),
    ("Mosul", 36.34, 43.13, "IRQ", "Nineveh", "city"),
    ("Baghdad", 33.315, 44.366, "IRQ", "Baghdad", "city"),
    ("Sanaa", 15.369, 44.191, "YEM", "Amanat al Asimah", "city"),
    ("Hodeidah", 14.798, 42.954, "YEM", "Al Hudaydah", "city"),
    ("Marib", 15.462, 45.325, "YEM", "Marib", "city"),
    ("Khartoum", 15.501, 32.56, "SDN", "Khartoum", "city"),
    ("Omdurman", 15.644, 32.478, "SDN", "Khartoum", "city"),
    ("El Fasher", 13.628, 25.349, "SDN", "North Darfur", "city"),
    ("El Geneina", 13.452, 22.447, "SDN", "West Darfur", "city"),
    ("Goma", -1.679, 29.222, "COD", "North Kivu", "city"),
    ("Bunia", 1.567, 30.252, "COD", "Ituri", "city"),
    ("Mogadishu", 2.046, 45.318, "SOM", "Banaadir", "city"),
    ("Kismayo", -0.358, 42.545, "SOM", "Lower Juba", "city"),
    ("Bamako", 12.639, -8.003, "MLI", "Bamako", "city"),
    ("Gao", 16.272, -0.044, "MLI", "Gao", "city"),
    ("Ouagadougou", 12.371, -1.52, "BFA", "Centre", "city"),
    ("Djibo", 14.102, -1.627, "BFA", "Sahel", "city"),
    ("Maiduguri", 11.846, 13.16, "NGA", "Borno", "city"),
    ("Tripoli", 32.887, 13.191, "LBY", "Tripoli", "city"),
    ("Mekelle", 13.497, 39.475, "ETH", "Tigray", "city"),
    ("Bahir Dar", 11.594, 37.39, "ETH", "Amhara", "city"),
    ("Kabul", 34.555, 69.207, "AFG", "Kabul", "city"),
    ("Peshawar", 34.015, 71.58, "PAK", "Khyber Pakhtunkhwa", "city"),
    ("Quetta", 30.184, 67.0, "PAK", "Balochistan", "city"),
    ("Srinagar", 34.084, 74.797, "IND", "Jammu and Kashmir", "city"),
    ("Yangon", 16.866, 96.195, "MMR", "Yangon", "city"),
    ("Myawaddy", 16.688, 98.508, "MMR", "Kayin", "city"),
    ("Lashio", 22.936, 97.75, "MMR", "Shan", "city"),
    ("Marawi", 7.999, 124.292, "PHL", "Lanao del Sur", "city"),
    ("Culiacan", 24.799, -107.389, "MEX", "Sinaloa", "city"),
    ("Port-au-Prince", 18.594, -72.307, "HTI", "Ouest", "city"),
    ("Caracas", 10.481, -66.904, "VEN", "Distrito Capital", "city"),
    ("Stepanakert", 39.815, 46.752, "AZE", "Karabakh", "city"),
    ("Tbilisi", 41.715, 44.827, "GEO", "Tbilisi", "city"),
)

OUTLETS = (
    "Reuters",
    "AFP",
    "Associated Press",
    "BBC News",
    "Al Jazeera",
    "Yonhap",
    "Kyiv Independent",
    "The Guardian",
    "Daily Mail",
    "Newsweek",
    "Radio Free Asia",
    "Sudan Tribune",
    "Premium Times",
    "Dawn",
    "The New York Times",
    "Le Monde",
)

ROLES = (
    ("Military Forces of {c}", "military", 1),
    ("Government of {c}", "government", 1),
    ("Police Forces of {c}", "police", 1),
    ("Protesters ({c})", "protesters", 6),
    ("Civilians ({c})", "civilians", 7),
    ("Unidentified Armed Group ({c})", "rebels", 3),
)

VERBS = {
    "Battles": "clashed with",
    "Violence against civilians": "attacked",
    "Explosions/Remote violence": "struck",
    "Protests": "demonstrated against",
    "Riots": "rioted against",
    "Strategic developments": "moved against",
}

NEIGHBOURS = {
    "KOR": "PRK",
    "PRK": "KOR",
    "UKR": "RUS",
    "RUS": "UKR",
    "PSE": "ISR",
    "ISR": "PSE",
    "LBN": "ISR",
    "AZE": "ARM",
}

VIOLENT = {"Battles", "Violence against civilians", "Explosions/Remote violence", "Riots"}
MODES = (("happened", 80), ("claimed", 8), ("planned", 5), ("denied", 3), ("threatened", 4))
FIRST_DAY = date(2015, 1, 1)
DAYS = (date(2025, 12, 31) - FIRST_DAY).days


def _hex(rng: random.Random, digits: int) -> str:
    return f"{rng.getrandbits(4 * digits):0{digits}x}"


def _actor(rng: random.Random, iso3: str, names: dict[str, str]) -> Actor:
    template, role, inter = rng.choice(ROLES)
    name = template.format(c=names.get(iso3, iso3))
    return Actor(text=name, name=name, country=iso3, role=role, inter=inter)


def synthetic_events(n: int, seed: int = 0) -> list[Event]:
    """``n`` events, the same ones for the same seed."""
    rng = random.Random(seed)
    ontology = load_ontology()
    types = sorted(ontology)
    # A few types are common, most are rare, as in real data (Zipf-like weights).
    order = types[:]
    rng.shuffle(order)
    weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(order))]
    place_weights = [1.0 / (rank + 1) ** 0.6 for rank in range(len(PLACES))]
    names = country_names()
    events: list[Event] = []
    for _ in range(n):
        etype = rng.choices(order, weights)[0]
        family = ontology[etype].acled_event_type or "Strategic developments"
        name, lat, lon, iso3, admin1, kind = rng.choices(PLACES, place_weights)[0]
        jitter = 0.0 if kind in ("zone", "crossing") else 0.05
        place = Place(
            name=name,
            latitude=round(lat + rng.uniform(-jitter, jitter), 4),
            longitude=round(lon + rng.uniform(-jitter, jitter), 4),
            country=iso3,
            admin1=admin1 or None,
            kind=kind,
            geo_precision=rng.choice((1, 1, 1, 2, 3)),
            rule="sentence",
            source="synthetic",
        )
        when = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        precision = rng.choices(("day", "week", "month"), (90, 7, 3))[0]
        end = when + timedelta(days={"day": 0, "week": 6, "month": 27}[precision])
        day = DateValue(when.isoformat(), end.isoformat(), precision, "synthetic")
        a1 = _actor(rng, iso3, names)
        other = NEIGHBOURS.get(iso3, iso3)
        a2 = _actor(rng, other, names)
        killed = None
        if family in VIOLENT and rng.random() < 0.6:
            k = rng.choices((0, 1, 2, 3, 5, 8, 12, 20, 50), (30, 20, 12, 10, 8, 6, 6, 5, 3))[0]
            killed = Quantity("killed", k, k, str(k), rule="number")
        mode = rng.choices([m for m, _ in MODES], [w for _, w in MODES])[0]
        n_sources = rng.choices((1, 2, 3, 4, 6), (55, 22, 12, 7, 4))[0]
        outlets = rng.sample(OUTLETS, n_sources)
        verb = VERBS.get(family, "acted against")
        sources = []
        for outlet in outlets:
            published = when + timedelta(days=rng.randrange(3))
            quote = (
                f"{a1.name} {verb} {a2.name} near {name} on {when:%d %B %Y}, "
                f"{outlet} reported ({etype.replace('_', ' ')})."
            )
            start = rng.randrange(0, 4000)
            sources.append(
                Source(
                    article_id=_hex(rng, 16),
                    mention_id=_hex(rng, 16),
                    outlet=outlet,
                    published=published.isoformat(),
                    quote=quote,
                    start=start,
                    end=start + len(quote),
                )
            )
        events.append(
            Event(
                id="ev" + _hex(rng, 14),
                type=etype,
                mode=mode,
                date=day,
                actors=(a1, a2),
                location=place,
                killed=killed,
                sources=tuple(sources),
                chosen=(("type", "synthetic"), ("date", "synthetic")),
                n_outlets=n_sources,
                confidence=round(0.5 + 0.5 * rng.random(), 3),  # all in the default list
            )
        )
    return events


def build_event_db(path: str | Path, n: int, seed: int = 0) -> Path:
    """Write ``n`` synthetic events into the database at ``path`` (made or migrated; any
    events already there are replaced). Returns the path."""
    out = Path(path)
    events = synthetic_events(n, seed)
    with Store(out, write=True) as store:
        store.replace_events(events)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="database file to write")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    build_event_db(args.out, args.events, args.seed)
    took = time.perf_counter() - began
    print(f"{args.events} events written to {args.out} in {took:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
