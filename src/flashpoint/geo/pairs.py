"""A town and its county named in one article confirm each other.

'Paris' beside 'Henry County': of the ten Henry Counties and the many Parises, one pair fits,
Paris in Henry County, Tennessee. Each county reading and each town reading that lies in a
county, read by its own name (not 'Lebanon' for Lebanon County), is indexed by its county; a
town reading whose county another name of the article may be (or a county reading that holds
a town another name may be) is paired. Readings are not weighted by their likelihood: the
pair itself is the evidence, as it is rare by chance."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from flashpoint.geo.gazetteer import Entry, Hit
from flashpoint.geo.names import normalize

County = tuple[str, str, str]  # country, state, county


@dataclass
class Pairs:
    """The counties each name of the article may be (``counties``) or lie in (``towns``),
    and the names that may be or lie in each county (``by_county``, for a quick look-up)."""

    counties: defaultdict[str, set[County]] = field(default_factory=lambda: defaultdict(set))
    towns: defaultdict[str, set[County]] = field(default_factory=lambda: defaultdict(set))
    by_county: defaultdict[tuple[str, County], set[str]] = field(
        default_factory=lambda: defaultdict(set)
    )

    def add(self, surface: str, hits: list[Hit]) -> None:
        name = normalize(surface)  # 'ARLINGTON' in a dateline is 'Arlington', no other name
        for hit in hits:
            if not hit.primary:  # 'Lebanon' names Lebanon County, PA only by another name
                continue
            county = county_of(hit.entry)
            if county is None or hit.entry.kind not in ("admin2", "city"):
                continue
            side = "county" if hit.entry.kind == "admin2" else "town"
            (self.counties if side == "county" else self.towns)[name].add(county)
            self.by_county[(side, county)].add(name)

    def paired(self, entry: Entry, surface: str) -> bool:
        """Another name of the article may be this town's county (or a town in this county),
        and that pair is the only one the two names make: 'Arlington' beside 'Washington
        County' fits several states, so neither says which."""
        county = county_of(entry)
        if county is None or entry.kind not in ("city", "admin2"):
            return False
        name = normalize(surface)
        is_town = entry.kind == "city"
        own = (self.towns if is_town else self.counties).get(name, set())
        theirs = self.counties if is_town else self.towns
        others = self.by_county.get(("county" if is_town else "town", county), set())
        return any(len(own & theirs[other]) == 1 for other in others if other != name)


def county_of(entry: Entry) -> County | None:
    if entry.country is None or entry.admin1 is None:
        return None
    if entry.kind == "admin2":
        return (entry.country, entry.admin1, entry.name)
    if entry.kind == "city" and entry.admin2:
        return (entry.country, entry.admin1, entry.admin2)
    return None
