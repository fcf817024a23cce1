"""Parts of a town: "the city's Kyivskyi district" lies inside the town the text named last.

Many towns have districts of the same name (Kyivskyi is a district of Kharkiv, Donetsk and
Poltava; Old City of Jerusalem, Aleppo and Hyderabad), and the gazetteer lists only some. A
reading of the name that lies outside the town is another place: the town itself is then the
best place the text gives (the district's name stays the place's words)."""

from __future__ import annotations

import re
from functools import lru_cache

from flashpoint.distance import haversine_km
from flashpoint.geo.gazetteer import Entry
from flashpoint.geo.lexicon import words
from flashpoint.geo.toponyms import Toponym

SETTLEMENT_KINDS = frozenset({"city"})
INSIDE_KM = 30.0  # a district of a large city lies within this distance of its centre
LOOK_BACK = 40  # characters before the name in which "the city's" must end


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lexicon = words()
    towns = sorted(w for w, kind in lexicon.suffix.items() if kind in SETTLEMENT_KINDS)
    parts = sorted(lexicon.city_part, key=len, reverse=True)
    before = re.compile(rf"\b(?:{'|'.join(map(re.escape, towns))})['’]s\s+$", re.I)
    after = re.compile(rf"^\s+(?:{'|'.join(map(re.escape, parts))})\b", re.I)
    return before, after


def in_named_towns(
    toponyms: list[Toponym], entries: list[Entry | None], text: str
) -> list[Entry | None]:
    """``entries`` with each "the city's X district" read inside the town named before it."""
    before, after = _patterns()
    out = list(entries)
    for k, top in enumerate(toponyms):
        if top.embedded or top.how == "demonym":  # "the city's Kurdish neighbourhoods"
            continue
        if not (
            before.search(text[max(0, top.start - LOOK_BACK) : top.start])
            and after.match(text[top.end : top.end + 20])
        ):
            continue
        town = _last_town(toponyms, out, k)
        if town is None:
            continue
        entry = out[k]
        if entry is None or _km(entry, town) > INSIDE_KM:
            out[k] = town
    return out


def _last_town(toponyms: list[Toponym], entries: list[Entry | None], k: int) -> Entry | None:
    """The town "the city's" points back to: the last place named before the district
    (peoples and names inside an organisation's name aside), when it is a town. After "In
    Odesa region, drones hit the city's ..." the city is not known: None."""
    for j in range(k - 1, -1, -1):
        top, entry = toponyms[j], entries[j]
        if entry is None or top.embedded or top.how == "demonym":
            continue
        return entry if entry.kind in SETTLEMENT_KINDS else None
    return None


def _km(a: Entry, b: Entry) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)
